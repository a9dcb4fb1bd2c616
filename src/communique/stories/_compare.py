"""A story compared across its outlets: who covered it and when (the first reporter),
whom each quoted (speakers with their country, sector and side; state-affiliated outlets
flagged from the outlet table), which story events and which voices each left out that at
least two other outlets reported, and each outlet's stance toward the story's main actors.

Everything is read from the store; :func:`story_report` returns plain data (the JSON of
``communique story ID --format json``), :func:`story_markdown` renders it."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from ..errors import UsageError
from ..records import SCHEMA
from ..store import Store
from ._features import actor_key

#: Actors of a story whose stance per outlet is shown: the most mentioned ones.
MAIN_ACTORS = 4

#: An event or voice is "left out" by an outlet when at least this many other outlets of
#: the story reported it.
LEFT_OUT_BY = 2

#: Sectors of officials (their words speak for a state or an organisation).
OFFICIAL = {"GOV", "DIP", "MIL", "LEG", "JUD", "COP", "SPY"}


def resolve_story(store: Store, story_id: str) -> str:
    """The id of a story now (a story merged into another answers with the other's id)."""
    sid = story_id.strip()
    row = store.conn.execute("SELECT into_id FROM story_merged WHERE id = ?", (sid,)).fetchone()
    if row is not None:
        sid = row[0]
    if store.conn.execute("SELECT 1 FROM stories WHERE id = ?", (sid,)).fetchone() is None:
        raise UsageError(
            f"no story {story_id!r} in {store.path}; `communique stories` lists the stories"
        )
    return sid


def _names(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """A display name for each actor key (a country code or an actor id)."""
    out: dict[str, str] = {}
    for key in ids:
        row = (
            store.conn.execute("SELECT name FROM actors WHERE id = ? LIMIT 1", (key,)).fetchone()
            or store.conn.execute(
                "SELECT name FROM actors WHERE code = ? AND kind = 'state' LIMIT 1", (key,)
            ).fetchone()
        )
        out[key] = row[0] if row else key
    return out


def instant(published: str | None) -> tuple[str, str]:
    """A sort key putting publication times in the order they happened: UTC when the
    time carries its offset, else as written."""
    if not published:
        return ("", "")
    try:
        when = datetime.fromisoformat(published)
    except ValueError:
        return (published, published)
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return (when.strftime("%Y-%m-%dT%H:%M"), published)


def _articles(store: Store, sid: str) -> list[dict[str, Any]]:
    rows = store.query(
        """SELECT a.id, a.outlet, a.published, a.title, a.url, o.country, o.ownership
           FROM story_articles s JOIN articles a ON a.id = s.article_id
           LEFT JOIN outlets o ON o.name = a.outlet
           WHERE s.story_id = ? ORDER BY a.published, a.id""",
        (sid,),
    )
    rows = sorted(rows, key=lambda r: (instant(r[2]), r[0]))
    return [
        {
            "article_id": r[0],
            "outlet": r[1],
            "published": r[2],
            "title": r[3],
            "url": r[4],
            "outlet_country": r[5],
            "ownership": r[6],
        }
        for r in rows
    ]


def _main_actors(store: Store, sid: str) -> list[str]:
    counts: Counter[str] = Counter()
    for (keys,) in store.conn.execute(
        """SELECT f.keys FROM story_articles s JOIN story_features f
           ON f.article_id = s.article_id WHERE s.story_id = ?""",
        (sid,),
    ):
        counts.update(json.loads(keys))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [k for k, _ in ranked[:MAIN_ACTORS]]


def _events(store: Store, sid: str, names: dict[str, str]) -> list[dict[str, Any]]:
    rows = store.query(
        """SELECT se.act, se.article_id, se.event_id, e.type, e.date, e.negated,
                  e.hypothetical, e.evidence_text, coalesce(json_array_length(e.also), 0),
                  sa.id, sa.code, sa.name, ta.id, ta.code, ta.name, a.outlet, a.published
           FROM story_events se
           JOIN events e ON e.article_id = se.article_id AND e.id = se.event_id
           JOIN articles a ON a.id = se.article_id
           LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.id = e.source_actor_id
           LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.id = e.target_actor_id
           WHERE se.story_id = ? ORDER BY se.act, a.published, se.article_id, se.event_id""",
        (sid,),
    )
    acts: dict[int, dict[str, Any]] = {}
    for r in rows:
        act = acts.get(r[0])
        if act is None:
            source = actor_key(r[9], r[10]) if r[9] else None
            target = actor_key(r[12], r[13]) if r[12] else None
            act = acts[r[0]] = {
                "act": r[0],
                "type": r[3],
                "source": source,
                "source_name": r[11],
                "target": target,
                "target_name": r[14],
                "date": r[4] or (r[16] or "")[:10] or None,
                "negated": bool(r[5]),
                "hypothetical": bool(r[6]),
                "evidence": r[7],
                "reports": [],
            }
        act["reports"].append(
            {
                "article_id": r[1],
                "event_id": r[2],
                "outlet": r[15],
                "published": r[16],
                "evidence": r[7],
                "repeats": r[8],
            }
        )
    out = []
    for act in acts.values():
        reports = act["reports"]
        act["mentions"] = sum(1 + r["repeats"] for r in reports)
        act["articles"] = len({r["article_id"] for r in reports})
        act["outlets"] = sorted({r["outlet"] for r in reports if r["outlet"]})
        act["sources"] = len(act["outlets"])
        for key in ("source", "target"):
            if act[key] and act[key] in names:
                act[f"{key}_name"] = names[act[key]]
        out.append(act)
    return out


def _speakers(store: Store, sid: str, mains: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    rows = store.query(
        """SELECT a.outlet, q.speaker_actor_id, q.speaker_text, q.source_kind,
                  x.name, x.code, x.sector, x.kind
           FROM story_articles s JOIN quotes q ON q.article_id = s.article_id
           JOIN articles a ON a.id = s.article_id
           LEFT JOIN actors x ON x.article_id = q.article_id AND x.id = q.speaker_actor_id
           WHERE s.story_id = ? ORDER BY a.published, q.article_id, q.id""",
        (sid,),
    )
    per: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for outlet, actor_id, text, kind, name, code, sector, akind in rows:
        if actor_id:
            key, who = actor_id, name
        elif kind == "unnamed" or not text:
            key, who = "unnamed", "unnamed sources"
        else:
            key, who = f"text:{text.casefold()}", text
        country = code if code and code not in ("IGO", "NGO") else None
        side = country if country in mains else ("other" if country else None)
        entry = per[outlet or ""].setdefault(
            key,
            {
                "speaker": who,
                "actor_id": actor_id,
                "country": country,
                "sector": sector,
                "official": sector in OFFICIAL or akind in ("state", "IGO"),
                "side": side,
                "quotes": 0,
            },
        )
        entry["quotes"] += 1
    return {o: sorted(d.values(), key=lambda e: -e["quotes"]) for o, d in per.items()}


def _stance(store: Store, sid: str, mains: Sequence[str]) -> dict[str, dict[str, Any]]:
    rows = store.query(
        """SELECT a.outlet, x.id, x.code, st.polarity FROM story_articles s
           JOIN stance st ON st.article_id = s.article_id
           JOIN articles a ON a.id = s.article_id
           JOIN actors x ON x.article_id = st.article_id AND x.id = st.target_actor_id
           WHERE s.story_id = ?""",
        (sid,),
    )
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for outlet, aid, code, polarity in rows:
        key = actor_key(aid, code)
        if key in mains:
            counts[(outlet or "", key)][polarity] += 1
    out: dict[str, dict[str, Any]] = defaultdict(dict)
    for (outlet, key), c in sorted(counts.items()):
        n = sum(c.values())
        out[outlet][key] = {
            "statements": n,
            "negative": c["negative"],
            "neutral": c["neutral"],
            "positive": c["positive"],
            "net": round((c["positive"] - c["negative"]) / n, 3),
        }
    return out


def story_report(store: Store, story_id: str) -> dict[str, Any]:
    """Everything ``communique story ID`` shows, as plain data."""
    sid = resolve_story(store, story_id)
    head = store.query(
        "SELECT id, title, first, last, articles, outlets, events FROM stories WHERE id = ?",
        (sid,),
    )[0]
    articles = _articles(store, sid)
    mains = _main_actors(store, sid)
    names = _names(store, mains)
    events = _events(store, sid, names)
    names.update(
        {
            a[k]: a[f"{k}_name"]
            for a in events
            for k in ("source", "target")
            if a[k] and a[k] not in names
        }
    )
    speakers = _speakers(store, sid, mains)
    stance = _stance(store, sid, mains)
    outlets: dict[str, dict[str, Any]] = {}
    for art in articles:
        o = outlets.setdefault(
            art["outlet"] or "",
            {
                "outlet": art["outlet"],
                "country": art["outlet_country"],
                "ownership": art["ownership"],
                "state_affiliated": art["ownership"] == "state-affiliated",
                "first_published": art["published"],
                "first_reporter": False,
                "articles": [],
            },
        )
        o["articles"].append(art["article_id"])
    if outlets:
        next(iter(outlets.values()))["first_reporter"] = True
    reported = {o: {e["act"] for e in events if o in e["outlets"]} for o in outlets}
    voices: dict[str, set[str]] = {
        o: {s["speaker"] for s in speakers.get(o, []) if s["actor_id"]} for o in outlets
    }
    for name, o in outlets.items():
        o["speakers"] = speakers.get(name, [])
        o["events"] = sorted(reported[name])
        o["left_out_events"] = [
            e["act"]
            for e in events
            if e["act"] not in reported[name]
            and len([x for x in e["outlets"] if x != name]) >= LEFT_OUT_BY
        ]
        others = Counter(v for other, vs in voices.items() if other != name for v in vs)
        o["left_out_voices"] = sorted(
            v for v, n in others.items() if n >= LEFT_OUT_BY and v not in voices[name]
        )
        o["stance"] = stance.get(name, {})
    return {
        "schema": SCHEMA,
        "story": {
            "id": head[0],
            "title": head[1],
            "first": head[2],
            "last": head[3],
            "articles": head[4],
            "outlets": head[5],
            "events": head[6],
        },
        "main_actors": [{"key": k, "name": names.get(k, k)} for k in mains],
        "articles": articles,
        "outlets": list(outlets.values()),
        "events": events,
    }


def _act_label(e: dict[str, Any]) -> str:
    who = e["source_name"] or e["source"] or "?"
    whom = f" {e['target_name'] or e['target']}" if e["target"] else ""
    flags = ("not " if e["negated"] else "") + e["type"] + ("?" if e["hypothetical"] else "")
    return f"{who} {flags}{whom}"


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def story_markdown(report: dict[str, Any], *, evidence_chars: int = 120) -> str:
    """The report as Markdown: coverage, voices, story events, what each outlet left out,
    and stance toward the main actors."""
    s = report["story"]
    events = {e["act"]: e for e in report["events"]}
    lines = [
        f"## {_cell(s['title'])}",
        "",
        f"Story `{s['id']}`: {s['articles']} articles from {s['outlets']} outlets, "
        f"{(s['first'] or '')[:10]} to {(s['last'] or '')[:10]}; {s['events']} story events "
        "(each act counted once).",
        "",
        "### Coverage",
        "",
        "| outlet | ownership | first published | articles | quoted (country, sector, side) |",
        "|---|---|---|---|---|",
    ]
    for o in report["outlets"]:
        owner = o["ownership"] or "unknown"
        if o["state_affiliated"]:
            owner = f"**{owner}**"
        if o["country"]:
            owner += f" ({o['country']})"
        first = (o["first_published"] or "")[:16] + (" (first)" if o["first_reporter"] else "")
        quoted = "; ".join(
            f"{sp['speaker']} ({', '.join(x for x in (sp['country'], sp['sector'], sp['side'] and 'side ' + sp['side']) if x) or 'unresolved'}) ×{sp['quotes']}"
            for sp in o["speakers"]
        )
        lines.append(
            f"| {_cell(o['outlet'])} | {owner} | {first} | {len(o['articles'])} | "
            f"{_cell(quoted) or '—'} |"
        )
    lines += [
        "",
        "### Story events",
        "",
        "| # | act | date | mentions | sources | articles | outlets | evidence (first report) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for e in report["events"]:
        ev = e["evidence"] or ""
        if len(ev) > evidence_chars:
            ev = ev[: evidence_chars - 1] + "…"
        lines.append(
            f"| {e['act']} | {_cell(_act_label(e))} | {e['date'] or ''} | {e['mentions']} | "
            f"{e['sources']} | {e['articles']} | {_cell(', '.join(e['outlets']))} | {_cell(ev)} |"
        )
    lines += ["", f"### Left out (reported by at least {LEFT_OUT_BY} other outlets)", ""]
    any_left = False
    for o in report["outlets"]:
        parts = [
            f"#{n} {_act_label(events[n])} ({', '.join(events[n]['outlets'])})"
            for n in o["left_out_events"]
        ]
        if o["left_out_voices"]:
            parts.append("did not quote " + ", ".join(o["left_out_voices"]))
        if parts:
            any_left = True
            lines.append(f"- **{_cell(o['outlet'])}**: " + "; ".join(_cell(p) for p in parts))
    if not any_left:
        lines.append("- nothing: no outlet left out what two others reported")
    mains = report["main_actors"]
    if mains:
        lines += [
            "",
            "### Stance toward the main actors",
            "",
            "net = (positive − negative) / statements, with the number of statements",
            "",
            "| outlet | " + " | ".join(_cell(m["name"]) for m in mains) + " |",
            "|---|" + "---|" * len(mains),
        ]
        for o in report["outlets"]:
            cells = []
            for m in mains:
                st = o["stance"].get(m["key"])
                cells.append(f"{st['net']:+.2f} ({st['statements']})" if st else "—")
            lines.append(f"| {_cell(o['outlet'])} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def list_stories(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    outlet: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stories, latest first: those overlapping ``since``..``until`` (publication days),
    with an article naming ``actor`` (a code, registry id or part of a name), or covered by
    ``outlet`` (a name or a domain)."""
    where = ["1=1"]
    params: dict[str, Any] = {}
    if since:
        where.append("st.last >= :since")
        params["since"] = since
    if until:
        where.append("substr(st.first, 1, length(:until)) <= :until")
        params["until"] = until
    if actor:
        where.append(
            """EXISTS (SELECT 1 FROM story_articles s JOIN actors x ON x.article_id = s.article_id
               WHERE s.story_id = st.id AND (x.code = upper(:actor) OR x.id = :actor
               OR lower(x.name) LIKE '%' || lower(:actor) || '%'))"""
        )
        params["actor"] = actor
    if outlet:
        where.append(
            """EXISTS (SELECT 1 FROM story_articles s JOIN articles a ON a.id = s.article_id
               WHERE s.story_id = st.id AND (lower(a.outlet) = lower(:outlet)
               OR a.url LIKE '%' || lower(:outlet) || '%'))"""
        )
        params["outlet"] = outlet
    sql = f"""SELECT st.id, st.first, st.last, st.articles, st.outlets, st.events, st.title,
                (SELECT group_concat(DISTINCT a.outlet) FROM story_articles s
                 JOIN articles a ON a.id = s.article_id WHERE s.story_id = st.id) AS outlet_names
              FROM stories st WHERE {" AND ".join(where)}
              ORDER BY st.first DESC, st.id"""
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return [
        {
            "id": r[0],
            "first": r[1],
            "last": r[2],
            "articles": r[3],
            "outlets": r[4],
            "events": r[5],
            "title": r[6],
            "outlet_names": sorted((r[7] or "").split(",")) if r[7] else [],
        }
        for r in store.query(sql, params)
    ]
