"""Quotes: who said what. Direct quotes from quotation marks, indirect and mixed quotes
from reporting verbs and their clausal complements, speakers resolved through the actor
index (names, roles, organisations, pronouns).

One pass over the parse the pipeline already made (no second spaCy run):

1. quotation marks → quoted stretches (``quote_spans``, every mark style, unbalanced marks
   dropped one by one, multi-paragraph quotes piece by piece);
2. every reporting verb outside quotation marks → its complement clause: a clause that is
   one quoted stretch is a *direct* quote, a clause holding quoted words is *mixed*, a
   clause without marks is *indirect*; naming verbs ("called it "…"") give the fragment;
3. quoted stretches no verb took: the reporting verb beside them (""…," he said"), else
   the speaker of the quote they continue (""A," he said. "B."", the next paragraph of a
   multi-paragraph quote);
4. "according to X, …" and "…, according to X".
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from dataclasses import dataclass
from typing import Any

from ..actors import ActorIndex
from ..nlp import doc_text
from ..records import Quote, QuoteFrame, QuoteType, Span, span_of
from ._marks import CLOSERS, MARKS, paragraphs, quote_spans
from ._speakers import (
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    PERSON_NOUNS,
    Speaker,
    source_kind,
    speaker_of,
    subject_of,
)

__all__ = ["CUE_VERBS", "extract_quotes", "quote_spans"]

#: Reporting verbs of news English (lemmas) that take a clause: "X said (that) …".
CUE_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "stress",
        "insist",
        "warn",
        "deny",
        "claim",
        "argue",
        "assert",
        "announce",
        "note",
        "explain",
        "declare",
        "reiterate",
        "emphasize",
        "emphasise",
        "admit",
        "acknowledge",
        "confirm",
        "write",
        "tweet",
        "post",
        "allege",
        "contend",
        "maintain",
        "remark",
        "comment",
        "observe",
        "reveal",
        "recall",
        "predict",
        "vow",
        "pledge",
        "promise",
        "complain",
        "concede",
        "reply",
        "respond",
        "answer",
        "counter",
        "underline",
        "underscore",
        "affirm",
        "caution",
        "testify",
        "accuse",
        "demand",
        "urge",
        "charge",
        "threaten",
        "boast",
        "lament",
        "quip",
        "retort",
        "mention",
        "express",
        "rule",
    ]
)
#: Verbs that name what was said: with quoted words as their object or predicate
#: ("called the attack "an act of hostility"", "described … as "groundless"").
NAMING_VERBS = frozenset(
    [
        "call",
        "describe",
        "label",
        "dub",
        "term",
        "brand",
        "dismiss",
        "characterize",
        "characterise",
        "decry",
        "hail",
    ]
)
#: Verbs whose noun-phrase complement counts when it holds quoted words
#: ("called for a "new alliance of democracies"", "urged "restraint"").
NP_CUE_VERBS = frozenset(
    ["call", "urge", "demand", "propose", "promise", "pledge", "vow", "warn", "seek"]
)
#: Speech acts whose report is an object and a predicate over it, by the prepositions that
#: carry the predicate: "accused X of …", "praised X for …", "condemned X as …".
ACT_FRAMES: dict[str, frozenset[str]] = {
    **dict.fromkeys(["accuse", "suspect"], frozenset(["of"])),
    **dict.fromkeys(
        ["praise", "commend", "thank", "fault", "criticize", "criticise", "chide", "rebuke"],
        frozenset(["for"]),
    ),
    "blame": frozenset(["for", "on"]),
    "congratulate": frozenset(["on", "for"]),
    **dict.fromkeys(
        ["condemn", "denounce", "slam", "hail", "dismiss", "describe", "reject", "brand"],
        frozenset(["as", "for"]),
    ),
    **dict.fromkeys(["label", "characterize", "characterise", "portray"], frozenset(["as"])),
}
#: Speech acts whose report is an infinitive: "vowed to …", "urged X to …", "called on X
#: to …", "threatened to …".
INFINITIVE_ACTS = frozenset(
    [
        "vow",
        "pledge",
        "promise",
        "threaten",
        "urge",
        "ask",
        "call",
        "press",
        "warn",
        "appeal",
        "implore",
        "beg",
        "exhort",
        "encourage",
    ]
)
#: Nouns that carry a statement in their "that"-clause or infinitive ("X's claim that …").
SPEECH_NOUNS = frozenset(
    [
        "claim",
        "warning",
        "statement",
        "pledge",
        "promise",
        "vow",
        "threat",
        "insistence",
        "assertion",
        "allegation",
        "accusation",
        "argument",
        "demand",
        "suggestion",
        "announcement",
        "admission",
        "denial",
        "assurance",
        "contention",
        "prediction",
        "call",
        "appeal",
    ]
)
#: A colon attribution's speaker is at most this many tokens ("Kenji Morita:", "An EU
#: spokesman, at dawn on Monday:").
COLON_SPEAKER_TOKENS = 10
#: Verbs of finding and showing: reports when a document or an inquiry is their subject
#: ("the report found that …", "a poll showed …").
FINDING_VERBS = frozenset(
    [
        "find",
        "show",
        "conclude",
        "estimate",
        "indicate",
        "suggest",
        "reveal",
        "determine",
        "establish",
        "document",
        "calculate",
        "project",
        "forecast",
    ]
)
#: Subjects of a finding verb that make it a report besides documents.
_INQUIRY_NOUNS = frozenset(
    ["court", "commission", "panel", "inquiry", "investigator", "researcher", "auditor", "mission"]
)
#: The unions the cue tests read, made once (not once per token).
_REPORTING = CUE_VERBS | NAMING_VERBS
_CUE_LEMMAS = _REPORTING | INFINITIVE_ACTS
_FINDING_SUBJECTS = DOCUMENT_NOUNS | _INQUIRY_NOUNS
#: Of those, the ones that report only with someone addressed ("urged X to …"); without
#: one they ask something for oneself ("asked not to be identified").
ADDRESSED_ACTS = frozenset(
    ["urge", "ask", "call", "press", "appeal", "implore", "beg", "exhort", "encourage"]
)
#: Verbs that withhold speech: "declined to say whether", "refused to comment".
WITHHOLD_VERBS = frozenset(["decline", "refuse", "fail"])
#: Complementisers of a question, not a report ("asked whether", "did not say if").
QUESTION_WORDS = frozenset(["whether", "if", "why", "how", "what", "when", "where", "who", "which"])
#: Nouns after "according to" that are sources but not speakers: data, not documents
#: making a claim ("according to ship-tracking data" is no statement; "according to a
#: White House fact sheet" is the fact sheet's).
NON_SPEAKERS = frozenset(
    [
        "data",
        "figure",
        "figures",
        "statistics",
        "estimate",
        "estimates",
        "record",
        "records",
        "tracking",
        "image",
        "images",
        "footage",
        "map",
        "maps",
        "calculation",
        "calculations",
        "model",
        "models",
        "website",
        "site",
        "note",
    ]
)
#: An indirect quote's clause needs at least this many tokens ("he said so" is not one;
#: tuned on the samples' gold).
MIN_CLAUSE_TOKENS = 3
#: A quoted stretch continues the previous quote's speaker ("A," he said. "B.") when it
#: starts at most this many characters after it, in the same or the next paragraph (tuned
#: on the samples' gold).
CONTINUATION_CHARS = 600
#: "said that …" found by its "that" when the parser missed the clause: at most this many
#: tokens between the verb and "that" ("told CNBC on Tuesday that").
MAX_THAT_GAP = 12
#: A "he"/"she" speaker refers to a person named at most this many characters before it
#: (about three sentences; tuned on the samples' gold).
PRONOUN_REACH = 600
#: An attribution sentence after a quote (""…" \n he said.") has at most this many tokens.
MAX_ATTRIBUTION_TOKENS = 10


#: A dateline before the first clause of an article ("BRUSSELS/MOSCOW – ",
#: "KYIV, Feb 16 (Meuse Wire) - ").
_DATELINE = re.compile(r"[A-Z][A-Z/ .'-]+(?:,[^\n–—(]{1,30})?(?:\([^)\n]{1,40}\))?\s+[–—-]{1,2}\s+")


@dataclass
class _Draft:
    start: int
    end: int
    type: QuoteType
    speaker: Speaker | _Pending | None
    cue: Span | None
    addressee: Span | None
    anchor: int  # character offset of the cue (or the content) for the sentence
    frame: QuoteFrame = "clause"


class _Marks:
    """Quoted stretches with fast lookup by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = quote_spans(text)
        self.starts = [s.start for s in self.spans]

    def at(self, char: int) -> int:
        """Index of the stretch covering ``char`` (marks included), or -1."""
        k = bisect.bisect_right(self.starts, char) - 1
        if k >= 0 and self.spans[k].start - 1 <= char <= self.spans[k].end:
            return k
        return -1

    def within(self, c0: int, c1: int) -> list[int]:
        """Indexes of the stretches overlapping [c0, c1)."""
        k = bisect.bisect_left(self.starts, c0 - 1)
        if k > 0 and self.spans[k - 1].end >= c0:
            k -= 1
        out = []
        while k < len(self.spans) and self.spans[k].start - 1 < c1:
            if self.spans[k].end + 1 > c0:
                out.append(k)
            k += 1
        return out


