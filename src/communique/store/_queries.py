"""Read-side queries behind ``communique events|quotes|articles``: flat rows, filters on
actor, outlet and publication dates."""

from __future__ import annotations

import re
from typing import Any

from ..errors import UsageError
from ._store import Store


def _actor_clause(alias: str, actor: str) -> str:
    """An actor filter: a 3-letter code (RUS, IGO) matches codes only; anything else an id
    or part of a name."""
    if re.fullmatch(r"[A-Z]{3}", actor):
        return f"({alias}.code = :actor OR {alias}.country = :actor)"
    return f"({alias}.id = :actor OR lower({alias}.name) LIKE '%' || lower(:actor) || '%')"


def query(
    store: Store,
    kind: str,
    *,
    actor: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    where = ["1=1"]
    params: dict[str, Any] = {"actor": actor, "outlet": outlet, "since": since, "until": until}
    if outlet:
        where.append("lower(a.outlet) = lower(:outlet)")
    if since:
        where.append("substr(a.published, 1, 10) >= :since")
    if until:
        where.append("substr(a.published, 1, 10) <= :until")
    if kind == "events":
        if actor:
            where.append(f"({_actor_clause('sa', actor)} OR {_actor_clause('ta', actor)})")
        sql = f"""
            SELECT e.date, e.date_precision, sa.name AS source, sa.code AS source_code, sa.sector AS source_sector,
                   e.type, ta.name AS target, ta.code AS target_code, ta.sector AS target_sector,
                   e.negated, e.hypothetical, e.cameo, e.quad, e.intensity, e.confidence,
                   sp.name AS reported_by_speaker, e.trigger_text AS trigger,
                   e.evidence_text AS evidence, e.evidence_start, e.evidence_end, e.in_title,
                   a.outlet, a.published, a.url, a.origin, e.article_id, e.id AS event_id
            FROM events e JOIN articles a ON a.id = e.article_id
            LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.id = e.source_actor_id
            LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.id = e.target_actor_id
            LEFT JOIN quotes q ON q.article_id = e.article_id AND q.id = e.reported_by
            LEFT JOIN actors sp ON sp.article_id = q.article_id AND sp.id = q.speaker_actor_id
            WHERE {" AND ".join(where)}
            ORDER BY coalesce(e.date, a.published), a.published, e.article_id, e.id"""
    elif kind == "quotes":
        if actor:
            where.append(_actor_clause("sa", actor))
        sql = f"""
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
            WHERE {" AND ".join(where)}
            ORDER BY a.published, q.article_id, q.id"""
    elif kind == "articles":
        if actor:
            where.append(
                f"EXISTS (SELECT 1 FROM actors sa WHERE sa.article_id = a.id AND {_actor_clause('sa', actor)})"
            )
        sql = f"""
            SELECT a.published, a.outlet, a.title, a.url, a.origin,
                   (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
                   (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
                   length(a.text) AS chars, a.id
            FROM articles a WHERE {" AND ".join(where)}
            ORDER BY a.published, a.id"""
    else:
        raise UsageError(f"unknown query {kind!r}")
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    rows = store.query(sql, params)
    out = []
    for r in rows:
        d = dict(r)
        for b in ("negated", "hypothetical", "in_title"):
            if b in d:
                d[b] = bool(d[b])
        out.append(d)
    return out
