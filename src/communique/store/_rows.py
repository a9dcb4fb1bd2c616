"""Records as flat table rows and back: a Span field ``x`` becomes the columns x_start,
x_end and x_text, a tuple becomes JSON text.

What a record class flattens to is worked out once per class (``typing.get_type_hints`` is
slow, and a store writes and reads records by the thousand)."""

from __future__ import annotations

import dataclasses
import functools
import json
import sqlite3
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal

from ..records import Span

#: How a column's values are typed, for exports that need one type per column ("blob" only
#: comes from a declared column type: no record field holds bytes).
Kind = Literal["text", "integer", "real", "bool", "blob"]


def _is_span(tp: Any) -> bool:
    return tp is Span or (isinstance(tp, types.UnionType) and Span in typing.get_args(tp))


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """(name, type, is a Span) of each field of a record class, in declaration order."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name], _is_span(hints[f.name])) for f in dataclasses.fields(cls))


@functools.cache
def _columns(cls: type) -> tuple[str, ...]:
    out: list[str] = []
    for name, _, span in _fields(cls):
        if span:
            out += [f"{name}_start", f"{name}_end", f"{name}_text"]
        else:
            out.append(name)
    return tuple(out)


def columns(cls: type) -> list[str]:
    """Flat column names of a record: a Span field ``x`` becomes x_start, x_end, x_text."""
    return list(_columns(cls))


def _kind(tp: Any) -> Kind:
    """The kind of a plain (non-Span) field type; ``T | None`` counts as ``T``."""
    if isinstance(tp, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        tp = args[0] if len(args) == 1 else tp
    if tp is bool:
        return "bool"
    if tp is int:
        return "integer"
    if tp is float:
        return "real"
    return "text"  # str, Literal[...], and tuples (stored as JSON)


@functools.cache
def column_kinds(cls: type) -> dict[str, Kind]:
    """Each flat column of a record with the kind of its values."""
    out: dict[str, Kind] = {}
    for name, tp, span in _fields(cls):
        if span:
            out |= {f"{name}_start": "integer", f"{name}_end": "integer", f"{name}_text": "text"}
        else:
            out[name] = _kind(tp)
    return out


def _json_item(x: Any) -> Any:
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return dataclasses.asdict(x)
    return x


def flatten(rec: Any) -> list[Any]:
    """The row of a record, in the order of ``columns(type(rec))``."""
    row: list[Any] = []
    cls: type = type(rec)
    for name, _, span in _fields(cls):
        v = getattr(rec, name)
        if span:
            row += [v.start, v.end, v.text] if v is not None else [None, None, None]
        elif isinstance(v, tuple):
            row.append(json.dumps([_json_item(x) for x in v]))
        else:
            row.append(v)
    return row


def unflatten(cls: type, row: sqlite3.Row | Mapping[str, Any]) -> Any:
    """The record of class ``cls`` that ``flatten`` turned into ``row`` (a store row, or
    any mapping of its columns: a Parquet row)."""
    kw: dict[str, Any] = {}
    for name, tp, span in _fields(cls):
        if span:
            s = row[f"{name}_start"]
            kw[name] = None if s is None else Span(s, row[f"{name}_end"], row[f"{name}_text"])
        elif _is_span_list(tp):
            v = row[name]
            kw[name] = tuple(Span(**x) for x in json.loads(v)) if v is not None else ()
        else:
            v = row[name]
            kw[name] = bool(v) if tp is bool else v
    return cls(**kw)


def _is_span_list(tp: Any) -> bool:
    """``tuple[Span, ...]`` (a quote's content parts): stored as a JSON list of spans."""
    return typing.get_origin(tp) is tuple and typing.get_args(tp)[:1] == (Span,)
