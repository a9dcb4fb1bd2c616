"""Who is speaking: the subject of a reporting verb → a speaker span and, when the text
identifies them, the actor. Names come from the actor index; a definite role noun ("the
minister", "the Kremlin spokesman") refers back to the person named with that role; a
pronoun takes the speaker of the quote just before it. Anonymous speakers ("a senior
official", "Analysts") keep their span and get no actor: never a guess."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..actors import ActorIndex
from ..records import Mention, SourceKind, Span

#: Nouns naming a person by office or function; with a definite determiner they refer back
#: to someone named earlier, with an indefinite one (or none, plural) to nobody in particular.
PERSON_NOUNS = frozenset(
    [
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "president",
        "chancellor",
        "premier",
        "ambassador",
        "envoy",
        "official",
        "diplomat",
        "source",
        "adviser",
        "advisor",
        "aide",
        "chief",
        "head",
        "leader",
        "commander",
        "general",
        "admiral",
        "negotiator",
        "representative",
        "counsellor",
        "councillor",
        "councilor",
        "senator",
        "lawmaker",
        "mp",
        "governor",
        "mayor",
        "director",
        "analyst",
        "expert",
        "executive",
        "officer",
        "member",
        "member",
        "people",
        "person",
        "researcher",
        "economist",
        "professor",
        "lawyer",
        "protester",
        "activist",
        "resident",
        "king",
        "emir",
        "amir",
        "prince",
        "sheikh",
        "foreign_minister",
    ]
)
#: Nouns of organisations ("the ministry", "the embassy"): they name an actor only through
#: the actor index, never through a modifier ("Russia's embassy" is not Russia).
BODY_NOUNS = frozenset(
    [
        "ministry",
        "embassy",
        "office",
        "department",
        "agency",
        "government",
        "administration",
        "council",
        "committee",
        "commission",
        "service",
        "services",
        "command",
        "army",
        "navy",
        "force",
        "forces",
        "mission",
        "delegation",
        "party",
        "group",
        "company",
        "firm",
        "court",
        "parliament",
        "cabinet",
        "presidency",
    ]
)
_MARK_CHARS = "\"'“”‘’«»„‚‹›"
PRONOUN_SPEAKERS = frozenset({"he", "she", "they"})
#: Determiners and quantifiers that make a noun phrase anonymous ("a senior official").
_INDEFINITE = frozenset(
    {"a", "an", "one", "two", "three", "several", "some", "many", "other", "another", "few"}
)
#: Group nouns whose "of" phrase names the speaker ("Members of the Left Party").
_MEMBER_NOUNS = frozenset({"member", "members"})


@dataclass(frozen=True)
class Speaker:
    span: Span
    actor_id: str | None
    person: bool  # a person (named, nominal or pronoun), not an organisation or state


def subject_of(verb: Any) -> Any | None:
    """The grammatical subject of a reporting verb, climbing from participles and
    coordinated verbs to the verb whose subject they share ("…, adding that")."""
    v = verb
    for _ in range(4):
        subj = _subject(v)
        if subj is not None:
            if subj.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
                return v.head  # "Peskov, who said …"
            return subj
        inserted = _inserted_subject(v)
        if inserted is not None:
            return inserted
        if v.dep_ in ("conj", "advcl", "xcomp", "pcomp", "acl") and v.head is not v:
            if v.dep_ in ("conj", "advcl"):
                governor = _reporting_governor(v)
                if governor is not None:
                    v = governor
                    continue
            v = v.head
            continue
        return None
    return None


def _subject(v: Any) -> Any | None:
    """The subject child of ``v``. Two is a misparse: of "MUMBAI: … insurers are reviewing
    …, industry sources said", the nearer noun; not a floating "each" ("Germany, France
    and Italy have each pledged") nor an abbreviation in brackets ("The National Cyber
    Security Centre (NCSC) said")."""
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    named = [
        c
        for c in subjects
        if c.pos_ in ("NOUN", "PROPN") and not (c.i > 0 and c.doc[c.i - 1].text == "(")
    ]
    return min(named or subjects, key=lambda c: abs(c.i - v.i))


def _inserted_subject(v: Any) -> Any | None:
    """ "Scholz, asked about the criticism, said …": the parser often makes the subject
    belong to the inserted participle, set off by a comma before the verb."""
    doc = v.doc
    for c in v.children:
        if c.i < v.i and c.dep_ in ("ccomp", "advcl") and c.tag_ in ("VBD", "VBN"):
            subj = next((x for x in c.children if x.dep_ == "nsubj" and x.i < c.i), None)
            if subj is not None and doc[v.i - 1].text == ",":
                k = subj.right_edge.i
                if doc[k].text == "," or (k + 1 < v.i and doc[k + 1].text == ","):
                    return subj
    return None