class _Sents:
    """The sentences of a parsed article, found by character offset in log time (spaCy's
    ``Span.sent`` walks the document each time: quadratic on a text of many quotes), and
    each sentence's reporting verbs, found once."""

    def __init__(self, doc: Any, marks: _Marks) -> None:
        self.text = marks.text  # (``Doc.text`` joins every token anew on each call)
        self.sents = list(doc.sents)
        self.starts = [s.start_char for s in self.sents]
        self.marks = marks
        self._cues: dict[int, list[Any]] = {}

    def at(self, char: int) -> Any:
        """The sentence holding character ``char``."""
        return self.sents[max(0, bisect.bisect_right(self.starts, char) - 1)]

    def after(self, sent: Any) -> Any | None:
        k = bisect.bisect_right(self.starts, sent.start_char)
        return self.sents[k] if k < len(self.sents) else None

    def before(self, sent: Any) -> Any | None:
        k = bisect.bisect_left(self.starts, sent.start_char) - 1
        return self.sents[k] if k >= 0 else None

    def cues(self, sent: Any) -> list[Any]:
        """The reporting verbs of a sentence that have a subject (once per sentence)."""
        found = self._cues.get(sent.start)
        if found is None:
            found = self._cues[sent.start] = [t for t in sent if _beside_ok(t, self.marks)]
        return found


