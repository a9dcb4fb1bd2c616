"""The actor registry: countries, government bodies, IGOs and people with dated roles.

Data lives in ``communique/data/actors/*.csv`` (schema in the README there). Users add or
correct entries with CSVs of the same columns; their rows win over shipped ones.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ..errors import RegistryError

COLUMNS = {
    "countries": ["code", "name", "aliases", "demonyms", "capitals", "status"],
    "bodies": ["name", "aliases", "country", "sector", "kind"],
    "igos": ["code", "name", "aliases", "sector", "kind"],
    "people": ["id", "name", "aliases", "country", "sector", "role", "start", "end"],
    "places": ["name", "aliases", "country", "kind"],
}
_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One way to name an actor. ``via`` says how the name matched (name, alias, demonym,
    capital, place, metonym); people carry the dates of the role the entry stands for."""

    id: str
    name: str
    kind: str
    code: str | None
    country: str | None
    sector: str | None
    role: str | None = None
    start: date | None = None
    end: date | None = None
    via: str = "name"

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


_LEADING_THE = re.compile(r"^the\s+")
_ARTICLE = re.compile(r"^[Tt]he\s+")  # "the Commons", "The Fed": an alias's article
_POSSESSIVE = re.compile(r"'s$")
_SPACES = re.compile(r"\s+")


def key(name: str) -> str:
    """Normalise a name for lookup: case-folded, no leading "the", no dots, single spaces."""
    s = name.strip().casefold().replace("’", "'").replace(".", "")
    s = _LEADING_THE.sub("", s)
    s = _POSSESSIVE.sub("", s)
    return _SPACES.sub(" ", s)


_ROLE_SYNONYMS = [
    (re.compile(r"\bdefense\b"), "defence"),
    (re.compile(r"\bspokes(man|woman|person)\b"), "spokesperson"),
    (re.compile(r"\bpress secretary\b"), "spokesperson"),
]


def role_key(role: str) -> str:
    """Normalise a role name so spelling variants meet ("Defense"/"Defence Minister")."""
    k = key(role)
    for pattern, repl in _ROLE_SYNONYMS:
        k = pattern.sub(repl, k)
    return k


