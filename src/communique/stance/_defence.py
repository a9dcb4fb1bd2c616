"""Defence: a sentence that calls an attack on a target wrong, or rejects it, takes the
target's side. "The U.S. is wrong to accuse China", "Russia couldn't show any solidarity
with China-bashing statements", "accusations against Beijing are groundless", "Moscow
refused to blame Beijing": China is the object of an attack (accusation, blame,
criticism, sanctions, "-bashing"), and the attack sits under a negative evaluation
("wrong to", "groundless", "not the time to"), a rejection or refusal ("rejected",
"refused to"), or a negated show of support ("couldn't show solidarity with", "won't
join"). Whoever says it is positive toward the target, however the words portray it.

The stance head cannot read this: NewsMTSC, which it learned from, labels how a sentence
portrays its target, and "accuse China" portrays China as accused. This module finds the
pattern in spaCy's dependency parse from lexicon classes (attack, evaluation, rejection,
support) and parse structure alone; :mod:`._stage` gives a defended target DEFENDED in
place of the head's probabilities, and finds who holds it (:func:`defender`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ._features import target_tokens

#: Verbs whose object (or passive subject) is attacked: accused, blamed, criticised.
ATTACK_VERBS = frozenset(
    {
        "accuse",
        "blame",
        "criticize",
        "criticise",
        "condemn",
        "denounce",
        "attack",
        "bash",
        "slam",
        "vilify",
        "demonize",
        "demonise",
        "scapegoat",
        "smear",
        "slander",
        "defame",
        "castigate",
        "censure",
        "rebuke",
        "disparage",
        "stigmatize",
        "stigmatise",
        "sanction",
        "punish",
        "isolate",
        "fault",
        "malign",
        "besmirch",
        "lambast",
        "lambaste",
        "berate",
        "single",
        "target",
    }
)

#: Nouns naming an attack, whose patient follows "against", "on", "of" or "at" or is
#: joined to them ("accusations against Beijing", "China-bashing", "attacks on Moscow").
ATTACK_NOUNS = frozenset(
    {
        "accusation",
        "allegation",
        "blame",
        "criticism",
        "condemnation",
        "attack",
        "bashing",
        "smear",
        "slander",
        "vilification",
        "demonization",
        "demonisation",
        "scapegoating",
        "sanction",
        "punishment",
        "finger",
    }
)

#: Attack nouns whose patient may follow "of" ("criticism of Beijing"; but "the charge
#: of", "the attack of" name the attacker or the charge).
OF_NOUNS = frozenset(
    {
        "criticism",
        "condemnation",
        "vilification",
        "demonization",
        "demonisation",
        "scapegoating",
        "bashing",
    }
)

#: Adverbs that condemn the attack they modify ("wrongly accused", "unfairly blamed").
NEGATIVE_MANNERS = frozenset(
    {
        "wrongly",
        "unfairly",
        "unjustly",
        "falsely",
        "baselessly",
        "groundlessly",
        "wrongfully",
        "unjustifiably",
    }
)

#: Verbs after which "against X" names a threat, not a patient ("protect against China").
SHIELDING = frozenset(
    {
        "protect",
        "defend",
        "guard",
        "shield",
        "insure",
        "warn",
        "caution",
        "vaccinate",
        "immunize",
        "immunise",
        "hedge",
        "secure",
    }
)

#: Prepositions that introduce an attack's patient.
PATIENT_PREPS = {
    "verb": frozenset({"on", "at", "against", "upon"}),
    "noun": frozenset({"on", "at", "against", "upon", "toward", "towards"}),
}

#: Evaluations that condemn what they govern ("wrong to accuse", "groundless accusations").
NEGATIVE_EVALUATIONS = frozenset(
    {
        "wrong",
        "unfair",
        "unjust",
        "unjustified",
        "unwarranted",
        "unfounded",
        "groundless",
        "baseless",
        "unacceptable",
        "absurd",
        "ridiculous",
        "irresponsible",
        "misguided",
        "mistaken",
        "inappropriate",
        "counterproductive",
        "hypocritical",
        "shameful",
        "outrageous",
        "slanderous",
        "nonsense",
        "mistake",
        "error",
        "premature",
        "unproductive",
        "pointless",
        "senseless",
        "lie",
        "lies",
    }
)

#: Evaluations that condemn what they govern when negated ("not the time to blame",
#: "no reason to accuse", "not fair to criticise").
POSITIVE_EVALUATIONS = frozenset(
    {
        "right",
        "fair",
        "proper",
        "appropriate",
        "justified",
        "justifiable",
        "correct",
        "acceptable",
        "legitimate",
        "time",
        "reason",
        "ground",
        "grounds",
        "basis",
        "wise",
        "helpful",
        "constructive",
    }
)

#: Words that may qualify a negated evaluation noun and keep it one ("not a proper time").
_GOOD = frozenset({"proper", "right", "good", "appropriate", "best", "real", "valid", "legal"})

#: Verbs that reject what they govern ("rejected the accusations", "refused to blame").
REJECTIONS = frozenset(
    {
        "reject",
        "refuse",
        "decline",
        "dismiss",
        "rebuff",
        "repudiate",
        "refute",
        "condemn",
        "denounce",
        "oppose",
        "deplore",
        "disavow",
    }
)

#: Verbs and nouns of joining or backing: negated, they reject what they govern ("could
#: not show any solidarity with", "won't join the criticism", "does not share").
SUPPORTS = frozenset(
    {
        "join",
        "support",
        "back",
        "endorse",
        "share",
        "agree",
        "solidarity",
        "sympathy",
        "understanding",
        "side",
        "subscribe",
    }
)

#: Relations climbed from the attack to what evaluates it. Not "relcl" in general: a
#: relative clause speaks of its noun, and what governs the noun does not govern the clause
#: ("his debate against Ryan, in which Biden was criticised" rejects nothing); _climbs
#: takes the ones that do ("no reason to blame", "condemned the sanctions Obama imposed").
_UP = frozenset(
    {
        "xcomp",
        "ccomp",
        "advcl",
        "acl",
        "pcomp",
        "pobj",
        "prep",
        "dobj",
        "nsubj",
        "nsubjpass",
        "csubj",
        "amod",
        "attr",
        "oprd",
        "appos",
        "compound",
    }
)

#: Relations of an evaluation beside the climbed path ("it is not the time ... to blame",
#: where the parser hangs "time" and "to blame" on the same verb).
_BESIDE = frozenset({"acomp", "attr", "oprd", "ccomp", "xcomp"})

#: Verbs of saying: the climb stops at them (what is above belongs to another clause).
_SPEECH = frozenset({"say", "tell", "add", "state", "claim", "write", "insist", "note"})

#: Steps climbed from the attack.
MAX_CLIMB = 6

#: Probabilities of a defended target, in place of the head's: add-one estimates from the
#: 7 matches among the 42,340 sentences of ../shared/data (NewsMTSC-train, PLOVER-GSR,
#: PETRARCH2's tests, the AEB and htmldate pages) and the samples, each labelled by hand
#: with what the holder thinks of the target: 4 positive, 3 neutral, 0 negative, so
#: (4+1)/10, (3+1)/10, (0+1)/10 (BENCHMARKS.md, Stance, "Defences"). Seven is few: relabel
#: and reset these if the lexicons or the climb change (`bench/stance.py --defences`
#: lists the matches).
DEFENDED = {"negative": 0.10, "neutral": 0.40, "positive": 0.50}


#: What condemns the attack: "wrong to accuse", "rejected the accusations", "could not
#: show solidarity with".
DefenceKind = Literal["evaluation", "rejection", "withheld support"]


@dataclass(frozen=True)
class Defence:
    """An attack on the target under a condemning governor: the attack's token and the
    governor's token (indices in the doc) and what kind of governor it is."""

    attack: int
    cue: int
    kind: DefenceKind


