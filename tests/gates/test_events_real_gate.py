"""Events on real news (scrapinghub-aeb pages, our own gold: tests/gold/README.md): the gold
files are well-formed, and the coder's recall, audited precision and silence on
non-political pages stay at least where they are (floors only rise; bench/events_real.py
prints the full table)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from communique.records import PLOVER_TYPES
from conftest import DATA, ROOT, bench_module, need_shared

GOLD = ROOT / "tests" / "gold"
#: Events of the gold as it stood when the recall floors were first set (36 pages).
FIRST_GOLD_EVENTS = 353
AEB = DATA / "scrapinghub-aeb"


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_event_gold_is_well_formed() -> None:
    need_shared(AEB)
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {p["page"]: p for p in _lines(GOLD / "aeb_pages.jsonl")}
    assert set(pages) == set(truth), "one page record for each of the 181 pages"
    events = _lines(GOLD / "events_aeb.jsonl")
    assert len(events) >= 500 and len({e["id"] for e in events}) == len(events)
    assert sum(p["annotated"] for p in pages.values()) >= 40  # issue 10: at least 40 pages
    for e in events:
        body = truth[e["page"]]["articleBody"]
        assert pages[e["page"]]["annotated"], e["id"]
        assert e["sentence"] in body and e["trigger"] in e["sentence"], e["id"]
        assert e["source"] in body and (e["target"] is None or e["target"] in body), e["id"]
        assert e["type"] in PLOVER_TYPES and e["cameo"][:2].isdigit(), e["id"]
        assert e["date_precision"] in ("day", "month", "year", None), e["id"]


@pytest.mark.slow
def test_real_news_events_do_not_regress(pipeline: Any) -> None:
    need_shared(AEB)
    events_real = bench_module("events_real")

    out = events_real.emitted(pipeline)
    pages = {p["page"]: p for p in _lines(GOLD / "aeb_pages.jsonl")}
    contests = [
        e
        for e in out
        if e["page"]
        and not pages[e["page"]]["political"]
        and pages[e["page"]]["domain"] in ("sports", "markets", "entertainment")
    ]
    assert not contests, contests
    gold = _lines(GOLD / "events_aeb.jsonl")
    # the first 353 events (36 pages) are the gold the first floors were set on; 8 more
    # pages (191 events, impeachment hearings and trade-war pages dense with testimony and
    # tariffs) were annotated later: each set keeps its own floors, which only rise
    r = events_real.recall(gold[:FIRST_GOLD_EVENTS], out, "all")
    # measured 0.093 / 0.082; 0.099 / 0.085 since the ninth session; 0.102 / 0.088 since
    # the tenth; 0.119 / 0.093 since the eleventh; 0.122 / 0.096 since the twelfth, which
    # counts the sentences where an article states an act again (the event's `also`);
    # 0.125 / 0.099 with object pronouns taken up ("threaten it"); 0.133 / 0.102 with "who"
    # after a group's name hung on a thing, a pronoun's antecedent the subject's possessor;
    # 0.142 / 0.108 since the fifteenth (aides, names set off by dashes); 0.147 / 0.113
    # since the nineteenth (meetings held by both sides, wants); 0.150 / 0.116 since the
    # twentieth (a person told again by nationality, "the Australian national", placed);
    # 0.161 / 0.125 since the twenty-first (civil groups as NGOs, legal cases dropped,
    # charges faced); 0.170 / 0.133 since the twenty-second (claims said to be wrong,
    # unnamed agents of a passive placed)
    assert r["dyad"] >= 0.169 and r["typed"] >= 0.133, r
    r = events_real.recall(gold, out, "all")
    # measured 0.059 / 0.050 (544 events, 2026-12-05). The dyad floor was 0.06 (0.0625):
    # two of those dyads were one event of a link teaser ("SEE MORE: Hong Kong protests:
    # 800 students under siege in university", judged wrong) whose words overlap two gold
    # sentences about the siege; teasers state no act now, and the typed recall, which
    # that event never matched, is unchanged
    # 0.066 / 0.059 since the sixth session (acts undergone, dated announcements,
    # coordinated peoples); 0.070 / 0.062 since the eighth (acts named by nouns)
    # 0.074 / 0.064 (40 and 35 of 544) since the ninth (places, bodies, counted groups)
    # 0.075 / 0.066 (41 and 36) since the tenth (answers promised, measures against)
    # 0.086 / 0.070 (47 and 38) since the eleventh (relative clauses, settings, titles,
    # talks halted); 0.096 / 0.075 (52 and 41) since the twelfth counts an act stated
    # again, one event with several evidence spans (issue 10, item 7), as found there too;
    # 0.108 / 0.083 (59 and 45) with object pronouns taken up; 0.114 / 0.085 (62 and 46)
    # with "who" after a group's name and the possessor of a subject as an antecedent;
    # 0.127 / 0.090 (69 and 49) with a person placed by a later title ("U.S. envoy
    # Sondland"); 0.136 / 0.097 (74 and 53) since the fifteenth (an aide of a
    # principal's state, names set off by dashes before their verb); 0.142 / 0.103 (77
    # and 56) since the nineteenth (meetings held by both sides, wanting someone to act);
    # 0.154 / 0.114 (84 and 62) since the twentieth ("the president" the holder named last
    # or of the article's state, where several are named); 0.162 / 0.121 (88 and 66) with
    # a possessor's encounter held whichever clause tells of it ("who described Trump's call
    # with Zelenskiy"); 0.164 / 0.123 (89 and 67) with a person placed by a nationality;
    # 0.173 / 0.131 (94 and 71) since the twenty-first (civil groups described as NGOs, a
    # body's initials, legal cases dropped, group nouns capitalised after a headline);
    # 0.175 / 0.131 (95 and 71) with charges faced as an accusation by the state; 0.180 /
    # 0.136 (98 and 74) since the twenty-second; 0.186 / 0.142 (101 and 77) in the
    # twenty-ninth (a judge placed where the court sits)
    assert r["dyad"] >= 0.185 and r["typed"] >= 0.141, r
    judged = _lines(GOLD / "events_audit.jsonl")
    named, targeted, kept = events_real.target_share(judged, out)
    # issue 10: "events with a target >= 75% where the sentence names one". Counted as any
    # target it was 0.754 (92 of 122), then 0.756, and is 0.748 (92 of 123) since a wrong
    # home-state target (Esper "met officials" in Hanoi → USA) was removed: a count that
    # rose with a wrong target measures nothing, so the floor is on the targets the audit
    # does not judge wrong, measured 0.683 (84 of 123, 2026-12-05, seventh session);
    # 0.690 (87 of 126) in the eighth, 0.701 (89 of 127) at its end; 0.708 (92 of 130)
    # in the ninth; 0.726 (98 of 135) in the tenth; 0.741 (103 of 139) in the eleventh;
    # 0.759 (107 of 141) in the twelfth (object pronouns taken up), 0.752 (109 of 145)
    # at its end (a person placed by a later title: four more sentences naming others);
    # 0.768 (116 of 151) in the fourteenth (common verbs, a dateline's sentence unsplit);
    # 0.774 (120 of 155) in the fifteenth; 0.802 (134 of 167) in the nineteenth; 0.805
    # (136 of 169) in the twentieth, 0.807 (138 of 171), then 0.803 (139 of 173: Assange
    # placed, one more sentence naming another); 0.818 (148 of 181) since the
    # twenty-second (background asides and demanded contents no longer coded); 0.835 (152
    # of 182) in the twenty-third (what the source called something, a maker hung on the
    # verb, a state's border)
    assert kept / named >= 0.83, (named, targeted, kept)
    verdicts = events_real.audit(judged, out)
    assert verdicts["unjudged"] == 0, "judge the new outputs (tests/gold/README.md) first"
    # measured 0.517 correct, 0.301 partial, 0.182 wrong (176 events, 2026-12-05, issue
    # 10's seventh session; 0.491 / 0.318 / 0.191 after the sixth, 0.479 / 0.327 / 0.194
    # after the fifth, 0.422 / 0.329 / 0.249 before it)
    # 0.526 / 0.306 / 0.168 (173 events) since the eighth (a present "when"/"if" clause of
    # a general truth is no act)
    # 0.543 / 0.293 / 0.163 (184 events) since the ninth (a doer that can act, opinions
    # and manners no acts, refusals, the day of a misparsed participle's clause)
    # 0.553 / 0.289 / 0.158 (190 events) since the tenth (threats made, answers promised,
    # claims called groundless, "after meeting X"); 0.562 / 0.294 / 0.144 (194 events)
    # since the eleventh (questions put and self-defence no acts); 0.571 / 0.286 / 0.143
    # (196 events) since the twelfth (a perfect past the lead undated, pronouns taken up);
    # 0.589 / 0.274 / 0.137 (197 events) with a pronoun source told by its name and a
    # body's president not the state's; 0.582 / 0.279 / 0.139 (201 events) with a person
    # placed by a later title and "he" first someone of its own sentence; 0.592 / 0.269 /
    # 0.139 (201 events) since the thirteenth (an undated act dated by the wire dateline);
    # 0.601 / 0.269 / 0.130 (208 events) since the fourteenth (the lead's day of statements);
    # 0.613 / 0.259 / 0.127 (212 events) since the fifteenth (four new outputs, correct);
    # 0.637 / 0.252 / 0.111 (226 events) since the nineteenth (meetings held by both
    # sides, wants, stances expressed); 0.630 / 0.261 / 0.109 (230 events) since the
    # twentieth (four events with "the president" placed, three partial for their day);
    # 0.634 / 0.259 / 0.108 (232 events) with a possessor's encounter told in passing;
    # 0.636 / 0.254 / 0.110 (236 events) with a person placed by a nationality; 0.633 /
    # 0.257 / 0.110 (237) with an American politician placed by "(R-S.C.)"; 0.653 / 0.261 /
    # 0.086 (245) since the twenty-second (background asides, demanded contents and
    # refusals to yield no longer coded as acts or intents); 0.663 / 0.267 / 0.070 (243)
    # since the twenty-third (what another side needs to do, perfect participles of an
    # earlier year no acts; what the source called something is what it acts on); 0.665 /
    # 0.265 / 0.069 (245) at its end
    assert verdicts["correct"] / sum(verdicts.values()) >= 0.66, verdicts
