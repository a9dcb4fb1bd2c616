"""Two of the English model's components run again with the same output, faster.

spaCy's ``attribute_ruler`` runs a ``Matcher`` of 180 one- and two-token patterns over
every token (about a tenth of parsing time on news), and its rule ``lemmatizer`` looks
each candidate lemma up in a list of up to 57,000 words and caches nothing for base forms
(about a twentieth). :func:`speed_up` replaces each with a component that reads the
original's patterns and tables at load time and writes, token for token, the same
attributes:

- the ruler's patterns test attribute values, sets of values or regular expressions:
  the exact ones are looked up in dicts (for one attribute of one token, for all tokens at
  once with arrays), the others checked where one of their sets is met; the matches are
  applied in the ruler's order (a later rule wins) and written back as arrays;
- the lemmatizer's answer depends on a token's text, part of speech and morphology only
  (spaCy's own cache key): each distinct triple is lemmatised once, by the original's
  method over the same tables with the word lists as sets.

A component whose rules or mode these do not cover (operators in a pattern, a token
matching anything, other attributes set, a lookup lemmatizer) is left as it was. Tests
compare every token's tag, part of speech, morphology, lemma and dependency label with the
stock pipeline's.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

#: Token attributes a ruler pattern may test that ``Doc.to_array`` gives as the same
#: string hashes (or 0/1 flags) the ``Matcher`` compares.
_STRING_KEYS = frozenset(["ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE"])
#: Attributes a rule may set that are the token's own (the stock ruler also offers
#: them to the lexeme, which ignores them).
_SETTABLE = ("TAG", "POS", "MORPH", "LEMMA", "DEP")

FAST_RULER = "communique_attribute_ruler"
FAST_LEMMATIZER = "communique_lemmatizer"


def speed_up(nlp: Any) -> None:
    """Swap the model's ``attribute_ruler`` and ``lemmatizer`` for the faster equivalents
    where they cover them (each one independently)."""
    from spacy.language import Language

    if not Language.has_factory(FAST_RULER):
        Language.factory(FAST_RULER, func=_make_ruler)
        Language.factory(FAST_LEMMATIZER, func=_make_lemmatizer)
    for stock, fast in (("attribute_ruler", FAST_RULER), ("lemmatizer", FAST_LEMMATIZER)):
        if stock not in nlp.pipe_names:
            continue
        try:  # built from the stock component; one it does not cover raises, added nothing
            nlp.add_pipe(fast, name=f"{fast}:{stock}", after=stock)
        except (_Uncovered, AttributeError, KeyError, TypeError, ValueError):
            continue
        nlp.remove_pipe(stock)


def _make_ruler(nlp: Any, name: str) -> Callable[[Any], Any]:
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


def _make_lemmatizer(nlp: Any, name: str) -> Callable[[Any], Any]:
    return FastLemmatizer(nlp.get_pipe("lemmatizer"))


def _patterns(ruler: Any) -> list[tuple[int, list[dict[str, Any]], dict[int, Any], int]]:
    """(rule number, token specs, normalised attributes, target index) for every pattern
    of every rule, in the ruler's order."""
    out: list[tuple[int, list[dict[str, Any]], dict[int, Any], int]] = []
    for i, attrs in enumerate(ruler.attrs):
        _, patterns = ruler.matcher.get(ruler.vocab.strings[str(i)])
        out.extend((i, list(p), attrs, ruler.indices[i]) for p in patterns)
    return out


def _array(values: Iterable[int]) -> Any:
    import numpy

    return numpy.array(sorted(set(values)), dtype=numpy.uint64)


def _layers(table: dict[tuple[int, ...], list[tuple[int, int]]]) -> list[tuple[Any, Any]]:
    """A one-attribute table as sorted key arrays with the rule of each key: the first
    layer holds every value's first rule, the next its second, and so on."""
    import numpy

    out = []
    depth = max(len(found) for found in table.values())
    for layer in range(depth):
        pairs = sorted((k[0], found[layer][0]) for k, found in table.items() if len(found) > layer)
        keys = numpy.array([k for k, _ in pairs], dtype=numpy.uint64)
        out.append((keys, numpy.array([r for _, r in pairs], dtype=numpy.int64)))
    return out


@cache
def _flag_ids() -> frozenset[str]:
    """The names of spaCy's boolean token flags (``IS_SPACE``, ``IS_PUNCT``, ...)."""
    from spacy.attrs import IDS

    return frozenset(k for k, v in IDS.items() if k.startswith("IS_") and v < 64)