def _negated(tok: Any) -> bool:
    """Is ``tok`` negated: "not", "n't", "never", or "no" on it ("no reason")?"""
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
            return True
    head = tok.head
    if tok.dep_ in ("acomp", "attr", "oprd") and head.i != tok.i:
        return any(c.dep_ == "neg" for c in head.children)  # "it is not right to"
    return False


def _is_attack(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in ATTACK_VERBS:
        return not (lemma == "single" and not any(c.lower_ == "out" for c in tok.children))
    if lemma == "point":  # "pointed the finger at"
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "finger" for c in tok.children)
    return tok.pos_ in ("NOUN", "VERB") and lemma in ATTACK_NOUNS


def _names_attack(noun: Any) -> bool:
    """Does the noun name an attack, itself or by what it counts ("a new round of
    sanctions", "a wave of criticism")?"""
    if _is_attack(noun):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(_is_attack(g) for g in c.children)
        for c in noun.children
    )


def _attack_on(sent: Any, start: int, end: int) -> Any:
    """The attack whose patient is the target at characters [start, end), or None."""
    toks, root, _ = target_tokens(sent, start, end)
    if root is None:
        return None
    inside = {t.i for t in toks}
    tok = root
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:  # "the WHO or China"
        tok = tok.head
    head, dep = tok.head, tok.dep_
    if head.i in inside:
        return None
    if dep in ("dobj", "nsubjpass") and _is_attack(head) and head.pos_ == "VERB":
        return head
    if dep in ("compound", "npadvmod", "amod", "nmod") and _is_attack(head):
        # "China-bashing", "China bashing"; not "Trump attacks" or "US sanctions", where
        # the word before the noun is the attacker
        return head if head.lower_.endswith("ing") else None
    if dep == "pobj" and head.dep_ == "prep":
        pred = head.head
        prep = head.lower_
        if prep == "against" and pred.lemma_.lower() not in SHIELDING:
            return pred  # "team up against China", "measures against Moscow"
        if _is_attack(pred):
            kind = "verb" if pred.pos_ == "VERB" else "noun"
            if prep in PATIENT_PREPS[kind] or (pred.lemma_.lower() == "point" and prep == "at"):
                return pred
            if prep == "of" and pred.lemma_.lower() in OF_NOUNS:
                return pred
            return None
        noun = pred.head  # "the sanctions Washington imposed on Havana"
        if pred.dep_ in ("relcl", "acl") and _names_attack(noun) and prep in PATIENT_PREPS["noun"]:
            return noun
        # "blame everything on the WHO or, the next day, on China": the parser may hang
        # the second phrase on a verb above; take the attack that has the same preposition
        if prep not in PATIENT_PREPS["verb"]:
            return None
        for t in pred.subtree:
            same = any(c.dep_ == "prep" and c.lower_ == prep for c in t.children)
            if t.i < head.i and t.pos_ == "VERB" and same and _is_attack(t):
                return t
    return None