def extract_quotes(doc: Any, idx: ActorIndex) -> list[Quote]:
    """Direct, indirect and mixed quotes of a parsed article, with their speakers."""
    text = doc_text(doc)
    marks = _Marks(text)
    sents = _Sents(doc, marks)
    paras = paragraphs(text)
    drafts: list[_Draft] = []
    taken: set[int] = set()  # quoted stretches already part of a quote

    according = _according_to(doc, marks, [])
    inside = [(d.start, d.end) for d in according]
    cues = [t for t in doc if _is_cue(t, marks) and not any(a <= t.idx < b for a, b in inside)]
    # 2. reporting verbs and their complements
    for verb in cues:
        comp = _complement(verb, marks)
        frame: QuoteFrame = "clause"
        act = None if comp is not None else _act_complement(verb)
        if act is not None:
            comp = (act[0], act[1], False)
            frame = act[2]
        if comp is None:
            continue
        c0, c1, naming = comp
        if naming:
            frame = "naming"
        elif act is None and _clause(verb, marks) is None:
            frame = "object"  # "called for a "new alliance of democracies""
        inner = [k for k in marks.within(c0, c1) if k not in taken]
        if any(k in taken for k in marks.within(c0, c1)):
            continue
        subj = _outside_subject(verb, marks)
        if subj is None:
            continue  # nobody is said to say it
        if inner:
            c0 = min(c0, marks.spans[inner[0]].start)
            c1 = max(c1, marks.spans[inner[-1]].end)
            kind, c0, c1 = _shape(text, c0, c1, [marks.spans[k] for k in inner], naming)
        else:
            if naming or not (act is not None or _is_clause(verb, comp)):
                continue
            kind = "indirect"
        drafts.append(
            _Draft(c0, c1, kind, _Pending(subj), _cue_span(verb), _addressee(verb), verb.idx, frame)
        )
        taken.update(inner)

    # 2b. a dropped reporting verb: "Pompeo on Sunday there was "a significant amount of
    # evidence" …" — a person cannot be the subject of an existential "there was", so the
    # clause is theirs (a newsroom slip common enough to handle)
    # (also when the parser hangs the "that"-clause on the name: "Pompeo on Sunday that
    # there was …")
    # each head's first "there" expletive, found in one pass over the tokens instead of
    # one over every token's children (Token.children yields them in token order)
    expletives: dict[int, Any] = {}
    for t in doc:
        if t.dep_ == "expl" and t.lower_ == "there" and t.head.i != t.i:
            expletives.setdefault(t.head.i, t)
    for i in sorted(expletives):
        verb, expl = doc[i], expletives[i]
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "advcl" and verb.head.i < expl.i:
            subj = verb.head
        if subj is None or subj.i > expl.i:
            continue
        m = idx.at(subj.i)
        if m is None or m.actor_id is None or idx.actors[m.actor_id].kind != "person":
            continue
        c0 = expl.idx
        c1 = _end_char(doc[_trim_end(doc, expl.i, verb.sent.end, verb) - 1])
        inner = [k for k in marks.within(c0, c1) if k not in taken]
        if not inner or any(k in taken for k in marks.within(c0, c1)):
            continue
        kind, c0, c1 = _shape(text, c0, c1, [marks.spans[k] for k in inner], False)
        drafts.append(_Draft(c0, c1, kind, _Pending(subj), None, None, verb.idx))
        taken.update(inner)

    # 2c. statements carried by a speech noun ("the ministry's warning that …", "X's
    # pledge to …") and colon attributions ("Kenji Morita: "…"")
    for d in [*_speech_nouns(doc), *_colons(doc, idx)]:
        inner = marks.within(d.start, d.end)
        if any(k in taken for k in inner) or any(
            x.start < d.end and d.start < x.end for x in drafts
        ):
            continue
        if inner:
            d.type, d.start, d.end = _shape(
                text, d.start, d.end, [marks.spans[k] for k in inner], False
            )
        drafts.append(d)
        taken.update(inner)

    # 3. quoted stretches no complement took
    beside: dict[int, tuple[Any, Span, Span | None]] = {}  # per verb, however many quotes
    for k, mk in enumerate(marks.spans):
        if k in taken:
            continue
        verb = _cue_beside(doc, mk, sents)
        if verb is None:
            continue
        if verb.i not in beside:
            beside[verb.i] = (_outside_subject(verb, marks), _cue_span(verb), _addressee(verb))
        subj, cue, to = beside[verb.i]
        if to is not None and to.start < mk.end and mk.start < to.end:
            continue  # 'told "Fox News Sunday" that …': a title told, not words said
        if subj is not None:
            drafts.append(
                _Draft(mk.start, mk.end, "direct", _Pending(subj), cue, to, verb.idx, "quoted")
            )
            taken.add(k)
    drafts.sort(key=lambda d: d.start)
    for k, mk in enumerate(marks.spans):
        if k in taken:
            continue
        prev = _continued(mk, drafts, text, paras)
        if prev is None:
            continue
        drafts.append(
            _Draft(
                mk.start,
                mk.end,
                "direct",
                prev.speaker,
                prev.cue,
                prev.addressee,
                mk.start,
                prev.frame,
            )
        )
        drafts.sort(key=lambda d: d.start)
        taken.add(k)

    # 4. according to X (found first, so the verbs of its content are not cues)
    drafts += [a for a in according if not any(d.start < a.end and a.start < d.end for d in drafts)]
    drafts.sort(key=lambda d: (d.start, d.end))
    return _finish(doc, idx, drafts, sents)


@dataclass(frozen=True)
class _Pending:
    """A speaker still to resolve: resolution runs in text order, after every quote is
    found, so a pronoun can take the speaker of the quote before it."""

    subj: Any