class _Uncovered(Exception):
    """A rule the fast ruler does not reproduce."""


#: A test of one token attribute: (token offset in the pattern, column read, kind,
#: payload): kind "in" with a set of hashes (equality is a set of one), "not_in" the
#: same, "regex" a compiled pattern searched in the attribute's string.
_Test = tuple[int, int, str, Any]


class FastAttributeRuler:
    """The ruler's rules applied by dict lookups (see the module's docstring)."""

    def __init__(self, ruler: Any) -> None:
        import numpy
        from spacy.attrs import IDS

        self.strings = ruler.vocab.strings
        self.columns: list[str] = []
        settable = {IDS[k] for k in _SETTABLE}
        #: patterns of exact values: pattern shape → {value tuple: [(rule, target), ...]}
        self.exact: dict[
            tuple[tuple[int, int], ...], dict[tuple[int, ...], list[tuple[int, int]]]
        ] = {}
        #: the other patterns: (rule, target, span, tests, the first exact-set test with
        #: its values as a sorted array, or None)
        self.checked: list[tuple[int, int, int, list[_Test], tuple[_Test, Any] | None]] = []
        for rule, specs, attrs, index in _patterns(ruler):
            if (
                not specs
                or not all(specs)  # a token matching anything: the span is not its tests'
                or not -len(specs) <= index < len(specs)
                or not set(attrs) <= settable
            ):
                raise _Uncovered(rule)
            target = index if index >= 0 else len(specs) + index
            tests = [t for offset, spec in enumerate(specs) for t in self._tests(offset, spec)]
            if all(kind == "in" for _, _, kind, _ in tests):
                shape = tuple((off, col) for off, col, _, _ in tests)
                table = self.exact.setdefault(shape, {})
                for values in itertools.product(*(sorted(v) for _, _, _, v in tests)):
                    table.setdefault(values, []).append((rule, target))
            else:
                sure = next((t for t in tests if t[2] == "in"), None)
                first = (sure, _array(sure[3])) if sure is not None else None
                self.checked.append((rule, target, len(specs), tests, first))
        self.read = [IDS[c] for c in self.columns]
        #: one-token, one-attribute shapes (a tag's part of speech: every token has one)
        #: looked up for all tokens at once, in layers of one (value, rule) each
        self.single = {
            shape[0][1]: _layers(table) for shape, table in self.exact.items() if len(shape) == 1
        }
        self.exact = {shape: t for shape, t in self.exact.items() if len(shape) > 1}
        self.firsts = {shape: _array(v[0] for v in table) for shape, table in self.exact.items()}
        self.written = sorted({a for attrs in ruler.attrs for a in attrs})
        # per rule and written attribute: whether the rule sets it, and to what
        rules = len(ruler.attrs)
        self.setting = numpy.zeros((rules, len(self.written)), dtype=bool)
        self.value = numpy.zeros((rules, len(self.written)), dtype=numpy.uint64)
        for rule, attrs in enumerate(ruler.attrs):
            for j, a in enumerate(self.written):
                if a in attrs:
                    self.setting[rule, j] = True
                    self.value[rule, j] = attrs[a]
        self.searched: dict[tuple[int, int], bool] = {}  # (regex test's id, hash) → found

    def _tests(self, offset: int, spec: dict[str, Any]) -> list[_Test]:
        out: list[_Test] = []
        for key in sorted(spec):
            if key not in _STRING_KEYS and not (key.startswith("IS_") and key in _flag_ids()):
                raise _Uncovered(key)
            if key not in self.columns:
                self.columns.append(key)
            col = self.columns.index(key)
            value = spec[key]
            if isinstance(value, (str, bool)):
                out.append((offset, col, "in", frozenset([self._hash(value)])))
            elif isinstance(value, dict) and len(value) == 1:
                ((op, arg),) = value.items()
                if op in ("IN", "NOT_IN") and isinstance(arg, list):
                    kind = op.lower()
                    out.append((offset, col, kind, frozenset(self._hash(v) for v in arg)))
                elif op == "REGEX" and isinstance(arg, str) and key in _STRING_KEYS:
                    out.append((offset, col, "regex", re.compile(arg)))
                else:
                    raise _Uncovered(op)
            else:
                raise _Uncovered(value)
        return out

    def _hash(self, value: str | bool) -> int:
        if isinstance(value, bool):
            return int(value)
        return int(self.strings.add(value))

    def _passes(self, test: _Test, value: int) -> bool:
        _, _, kind, arg = test
        if kind == "in":
            return value in arg
        if kind == "not_in":
            return value not in arg
        key = (id(arg), value)
        found = self.searched.get(key)
        if found is None:
            found = self.searched[key] = bool(arg.search(self.strings[value]))
        return found

    def __call__(self, doc: Any) -> Any:
        import numpy

        n = len(doc)
        if not n:
            return doc
        arrays = doc.to_array(self.read).reshape(n, -1).T
        cols = [c.tolist() for c in arrays]
        found_rules: list[Any] = []
        found_tokens: list[Any] = []
        for c, layers in self.single.items():
            for keys, rules in layers:
                at = numpy.minimum(numpy.searchsorted(keys, arrays[c]), len(keys) - 1)
                (tokens,) = (keys[at] == arrays[c]).nonzero()
                found_rules.append(rules[at[tokens]])
                found_tokens.append(tokens)
        hits: list[tuple[int, int]] = []  # (rule number, token)
        for shape, table in self.exact.items():
            span = shape[-1][0] + 1
            off0, c0 = shape[0]
            # only the starts whose first tested value some pattern of the shape has
            first = arrays[c0][off0 : n - span + 1 + off0]
            read = [(off, cols[c]) for off, c in shape]
            for start in numpy.isin(first, self.firsts[shape]).nonzero()[0].tolist():
                found = table.get(tuple(col[start + off] for off, col in read))
                if found:
                    hits.extend((rule, start + target) for rule, target in found)
        for rule, target, span, tests, sure in self.checked:
            starts: Any = range(n - span + 1)
            if sure is not None:  # only where one set of values is met
                (off, c, _, _), values = sure
                first = arrays[c][off : n - span + 1 + off]
                starts = numpy.isin(first, values).nonzero()[0].tolist()
            for start in starts:
                if all(self._passes(t, cols[t[1]][start + t[0]]) for t in tests):
                    hits.append((rule, start + target))
        if hits:
            found_rules.append(numpy.array([h[0] for h in hits], dtype=numpy.int64))
            found_tokens.append(numpy.array([h[1] for h in hits], dtype=numpy.int64))
        rule_of = numpy.concatenate(found_rules).astype(numpy.int64)
        if not len(rule_of):
            return doc
        token_of = numpy.concatenate(found_tokens).astype(numpy.int64)
        # in the ruler's order, a later rule's value winning: read from the last
        order = numpy.argsort(rule_of, kind="stable")[::-1]
        rule_of, token_of = rule_of[order], token_of[order]
        out = doc.to_array(self.written).reshape(n, -1)
        for j in range(len(self.written)):
            sets = self.setting[rule_of, j]
            tokens, first = numpy.unique(token_of[sets], return_index=True)
            out[tokens, j] = self.value[rule_of[sets][first], j]
        doc.from_array(self.written, out)
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