def _condemns(tok: Any) -> DefenceKind | None:
    """Does ``tok`` condemn what it governs?"""
    lemma = tok.lemma_.lower()
    neg = _negated(tok)
    if lemma in NEGATIVE_EVALUATIONS and tok.pos_ in ("ADJ", "NOUN") and not neg:
        return "evaluation"
    if lemma in POSITIVE_EVALUATIONS and tok.pos_ in ("ADJ", "NOUN") and neg:
        # "not a proper time", "no good reason"; not "not the first time that ..."
        amods = [c.lemma_.lower() for c in tok.children if c.dep_ == "amod"]
        return "evaluation" if all(a in _GOOD for a in amods) else None
    if lemma in REJECTIONS and tok.pos_ == "VERB" and not neg:
        return "rejection"
    if not neg or tok.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    objects = {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "attr")}
    return "withheld support" if lemma in SUPPORTS or objects & SUPPORTS else None


def _expletive(tok: Any) -> bool:
    """Has ``tok`` an "it" subject or object ("it is wrong to", "consider it wrong to")?"""
    return any(c.dep_ in ("nsubj", "dobj", "expl") and c.lower_ == "it" for c in tok.children)


def _climbs(tok: Any) -> bool:
    """May the climb go from ``tok`` to its head?"""
    if tok.head.i == tok.i:
        return False
    if tok.dep_ == "relcl":
        # "no reason to blame": the noun's content, not a relative clause; "the round of
        # sanctions Obama imposed against Russia": the clause tells of the noun's attack
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        return infinitive or _names_attack(tok.head)
    return tok.dep_ in _UP