class Registry:
    def __init__(self) -> None:
        self._by_key: dict[str, list[Entry]] = {}
        self.countries: dict[str, str] = {}  # ISO3 → name
        self.names: set[str] = set()  # every surface form, for the phrase matcher
        self._surfaces: dict[str, set[str]] = {}  # key → the surface forms it was given as
        self._people: list[Entry] | None = None

    def add(self, surface: str, entry: Entry) -> None:
        k = key(surface)
        if not k:
            return
        self._people = None
        bucket = self._by_key.setdefault(k, [])
        if entry not in bucket:
            bucket.append(entry)
        self.names.add(surface.strip())
        self._surfaces.setdefault(k, set()).add(surface.strip())

    def lookup(self, name: str, on: date | None = None) -> list[Entry]:
        """Entries a name can stand for, valid on ``on`` (all when no date is known)."""
        return [e for e in self._by_key.get(key(name), ()) if e.valid_on(on)]

    def case_fits(self, text: str) -> bool:
        """Can ``text`` be a registry name? Lookups fold case, but a word that begins in lower
        case is not a name the registry only writes capitalised ("fed them" is not the Fed,
        "ice" not ICE, "ePA" not the EPA, "polish" not Poland). Capitalised spellings of an
        acronym still are ("Nato", "Itar-Tass"). True for names the registry lacks."""
        surfaces = self._surfaces.get(key(text))
        if not surfaces or not text.strip()[:1].islower():
            return True
        return any(_ARTICLE.sub("", s)[:1].islower() for s in surfaces)

    def __contains__(self, name: str) -> bool:
        return key(name) in self._by_key

    def roles(self, role_words: str, country: str | None, on: date | None) -> list[Entry]:
        """People holding a role ("Secretary of State") in a country on a day. A bare role
        noun ("spokesman") matches every role that ends with it ("Kremlin spokesman")."""
        rk = role_key(role_words)
        out: list[Entry] = []
        for e in self.people:
            if not e.role or (country is not None and e.country != country) or not e.valid_on(on):
                continue
            have = role_key(e.role)
            if (have == rk or (country is not None and have.endswith(" " + rk))) and e not in out:
                out.append(e)
        return out

    def entries(self) -> list[Entry]:
        """Every entry once (a person once per role), in a stable order."""
        seen: dict[Entry, None] = {}
        for bucket in self._by_key.values():
            for e in bucket:
                seen.setdefault(dataclasses.replace(e, via="name"))
        return sorted(seen, key=lambda e: (e.kind, e.code or "", e.name, e.start or date.min))

    @property
    def people(self) -> list[Entry]:
        if self._people is None:
            seen: dict[Entry, None] = {}
            for bucket in self._by_key.values():
                for e in bucket:
                    if e.kind == "person":
                        seen.setdefault(e)
            self._people = list(seen)
        return self._people

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> Registry:
        reg = cls()
        folder = resources.files("communique") / "data" / "actors"
        for table in COLUMNS:
            f = folder / f"{table}.csv"
            if f.is_file():
                reg._load_table(table, _rows(f, f"actors/{table}.csv"))
        for path in extra:
            reg.load_user_file(path)
        return reg

    def load_user_file(self, path: Path) -> None:
        """A user CSV: its columns say which table it extends."""
        try:
            with open(path, encoding="utf-8", newline="") as fh:
                header = next(csv.reader(fh), [])
        except OSError as exc:
            raise RegistryError(f"cannot read actor file {path}: {exc}") from exc
        for table, cols in COLUMNS.items():
            if [h.strip() for h in header] == cols:
                self._load_table(table, _rows(path, str(path)), override=True)
                return
        raise RegistryError(
            f"{path}: header {header} matches no actor table; use the columns of one of "
            + "; ".join(f"{t}: {','.join(c)}" for t, c in COLUMNS.items())
        )

    def _load_table(
        self, table: str, rows: Iterator[tuple[int, dict[str, str], str]], override: bool = False
    ) -> None:
        loader = getattr(self, f"_add_{table}")
        for lineno, row, where in rows:
            try:
                loader(row, override)
            except (ValueError, KeyError) as exc:
                raise RegistryError(f"{where}:{lineno}: {exc}") from exc

    def _override(self, surface: str, entry: Entry, override: bool) -> None:
        if override:
            k = key(surface)
            self._by_key[k] = [e for e in self._by_key.get(k, []) if e.id != entry.id]
        self.add(surface, entry)

    def _add_countries(self, row: dict[str, str], override: bool) -> None:
        code = _code(row["code"])
        name = _req(row, "name")
        self.countries[code] = name
        state = Entry(code, name, "state", code, code, None)
        for n in [name, *_multi(row.get("aliases"))]:
            self._override(n, state, override)
        for n in _multi(row.get("demonyms")):
            self._override(n, Entry(code, name, "state", code, code, None, via="demonym"), override)
        for n in _multi(row.get("capitals")):
            capital = Entry(code, name, "state", code, code, "GOV", via="capital")
            self._override(n, capital, override)

    def _add_places(self, row: dict[str, str], override: bool) -> None:
        """Cities, regions and islands: a place names its state when it is used for it ("Kharkiv
        was shelled", "Odesa's governor"), as a capital names its government; the resolver
        tells such uses from plain locations ("in Odesa")."""
        code = _code(row["country"])
        if code not in self.countries:
            raise ValueError(f"country {code!r} is not in the countries table")
        place = Entry(code, self.countries[code], "state", code, code, None, via="place")
        for n in [_req(row, "name"), *_multi(row.get("aliases"))]:
            self._override(n, place, override)

    def _add_bodies(self, row: dict[str, str], override: bool) -> None:
        name = _req(row, "name")
        country = _code(row["country"])
        e = Entry(
            f"body:{slug(name)}",
            name,
            (row.get("kind") or "government body").strip(),
            country,
            country,
            (row.get("sector") or "GOV").strip(),
            via="metonym",
        )
        for n in [name, *_multi(row.get("aliases"))]:
            self._override(n, e, override)

    def _add_igos(self, row: dict[str, str], override: bool) -> None:
        """International organisations (code IGO), NGOs (NGO), and armed groups that act
        across borders with no state of their own (ISIS, al-Qaeda: IMG, CAMEO's code for an
        international militarized group)."""
        code = _req(row, "code")
        kind = (row.get("kind") or "IGO").strip()
        e = Entry(
            f"igo:{code}",
            _req(row, "name"),
            kind,
            _STATELESS_CODES.get(kind, "IGO"),
            None,
            (row.get("sector") or kind).strip(),
        )
        for n in [e.name, *_multi(row.get("aliases"))]:
            self._override(n, e, override)

    def _add_people(self, row: dict[str, str], override: bool) -> None:
        pid = _req(row, "id")
        country = (row.get("country") or "").strip() or None
        if country and country != "IGO":
            country = _code(country)
        start, end = _date(row.get("start")), _date(row.get("end"))
        if start and end and start > end:
            raise ValueError(f"start {start} is after end {end}")
        name = _req(row, "name")
        e = Entry(
            f"person:{pid}",
            name,
            "person",
            country,
            None if country == "IGO" else country,
            (row.get("sector") or "").strip() or None,
            (row.get("role") or "").strip() or None,
            start,
            end,
        )
        for n in [name, *_multi(row.get("aliases"))]:
            self.add(n, e)  # several rows per person: one per role, never overridden


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def _rows(f: Traversable | Path, where: str) -> Iterator[tuple[int, dict[str, str], str]]:
    with f.open("r", encoding="utf-8") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            yield lineno, {k: (v or "") for k, v in row.items() if k}, where


def _multi(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _req(row: dict[str, str], col: str) -> str:
    v = (row.get(col) or "").strip()
    if not v:
        raise ValueError(f"column {col!r} is empty")
    return v


#: Actor codes of the igos table's kinds besides IGO.
_STATELESS_CODES = {"NGO": "NGO", "group": "IMG"}


def _code(value: str) -> str:
    v = value.strip()
    if not _CODE.match(v):
        raise ValueError(f"{v!r} is not an ISO 3166 alpha-3 code")
    return v


def _date(value: str | None) -> date | None:
    v = (value or "").strip()
    return date.fromisoformat(v) if v else None