class FastLemmatizer:
    """The rule lemmatizer with every (text, part of speech, morphology) answered once."""

    def __init__(self, lemmatizer: Any) -> None:
        from spacy.lookups import Lookups

        if getattr(lemmatizer, "mode", None) != "rule" or not hasattr(lemmatizer, "lemmatize"):
            raise _Uncovered(getattr(lemmatizer, "mode", None))

        # a copy reading the same tables, with each part of speech's index of known
        # words as a set: the stock one looks a candidate lemma up in a list of up to
        # 57,000 words (a membership test is all it does with it)
        stock = copy.copy(lemmatizer)
        stock.cache = {}
        stock.lemmatize = stock.rule_lemmatize
        stock.lookups = Lookups()
        for name in lemmatizer.lookups.tables:
            table = lemmatizer.lookups.get_table(name)
            if name == "lemma_index":
                stock.lookups.add_table(name, {k: frozenset(v) for k, v in table.items()})
            else:
                stock.lookups.add_table(name, dict(table.items()))
        self.stock = stock
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS
        from spacy.errors import Errors

        n = len(doc)
        if not n:
            return doc
        stock = self.stock
        if not stock._validated:
            stock._validate_tables(Errors.E1004)
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].tolist()
        known = self.known
        strings = doc.vocab.strings
        overwrite = stock.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = known.get(key)
            if value is None:
                value = known[key] = strings.add(stock.lemmatize(doc[i])[0])
            lemmas[i] = value
        arr[:, 3] = lemmas
        doc.from_array([LEMMA], arr[:, 3:4])
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)