def _finish(doc: Any, idx: ActorIndex, drafts: list[_Draft], sents: _Sents) -> list[Quote]:
    text = sents.text
    paras = paragraphs(text)
    out: list[Quote] = []
    previous: Speaker | None = None
    speakers: list[tuple[int, Speaker]] = []  # where each quote's speaker was named
    resolved: dict[int, Speaker | None] = {}  # subject token → speaker (one per verb)
    seen: set[tuple[int, int]] = set()
    people = _person_subjects(doc, idx)
    more: list[list[Span]] = []  # further parts of each statement
    ends: list[int] = []  # where the sentence of its last part ends
    mixed: list[bool] = []  # a further part was not direct
    for d in drafts:
        if (d.start, d.end) in seen or d.end <= d.start:
            continue
        seen.add((d.start, d.end))
        sp = d.speaker
        if isinstance(sp, _Pending):
            subj = sp.subj
            if subj.i not in resolved:
                ante = _antecedent(subj.idx, speakers, people)
                resolved[subj.i] = speaker_of(subj, idx, previous, ante)
            sp = resolved[subj.i]
        if sp is None:
            continue
        part = Span(d.start, d.end, text[d.start : d.end])
        last = out[-1] if out else None
        if last is not None and _same_statement(last, d, sp, paras):
            # '"The best way to push back," Schiff said, "is to …"': one statement (parts
            # gathered here, the quote rebuilt once at the end: many pieces stay linear)
            more[-1].append(part)
            ends[-1] = _sentence(doc, d, sents).end
            if d.type != "direct":
                mixed[-1] = True
            continue
        more.append([])
        ends.append(-1)
        mixed.append(False)
        out.append(
            Quote(
                id=len(out),
                type=d.type,
                content=(part,),
                sentence=_sentence(doc, d, sents),
                speaker=sp.span,
                speaker_actor_id=sp.actor_id,
                cue=d.cue,
                addressee=d.addressee,
                cue_type=_cue_type(doc, d.cue),
                source_kind=source_kind(sp, doc, idx),
                frame=d.frame,
            )
        )
        previous = sp
        if sp.person:
            speakers.append((sp.span.start, sp))
    for k, q in enumerate(out):
        if more[k]:
            out[k] = dataclasses.replace(
                q,
                type="mixed" if mixed[k] or q.type != "direct" else "direct",
                content=(*q.content, *more[k]),
                sentence=Span(q.sentence.start, ends[k], text[q.sentence.start : ends[k]]),
            )
    return out


def _same_statement(last: Quote, d: _Draft, sp: Speaker, paras: list[tuple[int, int]]) -> bool:
    """Is this piece the continuation of the statement before it: the same cue and speaker,
    in the same paragraph ("A," he said, "B." / "A," he said. "B.")?"""
    if d.cue is None or last.cue != d.cue or last.speaker != sp.span:
        return False
    k = bisect.bisect_right(paras, (last.start, math.inf)) - 1  # the paragraph it starts in
    return (
        k >= 0 and paras[k][0] <= last.start < paras[k][1] and paras[k][0] <= d.start < paras[k][1]
    )


def _cue_type(doc: Any, cue: Span | None) -> str | None:
    """The base form of the reporting expression: "has repeatedly said" → say."""
    if cue is None:
        return None
    if cue.text.lower().startswith("according"):
        return "according to"
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = next((t for t in span if t.pos_ == "VERB"), span.root)
    return str(verb.lemma_.lower())


def _outside_subject(verb: Any, marks: _Marks) -> Any | None:
    """The subject of a reporting verb, when it lies outside quotation marks; for a
    subject the parser took from inside the quote (""…Not one," Peskov said"), the
    noun or pronoun right before the verb, or right after it ("said Peskov")."""
    subj = subject_of(verb)
    doc = verb.doc
    if subj is None and verb.i > 0:
        glued = doc[verb.i - 1]  # ""…important,"he said": the tokenizer kept the mark
        if len(glued.text) > 1 and glued.text[0] in MARKS and glued.text[1:].isalpha():
            return glued
    if subj is None or marks.at(subj.idx) < 0:
        return subj
    k = verb.i - 1
    while k >= 0 and doc[k].pos_ in ("ADV", "AUX", "PART"):
        k -= 1
    if k >= 0 and doc[k].pos_ in ("PROPN", "PRON", "NOUN") and marks.at(doc[k].idx) < 0:
        return doc[k]
    k = verb.i + 1
    if k < len(doc) and doc[k].pos_ in ("PROPN", "NOUN"):
        while (k + 1 < len(doc) and doc[k + 1].dep_ == "compound") or (
            k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN"
        ):
            k += 1
        return doc[k]
    return None


def _person_subjects(doc: Any, idx: ActorIndex) -> list[tuple[int, Speaker]]:
    """People named as the subject of a clause, resolved or not, in text order: the
    candidates a "he" or "she" refers back to."""
    out: list[tuple[int, Speaker]] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.root.dep_ in ("nsubj", "nsubjpass"):
            m = idx.at(ent.root.i)
            actor = m.actor_id if m is not None and m.label != "PRONOUN" else None
            if actor is not None and idx.actors[actor].kind != "person":
                actor = None
            span = Span(ent.start_char, ent.end_char, ent.text)
            out.append((ent.start_char, Speaker(span, actor, True)))
    for m in idx.mentions:
        if m.label == "PRONOUN" or not m.actor_id or idx.actors[m.actor_id].kind != "person":
            continue
        start, end = idx.token_spans[m.id]
        if doc[start:end].root.dep_ in ("nsubj", "nsubjpass"):
            out.append((m.span.start, Speaker(m.span, m.actor_id, True)))
    for tok in doc:
        # a name the tagger missed ("Finnish President Sauli Niinistö urged"): a person
        # nobody resolved, so a later "he" is not given to someone named before
        if (
            tok.dep_ == "nsubj"
            and tok.pos_ == "PROPN"
            and tok.ent_type_ == ""
            and idx.at(tok.i) is None
            and tok.i > 0
            and doc[tok.i - 1].dep_ == "compound"
            and doc[tok.i - 1].pos_ == "PROPN"
        ):
            span = Span(tok.idx, tok.idx + len(tok.text), tok.text)
            out.append((tok.idx, Speaker(span, None, True)))
    return sorted(out, key=lambda x: x[0])


