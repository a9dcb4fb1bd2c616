"""Read-side queries behind ``communique events|quotes|articles|search``: flat rows, filtered
on actors (any role, source, target, directed dyad, either direction), event type, quad
class, CAMEO code, outlet, publication and event dates, and full text.

Every value reaches SQLite as a parameter. Date bounds are plain comparisons on the stored
ISO text, so ``articles.published`` is read through its index; actor filters go through
the indexes on the event and quote actor columns and on ``actors.code``."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..errors import UsageError
from ._filters import ActorRef, Filters, Resolver, until_bound
from ._store import Store

#: Query kinds, each a CLI command.
KINDS = ("events", "quotes", "articles", "search")

#: Filters that only events have (quotes and articles have no target, type or event date).
EVENT_ONLY = ("sources", "targets", "dyads", "between", "types", "quads", "cameos")


class Where:
    """WHERE terms and their named parameters."""

    def __init__(self) -> None:
        self.where: list[str] = []
        self.params: dict[str, Any] = {}

    def p(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return ":" + name

    def any_of(self, terms: list[str]) -> None:
        if terms:
            self.where.append("(" + " OR ".join(terms) + ")")

    def clause(self) -> str:
        return " AND ".join(self.where) or "1=1"


def _is(sql: Where, ref: ActorRef, column: str) -> str:
    """``column`` (an actor id of the row, whose article is ``{table}.article_id``) names
    ``ref``. A code is read through actors.code into the distinct ids that carry it, which
    the column's index then finds; each row's own actor is checked to have the code. (No
    join alias in the condition: SQLite would then start from every actors row with the
    code and search the events of each, a cost that grows with the square of the store.)"""
    if not ref.code:
        return f"{column} IN ({', '.join(sql.p(i) for i in ref.ids)})"
    p = sql.p(ref.code)
    table = column.split(".")[0]
    return (
        f"({column} IN (SELECT DISTINCT id FROM actors WHERE code = {p}) AND EXISTS "
        f"(SELECT 1 FROM actors x WHERE x.article_id = {table}.article_id "
        f"AND x.id = {column} AND x.code = {p}))"
    )


def add_conditions(
    kind: str, f: Filters, resolver: Resolver, sql: Where, text_query: str | None = None
) -> None:
    """Add the WHERE terms of checked filters ``f`` for a query of ``kind`` to ``sql``, over
    the aliases the queries use: ``a`` articles, ``e`` events, ``q`` quotes."""
    if kind != "events":
        given = [name for name in EVENT_ONLY if getattr(f, name)]
        if given or f.event_since or f.event_until:
            raise UsageError(f"{kind} have no source, target, type or event date to filter on")
    if f.outlets:
        names = [n for o in f.outlets for n in resolver.outlets(o)]
        sql.where.append(f"a.outlet IN ({', '.join(sql.p(n) for n in names)})")
    if f.since:
        sql.where.append(f"a.published >= {sql.p(f.since)}")
    if f.until:
        sql.where.append(f"a.published <= {sql.p(until_bound(f.until))}")
    actors = [resolver.actor(a) for a in f.actors]
    if kind == "events":
        src, tgt = "e.source_actor_id", "e.target_actor_id"
        sql.any_of([f"({_is(sql, r, src)} OR {_is(sql, r, tgt)})" for r in actors])
        sql.any_of([_is(sql, resolver.actor(s), src) for s in f.sources])
        sql.any_of([_is(sql, resolver.actor(t), tgt) for t in f.targets])
        pairs = [(resolver.actor(s), resolver.actor(t)) for s, t in f.between]
        directed = [resolver.dyad(d) for d in f.dyads]
        sql.any_of(
            [f"({_is(sql, s, src)} AND {_is(sql, t, tgt)})" for s, t in directed]
            + [
                term
                for s, t in pairs
                for term in (
                    f"({_is(sql, s, src)} AND {_is(sql, t, tgt)})",
                    f"({_is(sql, t, src)} AND {_is(sql, s, tgt)})",
                )
            ]
        )
        sql.any_of([f"e.type = {sql.p(t)}" for t in f.types])
        sql.any_of([f"e.quad = {sql.p(q)}" for q in f.quads])
        sql.any_of(
            [
                f"e.cameo LIKE {sql.p(c[:-1] + '%')}"
                if c.endswith("*")
                else f"e.cameo = {sql.p(c)}"
                for c in f.cameos
            ]
        )
        if f.event_since:  # a month or year overlapping the bound counts
            sql.where.append(f"e.date >= substr({sql.p(f.event_since)}, 1, length(e.date))")
        if f.event_until:
            sql.where.append(f"e.date <= {sql.p(until_bound(f.event_until))}")
    elif kind == "quotes":
        sql.any_of([_is(sql, r, "q.speaker_actor_id") for r in actors])
    else:
        sql.any_of(
            [
                "EXISTS (SELECT 1 FROM actors x WHERE x.article_id = a.id AND "
                + (
                    f"x.code = {sql.p(r.code)})"
                    if r.code
                    else f"x.id IN ({', '.join(sql.p(i) for i in r.ids)}))"
                )
                for r in actors
            ]
        )
    if text_query is not None:
        sql.where.append(f"articles_fts MATCH {sql.p(text_query)}")


_SELECT = {
    "events": """
        SELECT e.date, e.date_precision, sa.name AS source, sa.code AS source_code,
               sa.sector AS source_sector, e.type, e.mode, ta.name AS target,
               ta.code AS target_code, ta.sector AS target_sector,
               e.negated, e.hypothetical, e.cameo, e.quad, e.intensity, e.confidence,
               sp.name AS reported_by_speaker, e.trigger_text AS trigger,
               e.evidence_text AS evidence, e.evidence_start, e.evidence_end, e.in_title,
               a.outlet, a.published, a.url, a.origin, e.article_id, e.id AS event_id,
               e.source_actor_id, e.target_actor_id
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.id = e.source_actor_id
        LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.id = e.target_actor_id
        LEFT JOIN quotes q ON q.article_id = e.article_id AND q.id = e.reported_by
        LEFT JOIN actors sp ON sp.article_id = q.article_id AND sp.id = q.speaker_actor_id
        WHERE {where}
        ORDER BY coalesce(e.date, a.published), a.published, e.article_id, e.id""",
    "quotes": """
        SELECT a.published, coalesce(sa.name, q.speaker_text) AS speaker,
               sa.code AS speaker_code, sa.role AS speaker_role, q.type,
               (SELECT group_concat(json_extract(p.value, '$.text'), ' … ')
                FROM json_each(q.content) p) AS content,
               q.cue_text AS cue, q.cue_type, q.source_kind, q.frame,
               q.addressee_text AS addressee,
               json_extract(q.content, '$[0].start') AS content_start,
               json_extract(q.content, '$[#-1].end') AS content_end, q.in_title,
               a.outlet, a.url, a.origin,
               q.article_id, q.id AS quote_id
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN actors sa ON sa.article_id = q.article_id AND sa.id = q.speaker_actor_id
        WHERE {where}
        ORDER BY a.published, q.article_id, q.id""",
    "articles": """
        SELECT a.published, a.outlet, a.title, a.url, a.origin,
               (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
               (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
               length(a.text) AS chars, a.id
        FROM articles a WHERE {where}
        ORDER BY a.published, a.id""",
    "search": """
        SELECT a.published, a.outlet, a.title,
               snippet(articles_fts, 1, '[', ']', '…', 16) AS match,
               (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
               a.url, a.origin, a.id
        FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
        WHERE {where}
        ORDER BY articles_fts.rank, a.published, a.id""",
}

#: Columns holding SQLite's 0/1 for a boolean.
BOOLEANS = ("negated", "hypothetical", "in_title")


def _sql(
    store: Store,
    kind: str,
    filters: Filters | None,
    text: str | None,
    limit: int | None,
    registry: Any,
) -> tuple[str, dict[str, Any]]:
    """The SQL text and parameters of a query, its filters checked and resolved."""
    if kind not in _SELECT:
        raise UsageError(f"unknown query {kind!r}; choose one of {', '.join(KINDS)}")
    if kind == "search" and not (text or "").strip():
        raise UsageError("search needs words to look for")
    sql = Where()
    add_conditions(
        kind,
        (filters or Filters()).checked(),
        Resolver(store, registry),
        sql,
        text if kind == "search" else None,
    )
    query = _SELECT[kind].format(where=sql.clause())
    if limit is not None:
        query += f" LIMIT {sql.p(limit)}"
    return query, sql.params


def query_plan(
    store: Store,
    kind: str,
    filters: Filters | None = None,
    *,
    text: str | None = None,
    registry: Any = None,
) -> list[str]:
    """How SQLite will run a query (EXPLAIN QUERY PLAN, one step a line): which indexes it
    searches and what, if anything, it scans."""
    query, params = _sql(store, kind, filters, text, None, registry)
    return [str(r[3]) for r in store.conn.execute("EXPLAIN QUERY PLAN " + query, params)]


def iter_query(
    store: Store,
    kind: str,
    filters: Filters | None = None,
    *,
    text: str | None = None,
    limit: int | None = None,
    registry: Any = None,
) -> Iterator[dict[str, Any]]:
    """Rows of a query one at a time (booleans as booleans). ``kind`` is one of KINDS;
    ``text`` is the full-text query of ``search`` (FTS5 syntax: words, "a phrase", OR,
    prefix*)."""
    query, params = _sql(store, kind, filters, text, limit, registry)
    try:
        for r in store.conn.execute(query, params):
            d = dict(r)
            for b in BOOLEANS:
                if b in d:
                    d[b] = bool(d[b])
            yield d
    except sqlite3.OperationalError as exc:
        if kind != "search":
            raise
        # FTS5 reads the query text itself: a syntax error there is the user's input
        raise UsageError(
            f'cannot search for {text!r} ({exc}); use words, "a phrase", OR, NOT, prefix*'
        ) from exc


#: The columns of :func:`iter_event_facts`, in order.
FACT_COLUMNS = (
    "source_code",
    "target_code",
    "source_actor_id",
    "target_actor_id",
    "type",
    "quad",
    "intensity",
    "date",
    "date_precision",
    "negated",
    "hypothetical",
    "published",
    "outlet",
    "article_id",
    "event_id",
    "url",
    "evidence",
)

_FACTS = """
        SELECT sa.code, ta.code, e.source_actor_id, e.target_actor_id, e.type, e.quad,
               e.intensity, e.date, e.date_precision, e.negated, e.hypothetical,
               a.published, a.outlet, e.article_id, e.id, {evidence}
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.id = e.source_actor_id
        LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.id = e.target_actor_id
        WHERE {where}"""


def iter_event_facts(
    store: Store,
    filters: Filters | None = None,
    *,
    evidence: bool = False,
    registry: Any = None,
) -> Iterator[tuple[Any, ...]]:
    """Events as plain tuples of FACT_COLUMNS (SQLite's 0/1 for booleans), filtered as
    :func:`iter_query` filters events: the few columns an aggregate over many events needs,
    read without building a dict per row. ``url`` and ``evidence`` are None unless
    ``evidence``. Unordered."""
    sql = Where()
    add_conditions("events", (filters or Filters()).checked(), Resolver(store, registry), sql)
    cols = "a.url, e.evidence_text" if evidence else "NULL, NULL"
    cur = store.conn.cursor()
    cur.row_factory = None  # tuples: a store's connection makes sqlite3.Row by default
    yield from cur.execute(_FACTS.format(evidence=cols, where=sql.clause()), sql.params)


def query(
    store: Store,
    kind: str,
    filters: Filters | None = None,
    *,
    actor: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    limit: int | None = None,
    registry: Any = None,
) -> list[dict[str, Any]]:
    """The rows of a query as a list (see :func:`iter_query`); ``actor``, ``outlet``,
    ``since`` and ``until`` are short forms of the same filters."""
    f = filters or Filters()
    if actor or outlet or since or until:
        f = dataclasses.replace(
            f,
            actors=f.actors + ((actor,) if actor else ()),
            outlets=f.outlets + ((outlet,) if outlet else ()),
            since=since or f.since,
            until=until or f.until,
        )
    return list(iter_query(store, kind, f, text=text, limit=limit, registry=registry))