def _reporting_governor(conj: Any) -> Any | None:
    """For a reporting verb the parser hung inside another report's clause ("said Russia
    "…" and described …"), the reporting verb whose subject it shares."""
    t = conj.head
    for _ in range(6):
        if t.dep_ == "ccomp" and t.head is not t:
            return t.head
        if t.dep_ in ("ROOT",) or t.head is t:
            return None
        t = t.head
    return None


def speaker_of(
    subj: Any, idx: ActorIndex, previous: Speaker | None, antecedent: Speaker | None
) -> Speaker | None:
    """The speaker a subject token names. ``previous`` is the speaker of the quote just
    before; ``antecedent`` the person last named as a subject (or speaking) before it."""
    low = subj.lower_.lstrip(_MARK_CHARS)
    if subj.pos_ == "PRON" or low in PRONOUN_SPEAKERS:
        if low not in PRONOUN_SPEAKERS and low != "it":
            return None  # "I", "we", "you", "this": not a reported speaker
        span = _tok_span(subj)
        if low in ("he", "she") and antecedent is not None:
            return Speaker(span, antecedent.actor_id, True)
        m = idx.at(subj.i)
        actor = m.actor_id if m is not None else None
        if actor is None and low == "it" and previous is not None and not previous.person:
            actor = previous.actor_id
        if actor is None and low == "they" and previous is not None and not previous.person:
            actor = previous.actor_id  # "the ministry said ... They added": not one person
        return Speaker(span, actor, low != "it")

    np = _np_span(subj)
    lemma = subj.lemma_.lower()
    person_noun = lemma in PERSON_NOUNS or low in PERSON_NOUNS
    # a person named in the phrase: the head ("Kremlin spokesman Dmitry Peskov") or an
    # apposition ("Poland's foreign minister, Zbigniew Rau")
    appos = [t for t in subj.subtree if t.dep_ == "appos"] if person_noun else []
    for tok in (subj, *appos):
        m = idx.at(tok.i)
        if m is None or not m.actor_id or _kind(idx, m) != "person" or m.label == "AGENT":
            continue
        if m.label == "NOMINAL" and _indefinite(subj):
            continue  # "a government spokesman" is nobody in particular
        actor = _fuller(m.actor_id, tok, idx)
        span = m.span if m.label in ("PERSON", "REGISTRY") else np
        return Speaker(span, actor, True)
    m = idx.at(subj.i)
    if lemma in _MEMBER_NOUNS:
        for c in subj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                # "a member of the delegation" speaks for it; "a member of his family" is
                # not the person the pronoun names
                inner = [x for x in idx.in_subtree(c) if _kind(idx, x) != "person"]
                if inner:
                    return Speaker(np, inner[0].actor_id, False)
    if person_noun:
        # "Yemen's president", whom the registry does not hold, speaks for its government
        # as does "a Chinese foreign ministry spokesperson", for the body that names it
        office = m.actor_id if m is not None and m.label in ("NOMINAL", "AGENT") else None
        return Speaker(np, _refers_back(subj, idx) or office, True)
    if m is not None and m.actor_id:  # a group speaks too: "Rwandan rebels announced"
        return Speaker(np if m.label not in ("PERSON",) else m.span, m.actor_id, False)
    if m is not None and m.actor_id and lemma in BODY_NOUNS:
        return Speaker(np, m.actor_id, False)  # "Ukraine's energy ministry" → its government
    if subj.pos_ == "PROPN":
        person = _by_surname(subj, idx)
        if person is not None:
            return Speaker(_tok_span(subj), person, True)
    return Speaker(np, None, lemma not in BODY_NOUNS)


def _indefinite(head: Any) -> bool:
    det = next((c for c in head.children if c.dep_ in ("det", "nummod")), None)
    return (det is not None and det.lower_ in _INDEFINITE) or (
        det is None
        and head.tag_ in ("NNS", "NNPS")
        and not any(c.dep_ == "poss" for c in head.children)
    )


def _fuller(actor_id: str, tok: Any, idx: ActorIndex) -> str:
    """A one-word person the actor index learned from a bare name ("Mao") → the person
    named in full earlier with that word in their name ("Mao Ning"), when there is one."""
    a = idx.actors[actor_id]
    if a.learned and len(a.name.split()) == 1:
        return _by_surname(tok, idx) or actor_id
    return actor_id


def _kind(idx: ActorIndex, m: Mention) -> str | None:
    a = idx.actors.get(m.actor_id or "")
    return a.kind if a else None