def _antecedent(
    at: int, speakers: list[tuple[int, Speaker]], people: list[tuple[int, Speaker]]
) -> Speaker | None:
    """The person a "he"/"she" at ``at`` refers to: the latest one named as a subject or
    speaking a quote before it, within ``PRONOUN_REACH`` characters."""
    cands = [x for x in speakers + people if at - PRONOUN_REACH <= x[0] < at]
    return max(cands, key=lambda x: x[0])[1] if cands else None


def _sentence(doc: Any, d: _Draft, sents: _Sents) -> Span:
    lo, hi = min(d.start, d.anchor), max(d.end, d.anchor + 1)
    first, last = sents.at(lo), sents.at(hi - 1)
    s0 = first.start_char if lo < first.end_char else lo  # (between sentences: as it is)
    s1 = last.end_char if hi - 1 < last.end_char else hi
    return span_of(sents.text, s0, max(s1, hi))


# -- reporting verbs ------------------------------------------------------------------------
def _is_cue(t: Any, marks: _Marks) -> bool:
    lemma = t.lemma_.lower()
    if lemma in FINDING_VERBS:
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        found = subj is not None and subj.lemma_.lower() in _FINDING_SUBJECTS
        if not found:
            return False
    elif lemma not in _CUE_LEMMAS and lemma not in ACT_FRAMES:
        return False
    if not t.tag_.startswith("VB") or marks.at(t.idx) >= 0:
        return False  # not a verb, or words inside someone's quote
    if any(c.dep_ == "neg" for c in t.children):
        return False  # "did not say"
    head = t.head
    if t.dep_ == "xcomp" and head.lemma_.lower() in WITHHOLD_VERBS:
        return False  # "declined to say"
    return not (t.dep_ in ("amod", "compound") or (t.tag_ == "VBN" and t.dep_ == "acl"))