def _overruled(cue: Any) -> bool:
    """Is the condemning ``cue`` itself withdrawn ("refused to condemn", "did not reject")?
    A negated rejection is caught by _condemns; this looks one verb up."""
    head = cue.head
    if cue.dep_ not in ("xcomp", "ccomp") or head.i == cue.i:
        return False
    return head.lemma_.lower() in REJECTIONS or (
        _negated(head) and head.lemma_.lower() not in _SPEECH
    )


def defence_of(sent: Any, start: int, end: int) -> Defence | None:
    """The defence of the target at document characters [start, end) in the spaCy
    sentence ``sent``, if the sentence condemns an attack on it."""
    attack = _attack_on(sent, start, end)
    if attack is None:
        return None
    for c in attack.children:  # "wrongly accused", "unfairly blamed"
        if c.dep_ == "advmod" and c.lower_ in NEGATIVE_MANNERS:
            return Defence(attack.i, c.i, "evaluation")
    tok, via = attack, ""
    for _ in range(MAX_CLIMB):
        if tok.i != attack.i:
            kind = _condemns(tok)
            if kind and via in ("nsubj", "csubj") and kind != "evaluation":
                kind = None  # the attack is the agent: "critics of X refused to ..."
            if kind:
                return None if _overruled(tok) else Defence(attack.i, tok.i, kind)
            # an evaluation beside the path: "consider it not a proper time ... to blame"
            # (the parser hangs "time" and "to blame" on "consider"), "the accusations
            # are groundless" (the attack is the subject)
            subject = via in ("nsubj", "csubj", "nsubjpass") or _expletive(tok)
            for c in tok.children:
                if c.dep_ not in _BESIDE or c.i == attack.i or not (subject or _expletive(c)):
                    continue
                if _condemns(c) == "evaluation":
                    return Defence(attack.i, c.i, "evaluation")
        if tok.lemma_.lower() in _SPEECH and tok.i != attack.i:
            return None
        if tok.dep_ == "prep" and tok.lower_ == "against" and _is_attack(attack):
            # "warned against blaming China", "voted against sanctions on Iran"; not a
            # bare "X against Y" ("a victory against Croatia, an effort against Belgium")
            head = tok.head
            if _negated(head) or _overruled(head):
                return None
            return Defence(attack.i, head.i, "rejection")
        if not _climbs(tok):
            return None
        via, tok = tok.dep_, tok.head
    return None


#: Verbs whose subject holds the evaluation they govern ("We consider it wrong to ...").
_THINKING = frozenset(
    {"consider", "think", "believe", "find", "deem", "regard", "see", "call", "feel", "view"}
)


def defender(sent: Any, defence: Defence) -> Any:
    """The token of whoever defends the target, if the sentence names them: the subject
    of the rejection or of the withheld support ("Russia couldn't show solidarity",
    "Italy rejected"), the agent of a passive one ("were rejected by Italy"), the subject
    of a verb of thinking or saying over an evaluation ("We consider it wrong to", "France
    said it was wrong to"); None when the evaluation is the writer's ("it is wrong to
    blame", "Brazil wrongly accused")."""
    tok = sent.doc[defence.cue]
    if defence.kind == "evaluation":
        while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
            tok = tok.head
        if tok.lemma_.lower() not in _THINKING and tok.dep_ == "ccomp":
            tok = tok.head  # "France said it was wrong to": the sayer, if no quote has it
        if tok.lemma_.lower() not in _THINKING | _SPEECH:
            return None
    for _ in range(4):
        for c in tok.children:
            if c.dep_ == "nsubj":
                return c
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head  # "refused to join", "could not and would not join"
    return None
