"""Events on the sentence gold (tests/gold/sentences: single news sentences whose every
political act a writer who never saw the coder labelled; bench/events_sentences.py prints
the full table): recall and precision of the realised events on every part, the share of
matched acts whose flags are right, and the share of sentences stating no act on which
nothing is emitted, stay at least where they are (floors only rise)."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import bench_module

#: Measured 2026-12-06, twenty-third session, when the gold was written (code of
#: `f436537`): TUNING recall 0.376 / precision 0.882, flags right 0.919, quiet 0.941;
#: HELD-OUT 0.405 / 0.935, 0.977, 0.889. After the first changes tuned on it (comments on
#: an act aimed at whoever acted, relative clauses without "that" active, accusations
#: traded, agreements struck, missile tests, guests welcomed): TUNING 0.450 / 0.938, 0.933,
#: 0.941; HELD-OUT 0.423 / 0.938, 0.978, 0.889. Then (rockets launched, duties, bans of
#: imports, subjunctive demands, "it" in a state's own argument, rounds of many acts):
#: TUNING 0.463 / 0.949, 0.936, 0.941; HELD-OUT unchanged. Then (a market rally no
#: protest, money disbursed, talks' topics no partners): TUNING 0.468 / 0.959, 0.936, 1.0;
#: 0.468 / 0.980 with an object pronoun taking up the object of the verb before.
#: Twenty-fourth session (aid given by kind, "ours" in a quote the speaker's side):
#: TUNING 0.500 / 0.981, 0.941, 1.0; HELD-OUT 0.423 / 0.938, 0.979, 0.889. At its end
#: (fighting between two sides, states suspended or barred): TUNING 0.537 / 0.982, 0.944,
#: 1.0. HELD-OUT 2, written blind in the same session after those changes: 0.413 / 0.915,
#: 0.962, 0.889 with the session's starting code (`fd04e0c`), 0.440 / 0.919, 0.946, 0.889
#: with its end; then, with an intent stated ("pledged to", "ready to") an act done:
#: TUNING 0.569 / 0.983, 1.0, 1.0; HELD-OUT unchanged; HELD-OUT 2 0.467 / 0.922, 0.982,
#: 0.889; with prisoners swapped both ways: HELD-OUT 0.441 / 0.940, 0.980, 0.889 and
#: HELD-OUT 2 0.480 / 0.924, 0.983, 0.889 (TUNING unchanged). Twenty-fifth session (armed
#: sides that clash or fight, the bodies of two states in one "of" phrase): TUNING 0.578 /
#: 0.983, 1.0, 1.0; HELD-OUT 0.459 / 0.942, 0.980, 0.889; HELD-OUT 2 unchanged. Then (who
#: launched the thing acted on; a crowd storming a building): TUNING 0.587 / 0.984, 1.0,
#: 1.0; HELD-OUT unchanged; HELD-OUT 2 0.487 / 0.925, 0.983, 0.889. Then (a leader's
#: arrival a visit; calling an actor a name): TUNING 0.596 / 0.984, 1.0, 1.0; HELD-OUT
#: 0.477 / 0.943, 0.981, 0.889; HELD-OUT 2 0.487 / 0.926, 0.983, 0.889. Then (views
#: exchanged, a guest received in the passive, talks' topics no parties, "the two sides" not
#: counting a state that qualifies a thing): TUNING 0.615 / 0.984, 1.0, 1.0; the held-out
#: parts unchanged. Then (a known person's journey to a place a visit to its state):
#: TUNING 0.615 / 0.985; HELD-OUT 2 0.500 / 0.928, 0.984, 0.889; the others unchanged.
#: Then (a name given as a second object; joint patrols, drills kicked off): TUNING 0.624 /
#: 0.985; HELD-OUT 2 0.513 / 0.930, 0.984, 0.889; the others unchanged. Then (a strike
#: named by a noun): HELD-OUT 0.486 / 0.944, 0.981, 0.889; the others unchanged.
#: Twenty-seventh session (a round of talks opened, strikes answered with, arrest warrants):
#: TUNING 0.647 / 0.986, 1.0, 1.0; the held-out parts unchanged. Twenty-eighth session
#: (authorities' acts in the passive, targeting, strikes gone on, entry bans): HELD-OUT 2
#: 0.520 / 0.931, 0.985, 0.889; PASSAGES TUNING 0.578 / 0.969; the others unchanged. Then
#: (subjects hung on an auxiliary or set apart by a comma, attacks claimed): HELD-OUT 2
#: 0.527 / 0.932; the others unchanged. Then (two subjects discussing, calls taken,
#: relations resumed, bids blocked, agreements named after a capital): HELD-OUT 2 0.540 /
#: 0.933; HELD-OUT 3 0.488 / 0.981; the others unchanged. Then (mediators together not
#: mediating between each other): HELD-OUT 2 0.540 / 0.959. Then (a counterpart
#: received is a guest hosted): HELD-OUT 4 0.550 / 1.0. Twenty-ninth session (from the
#: new TUNING 2: a titled person the tagger took for an organisation, two subjects the
#: parser did not join, courts placed where they sit, a teller's own forces, expulsions in
#: the passive, relief dropped over or sent into a place): HELD-OUT 0.514 / 0.948,
#: HELD-OUT 4 0.567 / 1.0, PASSAGES TUNING 0.611 / 0.970, TUNING 2 0.489 / 0.941; the
#: others unchanged. Then (visits during which the visitor acted, talks held by a joint
#: subject, attacks resumed, vows of force threats made, sums of money given, aid paused,
#: purposes carried out somewhere): TUNING 0.656 / 0.986, TUNING 2 0.559 / 0.946; 0.559 /
#: 0.963 with hunger strikes protests and acts in rejected reports denied; 0.576 / 0.965
#: with aid let through, people and property handed back, borders reopened; 0.576 / 0.973
#: with shelter given only to someone sheltered; 0.585 / 0.973 with protesters gathered;
#: 0.590 / 0.974 with an arrest named by a noun made where it was; 0.594 / 0.974 with aid
#: given going where it arrived. Thirtieth session (killings and bans named by nouns, relations
#: frozen or cut, members suspended, forces put on readiness, exercises begun together,
#: the chair of an organisation, a subject the parser made a modifier, "blasted", a
#: condition set on a hostile act a threat made, acts weighed hypothetical): TUNING 2
#: 0.629 / 0.975, HELD-OUT 0.523 / 0.949, 1.0, HELD-OUT 2 0.547 / 0.959, HELD-OUT 3 0.496
#: / 0.982, HELD-OUT 4 0.583 / 1.0, PASSAGES 0.475 / 0.950; the others unchanged. Then
#: (pacts revoked, visa restrictions, a plural relative clause, forces to be sent a plan):
#: HELD-OUT 0.532 / 0.950, HELD-OUT 5 0.585 / 0.935, PASSAGES TUNING 0.622 / 0.970,
#: TUNING 2 0.659 / 0.976. Then (places marched or fought through or across, a teller's
#: own weapons, comments on arrests and releases asked of the holder): HELD-OUT 0.541 /
#: 0.951, HELD-OUT 6 0.560 / 0.986. Thirty-second session (a visit paid or begun is its
#: subject's; the one a passive expects or invites is who is to act): HELD-OUT 0.550 /
#: 0.952. Then (the phrasing of state and regional media, tuned on TUNING 3: state bodies
#: named with "of" or a two-word adjective, spokespeople of a body, "the US side",
#: agreements inked, envoys summoned and handed notes, the one called on to act, entry
#: barred, ...): HELD-OUT 2 0.580 / 0.961, HELD-OUT 4 0.592 / 1.0, HELD-OUT 5 0.600 /
#: 0.937, HELD-OUT 7 0.395 / 0.938, TUNING 3 0.468 / 0.894; the others unchanged. Then
#: (pickets and chanting crowds at an embassy, what is shared "on" a state its topic, a
#: visit at someone's invitation offered by them, a named visitor whose title's state
#: stands for them arriving): HELD-OUT 2 0.587 / 0.962, TUNING 3 0.505 / 0.921. Then (a
#: meeting told unlikely not held, a denied favour no rejection of whom it favoured):
#: TUNING 3 0.505 / 0.948. Thirty-third session (a name after a title the tagger read as an
#: organisation's, an organisation's organs, "it" for a body named by its state's
#: possessive, force on what a place shelters, talks with a visiting leader, a move
#: commented on in its own sentence, an intent not to use force, a border no target, the
#: registry's armed groups and IGOs): TUNING 2 0.664 / 0.977, TUNING 3 0.538 / 0.951,
#: HELD-OUT 7 0.426 / 0.942, HELD-OUT 8 0.511 / 0.923, PASSAGES TUNING 0.627 / 0.971,
#: HEADLINES TUNING 0.585 / 0.906; the others unchanged. Then (the adjectives of one
#: state's regions' peoples, "Chechen rebels"): TUNING 0.665 / 0.986.
FLOORS = {
    "tune": {"recall": 0.66, "precision": 0.98, "flags right": 0.99, "quiet": 1.0},
    "heldout": {"recall": 0.549, "precision": 0.94, "flags right": 0.97, "quiet": 0.88},
    "heldout2": {"recall": 0.586, "precision": 0.95, "flags right": 0.98, "quiet": 0.88},
    # HELD-OUT 3, written blind in the twenty-fifth session after its first changes:
    # 0.472 / 0.981, 1.0, 1.0 with the session's starting code (`69d993a`), with the code
    # when it was written (`cb96217`) and with the session's later changes alike
    "heldout3": {"recall": 0.49, "precision": 0.98, "flags right": 0.99, "quiet": 1.0},
    # HELD-OUT 4, written blind in the twenty-seventh session after its changes: 0.542 /
    # 1.0, 1.0, 1.0 with the session's starting code (`e54c22e`), 0.533 / 1.0, 1.0, 1.0
    # with the code when it was written (`c6e38d8`): the session's changes found nothing
    # more on it and lost one act
    "heldout4": {"recall": 0.59, "precision": 0.98, "flags right": 0.99, "quiet": 1.0},
    # HELD-OUT 5, written blind at the twenty-ninth session's end, after its changes, and
    # never read: 0.533 / 0.930, 0.971, 0.889 with the session's starting code (`adb6cbd`),
    # 0.570 / 0.934, 0.973, 0.889 with its end's
    "heldout5": {"recall": 0.599, "precision": 0.93, "flags right": 0.97, "quiet": 0.88},
    # HELD-OUT 6, written blind at the thirtieth session's start, before its changes, and
    # never read: 0.554 / 0.986, 1.0, 0.889 with the session's starting code (`9b8f5b6`)
    "heldout6": {"recall": 0.56, "precision": 0.98, "flags right": 0.99, "quiet": 0.88},
    # HELD-OUT 7, written blind at the thirty-second session's start in the manner of
    # state and regional media, never read: 0.388 / 0.915, 1.0, 0.889 with the session's
    # starting code (`6a0ae43`)
    "heldout7": {"recall": 0.42, "precision": 0.94, "flags right": 0.99, "quiet": 0.88},
    # TUNING 3, written blind right after it in the same manner, to tune on: 0.418 / 0.882,
    # 0.965, 1.0 before any rule was written from it (`097caed`)
    "tune3": {"recall": 0.53, "precision": 0.95, "flags right": 0.99, "quiet": 1.0},
    # HELD-OUT 8, written blind at the thirty-second session's end in the same manner,
    # after every rule written from TUNING 3, never read: 0.446 / 0.914, 0.981, 0.889 with
    # the session's starting code (`6a0ae43`), 0.489 / 0.919, 0.982, 0.889 with its end's;
    # 0.511 / 0.923, 0.983 with the thirty-third session's
    "heldout8": {"recall": 0.51, "precision": 0.92, "flags right": 0.98, "quiet": 0.88},
    # HELD-OUT 9, written blind in the thirty-third session (wire, regional and newspaper
    # styles mixed), never read: 0.401 / 0.964, 1.0, 1.0 with the session's starting code
    # (`41e622e`), 0.424 / 0.965, 1.0, 1.0 with its end's
    "heldout9": {"recall": 0.42, "precision": 0.96, "flags right": 0.99, "quiet": 1.0},
    # TUNING 2, written blind in the twenty-ninth session to tune on: 0.419 / 0.929, 0.976,
    # 0.944 before any rule was written from it (`987c296`); 0.559 / 0.946 after the rules
    # written from it that session
    "tune2": {"recall": 0.66, "precision": 0.97, "flags right": 0.99, "quiet": 0.94},
    # PASSAGES, written blind in the twenty-sixth session (two to four sentences, each act
    # scored in the sentence it is labelled in): 0.453 / 0.960, 1.0, 0.875 with the
    # session's starting code (`34d1c6f`); 0.459 / 0.948 with a target lent by the act in
    # the sentence next to it (one act more found, one dyad wrong); 0.464 / 0.949 in the
    # twenty-seventh session (subjects the parser hung elsewhere, allegations, states told
    # to act, targets struck in a state)
    "passages": {"recall": 0.47, "precision": 0.94, "flags right": 0.99, "quiet": 0.87},
    # PASSAGES TUNING, written the same way after it: 0.486 / 0.975, 0.976, 1.0 at first;
    # 0.519 / 0.965 with requests that someone act, relations cut, a charge or criticism
    # taken up and "Congolese" read by the article (no held-out part moved); 0.535 / 0.966
    # with an actor held responsible accused; 0.568 / 0.968, 0.979 in the twenty-seventh
    # session (the same changes)
    "passages_tune": {"recall": 0.625, "precision": 0.96, "flags right": 0.97, "quiet": 1.0},
    # HEADLINES, written blind in the thirty-first session (title-cased headlines, each run
    # as an article's title), after the headlines' sentence case was written and before
    # anything was tuned on them; never read: 0.122 / 0.818, 0.818, 1.0 with the session's
    # earlier code (`52b8f15`), 0.432 / 1.0, 1.0, 1.0 parsed in sentence case
    "headlines": {"recall": 0.43, "precision": 0.96, "flags right": 0.99, "quiet": 1.0},
    # HEADLINES TUNING, its first half, tuned on: 0.046 / 0.750 (`52b8f15`), 0.292 / 0.842
    # in sentence case, 0.538 / 0.897 read as the sentence a headline stands for, 0.554 /
    # 0.900 with passives without their "was"; 0.585 / 0.906 in the thirty-third session
    "headlines_tune": {"recall": 0.58, "precision": 0.90, "flags right": 0.99, "quiet": 1.0},
    # HEADLINES 2, written blind at the thirty-first session's end (half in sentence case),
    # after every headline rule; never read: 0.358 / 0.850, 0.944, 1.0 with the session's
    # earlier code (`52b8f15`), 0.434 / 0.700 with the sentence case alone, 0.566 / 0.848,
    # 1.0, 1.0 with the re-parse
    "headlines2": {"recall": 0.56, "precision": 0.84, "flags right": 0.99, "quiet": 1.0},
}


@pytest.mark.slow
def test_sentence_gold_event_floors() -> None:
    bench = bench_module("events_sentences")
    from communique import Options, Pipeline

    pipe = Pipeline(Options(stance=False))
    got: dict[str, Any] = {}
    for part, floors in FLOORS.items():
        recs = bench.load(part)
        got[part] = bench.score(recs, bench.emitted(pipe, recs))
        for key, floor in floors.items():
            assert got[part][key] >= floor, (part, key, got[part])
