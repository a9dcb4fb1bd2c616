"""The outlet table: registrable domain → outlet name, country and ownership.

Shipped as ``data/outlets.csv`` (see ``data/outlets.md``); users add or override rows
with their own CSV of the same columns (``--outlets FILE``)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import RegistryError

OUTLET_COLUMNS = ["domain", "name", "country", "ownership", "language", "aliases"]
OWNERSHIP = {"private", "public-service", "state-affiliated", "nonprofit", "cooperative"}


@dataclass(frozen=True, slots=True)
class Outlet:
    domain: str
    name: str
    country: str | None = None
    ownership: str | None = None
    language: str | None = None
    aliases: tuple[str, ...] = ()


class OutletTable:
    def __init__(self, outlets: Iterable[Outlet] = ()) -> None:
        self._by_domain: dict[str, Outlet] = {}
        for o in outlets:
            self.add(o)

    def add(self, outlet: Outlet) -> None:
        self._by_domain[outlet.domain] = outlet

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> OutletTable:
        table = cls()
        shipped = resources.files("communique") / "data" / "outlets.csv"
        if shipped.is_file():
            with shipped.open(encoding="utf-8") as fh:
                for o in _read(fh, "outlets.csv"):
                    table.add(o)
        for path in extra:
            try:
                with open(path, encoding="utf-8") as fh:
                    for o in _read(fh, str(path)):
                        table.add(o)
            except OSError as exc:
                raise RegistryError(f"cannot read outlet table {path}: {exc}") from exc
        return table

    def __len__(self) -> int:
        return len(self._by_domain)

    def by_domain(self, domain_or_url: str) -> Outlet | None:
        """The outlet of a host or URL: the host itself, then each parent domain down to
        the registrable one (``edition.cnn.com`` → ``cnn.com``, never ``co.uk``)."""
        host = domain_of(domain_or_url)
        parents = [host[i:] for i in (0, *(j + 1 for j, c in enumerate(host) if c == "."))]
        if not any(p in self._by_domain for p in parents):
            # none of them is in the table, wherever the floor is: the public-suffix list
            # (courlan, 65 ms to import) is not needed to say so
            return None
        floor = registrable_domain(host)
        for parent in parents:
            if parent in self._by_domain:
                return self._by_domain[parent]
            if parent == floor:
                return None
        return None

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self._by_domain.values())


def registrable_domain(domain_or_url: str) -> str:
    """The domain one registers (public-suffix aware, through courlan): ``news.bbc.co.uk``
    → ``bbc.co.uk``; a host courlan cannot place (``localhost``) is returned as it is."""
    from courlan import extract_domain  # with its suffix list and urllib.request: only for URLs

    host = domain_of(domain_or_url)
    return (extract_domain(f"http://{host}") if host else None) or host


def domain_of(domain_or_url: str) -> str:
    s = domain_or_url.strip().lower()
    if "//" in s:
        s = urlsplit(s).hostname or ""
    s = s.split("/")[0].split(":")[0]
    return s.removeprefix("www.")


def _read(fh: Iterable[str], where: str) -> Iterable[Outlet]:
    reader = csv.DictReader(fh)
    missing = {"domain", "name"} - set(reader.fieldnames or ())
    if missing:
        raise RegistryError(f"{where}: missing column(s) {sorted(missing)}; need {OUTLET_COLUMNS}")
    for lineno, row in enumerate(reader, start=2):
        domain = domain_of(row.get("domain") or "")
        name = (row.get("name") or "").strip()
        ownership = (row.get("ownership") or "").strip() or None
        if not domain or not name:
            raise RegistryError(f"{where}:{lineno}: domain and name are required")
        if ownership and ownership not in OWNERSHIP:
            raise RegistryError(
                f"{where}:{lineno}: ownership {ownership!r} is not one of {sorted(OWNERSHIP)}"
            )
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        yield Outlet(
            domain,
            name,
            (row.get("country") or "").strip() or None,
            ownership,
            (row.get("language") or "").strip() or None,
            aliases,
        )