def _refers_back(head: Any, idx: ActorIndex) -> str | None:
    """A definite role noun ("the minister", "the German minister", "Putin's spokesman")
    → the person last named before it with that role (and that country, when the phrase
    gives one); failing that, the one person of the article with that role."""
    det = next((c for c in head.children if c.dep_ in ("det", "poss", "nummod")), None)
    if det is None or _indefinite(head) or head.tag_ in ("NNS", "NNPS"):
        return None
    if det.dep_ == "det" and det.lower_ not in ("the", "this", "that"):
        return None
    country = None
    for t in head.subtree:
        if t.i >= head.i:
            break
        m = idx.at(t.i)
        if m is not None and m.actor_id:
            country = idx.actors[m.actor_id].country or country
    noun = _role_word(head.lemma_)
    before: list[tuple[int, str]] = []
    anywhere: set[str] = set()
    compatriots: set[str] = set()  # people of the phrase's country named before it
    for mm in idx.mentions:
        if not mm.actor_id or mm.label in ("AGENT", "PRONOUN"):
            continue
        a = idx.actors[mm.actor_id]
        if a.kind != "person" or (country is not None and a.country != country):
            continue
        if country is not None and mm.span.start < head.idx:
            compatriots.add(mm.actor_id)
        if not a.role or noun not in _role_word(a.role):
            continue
        anywhere.add(mm.actor_id)
        if mm.span.start < head.idx:
            before.append((mm.span.start, mm.actor_id))
    if before:
        return max(before)[1]
    if len(anywhere) == 1:
        return anywhere.pop()
    return compatriots.pop() if len(compatriots) == 1 else None


def _role_word(text: str) -> str:
    """Role words with spelling variants merged ("press secretary" = "spokesman")."""
    s = text.lower()
    for variant in ("press secretary", "spokesman", "spokeswoman"):
        s = s.replace(variant, "spokesperson")
    return s


def _by_surname(tok: Any, idx: ActorIndex) -> str | None:
    """A bare surname the actor index left unresolved ("Landsbergis", "Wang") → the one
    person named in full earlier whose name has that word."""
    word = tok.text.casefold()
    found = {
        a.id
        for mm in idx.mentions
        if mm.actor_id
        and mm.span.start < tok.idx
        and (a := idx.actors[mm.actor_id]).kind == "person"
        and word in a.name.casefold().replace("-", " ").split()
        and len(a.name.split()) > 1
    }
    return found.pop() if len(found) == 1 else None


def _np_span(head: Any) -> Span:
    """The noun phrase of a subject without appositions, relative clauses and the commas
    around them ("Poland's foreign minister", "two officials familiar with the talks")."""
    doc = head.doc
    stop = head.right_edge.i + 1
    for t in head.subtree:
        if t.i > head.i and (
            t.dep_ in ("appos", "relcl", "case")  # "the ministry's (warning)": no "'s"
            or (t.dep_ in ("punct", "cc") and t.head is head)
            or (t.dep_ == "conj" and t.head is head)
        ):
            stop = min(stop, t.left_edge.i)
    start = head.left_edge.i
    end = max(stop, head.i + 1)
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    s = doc[start:end]
    return Span(s.start_char, s.end_char, s.text)


def _tok_span(tok: Any) -> Span:
    """A one-token span without a quotation mark the tokenizer left on it."""
    lead = len(tok.text) - len(tok.text.lstrip(_MARK_CHARS))
    return Span(tok.idx + lead, tok.idx + len(tok.text), tok.text[lead:])


#: Head nouns of speakers that are texts, not people or bodies: "the report found that …".
DOCUMENT_NOUNS = frozenset(
    [
        "report",
        "study",
        "poll",
        "survey",
        "statement",
        "letter",
        "ruling",
        "judgment",
        "judgement",
        "verdict",
        "document",
        "memo",
        "memorandum",
        "analysis",
        "assessment",
        "audit",
        "review",
        "communique",
        "communiqué",
        "declaration",
        "resolution",
        "filing",
        "indictment",
        "complaint",
        "paper",
        "research",
        "data",
        "decree",
        "sheet",
        "draft",
    ]
)


def source_kind(sp: Speaker, doc: Any, idx: ActorIndex) -> SourceKind:
    """What kind of source a speaker is, so an analyst can filter anonymous and document
    sources: a document ("the report"), a person (named, or a pronoun or title standing for
    one), an organisation or state, or unnamed ("officials", "a senior diplomat")."""
    span = doc.char_span(sp.span.start, sp.span.end, alignment_mode="expand")
    head = span.root if span is not None and len(span) else None
    if head is not None and head.lemma_.lower() in DOCUMENT_NOUNS:
        return "document"
    actor = idx.actors.get(sp.actor_id or "")
    if actor is not None and actor.kind == "person":
        return "person"
    if head is not None and head.lemma_.lower() in PERSON_NOUNS:
        return "unnamed"  # "Russian officials", "a senior diplomat": people not named
    if actor is not None:
        return "organisation"
    if head is not None and head.lemma_.lower() in BODY_NOUNS:
        return "organisation"
    if head is not None and head.pos_ == "PROPN":  # a name the registry does not know
        return "organisation" if head.ent_type_ in ("ORG", "GPE", "NORP", "FAC") else "person"
    return "unnamed"
