"""Read-side queries behind ``communique events|quotes|articles|stance``: flat rows,
filters on actor, outlet and publication dates; stance also summed up per outlet, article
or speaker and target."""

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


def _article_filters(outlet: str | None, since: str | None, until: str | None) -> list[str]:
    """WHERE conditions on the article (alias ``a``): its outlet and publication days."""
    where = ["1=1"]
    if outlet:
        where.append("lower(a.outlet) = lower(:outlet)")
    if since:
        where.append("substr(a.published, 1, 10) >= :since")
    if until:
        where.append("substr(a.published, 1, 10) <= :until")
    return where


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
    where = _article_filters(outlet, since, until)
    params: dict[str, Any] = {"actor": actor, "outlet": outlet, "since": since, "until": until}
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
    unknown = "(ta.id IS NULL AND lower(s.target_text) LIKE '%' || lower(:actor) || '%')"
    return f"({_actor_clause('ta', actor)} OR {unknown})"


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
) -> list[dict[str, Any]]:
    """Stance records (``by="statement"``), or summed up per ``by`` (outlet, article or
    speaker) and target: how many statements were negative, neutral and positive, the most
    common polarity (ties go to neutral) and the net balance (positive − negative) /
    statements. ``actor`` names the target and ``speaker`` the holder (a code such as
    USA, a registry id or part of a name): a quote's speaker, or the actor that is the
    subject of the sentence's predicate; ``holder`` keeps only one kind of holder
    ("outlet", "speaker" or "subject")."""
    if by not in (*STANCE_GROUPS, "statement"):
        raise UsageError(
            f"stance is listed by statement or summed up by {', '.join(STANCE_GROUPS)}, not {by!r}"
        )
    where = _article_filters(outlet, since, until)
    params: dict[str, Any] = {
        "actor": actor,
        "speaker": speaker,
        "outlet": outlet,
        "since": since,
        "until": until,
        "holder": holder,
    }
    if actor:
        where.append(_target_clause(actor))
    if speaker:
        where.append("s.holder_kind != 'outlet'")
        named = "lower(s.holder_text) LIKE '%' || lower(:speaker) || '%'"
        where.append(f"({_actor_clause('ha', speaker).replace(':actor', ':speaker')} OR {named})")
    if holder:
        where.append("s.holder_kind = :holder")
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
