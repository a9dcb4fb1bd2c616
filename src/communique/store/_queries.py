"""Read-side queries behind ``communique events|quotes|articles|search|stance``: flat rows, filtered
on actors (any role, source, target, directed dyad, either direction), event type, quad
class, CAMEO code, outlet, publication and event dates, and full text.

Every value reaches SQLite as a parameter. Date bounds are plain comparisons on the stored
ISO text, so ``articles.published`` is read through its index; actor filters go through
the indexes on the event and quote actor columns and on ``actors.code``."""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import UsageError
from ._filters import ActorRef, Filters, Resolver, like_escape, until_bound
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

    def actor(text: str) -> ActorRef:
        return ActorRef(text, ids=(text,)) if f.exact_ids else resolver.actor(text)

    actors = [actor(a) for a in f.actors]
    if kind == "events":
        src, tgt = "e.source_actor_id", "e.target_actor_id"
        sql.any_of([f"({_is(sql, r, src)} OR {_is(sql, r, tgt)})" for r in actors])
        sql.any_of([_is(sql, actor(s), src) for s in f.sources])
        sql.any_of([_is(sql, actor(t), tgt) for t in f.targets])
        pairs = [(actor(s), actor(t)) for s, t in f.between]
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
    if text_query is not None and kind == "search":
        sql.where.append(f"articles_fts MATCH {sql.p(text_query)}")
    elif text_query is not None:  # events or quotes of the articles the words are in
        sql.where.append(
            f"a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH {sql.p(text_query)})"
        )


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
        ORDER BY {order}""",
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
        ORDER BY {order}""",
    "articles": """
        SELECT a.published, a.outlet, a.title, a.url, a.origin,
               (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
               (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
               length(a.text) AS chars, a.id
        FROM articles a WHERE {where}
        ORDER BY {order}""",
    "search": """
        SELECT a.published, a.outlet, a.title,
               snippet(articles_fts, 1, '[', ']', '…', 16) AS match,
               (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
               a.url, a.origin, a.id
        FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
        WHERE {where}
        ORDER BY {order}""",
}

