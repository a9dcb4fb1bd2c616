"""What a query of the store asks for, checked and resolved before any SQL runs: dates in
one of three precisions, actors named by code, IGO short name, registry id or name (an
ambiguous or unknown one is an error that lists what it could be), outlets by name or
domain, PLOVER types, quad classes and CAMEO codes. Resolution reads the registry and the
store; nothing here builds SQL from what the user typed."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any

from ..errors import UsageError
from ..records import PLOVER_TYPES
from ._store import Store

#: What a date option accepts, as said in every error about one.
DATE_FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD (2019, 2019-11 or 2019-11-19)"
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

#: Quad classes as stored, with GDELT's QuadClass number for each (also accepted as input).
QUADS = {
    "verbal_coop": 1,
    "material_coop": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}

#: Actor codes that are not countries (international and non-governmental organisations,
#: international militarised groups).
STATELESS_CODES = ("IGO", "NGO", "IMG")

#: Candidates listed in an "ambiguous" or "unknown" error.
SHOW_CANDIDATES = 8

_CAMEO = re.compile(r"\d{2,4}|\d{1,3}\*")


def check_date(value: str, option: str) -> str:
    """``value`` if it is a date in DATE_FORMATS, else a UsageError saying what is expected."""
    v = value.strip()
    m = _DATE.fullmatch(v)
    ok = m is not None
    if m:
        try:
            date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
        except ValueError:
            ok = False
    if not ok:
        raise UsageError(f"{option} {value!r} is not a date: use {DATE_FORMATS}")
    return v


def until_bound(value: str) -> str:
    """The upper bound of a ``--until`` date in ISO text comparisons: every ISO date or
    timestamp that starts with ``value`` sorts before it ("2019-11" takes in 2019-11-30T…)."""
    return value + "~"


@dataclasses.dataclass(frozen=True)
class ActorRef:
    """An actor argument resolved: every actor with ``code`` (a country, IGO, NGO), or the
    actors with one of ``ids``."""

    text: str
    code: str | None = None
    ids: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Filters:
    """A query's filters. Repeated values of one filter are alternatives (any of them);
    different filters must all hold. Actor arguments are as the user typed them."""

    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    dyads: tuple[str, ...] = ()  # SOURCE:TARGET
    between: tuple[tuple[str, str], ...] = ()
    types: tuple[str, ...] = ()
    quads: tuple[str, ...] = ()
    cameos: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    event_since: str | None = None
    event_until: str | None = None
    #: Actor arguments are exact actor ids (``RUS`` the state, not every actor coded RUS):
    #: no code, name or registry lookup, and the actor-id indexes answer at once.
    exact_ids: bool = False

    def checked(self) -> Filters:
        """The same filters with types, quads, CAMEO codes and dates checked and normalised."""
        for d, opt in (
            (self.since, "--since"),
            (self.until, "--until"),
            (self.event_since, "--event-since"),
            (self.event_until, "--event-until"),
        ):
            if d is not None:
                check_date(d, opt)
        return dataclasses.replace(
            self,
            types=tuple(_plover(t) for t in self.types),
            quads=tuple(_quad(q) for q in self.quads),
            cameos=tuple(_cameo(c) for c in self.cameos),
        )


def _plover(value: str) -> str:
    t = value.strip().upper()
    if t not in PLOVER_TYPES:
        raise UsageError(
            f"--type {value!r} is not a PLOVER type; use one of {', '.join(PLOVER_TYPES)}"
        )
    return t


def _quad(value: str) -> str:
    v = value.strip().lower()
    by_number = {str(n): q for q, n in QUADS.items()}
    if v in by_number:
        return by_number[v]
    if v not in QUADS:
        choices = ", ".join(f"{q} ({n})" for q, n in QUADS.items())
        raise UsageError(f"--quad {value!r} is not a quad class; use one of {choices}")
    return v


def _cameo(value: str) -> str:
    v = value.strip()
    if not _CAMEO.fullmatch(v):
        raise UsageError(
            f"--cameo {value!r} is not a CAMEO code; use 2 to 4 digits, or 1 to 3 with * for every "
            "code that starts with them (112, 11*)"
        )
    return v


class Resolver:
    """Resolves actor and outlet arguments against the registry and one store.

    An actor argument is, in this order: an actor code (``RUS`` or ``rus``; ``IGO``, ``NGO``,
    ``IMG``)
    — every actor with that code; an id (``igo:WHO``, ``person:dmitry-peskov``, ``RUS:GOV``);
    a name the registry knows (``WHO``, ``Peskov``, ``Russia``: a country's name means its
    code); else part of the name of actors in the store. A name that stands for several
    actors is an error listing them; one that matches nothing is an error saying what is
    expected."""

    def __init__(self, store: Store, registry: Any = None) -> None:
        self.store = store
        self._registry = registry

    @property
    def registry(self) -> Any:
        if self._registry is None:
            from ..actors import Registry

            self._registry = Registry.load()
        return self._registry

    def actor(self, text: str) -> ActorRef:
        t = text.strip()
        if not t:
            raise UsageError("an actor argument is empty; " + _ACTOR_FORMS)
        code = t.upper()  # a code typed in capitals or in lower case (rus)
        if re.fullmatch(r"[A-Z]{3}|[a-z]{3}", t) and (
            code in self.registry.countries or code in STATELESS_CODES
        ):
            return ActorRef(t, code=code)
        if self._is_id(t):
            return ActorRef(t, ids=(t,))
        entries = self.registry.lookup(t)
        ids = list(dict.fromkeys(e.id for e in entries))
        if len(ids) == 1:
            e = entries[0]
            if e.kind == "state" and e.code:
                return ActorRef(t, code=e.code)
            return ActorRef(t, ids=(e.id,))
        if len(ids) > 1:
            names = {e.id: e.name for e in entries}
            raise _ambiguous(t, [(i, names[i]) for i in ids])
        return self._by_stored_name(t)

    def _is_id(self, t: str) -> bool:
        if ":" not in t:
            return False
        for sql in (
            "SELECT 1 FROM events WHERE source_actor_id = ? LIMIT 1",
            "SELECT 1 FROM events WHERE target_actor_id = ? LIMIT 1",
            "SELECT 1 FROM quotes WHERE speaker_actor_id = ? LIMIT 1",
        ):  # each answered from an index
            if self.store.query(sql, (t,)):
                return True
        return any(e.id == t for e in self.registry.entries())

    def _by_stored_name(self, t: str) -> ActorRef:
        rows = self.store.query(
            "SELECT DISTINCT id, name FROM actors WHERE name LIKE ? ESCAPE '\\' ORDER BY name, id",
            ("%" + like_escape(t) + "%",),
        )
        found = [(r["id"], r["name"]) for r in rows]
        exact = [(i, n) for i, n in found if (n or "").casefold() == t.casefold()]
        ids = list(dict.fromkeys(i for i, _ in (exact or found)))
        if len(ids) == 1:
            return ActorRef(t, ids=(ids[0],))
        if ids:
            raise _ambiguous(t, exact or found)
        raise UsageError(f"no actor {t!r} in the registry or the store; {_ACTOR_FORMS}")

    def dyad(self, text: str) -> tuple[ActorRef, ActorRef]:
        """``SOURCE:TARGET``; when ids hold colons too (``igo:WHO:USA``), the one split whose
        both sides are actors."""
        parts = text.split(":")
        splits = [(":".join(parts[:i]), ":".join(parts[i:])) for i in range(1, len(parts))]
        if not splits:
            raise UsageError(f"--dyad {text!r} is not SOURCE:TARGET (USA:CHN)")
        found: list[tuple[ActorRef, ActorRef]] = []
        last: UsageError | None = None
        for s, t in splits:
            try:
                found.append((self.actor(s), self.actor(t)))
            except UsageError as exc:
                last = exc
        if len(found) == 1:
            return found[0]
        if not found:
            if len(splits) == 1 and last is not None:
                raise last
            raise UsageError(f"--dyad {text!r} is not SOURCE:TARGET of two actors (USA:CHN)")
        raise UsageError(
            f"--dyad {text!r} can be read {len(found)} ways; write ids without the prefix "
            "(WHO:USA) or use --source and --target"
        )

    def outlets(self, text: str) -> tuple[str, ...]:
        """The stored outlet names ``text`` stands for: a name (any case), or a domain
        (``nytimes.com``, ``www.nytimes.com``) whose articles' URLs or outlet-table row
        name them."""
        t = text.strip()
        stored = [r[0] for r in self.store.query("SELECT DISTINCT outlet FROM articles") if r[0]]
        named = tuple(o for o in stored if o.casefold() == t.casefold())
        if named:
            return named
        if "." in t:
            host = t.casefold().removeprefix("https://").removeprefix("http://")
            host = host.split("/")[0].removeprefix("www.")
            h = like_escape(host)
            patterns = [f"%{sep}{h}{end}" for sep in ("://", ".") for end in ("", "/%", ":%")]
            rows = self.store.query(
                "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL AND ("
                + " OR ".join(["url LIKE ? ESCAPE '\\'"] * len(patterns))
                + ")",
                patterns,
            )
            names = {r[0] for r in rows}
            from ..clean import OutletTable

            row = OutletTable.load().by_domain(host)
            if row is not None and row.name in stored:
                names.add(row.name)
            if names:
                return tuple(sorted(names))
        shown = ", ".join(sorted(stored)[:SHOW_CANDIDATES]) or "none yet"
        more = " …" if len(stored) > SHOW_CANDIDATES else ""
        raise UsageError(
            f"no outlet {t!r} in the store; give an outlet's name or domain (stored: {shown}{more})"
        )


_ACTOR_FORMS = (
    "expected an actor code (RUS, IGO), an IGO's short name (WHO), a registry id "
    "(person:dmitry-peskov) or an actor's name (Peskov); `communique actors lookup NAME` "
    "shows what the registry knows"
)


def _ambiguous(text: str, candidates: list[tuple[str, str]]) -> UsageError:
    uniq = list(dict.fromkeys(candidates))
    shown = "; ".join(f"{i} ({n})" for i, n in uniq[:SHOW_CANDIDATES])
    more = f"; and {len(uniq) - SHOW_CANDIDATES} more" if len(uniq) > SHOW_CANDIDATES else ""
    return UsageError(
        f"actor {text!r} is ambiguous: it can be {shown}{more}; give one of these ids"
    )


def like_escape(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern with ``ESCAPE '\\'``: ``%`` and ``_`` match
    only themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
