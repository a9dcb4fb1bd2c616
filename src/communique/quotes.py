"""Quotes: who said what. Direct quotes from quotation marks, indirect and mixed quotes
from reporting verbs and their clausal complements, speakers resolved through the
actor index (names, roles, organisations, pronouns)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .actors import ActorIndex
from .records import Quote, Span, span_of

#: Reporting verbs of news English (lemmas).
CUE_VERBS = frozenset(
    [
        "say",
        "tell",
        "state",
        "stress",
        "insist",
        "warn",
        "deny",
        "accuse",
        "add",
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
        "suggest",
        "admit",
        "acknowledge",
        "confirm",
        "write",
        "tweet",
        "post",
        "report",
        "predict",
        "vow",
        "pledge",
        "promise",
        "urge",
        "demand",
        "call",
        "allege",
        "believe",
        "think",
        "describe",
        "respond",
        "reply",
        "answer",
        "ask",
        "complain",
        "concede",
        "contend",
        "maintain",
        "point",
        "remark",
        "comment",
        "observe",
        "reveal",
        "recall",
        "quip",
        "lament",
        "charge",
        "dismiss",
        "reject",
        "counter",
        "underline",
        "underscore",
        "affirm",
        "indicate",
        "express",
        "hint",
        "signal",
        "mention",
        "caution",
        "testify",
    ]
)
#: Verbs that only report when they have a clausal complement (not "call for talks").
_NEEDS_CLAUSE = frozenset({"call", "ask", "believe", "think", "point", "express", "charge"})
OPEN_CLOSE = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’", "‹": "›", "‚": "‘"}
#: A quoted span shorter than this many words is a term in scare quotes unless a cue
#: frames it as someone's words (tuned on the samples; rerun bench/quotes.py if changed).
MIN_DIRECT_WORDS = 4


@dataclass(frozen=True)
class _Marked:
    start: int  # offset of the first content character
    end: int  # offset after the last content character


def quote_spans(text: str) -> list[_Marked]:
    """Quoted stretches of text, for every mark style. An unbalanced mark is skipped, never
    allowed to swallow the rest of the article: a quote may not cross a blank line unless
    the next paragraph re-opens it (the news convention for multi-paragraph quotes)."""
    out: list[_Marked] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        close = OPEN_CLOSE.get(ch)
        if close is None or (ch in "‘’'" and _is_apostrophe(text, i)):
            i += 1
            continue
        j = i + 1
        found = -1
        while j < n:
            c = text[j]
            if c == close and not (close == "’" and _is_apostrophe(text, j)):
                found = j
                break
            if c == "\n" and text.startswith("\n\n", j) and not _reopens(text, j, ch):
                break
            j += 1
        if found > i + 1:
            out.append(_Marked(i + 1, found))
            i = found + 1
        else:
            i += 1
    return out


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isalnum() and after.isalnum()) or (before in "sS" and after in " ,.")


def _reopens(text: str, j: int, opener: str) -> bool:
    k = j
    while k < len(text) and text[k].isspace():
        k += 1
    return k < len(text) and text[k] == opener


def extract_quotes(doc: Any, idx: ActorIndex) -> list[Quote]:
    text = doc.text
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    last_speaker: tuple[Span | None, str | None] = (None, None)

    for mk in quote_spans(text):
        content = text[mk.start : mk.end]
        first = doc.char_span(mk.start, mk.end, alignment_mode="expand")
        if first is None:
            continue
        cue = _cue_near(doc, first)
        words = len(content.split())
        if cue is None and words < MIN_DIRECT_WORDS:
            continue  # scare quotes
        if cue is None:
            # "…," he said. style handled by _cue_near; a standalone quoted paragraph
            # continues the previous speaker only when it directly follows their quote
            if not quotes or mk.start - quotes[-1].content.end > 400:
                continue
            speaker, actor_id = last_speaker
            cue_span = None
            addressee = None
            qtype = "direct"
        else:
            speaker, actor_id = _speaker(cue, idx)
            cue_span = _span(doc, cue.i, cue.i + 1)
            addressee = _addressee(cue)
            clause = _complement(cue)
            qtype = "direct"
            if clause is not None and clause.start_char < mk.start - 1 and words < 25:
                c0, c1 = clause.start_char, clause.end_char
                if c0 <= mk.start and c1 >= mk.end - 1 and (mk.start - c0) > 3:
                    qtype = "mixed"
                    mk = _Marked(c0, max(c1, mk.end))
            if qtype == "direct" and words < MIN_DIRECT_WORDS and clause is None:
                continue
        if any(s <= mk.start and mk.end <= e for s, e in covered):
            continue  # a second quoted fragment of a mixed quote already taken whole
        sent = first.sent
        q = Quote(
            id=len(quotes),
            type=qtype,  # type: ignore[arg-type]
            content=Span(mk.start, mk.end, text[mk.start : mk.end]),
            sentence=span_of(doc.text, sent.start_char, sent.end_char),
            speaker=speaker,
            speaker_actor_id=actor_id,
            cue=cue_span,
            addressee=addressee,
        )
        quotes.append(q)
        covered.append((mk.start, mk.end))
        last_speaker = (speaker, actor_id)

    for tok in doc:
        if tok.lemma_ not in CUE_VERBS or tok.pos_ not in ("VERB", "AUX"):
            continue
        clause = _complement(tok)
        if clause is None or len(clause) < 3:
            continue
        if any(s <= clause.start_char < e or s < clause.end_char <= e for s, e in covered):
            continue
        if any(t.text in OPEN_CLOSE or t.text in "”»’" for t in clause):
            continue
        speaker, actor_id = _speaker(tok, idx)
        if speaker is None:
            continue
        sent = tok.sent
        quotes.append(
            Quote(
                id=len(quotes),
                type="indirect",
                content=Span(clause.start_char, clause.end_char, clause.text),
                sentence=span_of(doc.text, sent.start_char, sent.end_char),
                speaker=speaker,
                speaker_actor_id=actor_id,
                cue=_span(doc, tok.i, tok.i + 1),
                addressee=_addressee(tok),
            )
        )
        covered.append((clause.start_char, clause.end_char))
    quotes.extend(_according_to(doc, idx, covered, len(quotes)))
    quotes.sort(key=lambda q: q.content.start)
    return [
        Quote(i, q.type, q.content, q.sentence, q.speaker, q.speaker_actor_id, q.cue, q.addressee)
        for i, q in enumerate(quotes)
    ]


def _cue_near(doc: Any, quoted: Any) -> Any | None:
    """The reporting verb that frames a quoted span: in its sentence, outside the quote,
    or in the short attribution right after it ("…," he said)."""
    inside = set(range(quoted.start, quoted.end))
    sents = {quoted.start: quoted[0].sent}
    last = doc[quoted.end - 1].sent
    candidates: list[Any] = []
    for sent in (*sents.values(), last):
        candidates += [t for t in sent if t.i not in inside and _is_cue(t)]
    # a following short sentence "he said." / "Peskov added."
    if last.end < len(doc):
        nxt = doc[last.end].sent
        if len(nxt) <= 8:
            candidates += [t for t in nxt if _is_cue(t)]
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.i - quoted.start), abs(t.i - quoted.end)))


def _is_cue(t: Any) -> bool:
    if t.lemma_ not in CUE_VERBS or t.pos_ not in ("VERB", "AUX"):
        return False
    if t.lemma_ in _NEEDS_CLAUSE and _complement(t) is None:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) or t.dep_ in (
        "advcl",
        "conj",
        "relcl",
    )


def _complement(verb: Any) -> Any | None:
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i:
            start = c.left_edge.i
            doc = verb.doc
            while start < c.i and doc[start].dep_ == "mark" and doc[start].lower_ == "that":
                start += 1
            if doc[start].lower_ == "that":
                start += 1
            end = c.right_edge.i + 1
            while end > start and doc[end - 1].is_punct and doc[end - 1].text not in '”»’"':
                end -= 1
            return doc[start:end] if end > start else None
    return None


def _speaker(verb: Any, idx: ActorIndex) -> tuple[Span | None, str | None]:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ in ("conj", "advcl") and verb.head is not verb:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None, None
    doc = verb.doc
    # the head of the subject names the speaker ("U.S. Secretary of State Mike Pompeo",
    # "Russian Foreign Minister Sergey Lavrov"); modifiers only when the head names no one
    m = idx.at(subj.i)
    if m is not None:
        return m.span, m.actor_id
    found = [idx.at(t.i) for t in subj.subtree if t.dep_ != "poss" and idx.at(t.i)]
    people = [x for x in found if x and x.actor_id and idx.actors[x.actor_id].kind == "person"]
    for cand in people or found:
        if cand is not None and cand.actor_id:
            return cand.span, cand.actor_id
    span = doc[subj.left_edge.i : subj.right_edge.i + 1]
    if subj.pos_ == "PRON" and subj.lower_ not in ("he", "she", "they", "we", "i"):
        return None, None
    return Span(span.start_char, span.end_char, span.text), None


def _addressee(verb: Any) -> Span | None:
    if verb.lemma_ != "tell":
        return None
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj"):
            s = verb.doc[c.left_edge.i : c.right_edge.i + 1]
            return Span(s.start_char, s.end_char, s.text)
    return None


_ACCORDING = re.compile(r"\baccording to\b", re.I)


def _according_to(
    doc: Any, idx: ActorIndex, covered: list[tuple[int, int]], base: int
) -> list[Quote]:
    out: list[Quote] = []
    for sent in doc.sents:
        m = _ACCORDING.search(sent.text)
        if not m:
            continue
        a0 = sent.start_char + m.start()
        to = doc.char_span(a0, sent.start_char + m.end(), alignment_mode="expand")
        if to is None:
            continue
        pobj = next((c for c in to[-1].children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        src = doc[pobj.left_edge.i : pobj.right_edge.i + 1]
        mention = next((idx.at(t.i) for t in src if idx.at(t.i)), None)
        if mention is None or mention.actor_id is None:
            continue  # "according to the report": not a speaker we can name
        if src.end_char + 2 >= sent.end_char:  # "…, according to X."
            c0, c1 = sent.start_char, a0
        else:  # "According to X, …"
            c0, c1 = src.end_char, sent.end_char
        content = doc.text[c0:c1].strip(" ,.;")
        if len(content.split()) < 3:
            continue
        c0 = doc.text.index(content, c0)
        c1 = c0 + len(content)
        if any(s < c1 and c0 < e for s, e in covered):
            continue
        out.append(
            Quote(
                id=base + len(out),
                type="indirect",
                content=Span(c0, c1, content),
                sentence=span_of(doc.text, sent.start_char, sent.end_char),
                speaker=mention.span,
                speaker_actor_id=mention.actor_id,
                cue=Span(a0, to.end_char, doc.text[a0 : to.end_char]),
            )
        )
    return out


def _span(doc: Any, i: int, j: int) -> Span:
    s = doc[i:j]
    return Span(s.start_char, s.end_char, s.text)
