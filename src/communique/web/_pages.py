"""What each page shows, read from the store: plain functions that return the values a
template lays out. Every query goes through the store's query layer (filters checked and
resolved there, values passed as parameters) or the relations package; nothing here puts
what a visitor typed into SQL text."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar
from urllib.parse import urlsplit

from ..errors import UsageError
from ..records import PLOVER_TYPES, Analysis
from ..relations import PERIODS, Series, dyad_acts, series_of, top_dyads, with_evidence
from ..store import QUADS, Filters, Store, check_date, iter_query, stance_rows
from ..stories import LEFT_OUT_BY, list_stories, resolve_story, story_report
from ._chart import chart
from ._marks import Mark, pieces
from ._memo import Memo

#: Rows a list shows per page.
PAGE_ROWS = 50
#: Latest articles on the overview.
LATEST = 15
#: Latest stories on the overview.
LATEST_STORIES = 8
#: Busiest dyads on the overview, acts of articles published in the last RECENT_MONTHS
#: calendar months before the latest one; the dyads page lists BUSIEST over YEAR_MONTHS.
TOP_DYADS = 10
RECENT_MONTHS = 3
BUSIEST = 30
YEAR_MONTHS = 12
#: Rows of each list on an actor's page.
ACTOR_ROWS = 25
#: What a search lists.
SEARCH_KINDS = ("articles", "events", "quotes")


class NotFound(Exception):
    """A page asked for something the store does not hold (a 404)."""


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL, else None: only those become links (a
    ``javascript:`` or ``data:`` URL in an article is shown as text, never followed)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


# -- overview ----------------------------------------------------------------------------
#: The counts the overview shows, each a table of the store.
COUNTED = ("articles", "quotes", "events", "stance", "mentions", "duplicates", "failures")


def _kept(memo: Memo | None, key: tuple[Any, ...], make: Any) -> Any:
    """``make()``, or the answer ``memo`` keeps for ``key`` while the store is unchanged."""
    return make() if memo is None else memo.get(key, make)


def _busiest(store: Store, registry: Any, memo: Memo | None, n: int, since: str) -> Any:
    """The ``n`` busiest dyads of the acts of articles published since ``since``."""
    return _kept(
        memo,
        ("top_dyads", n, since),
        lambda: top_dyads(store, n, since=since, published_since=since, registry=registry),
    )


def overview(store: Store, registry: Any, memo: Memo | None = None) -> dict[str, Any]:
    counts = _kept(
        memo,
        ("counts",),
        lambda: {t: store.query(f"SELECT count(*) FROM {t}")[0][0] for t in COUNTED},
    )
    latest = [
        dict(r)
        for r in store.query(
            """SELECT a.id, a.published, a.outlet, a.title, a.url,
                      (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
                      (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
               FROM articles a ORDER BY a.published DESC, a.id LIMIT ?""",
            (LATEST,),
        )
    ]
    last = store.query("SELECT max(published) FROM articles")[0][0]
    since = _months_before(last, RECENT_MONTHS) if last else None
    dyads = _busiest(store, registry, memo, TOP_DYADS, since) if since else []
    failures = [
        dict(r)
        for r in store.query(
            "SELECT origin, reason, code, at FROM failures ORDER BY at DESC LIMIT 5"
        )
    ]
    return {
        "counts": counts,
        "latest": latest,
        "stories": list_stories(store, limit=LATEST_STORIES),
        "dyads": dyads,
        "dyads_since": since,
        "failures": failures,
    }


def _months_before(published: str, months: int) -> str:
    """The first day of the month ``months`` before the month of ``published`` (ISO)."""
    y, m = int(published[:4]), int(published[5:7] or 1) if len(published) >= 7 else 1
    m -= months
    while m < 1:
        m += 12
        y -= 1
    return f"{y:04d}-{m:02d}"


# -- search ------------------------------------------------------------------------------
def _field(params: Mapping[str, str], name: str) -> str:
    """A form field as typed, trimmed and cut to a sane length."""
    return (params.get(name) or "").strip()[:200]


def _page_number(params: Mapping[str, str]) -> int:
    """The page of a list asked for: 1 to 1000, 1 when it is not a number."""
    try:
        return max(1, min(int(_field(params, "page") or 1), 1000))
    except ValueError:
        return 1


@dataclasses.dataclass(frozen=True)
class ListForm:
    """The filters every list page has (actor, outlet, publication dates) and its page, as
    the form sent them: every field is text, checked before any query."""

    actor: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    page: int = 1

    #: Fields a link to another page of the list always carries / never carries.
    KEPT: ClassVar[tuple[str, ...]] = ()
    DROPPED: ClassVar[tuple[str, ...]] = ()

    def link(self, **change: Any) -> dict[str, str]:
        """The form's fields (changed as given) as query parameters, empty ones left out."""
        d = {**dataclasses.asdict(self), **change}
        return {
            k: str(v)
            for k, v in d.items()
            if k not in self.DROPPED and (v not in ("", None, 1) or k in self.KEPT)
        }


@dataclasses.dataclass(frozen=True)
class SearchForm(ListForm):
    """A search as the form sent it."""

    q: str = ""
    kind: str = ""
    type: str = ""
    listed: bool = False  # the kind was chosen: list it even with no other field

    KEPT: ClassVar[tuple[str, ...]] = ("kind",)
    DROPPED: ClassVar[tuple[str, ...]] = ("listed",)

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> SearchForm:
        def get(name: str) -> str:
            return _field(params, name)

        page = _page_number(params)
        kind = get("kind")
        listed = kind in SEARCH_KINDS
        if get("type"):  # an event type asks for events
            kind = "events"
        if kind not in SEARCH_KINDS:
            kind = "articles" if get("q") else "events"
        return cls(
            q=get("q"),
            kind=kind,
            actor=get("actor"),
            outlet=get("outlet"),
            since=get("since"),
            until=get("until"),
            type=get("type").upper(),
            page=page,
            listed=listed,
        )

    @property
    def asked(self) -> bool:
        return self.listed or any(
            (self.q, self.actor, self.outlet, self.since, self.until, self.type)
        )

    def filters(self) -> Filters:
        return Filters(
            actors=(self.actor,) if self.actor else (),
            outlets=(self.outlet,) if self.outlet else (),
            since=check_date(self.since, "since") if self.since else None,
            until=check_date(self.until, "until") if self.until else None,
            types=(self.type,) if self.type else (),
        )


def search(
    store: Store, registry: Any, form: SearchForm, rows_per_page: int = PAGE_ROWS
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "form": form,
        "kinds": SEARCH_KINDS,
        "types": PLOVER_TYPES,
        "rows": [],
        "more": False,
        "outlets": [r[0] for r in store.query("SELECT DISTINCT outlet FROM articles ORDER BY 1")],
    }
    if not form.asked:
        return out
    kind = "search" if form.kind == "articles" and form.q else form.kind
    skip = (form.page - 1) * rows_per_page
    rows = iter_query(
        store,
        kind,
        form.filters(),
        text=form.q or None,
        limit=skip + rows_per_page + 1,
        registry=registry,
    )
    got = list(itertools.islice(rows, skip, None))
    out["rows"] = got[:rows_per_page]
    out["more"] = len(got) > rows_per_page
    out["kind"] = kind
    return out


# -- article -----------------------------------------------------------------------------
def article(store: Store, article_id: str, focus: str | None = None) -> dict[str, Any]:
    if not store.query("SELECT 1 FROM articles WHERE id = ?", (article_id,)):
        raise NotFound(f"no article {article_id!r} in this store")
    an = store.load(article_id)
    names = {a.id: a for a in an.actors}

    def name(actor_id: str | None, fallback: str | None = None) -> str:
        a = names.get(actor_id or "")
        return a.name if a else (fallback or "—")

    events = [_event_record(an, e, name) for e in an.events]
    quotes = [_quote_record(q, name) for q in an.quotes]
    marks: list[Mark] = []
    title_marks: list[Mark] = []
    for rec, e in zip(events, an.events, strict=True):
        into = title_marks if e.in_title else marks
        into.append(Mark(e.evidence.start, e.evidence.end, "evidence", rec["ref"], rec["note"]))
        into.append(Mark(e.trigger.start, e.trigger.end, "trigger", rec["ref"], rec["note"]))
    for rec, q in zip(quotes, an.quotes, strict=True):
        into = title_marks if q.in_title else marks
        for part in q.content:
            into.append(Mark(part.start, part.end, "quote", rec["ref"], rec["note"]))
        if q.speaker:
            into.append(Mark(q.speaker.start, q.speaker.end, "speaker", rec["ref"], rec["note"]))
        if q.cue:
            into.append(Mark(q.cue.start, q.cue.end, "cue", rec["ref"], rec["note"]))
    mentions = []
    for m in an.mentions:
        if not m.actor_id:
            continue
        a = names.get(m.actor_id)
        ref = "a-" + _slug(m.actor_id)
        note = f"{a.name if a else m.actor_id} ({_actor_line(a)})" if a else m.actor_id
        (title_marks if m.in_title else marks).append(
            Mark(m.span.start, m.span.end, "mention", ref, "actor: " + note)
        )
        mentions.append(m.actor_id)
    mentioned = {i: mentions.count(i) for i in dict.fromkeys(mentions)}
    actors = [
        {"ref": "a-" + _slug(a.id), "actor": a, "line": _actor_line(a), "mentions": n}
        for i, n in mentioned.items()
        if (a := names.get(i)) is not None
    ]
    stance = [
        {
            "holder": s.holder.text
            if s.holder
            else ("the outlet" if s.holder_kind == "outlet" else "—"),
            "holder_kind": s.holder_kind,
            "target": name(s.target_actor_id, s.target.text if s.target else None),
            "polarity": s.polarity,
            "score": s.score,
            "evidence": s.evidence.text if s.evidence else "",
        }
        for s in an.stance
    ]
    return {
        "an": an,
        "art": an.article,
        "url": safe_url(an.article.url),
        "title": pieces(an.article.title or "", title_marks),
        "text": pieces(an.article.text, marks),
        "events": events,
        "quotes": quotes,
        "actors": sorted(actors, key=lambda r: -r["mentions"]),
        "stance": stance,
        "removed": an.article.removed,
        "focus": focus,
        "story": _story_of(store, article_id),
    }


def _story_of(store: Store, article_id: str) -> dict[str, Any] | None:
    """The story an article belongs to (id, title, counts), or None before grouping."""
    rows = store.query(
        """SELECT st.id, st.title, st.articles, st.outlets FROM story_articles s
           JOIN stories st ON st.id = s.story_id WHERE s.article_id = ?""",
        (article_id,),
    )
    return dict(rows[0]) if rows else None


def _slug(actor_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in actor_id)


def _actor_line(a: Any) -> str:
    if a is None:
        return ""
    bits = [a.kind, a.code, a.sector, a.role, "learned from the text" if a.learned else None]
    return ", ".join(b for b in bits if b)


def _event_record(an: Analysis, e: Any, name: Any) -> dict[str, Any]:
    src = name(e.source_actor_id, e.source.text if e.source else None)
    tgt = name(e.target_actor_id, e.target.text if e.target else None)
    flags = [f for f, on in (("negated", e.negated), ("hypothetical", e.hypothetical)) if on]
    reporter = next((q for q in an.quotes if q.id == e.reported_by), None)
    note = (
        f"event {e.id}: {src} {e.type} {tgt if e.target_actor_id or e.target else ''}".rstrip()
        + f" · CAMEO {e.cameo or '—'} · {e.quad or '—'}"
        + (f" · {', '.join(flags)}" if flags else "")
        + f" · confidence {e.confidence:.2f}"
        + (f" · dated {e.date}" if e.date else "")
    )
    return {
        "ref": f"ev-{e.id}",
        "id": e.id,
        "event": e,
        "source": src,
        "target": tgt if (e.target_actor_id or e.target) else None,
        "source_id": e.source_actor_id,
        "target_id": e.target_actor_id,
        "flags": flags,
        "reported_by": (reporter.speaker.text if reporter and reporter.speaker else None),
        "reported_ref": f"q-{reporter.id}" if reporter else None,
        "note": note,
    }


def _quote_record(q: Any, name: Any) -> dict[str, Any]:
    speaker = name(q.speaker_actor_id, q.speaker.text if q.speaker else None)
    content = " … ".join(p.text for p in q.content)
    note = f"quote {q.id} ({q.type}): {speaker}" + (f", cue “{q.cue.text}”" if q.cue else "")
    return {
        "ref": f"q-{q.id}",
        "id": q.id,
        "quote": q,
        "speaker": speaker,
        "speaker_id": q.speaker_actor_id,
        "content": content,
        "note": note,
    }


# -- actor -------------------------------------------------------------------------------
def registry_by_id(registry: Any) -> dict[str, list[Any]]:
    """The registry's entries by actor id (a person once per role), made once per app."""
    out: dict[str, list[Any]] = {}
    for e in registry.entries():
        out.setdefault(e.id, []).append(e)
    return out


def actor(
    store: Store,
    registry: Any,
    by_id: Mapping[str, list[Any]],
    actor_id: str,
    on: str | None,
    memo: Memo | None = None,
) -> dict[str, Any]:
    """An actor's page. Its sums over the whole store (how articles named the actor, the
    stance toward and by it) are kept while the store is unchanged."""
    day = _day(on) if on else None
    entries = list(by_id.get(actor_id, ()))
    stored = _kept(memo, ("actor_stored", actor_id), lambda: _actor_stored(store, actor_id))
    if not entries and not stored:
        raise NotFound(f"no actor {actor_id!r} in the registry or this store")
    held = [e for e in entries if day is None or e.valid_on(day)]
    last = store.query("SELECT max(published) FROM articles")[0][0]
    stance_since = _months_before(last, YEAR_MONTHS) if last else None
    name = entries[0].name if entries else stored[0]["name"]
    f = Filters(actors=(actor_id,), exact_ids=True)

    def rows(kind: str, filters: Filters) -> list[dict[str, Any]]:
        return list(iter_query(store, kind, filters, limit=ACTOR_ROWS, registry=registry))

    return {
        "id": actor_id,
        "name": name,
        "date": on,
        "entries": entries,
        "held": held,
        "stored": stored,
        "quotes": rows("quotes", f),
        "as_source": rows("events", Filters(sources=(actor_id,), exact_ids=True)),
        "as_target": rows("events", Filters(targets=(actor_id,), exact_ids=True)),
        "code": next((s["code"] for s in stored if s["code"]), None)
        or next((e.code for e in entries if e.code), None),
        "stance_since": stance_since,
        "says_about": _kept(
            memo,
            ("stance_by", actor_id, stance_since),
            lambda: stance_rows(
                store, "speaker", holder_ids=(actor_id,), since=stance_since, limit=ACTOR_ROWS
            ),
        ),
        "treated": _kept(
            memo,
            ("stance_toward", actor_id, stance_since),
            lambda: stance_rows(
                store, "outlet", target_ids=(actor_id,), since=stance_since, limit=ACTOR_ROWS
            ),
        ),
        "limit": ACTOR_ROWS,
    }


def _actor_stored(store: Store, actor_id: str) -> list[dict[str, Any]]:
    """How the store's articles named an actor: each name, kind, code, role... with how
    many articles, the first and the last."""
    return [
        dict(r)
        for r in store.query(
            """SELECT x.name, x.kind, x.code, x.country, x.sector, x.role, x.learned,
                      count(*) AS articles, min(a.published) AS first, max(a.published) AS last
               FROM actors x JOIN articles a ON a.id = x.article_id
               WHERE x.id = ?
               GROUP BY x.name, x.kind, x.code, x.country, x.sector, x.role, x.learned
               ORDER BY max(a.published) DESC""",
            (actor_id,),
        )
    ]


def _day(value: str) -> date:
    v = check_date(value, "date")
    parts = [int(p) for p in v.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


# -- dyad --------------------------------------------------------------------------------
def dyad(
    store: Store, registry: Any, params: Mapping[str, str], memo: Memo | None = None
) -> dict[str, Any]:
    a = (params.get("a") or "").strip()[:200]
    b = (params.get("b") or "").strip()[:200]
    by = (params.get("by") or "month").strip().lower()
    both = params.get("both") in ("1", "on", "true")
    period = (params.get("period") or "").strip()[:20] or None
    out: dict[str, Any] = {
        "a": a,
        "b": b,
        "by": by,
        "both": both,
        "periods_by": PERIODS,
        "series": None,
        "period": None,
        "quads": QUADS,
    }
    if not (a and b):
        last = store.query("SELECT max(published) FROM articles")[0][0]
        since = _months_before(last, YEAR_MONTHS) if last else None
        out["dyads_since"] = since
        out["dyads"] = _busiest(store, registry, memo, BUSIEST, since) if since else []
        return out
    if by not in PERIODS:
        raise UsageError(f"by {by!r} is not a period; use one of {', '.join(PERIODS)}")
    series = _series(store, registry, memo, a, b, by, both)
    out["series"] = series
    out["chart"] = chart(series, period)
    shown = next((p for p in series.periods if p.period.label == period), None)
    out["period"] = with_evidence(store, shown) if shown is not None else None
    return out


def _series(
    store: Store, registry: Any, memo: Memo | None, a: str, b: str, by: str, both: bool
) -> Series:
    """The relation series of ``relations A B --by BY [--both]``, without evidence (the
    chart needs none; the period shown reads its own). The dyad's acts are kept apart from
    the series, so another ``by`` of the same dyad only counts them again; either way,
    the acts and series are the same whichever actor is named first."""
    pair = tuple(sorted((a, b))) if both else (a, b)

    def make() -> Series:
        found = _kept(
            memo,
            ("dyad_acts", *pair, both),
            lambda: dyad_acts(store, a, b, both=both, registry=registry, evidence=False),
        )
        return series_of(found, by=by)

    series: Series = _kept(memo, ("series", *pair, both, by), make)
    if (series.a, series.b) != (a, b):
        series = dataclasses.replace(series, a=a, b=b)
    return series


# -- stories -----------------------------------------------------------------------------
class StoriesForm(ListForm):
    """The stories list's filters (those of ``communique stories``) as the form sent them."""

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> StoriesForm:
        since, until, actor, outlet = (
            _field(params, k) for k in ("since", "until", "actor", "outlet")
        )
        return cls(actor=actor, outlet=outlet, since=since, until=until, page=_page_number(params))


def stories(store: Store, form: StoriesForm, rows_per_page: int = PAGE_ROWS) -> dict[str, Any]:
    skip = (form.page - 1) * rows_per_page
    got = list_stories(
        store,
        since=check_date(form.since, "since") if form.since else None,
        until=check_date(form.until, "until") if form.until else None,
        actor=form.actor or None,
        outlet=form.outlet or None,
        limit=skip + rows_per_page + 1,
    )[skip:]
    return {
        "form": form,
        "rows": got[:rows_per_page],
        "more": len(got) > rows_per_page,
        "outlets": [r[0] for r in store.query("SELECT DISTINCT outlet FROM articles ORDER BY 1")],
    }


def story(store: Store, story_id: str) -> dict[str, Any]:
    """The outlet comparison of ``communique story ID`` (:func:`story_report`), with each
    outlet's articles and left-out events looked up for the page."""
    try:
        sid = resolve_story(store, story_id)
    except UsageError:
        raise NotFound(f"no story {story_id!r} in this store") from None
    report = story_report(store, sid)
    acts = {e["act"]: e for e in report["events"]}
    articles = {a["article_id"]: a for a in report["articles"]}
    outlets = [
        {
            **o,
            "article_rows": [articles[i] for i in o["articles"] if i in articles],
            "left_out_acts": [acts[n] for n in o["left_out_events"] if n in acts],
        }
        for o in report["outlets"]
    ]
    return {
        "asked": story_id,
        "story": report["story"],
        "main_actors": report["main_actors"],
        "outlets": outlets,
        "events": report["events"],
        "left_out_by": LEFT_OUT_BY,
        "any_left_out": any(o["left_out_acts"] or o["left_out_voices"] for o in outlets),
    }
