"""Events: who did what to whom, coded in PLOVER from the dependency parse.

A trigger (verb, or light verb + noun: "imposed sanctions", "called for an alliance")
gives the type; the subject gives the source (or the speaker when the clause is someone's
words); objects and prepositional arguments give targets; compound actors expand into one
event per dyad. Negation, modality, dates and the quote that reports an event are kept."""

from __future__ import annotations

from datetime import date
from typing import Any

from . import dates
from .actors import ActorIndex
from .records import Event, Quote, Span, span_of

#: Verb lemma → PLOVER type.
VERBS: dict[str, str] = {}
for _type, _lemmas in {
    "ACCUSE": "accuse blame criticize criticise condemn denounce slam rebuke decry fault chastise "
    "berate castigate investigate probe",
    "REJECT": "reject refuse deny dismiss rubbish veto oppose spurn rebuff decline",
    "REQUEST": "demand urge request appeal implore press",
    "THREATEN": "threaten",
    "SANCTION": "sanction embargo boycott expel",
    "AGREE": "agree sign ratify conclude",
    "CONSULT": "meet discuss negotiate consult visit host telephone",
    "SUPPORT": "support praise back welcome endorse defend hail commend applaud value",
    "COOPERATE": "cooperate collaborate partner",
    "AID": "donate",
    "CONCEDE": "concede yield release apologize apologise",
    "RETREAT": "withdraw retreat evacuate",
    "PROTEST": "protest demonstrate rally march strike",
    "MOBILIZE": "mobilize mobilise deploy",
    "COERCE": "arrest detain seize ban block confiscate deport",
    "ASSAULT": "attack bomb shell invade kill shoot annex assassinate raid",
}.items():
    for _lemma in _lemmas.split():
        VERBS[_lemma] = _type

#: Light verb + object noun lemma → type ("impose sanctions", "call for alliance").
LIGHT: dict[tuple[str, str], str] = {
    ("impose", "sanction"): "SANCTION",
    ("impose", "tariff"): "SANCTION",
    ("impose", "embargo"): "SANCTION",
    ("slap", "sanction"): "SANCTION",
    ("lift", "sanction"): "CONCEDE",
    ("ease", "sanction"): "CONCEDE",
    ("hold", "talk"): "CONSULT",
    ("hold", "meeting"): "CONSULT",
    ("sign", "agreement"): "AGREE",
    ("sign", "deal"): "AGREE",
    ("reach", "agreement"): "AGREE",
    ("reach", "deal"): "AGREE",
    ("send", "aid"): "AID",
    ("provide", "aid"): "AID",
    ("pledge", "aid"): "AID",
    ("send", "troop"): "MOBILIZE",
    ("exchange", "information"): "COOPERATE",
    ("launch", "attack"): "ASSAULT",
    ("launch", "strike"): "ASSAULT",
    ("carry", "strike"): "ASSAULT",
    ("point", "finger"): "ACCUSE",
}
#: Verb + particle/preposition → type ("call for", "call on", "pull out").
PHRASAL: dict[tuple[str, str], str] = {
    ("call", "for"): "REQUEST",
    ("call", "on"): "REQUEST",
    ("ask", "for"): "REQUEST",
    ("pull", "out"): "RETREAT",
    ("team", "up"): "COOPERATE",
    ("work", "with"): "COOPERATE",
    ("crack", "down"): "COERCE",
    ("talk", "with"): "CONSULT",
    ("speak", "with"): "CONSULT",
    ("enter", "into"): "AGREE",
}
#: Type → (nearest CAMEO root code, quad class, Goldstein intensity of that root).
CODES: dict[str, tuple[str, str, float]] = {
    "AGREE": ("030", "verbal_coop", 4.0),
    "CONSULT": ("040", "verbal_coop", 1.0),
    "SUPPORT": ("051", "verbal_coop", 3.4),
    "CONCEDE": ("080", "verbal_coop", 5.0),
    "COOPERATE": ("060", "material_coop", 6.0),
    "AID": ("070", "material_coop", 7.0),
    "RETREAT": ("087", "material_coop", 9.0),
    "REQUEST": ("100", "verbal_conflict", -5.0),
    "ACCUSE": ("112", "verbal_conflict", -2.0),
    "REJECT": ("120", "verbal_conflict", -4.0),
    "THREATEN": ("130", "verbal_conflict", -6.0),
    "PROTEST": ("140", "material_conflict", -6.5),
    "MOBILIZE": ("150", "material_conflict", -7.2),
    "SANCTION": ("163", "material_conflict", -8.0),
    "COERCE": ("170", "material_conflict", -7.0),
    "ASSAULT": ("180", "material_conflict", -9.0),
}
_TARGET_PREPS = {
    "against",
    "on",
    "with",
    "to",
    "at",
    "of",
    "toward",
    "towards",
    "from",
    "into",
    "for",
}
_MODALS = {"would", "could", "might", "may", "should", "will", "shall", "can"}
_HYPO_HEADS = {"want", "plan", "hope", "seek", "intend", "propose", "threaten", "consider", "try"}