def _complement(verb: Any, marks: _Marks) -> tuple[int, int, bool] | None:
    """Character range of what a reporting verb reports, and whether it is the object of a
    naming verb (then only quoted words count)."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    span = _clause(verb, marks)
    if span is not None:
        start, end, head = span
        while start < end and (
            (doc[start].dep_ == "mark" and doc[start].lower_ == "that")
            or (doc[start].is_punct and doc[start].text not in MARKS)
        ):
            start += 1
        if start < end and _question(doc[start], head):
            return None
        end = _cut_coordinated(doc, start, end)
        end = _trim_end(doc, start, end, verb)
        if end <= start:
            return None
        c0 = doc[start].idx
        if start == verb.sent.start or doc[start - 1].is_space:
            m = _DATELINE.match(marks.text, c0)
            if m is not None and m.end() < _end_char(doc[end - 1]):
                c0 = m.end()
        return c0, _end_char(doc[end - 1]), False
    if lemma in NAMING_VERBS or lemma in NP_CUE_VERBS:
        for c in verb.children:
            if c.dep_ in ("oprd", "xcomp", "dobj", "prep", "advcl", "acomp") and c.i > verb.i:
                start, end = c.left_edge.i, c.right_edge.i + 1
                quoted = marks.within(doc[start].idx, _end_char(doc[end - 1]))
                if not quoted:
                    continue
                if lemma in NAMING_VERBS and c.lower_ != "for":
                    return _fragment(marks, quoted)  # "described … as "groundless""
                end = _trim_end(doc, start, end, verb)
                return doc[start].idx, _end_char(doc[end - 1]), False
    return None


def _speech_nouns(doc: Any) -> list[_Draft]:
    """ "The ministry's warning that it would "not hesitate"", "Vuković's threat to boycott
    the parliament", "allegations by Kyiv that …": a speech noun whose possessor (or "by"
    phrase) speaks and whose "that"-clause or infinitive is what was said. A noun without a
    verb complement is no statement ("Armenia's claim to Nagorno-Karabakh")."""
    out: list[_Draft] = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEECH_NOUNS:
            continue
        who = next((c for c in noun.children if c.dep_ == "poss"), None)
        if who is None:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            who = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if who is None or who.pos_ == "PRON":
            continue
        comp = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp", "relcl")
                and c.pos_ in ("VERB", "AUX")
                and c.i > noun.i
                and any(
                    (a.dep_ == "mark" and a.lower_ == "that")
                    or (a.dep_ == "aux" and a.lower_ == "to")
                    for a in c.children
                )
            ),
            None,
        )
        if comp is None:
            continue
        start = comp.left_edge.i
        if doc[start].lower_ == "that":
            start += 1
        end = _trim_end(doc, start, comp.right_edge.i + 1, comp)
        if end - start < 2:
            continue
        cue = Span(noun.idx, _end_char(noun), noun.text)
        out.append(
            _Draft(
                doc[start].idx,
                _end_char(doc[end - 1]),
                "indirect",
                _Pending(who),
                cue,
                None,
                noun.idx,
                "noun",
            )
        )
    return out


def _colons(doc: Any, idx: ActorIndex) -> list[_Draft]:
    """ "Kenji Morita: "We have conveyed our concerns."", "An EU spokesman: the bloc opposes
    …": a sentence that opens with a speaker — a name, an organisation or a person noun, no
    verb — and a colon; what follows is the statement."""
    out: list[_Draft] = []
    for sent in doc.sents:
        colon = next((t for t in sent[: COLON_SPEAKER_TOKENS + 1] if t.text == ":"), None)
        if colon is None or colon.i == sent.start or colon.i + 2 >= sent.end:
            continue
        head_toks = [t for t in doc[sent.start : colon.i] if not t.is_punct]
        if not head_toks or any(t.pos_ in ("VERB", "AUX") for t in head_toks):
            continue
        if _label_line(sent, colon):
            continue  # "Julian Assange: Sweden drops rape investigation": a topic, no speaker
        # the speaker phrase's head: a word hanging outside it, else its last word
        heads = [
            t for t in head_toks if t.head.i == t.i or t.head.i < sent.start or t.head.i >= colon.i
        ]  # (the parser may make the speaker the sentence's root: "Galstyan, to X: "…"")
        root = heads[0] if heads else head_toks[-1]
        m = idx.at(root.i)
        speakerish = (m is not None and m.actor_id) or root.lemma_.lower() in PERSON_NOUNS
        if not speakerish or root.pos_ not in ("PROPN", "NOUN"):
            continue
        if any(
            t.lemma_.lower() in CUE_VERBS
            and any(c.dep_ == "nsubj" and c.i > colon.i for c in t.children)
            for t in doc[colon.i + 1 : sent.end]
        ):
            continue  # "MUMBAI: Indian refiners are reviewing …, industry sources said": a
            # dateline, the statement says who made it
        end = _trim_end(doc, colon.i + 1, sent.end, colon)
        if end - colon.i - 1 < MIN_CLAUSE_TOKENS:
            continue
        cue = Span(colon.idx, colon.idx + 1, ":")
        out.append(
            _Draft(
                doc[colon.i + 1].idx,
                _end_char(doc[end - 1]),
                "indirect",
                _Pending(root),
                cue,
                None,
                colon.idx,
                "colon",
            )
        )
    return out


def _label_line(sent: Any, colon: Any) -> bool:
    """Is a colon sentence a headline naming its topic ("Julian Assange: Sweden drops rape
    investigation"): a line of its own, ended by no stop, with no quotation marks after
    the colon? (A quoted headline keeps its marks: "Peskov: 'Nobody is threatening'".)"""
    text = sent.text.rstrip()
    if not sent.text[len(text) :].count("\n") and sent.end < len(sent.doc):
        return False  # the sentence runs on in its paragraph
    if text[-1:] in _STOPS:
        return False
    return not any(t.is_quote for t in sent.doc[colon.i + 1 : sent.end])


_STOPS = frozenset(".!?\"”»’'…")


def _act_complement(verb: Any) -> tuple[int, int, QuoteFrame] | None:
    """What a speech act reports when it is not a clause: an object with its predicate
    ("accused the police of 'shooting to kill'", "condemned the drills as "a provocation"")
    or an infinitive ("vowed to block any attempt", "called on the president to dismiss
    him"). A bare object ("welcomed the ruling", "called for an embargo") reports nothing."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    kids = [c for c in verb.children if c.i > verb.i]
    last = None
    frame: QuoteFrame = "object"
    preps = ACT_FRAMES.get(lemma)
    if preps:
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        # the parser hangs the predicate on the verb or on the object ("the police of …")
        around = [*kids, *(obj.children if obj is not None else ())]
        pred = next((c for c in around if c.dep_ == "prep" and c.lower_ in preps), None)
        if obj is not None and pred is not None and obj.i < pred.i:
            last = pred if pred.head.i == verb.i else obj
    if last is None and lemma in INFINITIVE_ACTS:
        frame = "infinitive"
        last = next(
            (
                c
                for c in kids
                if c.dep_ in ("xcomp", "ccomp")
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
        if last is not None and lemma in ADDRESSED_ACTS and not _addressed(verb, last):
            return None  # "asked not to be identified": a request for oneself, no report
    if last is None:
        return None
    start = verb.i + 1
    if lemma == "call" and start < len(doc) and doc[start].lower_ == "on":
        start += 1  # "called on X to …": the particle is part of the cue
    end = _trim_end(doc, start, last.right_edge.i + 1, verb)
    if end - start < 2:
        return None
    return doc[start].idx, _end_char(doc[end - 1]), frame


def _addressed(verb: Any, inf: Any) -> bool:
    """Is someone urged or asked ("urged Tehran to …", "called on X to …", or the
    infinitive's own subject in "urged [X to …]")?"""
    return any(
        c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("on", "to"))
        for c in verb.children
    ) or any(c.dep_ == "nsubj" for c in inf.children)


def _clause(verb: Any, marks: _Marks) -> tuple[int, int, Any] | None:
    """Token range and head of a reporting verb's clausal complement: its ccomp (after it,
    or before it in "…, X said"), else the words after a "that" the parser attached
    elsewhere ("said that China and Russia … shoulder")."""
    doc = verb.doc
    comps = [
        c for c in verb.children if c.dep_ == "ccomp" or (c.dep_ == "parataxis" and c.i < verb.i)
    ]
    after = [c for c in comps if c.i > verb.i]
    if after:  # several clauses after one verb are one report ("said A and that B")
        start = max(verb.i + 1, min(c.left_edge.i for c in after))
        end = _that_conjuncts(verb, max(c.right_edge.i for c in after) + 1, marks)
        return start, end, after[0]
    if comps:
        c = comps[-1]
        return c.left_edge.i, min(c.right_edge.i + 1, verb.i), c
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.i < verb.i:
        # "Y, the ministry said." with Y not parsed as the verb's clause
        k = subj.left_edge.i - 1
        sent = verb.sent
        if (
            k - sent.start >= MIN_CLAUSE_TOKENS
            and doc[k].text == ","
            and not any(c.dep_ in ("dobj", "xcomp") for c in verb.children)
            and any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start : k])
        ):
            return sent.start, k, doc[sent.start : k].root
    right = max(verb.right_edge.i + 1, verb.sent.end if verb.dep_ == "ROOT" else 0)
    for k in range(verb.i + 1, min(right, verb.i + 1 + MAX_THAT_GAP)):
        t = doc[k]
        if t.lower_ == "that" and (t.tag_ == "IN" or t.dep_ in ("mark", "nsubj", "det")):
            if any(x.pos_ == "VERB" for x in doc[verb.i + 1 : k]):
                return None
            nxt = doc[k + 1] if k + 1 < len(doc) else t
            if nxt.pos_ in ("NOUN", "PROPN", "PRON", "DET", "NUM", "ADJ") or nxt.text in MARKS:
                return k + 1, right, nxt
            return None
        if t.is_punct and t.text not in MARKS:
            return None
    return None


def _that_conjuncts(verb: Any, end: int, marks: _Marks | None = None) -> int:
    """Extend a complement over clauses the parser coordinated with the reporting verb
    instead of the first clause (one record per cue): "…, but that …", and a verb phrase
    holding quoted words ("wrote that A "…" and were now "cashing in"")."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ != "conj" or c.i < end or c.lemma_.lower() in _REPORTING:
            continue
        if any(x.dep_ in ("nsubj", "nsubjpass") and x.i < verb.i for x in c.children):
            continue
        k = c.left_edge.i
        while k < c.i and (doc[k].dep_ == "cc" or doc[k].is_punct):
            k += 1
        if k - end > 3:
            continue
        quoted = marks is not None and bool(
            marks.within(doc[k].idx, _end_char(doc[c.right_edge.i]))
        )
        own_subject = any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
        if doc[k].lower_ == "that" or (quoted and not own_subject):
            end = c.right_edge.i + 1
    return end


def _cut_coordinated(doc: Any, start: int, end: int) -> int:
    """End a complement before a reporting verb coordinated with the one that governs it
    ("said Russia "…" and described the accusations as "…""): the parser often hangs the
    second verb inside the first one's clause."""
    for k in range(start + 1, end):
        t = doc[k]
        if (
            (t.dep_ == "conj" or (t.dep_ == "advcl" and t.tag_ == "VBG"))
            and t.lemma_.lower() in _REPORTING
            and t.tag_ in ("VBD", "VBZ", "VBP", "VBG")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        ):
            cut = int(t.left_edge.i)
            while cut > start and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
                if doc[cut - 1].text in MARKS:
                    break
                cut -= 1
            return cut
    return end


def _question(first: Any, head: Any) -> bool:
    """Does a complement ask rather than report ("whether …", "what happened")? A
    conditional inside a reported clause ("that if NATO …, Russia would …") does not."""
    return first.lower_ == "whether" or (first.lower_ in QUESTION_WORDS and first.head is head)


def _fragment(marks: _Marks, quoted: list[int]) -> tuple[int, int, bool]:
    mk = marks.spans[quoted[-1]]
    return mk.start, mk.end, True


def _trim_end(doc: Any, start: int, end: int, verb: Any) -> int:
    """Drop the sentence-final punctuation and a trailing attribution ("…, he said")."""
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in MARKS:
        end -= 1
    return end


def _end_char(tok: Any) -> int:
    return int(tok.idx + len(tok.text))


def _is_clause(verb: Any, comp: tuple[int, int, bool]) -> bool:
    """An indirect quote needs a finite clause of a few tokens."""
    doc = verb.doc
    span = doc.char_span(comp[0], comp[1], alignment_mode="expand")
    if span is None or len(span) < MIN_CLAUSE_TOKENS:
        return False
    root = span.root
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children):
        return True
    # "to hold consultations", "urged Kyiv to …": no clause of its own, not a report
    return root.tag_ not in ("TO", "VBG") and not any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in root.children
    )


