"""Events in the layouts the field already loads: GDELT 2.0 Events, POLECAT and ICEWS,
each followed by our own columns (EXTRA_COLUMNS). docs/EXPORTS.md says what fills each
column and what stays empty.

Files are tab-separated, one event a line, streamed from one query (constant memory);
text cells have tabs and line breaks turned into spaces (no quoting, as in GDELT's and
ICEWS's own files: load them with quoting off) and formula-like text neutralised as in
every CSV we write. GDELT's files have no header row, and neither has ours; POLECAT's and
ICEWS's have one."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import IO, Any

from ..errors import UsageError
from ._cells import safe_cell
from ._filters import QUADS, Filters, Resolver
from ._queries import Where, add_conditions
from ._store import Store

#: GDELT 2.0 Event table columns, in the order of GDELT's codebook (61).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{n}{field}"
        for n in (1, 2)
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{who}Geo_{field}"
        for who in ("Actor1", "Actor2", "Action")
        for field in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)

#: Where an event happened, in POLECAT and ICEWS alike.
_PLACE = ("City", "District", "Province", "Country", "Latitude", "Longitude")

#: POLECAT's weekly release columns, in its order (40).
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    *(
        f"{prefix}{field}"
        for who in ("Actor", "Recipient")
        for prefix, field in (
            ("", f"{who} Name"),
            ("", f"{who} Country"),
            ("", f"{who} COW"),
            ("Primary ", f"{who} Sector"),
            ("", f"{who} Sectors"),
            ("", f"{who} Title"),
            ("", f"{who} Name Raw"),
            ("Wikipedia ", f"{who} ID"),
        )
    ),
    "Placename",
    *_PLACE,
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
)

#: ICEWS Coded Event Data columns, in its order (20).
ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    *_PLACE,
)

#: Our columns after each layout's own: what the layouts have no room for.
EXTRA_COLUMNS: tuple[str, ...] = (
    "article_id",
    "event_id",
    "plover_type",
    "mode",
    "source_actor_id",
    "target_actor_id",
    "source_text",
    "target_text",
    "trigger",
    "evidence",
    "evidence_start",
    "evidence_end",
    "in_title",
    "date",
    "date_precision",
    "negated",
    "hypothetical",
    "reported_by",
    "confidence",
    "outlet",
    "published",
    "url",
)

#: Version written in POLECAT's Version column.
VERSION = "communique/3"

_SELECT = """
    SELECT e.article_id, e.id, e.type, e.mode, e.cameo, e.quad, e.intensity, e.negated,
           e.hypothetical, e.reported_by, e.date, e.date_precision, e.confidence, e.in_title,
           coalesce(json_array_length(e.also), 0) AS repeats,
           e.evidence_text, e.evidence_start, e.evidence_end, e.trigger_text,
           e.source_text, e.target_text, e.source_actor_id, e.target_actor_id,
           sa.name AS s_name, sa.code AS s_code, sa.country AS s_country,
           sa.sector AS s_sector, sa.role AS s_role,
           ta.name AS t_name, ta.code AS t_code, ta.country AS t_country,
           ta.sector AS t_sector, ta.role AS t_role,
           a.url, a.origin, a.outlet, a.published, a.language, r.started AS added,
           (SELECT m.sentence FROM mentions m WHERE m.article_id = e.article_id
              AND m.in_title = e.in_title AND m.span_start >= e.evidence_start
              AND m.span_end <= e.evidence_end ORDER BY m.span_start LIMIT 1) AS sentence,
           (e.in_title OR instr(a.text, char(10)) = 0
              OR e.evidence_start < instr(a.text, char(10))) AS in_lead
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN runs r ON r.id = a.run_id
    LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.id = e.source_actor_id
    LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.id = e.target_actor_id
    WHERE {where}
    ORDER BY e.article_id, e.id"""


@dataclasses.dataclass(frozen=True)
class _Names:
    """Names a layout writes instead of codes: countries (ISO3 → name), CAMEO labels."""

    countries: Mapping[str, str] = dataclasses.field(default_factory=dict)
    cameo: Mapping[str, str] = dataclasses.field(default_factory=dict)


_SPACES = re.compile(r"[\t\r\n]+")


def event_number(article_id: str, event_id: int) -> int:
    """A stable integer id of an event (GDELT's GLOBALEVENTID, ICEWS's Event ID): the same
    event gets the same number in every export of every store; 60 bits."""
    return int(hashlib.sha1(f"{article_id}:{event_id}".encode()).hexdigest()[:15], 16)


def export_layout(
    store: Store,
    fmt: str,
    out: str | None,
    filters: Filters | None = None,
    *,
    batch_rows: int = 1_000,
    registry: Any = None,
) -> list[str]:
    """Write the events matching ``filters`` in layout ``fmt`` (gdelt, polecat, icews) to the
    file ``out`` or stdout; returns the paths written."""
    if fmt not in LAYOUTS:
        raise UsageError(f"unknown layout {fmt!r}; choose {', '.join(LAYOUTS)}")
    header, row = LAYOUTS[fmt]
    resolver = Resolver(store, registry)
    sql = Where()
    add_conditions("events", (filters or Filters()).checked(), resolver, sql)
    cur = store.conn.execute(_SELECT.format(where=sql.clause()), sql.params)
    names = _Names()
    if fmt == "icews":
        from ..events import CAMEO_LABELS

        names = _Names(resolver.registry.countries, CAMEO_LABELS)
    fh: IO[str] = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout  # noqa: SIM115 - stdout or file
    try:
        if header:
            fh.write(_line((*header, *EXTRA_COLUMNS)))
        while rows := cur.fetchmany(batch_rows):
            for r in rows:
                fh.write(_line((*row(r, names), *_extras(r))))
    finally:
        if out:
            fh.close()
    return [out] if out else []


def _line(cells: Sequence[Any]) -> str:
    return "\t".join(_cell(c) for c in cells) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return str(safe_cell(_SPACES.sub(" ", value)))
    return str(value)


def _extras(r: Any) -> list[Any]:
    return [
        r["article_id"],
        r["id"],
        r["type"],
        r["mode"],
        r["source_actor_id"],
        r["target_actor_id"],
        r["source_text"],
        r["target_text"],
        r["trigger_text"],
        r["evidence_text"],
        r["evidence_start"],
        r["evidence_end"],
        bool(r["in_title"]),
        r["date"],
        r["date_precision"],
        bool(r["negated"]),
        bool(r["hypothetical"]),
        r["reported_by"],
        r["confidence"],
        r["outlet"],
        r["published"],
        r["url"],
    ]


def _sector(code: str | None, sector: str | None) -> str | None:
    """A CAMEO sector code of ours (DIP is CAMEO's GOV); none for a sector that is the code
    itself (IGO) or is not a three-letter code."""
    from ..actors import cameo_sector

    s = cameo_sector(sector)
    return s if s and s != code and re.fullmatch(r"[A-Z]{3}", s) else None


def _actor_code(code: str | None, sector: str | None) -> str | None:
    """A CAMEO actor code: country or IGO code, then the sector (USAGOV, RUSMIL, IGO)."""
    if not code:
        return None
    return code + (_sector(code, sector) or "")


def _gdelt_dates(day: str | None) -> tuple[Any, Any, Any, Any]:
    """SQLDATE, MonthYear, Year, FractionDate of an ISO day, month or year. GDELT always
    has a day; a month or a year of ours keeps the unknown parts as zeros (20191100), and
    FractionDate is that of the period's first day."""
    if not day:
        return None, None, None, None
    try:
        y, m, d = (int(p) for p in [*day.split("-"), "0", "0"][:3])
        first = date(y, m or 1, d or 1)
    except ValueError:  # not an ISO day, month or year: nothing to say
        return None, None, None, None
    fraction = round(y + (first.timetuple().tm_yday - 1) / 365, 4)
    return y * 10000 + m * 100 + d, y * 100 + m, y, fraction


def _added(started: str | None) -> str | None:
    """DATEADDED: when the run that stored the article began, as YYYYMMDDHHMMSS (UTC)."""
    if not started:
        return None
    digits = re.sub(r"\D", "", started)
    return digits[:14] if len(digits) >= 14 else None


def _gdelt(r: Any, names: _Names) -> list[Any]:
    cameo = r["cameo"]
    actors = []
    for p in ("s", "t"):
        code, sector = r[f"{p}_code"], r[f"{p}_sector"]
        actors += [
            _actor_code(code, sector),
            (r[f"{p}_name"] or "").upper() or None,
            r[f"{p}_country"],
            None,  # KnownGroupCode
            None,  # EthnicCode
            None,  # Religion1Code
            None,  # Religion2Code
            _sector(code, sector),
            None,  # Type2Code
            None,  # Type3Code
        ]
    return [
        event_number(r["article_id"], r["id"]),
        *_gdelt_dates(r["date"]),
        *actors,
        1 if r["in_lead"] else 0,
        cameo,
        cameo[:3] if cameo else None,
        cameo[:2] if cameo else None,
        QUADS.get(r["quad"] or ""),
        r["intensity"],
        1 + r["repeats"],  # NumMentions: the statements of the act in its article
        1,  # NumSources
        1,  # NumArticles
        None,  # AvgTone
        *([None] * 24),  # Actor1Geo_*, Actor2Geo_*, ActionGeo_*: no locations yet
        _added(r["added"]),
        r["url"] or r["origin"],
    ]


def _polecat(r: Any, names: _Names) -> list[Any]:
    actors = []
    for p, raw in (("s", "source_text"), ("t", "target_text")):
        sector = _sector(r[f"{p}_code"], r[f"{p}_sector"])
        actors += [
            r[f"{p}_name"],
            r[f"{p}_country"] or r[f"{p}_code"],
            None,  # COW code
            sector,
            sector,
            r[f"{p}_role"],
            r[raw],
            None,  # Wikipedia ID
        ]
    return [
        f"{r['article_id']}-{r['id']}",
        r["date"],
        r["type"],
        r["mode"],
        r["intensity"],
        QUADS.get(r["quad"] or ""),
        None,  # Contexts: not coded
        *actors,
        *([None] * 10),  # Placename … Feature Type: no locations yet
        r["outlet"],
        (r["published"] or "")[:10] or None,
        None,  # Story People
        None,  # Story Organizations
        None,  # Story Locations
        r["language"],
        VERSION,
    ]


def _icews(r: Any, names: _Names) -> list[Any]:
    def side(p: str) -> list[Any]:
        country = r[f"{p}_country"]
        return [r[f"{p}_name"], r[f"{p}_sector"], names.countries.get(country or "", country)]

    sentence = r["sentence"]
    return [
        event_number(r["article_id"], r["id"]),
        r["date"],
        *side("s"),
        names.cameo.get(r["cameo"] or ""),
        r["cameo"],
        r["intensity"],
        *side("t"),
        r["article_id"],
        None if sentence is None else sentence + 1,
        r["outlet"],
        *([None] * 6),  # City … Longitude: no locations yet
    ]


Row = Callable[[Any, "_Names"], list[Any]]

#: Layout name → (header row or None, the layout's cells of one event row).
LAYOUTS: dict[str, tuple[tuple[str, ...] | None, Row]] = {
    "gdelt": (None, _gdelt),
    "polecat": (POLECAT_COLUMNS, _polecat),
    "icews": (ICEWS_COLUMNS, _icews),
}