def trigger_type(tok: Any) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB",):
        return None
    for c in tok.children:
        if c.dep_ in ("prt", "prep") and (lemma, c.lower_) in PHRASAL:
            return PHRASAL[(lemma, c.lower_)]
        if c.dep_ in ("dobj", "nsubjpass") and (lemma, c.lemma_.lower()) in LIGHT:
            return LIGHT[(lemma, c.lemma_.lower())]
    return VERBS.get(lemma)


def code_events(
    doc: Any, idx: ActorIndex, quotes: list[Quote], published: date | None
) -> list[Event]:
    events: list[Event] = []
    seen: set[tuple[str, str | None, str, int]] = set()
    for tok in doc:
        etype = trigger_type(tok)
        if etype is None:
            continue
        sources = _sources(tok, idx)
        if not sources:
            continue
        targets = _targets(tok, idx) or [None]
        quote = _reporting_quote(tok, quotes)
        negated = _negated(tok)
        hypo = _hypothetical(tok)
        when, when_span = _date(tok, published)
        cameo, quad, intensity = CODES[etype]
        sent = tok.sent
        for src in sources:
            for tgt in targets:
                if tgt is not None and tgt.actor_id == src.actor_id:
                    continue
                k = (src.actor_id or "", tgt.actor_id if tgt else None, etype, tok.i)
                if k in seen:
                    continue
                seen.add(k)
                conf = 0.45 + 0.2 * bool(tgt) + 0.1 * (quote is None) + 0.1 * (when is not None)
                conf -= 0.2 * (negated or hypo)
                events.append(
                    Event(
                        id=len(events),
                        type=etype,
                        evidence=span_of(doc.text, sent.start_char, sent.end_char),
                        trigger=Span(tok.idx, tok.idx + len(tok.text), tok.text),
                        source_actor_id=src.actor_id,
                        target_actor_id=tgt.actor_id if tgt else None,
                        source=src.span,
                        target=tgt.span if tgt else None,
                        cameo=cameo,
                        quad=quad,
                        intensity=-intensity if negated and intensity < 0 else intensity,
                        negated=negated,
                        hypothetical=hypo,
                        reported_by=quote.id if quote else None,
                        date=when,
                        date_evidence=when_span,
                        confidence=round(max(0.05, min(conf, 0.95)), 2),
                    )
                )
    return events


def _expand(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _expand(c)
    return out


def _mentions_for(tok: Any, idx: ActorIndex) -> list[Any]:
    """Actor mentions a noun phrase headed by ``tok`` stands for (conjuncts expanded)."""
    found = []
    for head in _expand(tok):
        m = idx.at(head.i)
        if m is None:
            # "Russian officials", "the Chinese government": a modifier names the actor
            for c in head.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod") and idx.at(c.i):
                    m = idx.at(c.i)
                    break
        if m is not None and m.actor_id and m not in found:
            found.append(m)
    return found


def _sources(verb: Any, idx: ActorIndex) -> list[Any]:
    for c in verb.children:
        if c.dep_ == "nsubj":
            return _mentions_for(c, idx)
        if c.dep_ == "agent":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return _mentions_for(pobj, idx)
    # infinitive or conjoined verb: the subject of the governing verb ("Russia wants to ...")
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        return _sources(verb.head, idx) if verb.dep_ != "advcl" else []
    return []


def _targets(verb: Any, idx: ActorIndex) -> list[Any]:
    out: list[Any] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "nsubjpass"):
            out += _mentions_for(c, idx)
            for g in c.children:  # "sanctions on Russia", "alliance against China"
                if g.dep_ == "prep" and g.lower_ in _TARGET_PREPS:
                    out += [
                        m for p in g.children if p.dep_ == "pobj" for m in _mentions_for(p, idx)
                    ]
        elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
            out += [m for p in c.children if p.dep_ == "pobj" for m in _mentions_for(p, idx)]
    uniq: list[Any] = []
    for m in out:
        if m not in uniq:
            uniq.append(m)
    return uniq


def _negated(verb: Any) -> bool:
    toks = [verb, *(c for c in verb.children if c.dep_ == "aux")]
    if any(c.dep_ == "neg" for t in toks for c in t.children):
        return True
    return verb.dep_ == "xcomp" and any(c.dep_ == "neg" for c in verb.head.children)


def _hypothetical(verb: Any) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in _HYPO_HEADS


def _reporting_quote(verb: Any, quotes: list[Quote]) -> Quote | None:
    for q in quotes:
        if q.content.start <= verb.idx < q.content.end:
            return q
    return None


def _date(verb: Any, published: date | None) -> tuple[str | None, Span | None]:
    sent = verb.sent
    best = None
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        # prefer a date attached to this verb's clause
        attached = any(a.i == verb.i for a in ent.root.ancestors) or ent.root.head.i == verb.i
        score = (attached, -abs(ent.start - verb.i))
        if best is None or score > best[0]:
            best = (score, ent)
    if best is None:
        return None, None
    ent = best[1]
    resolved = dates.resolve(ent.text, published)
    if resolved is None:
        return None, None
    return resolved, Span(ent.start_char, ent.end_char, ent.text)