def _cue_span(verb: Any) -> Span:
    """The reporting expression: the verb with a perfect auxiliary and adverbs between
    ("has repeatedly said"), a particle ("called for"), "expressed hope"."""
    doc = verb.doc
    start, end = verb.i, verb.i + 1
    k = verb.i - 1
    while k >= 0 and doc[k].dep_ == "advmod" and doc[k].head is verb and doc[k].pos_ == "ADV":
        k -= 1
    if k >= 0 and doc[k].lemma_ == "have" and doc[k].dep_ == "aux" and doc[k].head is verb:
        start = k
    lemma = verb.lemma_.lower()
    if end < len(doc) and (
        (lemma == "call" and doc[end].lower_ in ("for", "on"))
        or (lemma == "express" and doc[end].lemma_ in ("hope", "concern", "confidence", "regret"))
    ):
        end += 1
    s = doc[start:end]
    return Span(s.start_char, s.end_char, s.text)


def _addressee(verb: Any) -> Span | None:
    if verb.lemma_.lower() not in ("tell", "say", "warn", "assure", "inform"):
        return None
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj") and (verb.lemma_ == "tell" or c.dep_ != "dobj"):
            toks = [t for t in c.subtree if t.dep_ not in ("relcl",)]
            cut = {t.i for x in c.children if x.dep_ == "relcl" for t in x.subtree}
            toks = [t for t in toks if t.i not in cut]
            s = verb.doc[toks[0].i : toks[-1].i + 1]
            return Span(s.start_char, s.end_char, s.text)
    return None