#: Each query's order.
_ORDER = {
    "events": "coalesce(e.date, a.published), a.published, e.article_id, e.id",
    "quotes": "a.published, q.article_id, q.id",
    "articles": "a.published, a.id",
    "search": "articles_fts.rank, a.published, a.id",
}
#: For a query with a limit: the rows it lists, found and ordered before anything else is
#: read of them (``{where}``, ``{order}`` and ``{limit}`` filled in).
_FIRST = {
    "events": """e.rowid IN (SELECT e.rowid FROM events e JOIN articles a ON a.id = e.article_id
                 WHERE {where} ORDER BY {order} LIMIT {limit})""",
    "quotes": """q.rowid IN (SELECT q.rowid FROM quotes q JOIN articles a ON a.id = q.article_id
                 WHERE {where} ORDER BY {order} LIMIT {limit})""",
    "articles": "a.rowid IN (SELECT a.rowid FROM articles a WHERE {where} ORDER BY {order} LIMIT {limit})",
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
        text if (text or "").strip() else None,
    )
    where, order = sql.clause(), _ORDER[kind]
    if limit is None:
        return _SELECT[kind].format(where=where, order=order), sql.params
    cut = sql.p(limit)
    if kind in _FIRST:
        # the listed rows first, by their keys alone: their actors, quotes and contents are
        # then read for those rows only, not for every row that matches before the cut
        where = _FIRST[kind].format(where=where, order=order, limit=cut)
    return _SELECT[kind].format(where=where, order=order) + f" LIMIT {cut}", sql.params


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
    prefix*); for the other kinds it keeps the rows of the articles it matches."""
    query, params = _sql(store, kind, filters, text, limit, registry)
    try:
        for r in store.conn.execute(query, params):
            d = dict(r)
            for b in BOOLEANS:
                if b in d:
                    d[b] = bool(d[b])
            yield d
    except sqlite3.OperationalError as exc:
        if text is None:
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
    "story_act",
)

_FACTS = """
        SELECT sa.code, ta.code, e.source_actor_id, e.target_actor_id, e.type, e.quad,
               e.intensity, e.date, e.date_precision, e.negated, e.hypothetical,
               a.published, a.outlet, e.article_id, e.id, {evidence},
               se.story_id || '#' || se.act
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN story_events se ON se.article_id = e.article_id AND se.event_id = e.id
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
    ``evidence``; ``story_act`` names the story event the row reports (``story#act``), None
    when its article has no story yet. Unordered."""
    sql = Where()
    add_conditions("events", (filters or Filters()).checked(), Resolver(store, registry), sql)
    cols = "a.url, e.evidence_text" if evidence else "NULL, NULL"
    cur = store.conn.cursor()
    cur.row_factory = None  # tuples: a store's connection makes sqlite3.Row by default
    yield from cur.execute(_FACTS.format(evidence=cols, where=sql.clause()), sql.params)


def event_evidence(
    store: Store, keys: Sequence[tuple[str, int]]
) -> dict[tuple[str, int], tuple[str | None, str | None]]:
    """The article URL and evidence sentence of each event named by (article_id, event id),
    read in one statement through the events' primary key."""
    if not keys:
        return {}
    rows = store.conn.execute(
        """SELECT e.article_id, e.id, a.url, e.evidence_text
           FROM json_each(?) k
           JOIN events e ON e.article_id = json_extract(k.value, '$[0]')
                        AND e.id = json_extract(k.value, '$[1]')
           JOIN articles a ON a.id = e.article_id""",
        (json.dumps([list(k) for k in keys]),),
    )
    return {(r[0], r[1]): (r[2], r[3]) for r in rows}


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


# -- stance ------------------------------------------------------------------------------
def _stance_article_filters(outlet: str | None, since: str | None, until: str | None) -> list[str]:
    """WHERE conditions on the article (alias ``a``): its outlet and publication days, as
    plain comparisons on the indexed ISO text."""
    where = ["1=1"]
    if outlet:
        where.append("lower(a.outlet) = lower(:outlet)")
    if since:
        where.append("a.published >= :since")
    if until:
        where.append("a.published < :until_bound")
    return where


def _stance_actor_clause(alias: str, param: str, actor: str) -> str:
    """An actor filter: a 3-letter code (RUS, IGO) matches codes only; anything else an id
    or part of a name (``%`` and ``_`` in it match themselves)."""
    if re.fullmatch(r"[A-Za-z]{3}", actor):
        return f"({alias}.code = upper(:{param}) OR {alias}.country = upper(:{param}))"
    return (
        f"({alias}.id = :{param} OR lower({alias}.name) LIKE "
        f"'%' || lower(:{param}_like) || '%' ESCAPE '\\')"
    )


#: The stance table with its article, target actor and holder actor.
_STANCE_FROM = """stance s JOIN articles a ON a.id = s.article_id
            LEFT JOIN actors ta ON ta.article_id = s.article_id AND ta.id = s.target_actor_id
            LEFT JOIN actors ha ON ha.article_id = s.article_id AND ha.id = s.holder_actor_id"""
#: Whose stance a row is: the speaker or subject (by actor, else as named), or the outlet.
_HOLDER = (
    "CASE WHEN s.holder_kind = 'outlet' THEN a.outlet ELSE coalesce(ha.name, s.holder_text) END"
)
#: What the stance is toward: the actor, or the mention when the registry does not know it.
_TARGET = "coalesce(ta.name, s.target_text)"


def _target_clause(actor: str) -> str:
    """An --actor filter on the stance target: as for events, plus the mention text of
    targets the registry does not know."""
    unknown = (
        "(ta.id IS NULL AND lower(s.target_text) LIKE '%' || lower(:actor_like) || '%' ESCAPE '\\')"
    )
    return f"({_stance_actor_clause('ta', 'actor', actor)} OR {unknown})"


#: How stance can be summed up: the columns each row is keyed by (besides the target).
STANCE_GROUPS = {
    "outlet": ("a.outlet",),
    "article": ("a.published", "a.outlet", "a.title", "s.article_id"),
    "speaker": (_HOLDER,),
}
_GROUP_NAMES = {
    "a.outlet": "outlet",
    "a.published": "published",
    "a.title": "title",
    "s.article_id": "article_id",
    _HOLDER: "speaker",
}


def stance_rows(
    store: Store,
    by: str,
    *,
    actor: str | None = None,
    speaker: str | None = None,
    outlet: str | None = None,
    holder: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    target_ids: Sequence[str] = (),
    holder_ids: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Stance records (``by="statement"``), or summed up per ``by`` (outlet, article or
    speaker) and target: how many statements were negative, neutral and positive, the most
    common polarity (ties go to neutral) and the net balance (positive − negative) /
    statements. ``actor`` names the target and ``speaker`` the holder (a code such as
    USA, a registry id or part of a name): a quote's speaker, or the actor that is the
    subject of the sentence's predicate; ``holder`` keeps only one kind of holder
    ("outlet", "speaker" or "subject"). ``target_ids`` and ``holder_ids`` keep the rows
    whose target or holder is one of these exact actor ids (read through their indexes)."""
    if by not in (*STANCE_GROUPS, "statement"):
        raise UsageError(
            f"stance is listed by statement or summed up by {', '.join(STANCE_GROUPS)}, not {by!r}"
        )
    where = _stance_article_filters(outlet, since, until)
    params: dict[str, Any] = {
        "actor": actor,
        "speaker": speaker,
        "outlet": outlet,
        "since": since,
        "until": until,
        "holder": holder,
        "until_bound": until_bound(until) if until else None,
        "actor_like": like_escape(actor) if actor else None,
        "speaker_like": like_escape(speaker) if speaker else None,
    }
    if actor:
        where.append(_target_clause(actor))
    if speaker:
        where.append("s.holder_kind != 'outlet'")
        named = "lower(s.holder_text) LIKE '%' || lower(:speaker_like) || '%' ESCAPE '\\'"
        where.append(f"({_stance_actor_clause('ha', 'speaker', speaker)} OR {named})")
    if holder:
        where.append("s.holder_kind = :holder")
    for column, ids, name in (
        ("s.target_actor_id", target_ids, "tid"),
        ("s.holder_actor_id", holder_ids, "hid"),
    ):
        if ids:
            names = [f"{name}{i}" for i in range(len(ids))]
            params.update(zip(names, ids, strict=True))
            where.append(f"{column} IN ({', '.join(':' + n for n in names)})")
    if by == "speaker":
        where.append("s.holder_kind != 'outlet'")
    if by == "statement":
        sql = f"""
            SELECT a.published, {_HOLDER} AS holder, s.holder_kind, ha.code AS holder_code,
                   {_TARGET} AS target, ta.code AS target_code, s.polarity, s.score,
                   s.target_text AS mention, s.evidence_text AS evidence, s.evidence_start,
                   s.evidence_end, s.target_start, s.target_end, s.in_title,
                   a.outlet, a.url, a.origin, s.article_id, s.quote_id, s.id AS stance_id
            FROM {_STANCE_FROM}
            WHERE {" AND ".join(where)}
            ORDER BY a.published, s.article_id, s.id"""
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        return [{**dict(r), "in_title": bool(r["in_title"])} for r in store.query(sql, params)]
    keys = STANCE_GROUPS[by]
    key_cols = ", ".join(f"{k} AS {_GROUP_NAMES[k]}" for k in keys)
    group = ", ".join(keys)
    sql = f"""
        SELECT {key_cols}, {_TARGET} AS target, ta.code AS target_code,
               count(*) AS statements,
               sum(s.polarity = 'negative') AS negative,
               sum(s.polarity = 'neutral') AS neutral,
               sum(s.polarity = 'positive') AS positive
        FROM {_STANCE_FROM}
        WHERE {" AND ".join(where)}
        GROUP BY {group}, lower({_TARGET}), ta.code
        ORDER BY {group}, count(*) DESC, target"""
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    out = []
    for r in store.query(sql, params):
        d = dict(r)
        n = d["statements"]
        counts = {p: d[p] for p in ("negative", "neutral", "positive")}
        top = max(counts.values())
        winners = [p for p, c in counts.items() if c == top]
        d["stance"] = winners[0] if len(winners) == 1 else "neutral"
        d["net"] = round((d["positive"] - d["negative"]) / n, 3) if n else 0.0
        out.append(d)
    return out