# -- quoted stretches beside a verb ------------------------------------------------------
def _cue_beside(doc: Any, mk: Span, sents: _Sents) -> Any | None:
    """The reporting verb of a quoted stretch no complement took: in the sentence where the
    stretch ends (""…," Blinken told reporters"), in a short sentence right after it, or
    before it ending in a colon ("Peskov said: "…"")."""
    first, last = sents.at(mk.start), sents.at(mk.end - 1)
    cands: list[Any] = []
    for sent in {first.start: first, last.start: last}.values():
        cands += sents.cues(sent)
    nxt = sents.after(last)
    if not cands and nxt is not None:
        gap = sents.text[mk.end : nxt.start_char]
        if len(nxt) <= MAX_ATTRIBUTION_TOKENS and "\n\n" not in gap:
            cands += sents.cues(nxt)
    prev = sents.before(first)
    if not cands and prev is not None:
        gap = sents.text[prev.end_char : mk.start]
        if prev.text.rstrip().endswith(":") and "\n\n" not in gap.strip('\n "“‘«„') + "":
            cands += sents.cues(prev)
    if not cands:
        return None
    return min(cands, key=lambda t: min(abs(t.idx - mk.start), abs(t.idx - mk.end)))


def _beside_ok(t: Any, marks: _Marks) -> bool:
    lemma = t.lemma_.lower()
    return lemma in CUE_VERBS and _is_cue(t, marks) and subject_of(t) is not None


def _continued(
    mk: Span, drafts: list[_Draft], text: str, paras: list[tuple[int, int]]
) -> _Draft | None:
    """The quote a cue-less quoted sentence continues: the direct or mixed quote just
    before it in the same paragraph (""A," he said. "B."") or, for a paragraph that opens
    with a mark, the previous paragraph's quote when that paragraph ends inside the quote,
    with it, with a colon or with a short attribution ("…," he said.)."""
    before = text[: mk.start - 1].rstrip()
    if before and before[-1] not in ".!?:" and before[-1] not in MARKS:
        return None  # words in scare quotes inside a sentence, not a quoted sentence
    earlier = [d for d in drafts if d.end <= mk.start]
    if not earlier or earlier[-1].type == "indirect":
        return None
    prev = earlier[-1]
    if mk.start - prev.end > CONTINUATION_CHARS:
        return None
    p = bisect.bisect_right([a for a, _ in paras], mk.start) - 1
    p0 = paras[p][0] if p >= 0 else 0
    if prev.end >= p0:
        return prev  # same paragraph
    if p < 1 or mk.start - 1 != p0 or prev.end < paras[p - 1][0]:
        return None
    tail = text[prev.end : paras[p - 1][1]].strip()
    if all(c in MARKS or c in ".,:;" for c in tail) or tail.endswith(":"):
        return prev
    attribution = len(tail.split()) <= MAX_ATTRIBUTION_TOKENS and tail.endswith(".")
    said = {w.strip(".,").lower() for w in tail.split()} & _ATTRIBUTION_WORDS
    return prev if attribution and said else None


#: Words of a short attribution after a quote ("…," he said. / "…," Peskov added.)
_ATTRIBUTION_WORDS = frozenset(
    ["said", "says", "added", "adds", "told", "continued", "stressed", "noted", "insisted"]
)


# -- according to ------------------------------------------------------------------------
def _according_to(doc: Any, marks: _Marks, drafts: list[_Draft]) -> list[_Draft]:
    out: list[_Draft] = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() in NON_SPEAKERS or pobj.pos_ == "PRON":
            continue
        if pobj.pos_ not in ("PROPN",) and not _speakerish(pobj):
            continue
        sent = tok.sent
        sent_end = sent.start_char + len(sent.text.rstrip())
        src_end = _end_char(doc[pobj.right_edge.i])
        if tok.i == sent.start or (doc[tok.i - 1].is_punct and doc[tok.i - 1].text != ","):
            c0, c1 = src_end, sent_end  # "According to X, …"
        elif src_end + 2 >= sent_end:
            c0, c1 = sent.start_char, tok.idx  # "…, according to X."
        else:
            continue
        seg = marks.text[c0:c1]
        lead = len(seg) - len(seg.lstrip(" ,;:\n"))
        seg = seg.strip(" ,;:\n")
        if seg.endswith(".") and marks.at(c0 + lead + len(seg) - 1) < 0:
            seg = seg[:-1]
        c0 += lead
        c1 = c0 + len(seg)
        if len(seg.split()) < MIN_CLAUSE_TOKENS:
            continue
        if any(d.start < c1 and c0 < d.end for d in drafts):
            continue
        inner = marks.within(c0, c1)
        kind: QuoteType = "mixed" if inner else "indirect"
        if inner and marks.spans[inner[0]].start - 1 <= c0 and marks.spans[inner[-1]].end >= c1:
            kind = "direct"
        cue = Span(tok.idx, _end_char(to), marks.text[tok.idx : _end_char(to)])
        out.append(_Draft(c0, c1, kind, _Pending(pobj), cue, None, tok.idx, "according"))
    return out


def _speakerish(noun: Any) -> bool:

    lemma = noun.lemma_.lower()
    return (
        lemma in PERSON_NOUNS
        or lemma in BODY_NOUNS
        or lemma in DOCUMENT_NOUNS
        or noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
    )


# -- shapes ------------------------------------------------------------------------------
def _shape(
    text: str, c0: int, c1: int, inner: list[Span], naming: bool
) -> tuple[QuoteType, int, int]:
    """Direct when the complement is one quoted stretch (punctuation aside), else mixed
    with the outermost marks removed."""
    if naming:
        return "direct", inner[-1].start, inner[-1].end
    if len(inner) == 1:
        mk = inner[0]
        outside = text[c0 : max(c0, mk.start - 1)] + text[min(c1, mk.end + 1) : c1]
        if all(not ch.isalnum() for ch in outside):
            return "direct", mk.start, mk.end
    # mixed: drop an opening mark at the start and a closing mark at the end
    while c0 < c1 and (text[c0].isspace() or text[c0] in CLOSERS):
        c0 += 1
    while c1 > c0 and (text[c1 - 1].isspace() or text[c1 - 1] in MARKS):
        c1 -= 1
    return "mixed", c0, c1
