"""Resolution: who is named in an article, resolved against a time-aware registry.

Mention → candidates (registry names and aliases) → filtered by the article's date →
decided by in-text evidence → a *learned* actor for people the registry does not know
(role, sector and country read from titles and appositions) → within-article
coreference for surnames and pronouns.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..nlp import doc_text
from ..records import Actor, Mention, Span
from ._patterns import pattern_ids
from ._registry import Entry, Registry, key, role_key, slug

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
#: Group nouns a state can qualify ("Russian troops", "Sudan's government", "Israeli
#: intelligence") → the sector of the group (CAMEO/PLOVER agent codes).
AGENTS: dict[str, str] = {}
for _sector, _nouns in {
    "GOV": "government administration official authority ministry cabinet diplomat negotiator "
    "envoy delegation regime junta leadership spokesman spokeswoman spokesperson minister "
    "department agency side",
    "MIL": "troop soldier force army military navy warship jet warplane artillery tank marine "
    "airforce commander general peacekeeper guard coastguard fleet",
    "REB": "rebel guerrilla militant insurgent extremist separatist militia",
    "COP": "police policeman",
    "JUD": "court judge judiciary prosecutor",
    "LEG": "parliament lawmaker legislator assembly legislature congress senate mp",
    "OPP": "opposition dissident",
    "SPY": "intelligence spy",
    "CVL": "protester demonstrator civilian resident villager citizen national people",
    "BUS": "company firm businessman",
    "LAB": "worker union",
    "REF": "refugee",
    "DIP": "embassy consulate mission",
}.items():
    for _noun in _nouns.split():
        AGENTS[_noun] = _sector
AGENT_NAMES = {
    "GOV": "government",
    "MIL": "military",
    "REB": "rebels",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "OPP": "opposition",
    "SPY": "intelligence",
    "CVL": "civilians",
    "BUS": "business",
    "LAB": "labour",
    "REF": "refugees",
    "DIP": "diplomatic service",
}
_INSTITUTIONS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "DIP"}
#: Groups a state "in"-phrase places as that state's ("authorities in Kyiv", "rebels in
#: the Ivory Coast", "protesters in Hong Kong").
_PLACED_IN = _INSTITUTIONS | {"REB", "OPP", "CVL"}
#: Bodies a person leads, named after them ("the Trump administration").
_LED_BODIES = {"administration", "government", "cabinet"}
#: What kind of ministry a modifier makes it ("defence ministry" → MIL).
_MINISTRY_KINDS = {"defence": "MIL", "defense": "MIL", "foreign": "DIP", "war": "MIL"}


#: "the agency", "the ministry", ... refer back to an organisation named this many sentences
#: before at most (chosen by reading the samples; rerun bench/quotes.py if changed).
BODY_ANAPHOR_SENTENCES = 6
_BODY_ANAPHORS = {
    "agency",
    "ministry",
    "alliance",
    "bloc",
    "commission",
    "council",
    "organisation",
    "organization",
    "union",
    "court",
    "force",
    "army",
    "government",
    "administration",
    "watchdog",
    "committee",
    "office",
    "department",
    "embassy",
    "parliament",
    "kremlin",
    "group",
}
#: People who follow a person ("supporters of former President X"): that person's
#: country's people.
_FOLLOWERS = frozenset(["supporter", "follower", "loyalist", "partisan", "backer"])
#: Ministries named as offices or departments ("the Federal Foreign Office", "the State
#: Department"), which "the ministry" takes up too.
_MINISTRY_NAMES = re.compile(r"\b(?:Office|Department)\b")
#: Plural phrases that count the states (or their people) named just before them: the
#: counting word, and the nouns (states, or people acting for them).
_GROUP_COUNTS = {"two": 2, "both": 2, "three": 3}
_GROUP_STATE_NOUNS = frozenset({"country", "nation", "state", "side", "government", "capital"})
_GROUP_NOUNS = _GROUP_STATE_NOUNS | {
    "leader",
    "minister",
    "president",
    "delegation",
    "counterpart",
    "negotiator",
}
#: Modifiers that say which group a counting phrase is, so it is not the states before.
_GROUP_SAID_OTHERWISE = frozenset({"amod", "compound", "nmod", "appos", "acl", "relcl", "prep"})
#: Verbs whose "it" subject is no one ("it is clear", "it seems", "it remains").
_STATIVE_VERBS = frozenset({"be", "seem", "appear", "remain", "become", "mean", "happen", "take"})
#: How many sentences before a counting phrase its members may be named in.
GROUP_SENTENCES = 2
#: "the country", "the nation" refer back to the state named last, this many sentences
#: before at most (0: the same sentence).
STATE_ANAPHOR_SENTENCES = 1
_STATE_ANAPHORS = frozenset({"country", "nation"})


def _subject_before(
    tok: Any, sents: list[Any], sent_of: list[int], deps: tuple[str, ...]
) -> Any | None:
    """The subject (of a dependency in ``deps``) of the main verb of the sentence before
    ``tok``'s; None in the first sentence or when that verb has none."""
    here = sent_of[tok.i]
    if here == 0:
        return None
    return next((c for c in sents[here - 1].root.children if c.dep_ in deps), None)


def _clause_subject_chars(tok: Any) -> tuple[int, int]:
    """The characters of the subject of the clause whose object ``tok`` is (empty when
    ``tok`` is no object)."""
    verb = tok.head
    if tok.dep_ == "pobj":
        verb = verb.head
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c is not tok:
            return c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
    return 0, 0


#: Nouns that can refer back to any international organisation ("the bloc" → the EU).
_IGO_NOUNS = {"alliance", "bloc", "organisation", "organization", "union", "watchdog"}


def _group(state: Actor, sector: str) -> Actor:
    """The body of a state in a sector ("Russia" + MIL → "Russia military", id RUS:MIL)."""
    return Actor(
        id=f"{state.code}:{sector}",
        name=f"{state.name} {AGENT_NAMES[sector]}",
        kind="government body" if sector in _INSTITUTIONS else "group",
        code=state.code,
        country=state.country,
        sector=sector,
    )


def body_of_state(state: Actor, sector: str) -> Actor | None:
    """The body of ``state`` in ``sector`` ("Russia" + COP → "Russia police", id RUS:COP);
    None for an actor that is not a state."""
    if state.kind != "state" or state.code is None or sector not in AGENT_NAMES:
        return None
    return _group(state, sector)


def state_of_body(body: Actor) -> Actor | None:
    """The state whose body ``body`` is ("Mali military", id MLI:MIL → Mali, id MLI);
    None for an actor that is not a state's body."""
    if (
        body.code is None
        or body.sector not in AGENT_NAMES
        or body.id != f"{body.code}:{body.sector}"
    ):
        return None
    name = body.name.removesuffix(" " + AGENT_NAMES[body.sector])
    return Actor(id=body.code, name=name, kind="state", code=body.code, country=body.country)


def sibling_group(body: Actor, sector: str) -> Actor | None:
    """Another body of the state whose body ``body`` is ("Hong Kong police" + CVL → "Hong
    Kong civilians", id HKG:CVL); None for an actor that is not a state's body."""
    state = state_of_body(body)
    return body_of_state(state, sector) if state is not None else None


#: Names news gives two states, which the registry leaves out (data/actors/README.md):
#: read as the one of them an article names otherwise (ActorResolver._shared_names).
SHARED_NAMES = {"Congo": ("COD", "COG"), "Congolese": ("COD", "COG")}

#: Group nouns that name a state's agents without naming the state ("police",
#: "prosecutors", "protesters", "the army"); placed by the article's home state.
PLACEABLE_AGENTS = frozenset(
    [
        "police",
        "policeman",
        "prosecutor",
        "judge",
        "court",
        "protester",
        "demonstrator",
        "rebel",
        "guerrilla",
        "militant",
        "insurgent",
        "troop",
        "soldier",
        "army",
        "military",
        "authority",
        "lawmaker",
        "legislator",
        "parliament",
        "government",
        "opposition",
    ]
)
#: A state is the article's home when it is named (through its name, its bodies or its
#: people) in at least this many sentences and has this share of all national mentions: an
#: article about one country, not one sentence naming it twice.
HOME_MIN_SENTENCES = 2
HOME_MIN_SHARE = 0.6


#: States whose cities and capitals belonged to another before they became independent:
#: state → (the state they were part of, the day of independence). Juba in 1995 is in
#: Sudan, Asmara in 1990 in Ethiopia, Bratislava in 1990 in Czechoslovakia. (Not lands
#: whose status the codes themselves disputed then, such as East Timor.)
INDEPENDENCE = {
    "SSD": ("SDN", date(2011, 7, 9)),
    "ERI": ("ETH", date(1993, 5, 24)),
    "CZE": ("CSK", date(1993, 1, 1)),
    "SVK": ("CSK", date(1993, 1, 1)),
}


def _before_independence(e: Entry, day: date | None, registry: Registry) -> Entry:
    """A place or capital named before its state's independence stands for the state it
    was part of then."""
    if e.via not in ("capital", "place") or day is None or e.code not in INDEPENDENCE:
        return e
    then, since = INDEPENDENCE[e.code]
    if day >= since:
        return e
    return dataclasses.replace(e, id=then, name=registry.countries[then], code=then, country=then)


def _home_state(idx: ActorIndex) -> Actor | None:
    counts: dict[str, int] = {}
    sentences: dict[str, set[int]] = {}
    for m in idx.mentions:
        a = idx.actors.get(m.actor_id or "")
        if a is not None and a.country and a.code not in ("IGO", "NGO", "IMG"):
            counts[a.country] = counts.get(a.country, 0) + 1
            sentences.setdefault(a.country, set()).add(m.sentence)
    if not counts:
        return None
    code, n = max(counts.items(), key=lambda kv: kv[1])
    if len(sentences[code]) < HOME_MIN_SENTENCES or n < HOME_MIN_SHARE * sum(counts.values()):
        return None
    return next((a for a in idx.actors.values() if a.kind == "state" and a.code == code), None)


#: People who work for someone, so that "an aide to Zelenskiy" is of Zelenskiy's state and
#: branch ("an envoy to Ukraine" is posted there: not here).
STAFF_NOUNS = frozenset(
    ["aide", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "assistant"]
)


def _staff_of(root: Any) -> Any | None:
    """The staff noun a principal is the object of: "(a top) aide to Zelenskiy", "a
    spokesman for Putin"."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("to", "for") or prep.dep_ != "prep":
        return None
    noun = prep.head
    if noun.i > root.i or noun.lemma_.lower() not in STAFF_NOUNS or noun.pos_ != "NOUN":
        return None
    return noun


def _group_lemma(tok: Any) -> str:
    """A group noun's lemma, also when the tagger took a capitalised plural for a name
    ("Prosecutors in Sweden have dropped ..." right after a headline: "Prosecutors", NNPS)."""
    lemma = str(tok.lemma_.lower())
    if tok.tag_ == "NNPS" and lemma not in AGENTS and lemma.endswith("s") and lemma[:-1] in AGENTS:
        return lemma[:-1]
    return lemma


def _agent_sector(head: Any) -> str | None:
    """The sector of a group noun, refined by its modifiers ("defence ministry" → MIL)."""
    lemma = _group_lemma(head)
    if lemma == "general" and head.i > 0 and head.doc[head.i - 1].lower_ in _LEGAL_GENERALS:
        return _LEGAL_GENERALS[head.doc[head.i - 1].lower_]  # "Attorney General": no soldier
    if lemma == "ministry":
        for c in head.children:
            kind = _MINISTRY_KINDS.get(c.lower_)
            if kind and c.dep_ in ("compound", "amod"):
                return kind
    if lemma in _GENERIC_BODIES:
        # "intelligence agency" → SPY, "police department" → COP: the modifier says more
        for c in reversed(list(head.lefts)):
            if c.dep_ in ("compound", "amod") and c.lemma_.lower() in AGENTS:
                return AGENTS[c.lemma_.lower()]
    return AGENTS.get(lemma)


#: Offices called "general" that are not military ranks.
_LEGAL_GENERALS = {"attorney": "JUD", "solicitor": "JUD", "prosecutor": "JUD", "inspector": "GOV"}
#: Body nouns whose modifier names their kind better than they do.
_GENERIC_BODIES = frozenset({"agency", "department"})


#: What a demonym or plural adds to a place name ("Kampuchea" + "n", "Bosnia" + "ns"): a
#: fuzzy match that only adds one of these is the place's people, any other ending is a
#: surname built on the place name ("Brazile").
_DEMONYM_ENDINGS = frozenset(["n", "an", "ian", "ns", "ans", "ians", "ese", "i", "is", "s"])
#: Fuzzy matching of names the registry does not hold verbatim: minimum length and
#: rapidfuzz ratio (tuned by hand on misspellings in the seeds and samples, e.g. "Bejing").
FUZZY_MIN_CHARS = 6
FUZZY_MIN_SCORE = 88
#: Entity labels that name no one: a near name under one of them is no person's.
_NOT_PEOPLE = frozenset({"NORP", "GPE", "LOC", "FAC"})
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}

#: Roles that head a body ("the president of the American Farm Bureau"), not a portfolio
#: ("Minister of State", "Secretary of Defense").
_HEADS = re.compile(r"\b(president|head|chair(man|woman|person)?|director|leader)\b", re.I)
#: Roles of those who lead a state's government.
_LEADERS = re.compile(r"\b(president|prime minister|chancellor|premier)\b", re.I)
#: Role nouns → sector, used for learned people ("Estonian Foreign Minister Jaan Kask").
ROLE_SECTORS: list[tuple[str, str]] = [
    (
        r"\b(foreign|external affairs) minister|secretary of state|foreign secretary|diplomat|ambassador|envoy|consul\b",
        "DIP",
    ),
    (
        r"\b(defen[cs]e minister|defen[cs]e secretary|general|admiral|commander|colonel|chief of staff|army|military)\b",
        "MIL",
    ),
    (
        r"\b(senator|lawmaker|congressman|congresswoman|mp|legislator|speaker|parliamentarian|deputy)\b",
        "LEG",
    ),
    # "Sen. Lindsey Graham", "Rep. Ilhan Omar": the abbreviated titles of legislators
    (r"\b(sen|rep)\.(?=\s|$)", "LEG"),
    (r"\bgov\.(?=\s|$)", "GOV"),  # "Gov. Matt Bevin": a governor
    (r"\b(judge|prosecutor|attorney general|special counsel|justice)\b", "JUD"),
    (r"\b(police|officer)\b", "COP"),
    (r"\b(journalist|reporter|editor|correspondent|anchor)\b", "MED"),
    (r"\b(ceo|chief executive|chairman|executive|businessman)\b", "BUS"),
    (r"\b(rebel|militant|insurgent)\b", "REB"),
    (r"\b(archbishop|bishop|patriarch|pope|imam|ayatollah|cleric|rabbi|mufti)\b", "REL"),
    (
        r"\b(president|prime minister|premier|chancellor|minister|spokes(man|woman|person)|press secretary|official|king|queen|emir|governor|mayor|secretary|council+or|vice)\b",
        "GOV",
    ),
]
_ROLE_RE = re.compile("|".join(p for p, _ in ROLE_SECTORS), re.I)
#: Sectors of a state's own offices.
_STATE_SECTORS = frozenset(["GOV", "DIP", "MIL", "JUD", "COP", "LEG"])
#: The party and state after an American politician's name: " (D-Minn.)", " (R-S.C.)".
_US_PARTY_STATE = re.compile(r"\s*\((?:D|R|I)-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\)")
#: Offices of organisations beside ROLE_SECTORS' titles ("Emergency Relief Coordinator").
_OFFICES = frozenset(
    ["coordinator", "commissioner", "representative", "rapporteur", "chief", "head", "director"]
)
#: An organisation's organs, named after it: "the IMF Executive Board", "the ASEAN
#: Secretariat", "the African Union Peace and Security Council".
_ORGAN_NOUNS = frozenset(
    ["board", "council", "secretariat", "committee", "commission", "assembly", "bureau"]
)
_OFFICE_IN = re.compile(r"\b(?:" + "|".join(_OFFICES) + r")\b", re.I)


def _leader_of_state(chunk: Any, possessor: Any, idx: ActorIndex) -> bool:
    """Is ``chunk`` a state's leader named by the state's possessive alone ("Yemen's
    president said"), with no name after it ("Yemen's president, Rashad al-Alimi")?"""
    if possessor is None or not _LEADERS.search(chunk.root.text):
        return False
    pm = idx.at(possessor.i)
    if pm is None or pm.label != "GPE":
        return False
    doc = chunk.doc
    after = doc[chunk.end : chunk.end + 3]
    return not any(t.ent_type_ == "PERSON" for t in after)


def _named_in_apposition(span: Any) -> bool:
    """Is the span a proper name set off by an apposition naming an office ("Oshima, the
    United Nations Emergency Relief Coordinator,")?"""
    root = span.root
    if root.pos_ != "PROPN":
        return False
    return any(
        c.dep_ == "appos"
        and c.i > root.i
        and (_ROLE_RE.search(c.text) is not None or c.lemma_.lower() in _OFFICES)
        for c in root.children
    )


#: Prepositions that make a capital a place ("in Beijing") ...
_PLACE_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "around",
    "across",
    "inside",
    "within",
    "throughout",
    "via",
    "through",
}
#: ... and those that do so only after a verb of motion ("flew to Beijing", but "a pivot
#: towards Beijing", "ties with Moscow" are about governments).
_DIRECTION_PREPS = {"to", "from", "toward", "towards", "into"}
_MOTION = {
    "fly",
    "travel",
    "return",
    "arrive",
    "go",
    "come",
    "move",
    "head",
    "flee",
    "evacuate",
    "deport",
    "drive",
    "sail",
    "trip",
    "visit",
    "flight",
    "journey",
    "road",
    "route",
    "train",
    "way",
}
#: Nouns a place name modifies to name a part of it ("the Kursk region", "the port of
#: Odesa" is an of-phrase): the phrase is a place or an actor as the noun is.
_PLACE_NOUNS = frozenset(
    {"region", "oblast", "province", "city", "area", "district", "port", "airport", "border"}
)
#: Nouns whose "of" phrase names the place they are ("the port of Odesa", "the streets of
#: Algiers").
_PLACE_OF_NOUNS = _PLACE_NOUNS | {"capital", "town", "village", "outskirts", "street"}
#: What is named after the city where it was made or held, a capital included ("the Paris
#: agreement", "the Minsk accords", "the Oslo process"): the city names no government.
_NAMED_AFTER_PLACES = frozenset(
    ["agreement", "accord", "treaty", "protocol", "convention", "declaration", "process", "format"]
)
#: Verbs of aiming: "fired missiles at Odesa" aims at the place's state ("at" is otherwise
#: where something happens).
_AIMING = frozenset({"fire", "shoot", "launch", "aim", "lob", "hurl"})
_POLITICAL_DEPS = {
    "nsubj",
    "nsubjpass",
    "poss",
    "agent",
    "compound",
    "conj",
    "appos",
    "dobj",
    "pobj",
    "dative",  # "Ankara had offered Baghdad a new agreement"
    "iobj",
}


@dataclass
class ActorIndex:
    """Mentions and actors of one article, with a token → mention lookup."""

    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    by_token: dict[int, Mention] = field(default_factory=dict)
    token_spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # mention id → tokens
    #: A plural phrase that names several actors ("the two countries"): its head token →
    #: its tokens, which carry one mention per actor (``members``).
    groups: dict[int, tuple[int, int]] = field(default_factory=dict)
    #: A place named as a location ("in Odesa", "at Kharkiv"): its tokens → its state, for
    #: the acts that take where they happen as their target ("struck facilities in Odesa").
    places: dict[int, Actor] = field(default_factory=dict)

    def add(self, span: Any, label: str, actor: Actor | None, sent_index: int) -> Mention:
        m = Mention(
            id=len(self.token_spans),
            span=Span(span.start_char, span.end_char, span.text),
            label=label,
            actor_id=actor.id if actor else None,
            sentence=sent_index,
        )
        self.mentions.append(m)
        if actor:
            self.actors.setdefault(actor.id, actor)
        self.token_spans[m.id] = (span.start, span.end)
        for i in range(span.start, span.end):
            self.by_token[i] = m
        return m

    def remove_within(self, start: int, end: int) -> None:
        """Drop the mentions lying wholly inside tokens [start, end)."""
        gone = {
            m.id
            for m in self.mentions
            if start <= self.token_spans[m.id][0] and self.token_spans[m.id][1] <= end
        }
        self.mentions = [m for m in self.mentions if m.id not in gone]
        self.by_token = {i: m for i, m in self.by_token.items() if m.id not in gone}

    def finalize(self) -> None:
        """Number mentions in text order (ids are positions in ``mentions``)."""
        order = sorted(self.mentions, key=lambda m: (m.span.start, m.span.end))
        renum = {m.id: i for i, m in enumerate(order)}
        spans = {renum[m.id]: self.token_spans[m.id] for m in order}
        self.mentions = [dataclasses.replace(m, id=renum[m.id]) for m in order]
        self.token_spans = spans
        self.by_token = {}
        for m in self.mentions:
            start, end = spans[m.id]
            for i in range(start, end):
                self.by_token[i] = m

    def at(self, token_i: int) -> Mention | None:
        return self.by_token.get(token_i)

    def members(self, token_i: int) -> list[Mention]:
        """The mentions of the plural phrase headed by ``token_i`` (none if it is not one)."""
        span = self.groups.get(token_i)
        if span is None:
            return []
        return [m for m in self.mentions if self.token_spans[m.id] == span]

    def in_subtree(self, token: Any) -> list[Mention]:
        ids = {t.i for t in token.subtree}
        seen: dict[int, Mention] = {}
        for i in sorted(ids):
            m = self.by_token.get(i)
            if m and m.actor_id:
                seen.setdefault(m.id, m)
        return list(seen.values())


class ActorResolver:
    """Built once per pipeline (it compiles a phrase matcher over every registry name)."""

    def __init__(self, nlp: Any, registry: Registry) -> None:
        from spacy.matcher import PhraseMatcher

        self.registry = registry
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = sorted(n for n in registry.names if _matchable(n))
        patterns = pattern_ids(nlp, names)  # token ids, cached on disk (see _patterns)
        for i in range(0, len(patterns), 1000):
            # PhraseMatcher.add takes token-id sequences as well as Docs (its own pickling
            # passes them); spaCy's stubs name only Docs
            self.matcher.add("REGISTRY", patterns[i : i + 1000])  # type: ignore[arg-type]
        # fuzzy fallback ("Bejing"): registry names grouped by first letter
        self.fuzzy: dict[str, list[str]] = {}
        for n in registry.names:
            k = key(n)
            if len(k) >= FUZZY_MIN_CHARS:
                self.fuzzy.setdefault(k[0], []).append(k)

    def __call__(self, doc: Any, day: date | None) -> ActorIndex:
        from spacy.util import filter_spans

        sent_of = _sentence_index(doc)
        candidates = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
        known = [t for _, s, e in self.matcher(doc) if (t := _trim(doc[s:e])) is not None]
        candidates += known
        spans = filter_spans([t for s in candidates if (t := _trim(s)) is not None])
        idx = ActorIndex()
        surnames: dict[str, Actor] = {}
        todo = sorted(spans, key=lambda s: s.start)
        while todo:
            span = todo.pop(0)
            actor, label = self._resolve(span, day, surnames)
            if actor is None and label == "SKIP":
                # "Kazakh President Kassym-Jomart Tokayev" tagged as one organisation no
                # one knows: the names the registry knows inside it, each on its own
                # (only a titled person: "Bangladesh Nationalist Party" is not Bangladesh
                # and the Kuomintang's "Nationalist Party")
                inner = [
                    k
                    for k in known
                    if span.start <= k.start and k.end <= span.end and len(k) < len(span)
                ]
                if any(e.kind == "person" for k in inner for e in self.registry.lookup(k.text)):
                    todo = sorted(filter_spans(inner) + todo, key=lambda s: s.start)
                continue
            if actor is not None and actor.learned and actor.id in idx.actors:
                if actor.country is not None or idx.actors[actor.id].country is None:
                    idx.actors[actor.id] = actor  # placed by a later title: for every mention
                else:
                    # "German Economy Minister Jan Kowalczyk ... Jan Kowalczyk said": the
                    # bare name again is the one placed before
                    actor = idx.actors[actor.id]
            if actor and actor.kind == "person" and len(span) >= 2:
                surnames.setdefault(span[-1].text, actor)
                if actor.country in SURNAME_FIRST:
                    surnames.setdefault(span[0].text, actor)
            if label == "PLACE":  # a location: no actor, its state kept apart
                if actor is not None:
                    idx.places.update(dict.fromkeys(range(span.start, span.end), actor))
                actor = None
            idx.add(span, label, actor, sent_of[span.start])
        # surnames the NER missed or mislabelled after the full name was given
        for tok in doc:
            person = surnames.get(tok.text)
            if person is not None and tok.pos_ == "PROPN" and idx.at(tok.i) is None:
                idx.add(doc[tok.i : tok.i + 1], "PERSON", person, sent_of[tok.i])
        self._shared_names(doc, idx, sent_of)
        _seat_of_union(doc, idx, sent_of, self.registry)
        self._agents(doc, idx, sent_of)
        chunks = tuple(doc.noun_chunks)  # found once: three passes read them
        self._nominals(doc, chunks, day, idx, sent_of)
        _civil_groups(doc, chunks, idx, sent_of)
        idx.finalize()
        self._definite_bodies(chunks, idx, sent_of)
        idx.finalize()
        self._placed_agents(doc, chunks, idx, sent_of)
        idx.finalize()
        self._plural_anaphors(chunks, idx, sent_of)
        _counted_again(chunks, idx, sent_of)
        _counted_bare(doc, idx, sent_of)
        _acronyms(doc, idx, sent_of)
        _described_again(chunks, idx, sent_of)
        sents = list(doc.sents)
        self._they(doc, sents, idx, sent_of)
        self._it(doc, sents, idx, sent_of)
        idx.finalize()
        self._pronouns(doc, idx, sent_of)
        idx.finalize()
        return idx

    def _shared_names(self, doc: Any, idx: ActorIndex, sent_of: list[int]) -> None:
        """Names two states share, which the registry leaves out ("Congo", "Congolese":
        the Republic of the Congo and DR Congo), are the one of them the article names
        otherwise ("the Democratic Republic of Congo accused Rwanda ... called on the
        Congolese government"), or whose people or bodies it names ("M23 rebels",
        Tshisekedi); with both or neither named, nothing."""
        named = {
            a.code if a.kind == "state" else a.country
            for m in idx.mentions
            if (a := idx.actors.get(m.actor_id or "")) is not None
        }
        for tok in doc:
            states = SHARED_NAMES.get(tok.text)
            if states is None or idx.at(tok.i) is not None:
                continue
            here = [code for code in states if code in named]
            state = self._state(here[0]) if len(here) == 1 else None
            if state is not None:
                label = "NORP" if tok.text.endswith("ese") else "GPE"
                idx.add(doc[tok.i : tok.i + 1], label, state, sent_of[tok.i])

    # -- single mentions -------------------------------------------------------------
    def _resolve(
        self, span: Any, day: date | None, surnames: dict[str, Actor]
    ) -> tuple[Actor | None, str]:
        """The actor a span names and its label; for a "PLACE" (a capital or place used as a
        location) the actor is the place's state, which names no one there."""
        label = span.label_ or "REGISTRY"
        text = span.text
        fits = self.registry.case_fits(text)  # "fed them" is not the Fed, "ePA" not the EPA
        exact = self.registry.lookup(text, day) if fits else []
        entries = exact or (self._fuzzy(text, day) if fits else [])
        if not exact and label in _NOT_PEOPLE:
            # "A Christian missionary" is not a misspelt "Cristiani": a near name is taken
            # for a person's only when the tagger read a person's name
            entries = [e for e in entries if e.kind != "person"]
        person_like = label == "PERSON" or bool(
            entries and all(e.kind == "person" for e in entries)
        )
        if len(span) == 1 and text in surnames and (person_like or not exact):
            # the surname of someone named in full before: "Donna Brazile … Brazile said",
            # even when the tagger reads it as a place the registry does not hold
            known = surnames[text]
            if known.learned and known.country is None:
                # "Ambassador Gordon Sondland ... U.S. envoy Sondland": the person we could
                # not place is placed by what a later title says of them
                here = self._learned(span, day)
                if here.country is not None:
                    known = dataclasses.replace(
                        known,
                        code=here.code,
                        country=here.country,
                        sector=here.sector or known.sector,
                        role=here.role or known.role,
                    )
                    surnames[text] = known
            return known, "PERSON"
        if person_like:
            person = self._person(span, entries, day)
            if person:
                return person, "PERSON"
        if entries:
            e = _before_independence(_best(entries), day, self.registry)
            if e.via in ("capital", "place") and not _political(span, e.via == "place"):
                return (self._state(e.code) if e.code else None), "PLACE"
            return _actor(e), label
        if label == "PERSON" and not _lower_word(span):
            return self._titled_surname(span, day) or self._learned(span, day), "PERSON"
        if label == "ORG" and not entries and _titled_name(span):
            # "GCC Secretary-General Jasem Mohamed Albudaiwi": a name after a title that
            # the tagger took for an organisation's
            return self._learned(span, day), "PERSON"
        if label in ("ORG", "FAC", "NORP"):
            group = self._state_group(span)
            if group is not None:
                return group, "AGENT"
        if label in ("ORG", "FAC"):
            org = self._office_of(span) or self._based_company(span)
            if org is not None:
                return org, label
        if label in ("GPE", "LOC", "FAC") and _named_in_apposition(span):
            # "Kenzo Oshima, the United Nations Emergency Relief Coordinator": a name the
            # tagger took for a place, whose apposition says what office the person holds
            return self._learned(span, day), "PERSON"
        return None, "SKIP"

    def _state_group(self, span: Any) -> Actor | None:
        """An organisation name the registry lacks but that names its state and kind:
        "Armenia's foreign ministry", "Egypt's Ministry of Water Resources" → that
        state's body of the matching sector."""
        sector = _agent_sector(span.root) or _NAMED_BODIES.get(span.root.lemma_.lower())
        if sector is None:
            return None
        for tok in span:
            if tok.i >= span.root.i:
                break
            # "Armenia's foreign ministry", "the Sri Lankan Navy" (a name of two words)
            for end in range(span.root.i, tok.i, -1):
                for e in self.registry.lookup(span.doc[tok.i : end].text):
                    if e.kind == "state" and e.code:
                        return _group(_actor(e), sector)
        # "the Ministry of Foreign Affairs of the People's Republic of China", "the
        # Ministry of Defence of Ukraine" (the parser hangs the state on "Defence"): the
        # state an "of" phrase of the body names
        todo = [span.root]
        while todo:
            for c in todo.pop(0).children:
                if c.dep_ != "prep" or c.lower_ != "of" or c.i >= span.end:
                    continue
                for p in c.children:
                    words = [t for t in p.subtree if t.dep_ != "det"]
                    if p.dep_ != "pobj" or words[-1].i >= span.end:
                        continue
                    name = span.doc[words[0].i : words[-1].i + 1].text
                    for e in self.registry.lookup(name):
                        if e.kind == "state" and e.code:
                            return _group(_actor(e), sector)
                    todo.append(p)
        return None

    def _based_company(self, span: Any) -> Actor | None:
        """A company the registry lacks, placed by where it is based: "Harlow Dynamics, a
        London-based maker of radar parts", "the Shenzhen-based firm X", "X, a company
        based in Hong Kong" → a company of that state (CAMEO's BUS sector)."""
        root = span.root
        # only what is described as a company: "the US Navy's Fifth Fleet, based in
        # Bahrain" is no company of Bahrain
        nouns = [
            c
            for c in (root, *root.children)
            if (c is root or c.dep_ in ("appos", "compound")) and c.lemma_.lower() in _COMPANY_NOUNS
        ]
        for noun in nouns:
            for c in noun.children:
                place = None
                if c.dep_ == "amod" and c.lower_ == "based":
                    # "London-based": the place is the participle's modifier
                    place = next(
                        (p for p in c.children if p.dep_ in ("npadvmod", "compound")), None
                    )
                elif c.dep_ == "acl" and c.lower_ == "based":
                    place = next(
                        (
                            p
                            for g in c.children
                            if g.dep_ == "prep" and g.lower_ == "in"
                            for p in g.children
                            if p.dep_ == "pobj"
                        ),
                        None,
                    )
                if place is None:
                    continue
                words = " ".join(t.text for t in place.subtree if not t.is_punct)
                code = next(
                    (e.code for e in self.registry.lookup(words) if e.kind == "state" and e.code),
                    None,
                )
                if code is not None:
                    return Actor(
                        f"company:{slug(span.text)}",
                        span.text,
                        "company",
                        code,
                        code,
                        "BUS",
                        learned=True,
                    )
        return None

    def _office_of(self, span: Any) -> Actor | None:
        """An office or organ the registry lacks, named after the organisation it belongs
        to: "the United Nations Emergency Relief Coordinator", "the EU Special
        Representative", "the IMF Executive Board" → that organisation (an IGO or NGO the
        registry holds)."""
        root = span.root
        if not (
            _ROLE_RE.search(root.text)
            or root.lemma_.lower() in _OFFICES
            or (root.lemma_.lower() in _ORGAN_NOUNS and root.text[:1].isupper())
        ):
            return None
        org = self._organisation_in(" ".join(t.text for t in span if t.i < root.i))
        return _actor(org) if org is not None else None

    def _fuzzy(self, text: str, day: date | None) -> list[Entry]:
        """A misspelt name ("Bejing"): the closest registry name, when it is close enough."""
        from rapidfuzz import fuzz, process

        k = key(text)
        if len(k) < FUZZY_MIN_CHARS or not k[0].isalpha():
            return []
        hit = process.extractOne(
            k, self.fuzzy.get(k[0], []), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE
        )
        if hit is None:
            return []
        if k.startswith(hit[0]) and k[len(hit[0]) :] not in _DEMONYM_ENDINGS:
            return []  # "Brazile", "Englander": a name built on a place name, not a misspelling
        entries = self.registry.lookup(hit[0], day)
        named = self._states_named(text)
        if named and all(e.country and e.country not in named for e in entries):
            # "Austrian military" is not a misspelt "Australian military", nor "Chad's
            # military" China's: the name says whose body it is, and it is another state's
            return []
        return entries

    def _states_named(self, text: str) -> set[str]:
        """The states a name names by a name, alias, demonym or capital of one or two
        words ("Austrian", "Chad's", "South Sudan", "Kyiv")."""
        words = text.split()
        out: set[str] = set()
        for n in (1, 2):
            for i in range(len(words) - n + 1):
                for e in self.registry.lookup(" ".join(words[i : i + n])):
                    if e.kind == "state" and e.code:
                        out.add(e.code)
        return out

    def _person(self, span: Any, entries: list[Entry], day: date | None) -> Actor | None:
        people = [e for e in entries if e.kind == "person"]
        if people:
            return _actor(_best(people))
        known = [e for e in self.registry.lookup(span.text) if e.kind == "person"]
        # the registry knows the person, but no role of theirs covers this day
        return _out_of_office(known[0]) if known else None

    def _leaders_state(self, span: Any) -> Actor | None:
        """The state whose presidents, prime ministers or chancellors (at any time) bore the
        surname ``span`` ends with, when they are all of one state."""
        surname = span[-1].text
        states = {
            e.country
            for e in self.registry.people
            if e.name.split()[-1] == surname and e.role and _LEADERS.search(e.role)
        }
        country = states.pop() if len(states) == 1 else None
        return self._state(country) if country else None

    def _titled_surname(self, span: Any, day: date | None) -> Actor | None:
        """A surname the registry does not take alone, since two people bear it, told by
        the title before it: "President Bush" in 2003 is the one Bush who was president
        then (George W.), in 1990 his father."""
        if len(span) != 1 or day is None:
            return None
        title = _title_text(span)
        role = _role(title)
        if role is None:
            return None
        country = self._country_in(title, places=False)

        def holders(on: date | None) -> list[Entry]:
            """The people of that surname holding the title on ``on`` (ever, for None)."""
            found = {
                e.id: e
                for e in self.registry.roles(role, country, on)
                if e.name.split()[-1] == span.text
            }
            return list(found.values())

        now = holders(day)
        if now:
            return _actor(now[0]) if len(now) == 1 else None
        # no one of that name holds the title on the day: the article looks back (or is
        # dated loosely) to whoever held it, of one state whichever it was ("President
        # Bush" in 2000 is one of two American presidents, both American)
        ever = holders(None)
        states = {e.country for e in ever}
        if len(states) != 1 or None in states:
            return None
        if len(ever) == 1:
            return _out_of_office(ever[0])
        state = states.pop()
        return Actor(f"learned:{slug(span.text)}", span.text, "person", state, state, learned=True)

    def _learned(self, span: Any, day: date | None) -> Actor:
        title = _title_text(span)
        role = _role(title)
        # a city or region places an office holder ("Kharkiv governor"), not anyone from
        # there ("a Texas man" is no actor of the United States)
        country = self._country_in(title, places=role is not None)
        code, sector = country, None
        if country is None and _US_PARTY_STATE.match(doc_text(span.doc), span.end_char):
            # "Rep. Ilhan Omar (D-Minn.)": the party and state of an American politician
            country = code = "USA"
            if role is None:
                role = "lawmaker"  # a member of Congress
        org = None
        if country is None and (role or _OFFICE_IN.search(title)):
            # "the United Nations Emergency Relief Coordinator": an organisation's officer
            org = self._organisation_in(title)
        if org is not None:
            code = sector = org.code
        elif role:
            sector = next(s for p, s in ROLE_SECTORS if re.search(p, role, re.I))
            if sector == "BUS" and self._territory_before(title):
                sector = "GOV"  # "Hong Kong Chief Executive Carrie Lam" heads a government
            elif sector == "GOV" and _HEADS.search(role) and self._heads_other_body(title, role):
                sector = None  # "the president of the American Farm Bureau": no office
        return Actor(
            id=f"learned:{slug(span.text)}",
            name=span.text,
            kind="person",
            code=code,
            country=country,
            sector=sector,
            role=role,
            learned=True,
        )

    def _organisation_in(self, title: str) -> Entry | None:
        """The IGO or NGO the registry holds that a title names ("the UN relief
        coordinator", "a spokesman for the World Food Programme"); never one the person
        is posted to ("Ambassador to the United Nations")."""
        text = _STUDIED.sub(" ", _POSTED_TO.sub(" ", title))
        for run in re.findall(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*", text):
            for cand in _longest_first(run.split()):
                found = [e for e in self.registry.lookup(cand) if e.kind in ("IGO", "NGO")]
                if found:
                    return _best(found)
        return None

    def _heads_other_body(self, title: str, role: str) -> bool:
        """Is the office one of a body the registry does not know ("the president of the
        American Farm Bureau": a demonym is no body), not of a state named ("President of
        Ukraine") nor of a known body ("Secretary of the Security Council")?"""
        m = re.search(re.escape(role) + r"\s+of\s+(?:the\s+)?((?:[A-Z][\w.'’-]*\s*)+)", title, re.I)
        if m is None:
            return False
        words = m.group(1).split()
        return not any(
            e.kind != "state" or e.via in ("name", "alias")
            for cand in _longest_first(words)
            for e in self.registry.lookup(cand)
            if e.kind != "person"
        )

    def _territory_before(self, title: str) -> bool:
        """Does a state's or territory's own name come just before "chief executive" in
        ``title``?"""
        m = re.search(r"\bchief executive\b", title, re.I)
        before = title[: m.start()].split() if m else []
        return any(
            e.kind == "state" and e.via == "name"
            for n in (1, 2, 3)
            if len(before) >= n
            for e in self.registry.lookup(" ".join(before[-n:]))
        )

    def _country_in(self, text: str, places: bool = True) -> str | None:
        """The country a title says the person is of: "Estonian Foreign Minister", "U.S.
        envoy" — never where they are posted ("envoy to Ukraine", "ambassador in Kyiv") nor
        what they study ("a China scholar")."""
        text = _STUDIED.sub(" ", _POSTED_TO.sub(" ", text))
        text = _BORN.sub(r"\1", text)  # "Australian-born Assange": of where he was born
        for run in re.findall(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*", text):
            for cand in _longest_first(run.split()):
                for e in self.registry.lookup(cand):
                    if e.via == "place" and not places:
                        continue
                    if e.kind != "person" and e.country:
                        return e.country
                    if e.kind == "person" and e.country and e.country != "IGO":
                        return e.country
        return None

    # -- nominal and pronoun mentions -----------------------------------------------
    def _agents(self, doc: Any, idx: ActorIndex, sent_of: list[int]) -> None:
        """A state qualifying a group noun becomes that group: "Russian troops" → RUS MIL,
        "Sudan's government" → SDN GOV, "Chilean government officials" → CHL GOV."""
        for m in list(idx.mentions):
            actor = idx.actors.get(m.actor_id or "")
            if actor is None or actor.code in ("IGO", "NGO"):
                continue
            if not actor.code and not (actor.kind == "person" and actor.learned):
                continue  # a person we could not place may name a leader's government
            start, end = idx.token_spans[m.id]
            root = doc[start:end].root
            while root.dep_ == "conj" and root.head.i < root.i:
                root = root.head  # "French and Egyptian warships": as the first conjunct
            head = root.head
            staff = _staff_of(root)
            if staff is not None and actor.country and idx.at(staff.i) is None:
                # "a top aide to Zelenskiy", "a spokesman for Putin": the principal's people
                state = actor if actor.kind == "state" else self._state(actor.country)
                if state is not None:
                    first = min([t.i for t in staff.lefts if t.dep_ != "det"] + [staff.i])
                    branch = (actor.sector if actor.kind != "state" else None) or "GOV"
                    if branch in AGENT_NAMES:  # not a party's ("a spokesman for the BNP")
                        self._add_agent(doc, idx, sent_of, state, branch, first, staff.i + 1)
                continue
            if actor.kind == "person":
                # "the Trump administration" → the government the person led; "the Bush
                # administration" of a year neither Bush was in office: the state whose
                # leaders bore that name
                if root.dep_ == "compound" and head.lemma_.lower() in _LED_BODIES and head.i >= end:
                    leader = actor if actor.country else self._leaders_state(doc[start:end])
                    if leader is not None:
                        self._add_agent(doc, idx, sent_of, leader, "GOV", start, head.i + 1)
                follower = head.head if root.dep_ == "pobj" and head.lower_ == "of" else None
                if (
                    follower is not None
                    and follower.lemma_.lower() in _FOLLOWERS
                    and actor.country
                    and idx.at(follower.i) is None
                    and (state := self._state(actor.country)) is not None
                ):
                    # "supporters of former President Ahmed Ben Bella": his country's
                    # people, not his office
                    first = min(
                        t.i for t in follower.subtree if t.dep_ != "det" or t.i == follower.i
                    )
                    self._add_agent(doc, idx, sent_of, state, "CVL", first, end)
                continue
            if actor.kind != "state":
                continue
            if root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.i < start:
                # "the government in Berlin", "authorities in Kyiv"
                group_noun = root.head.head
                sector = AGENTS.get(_group_lemma(group_noun)) or next(
                    (  # "opposition groups in Zimbabwe"
                        AGENTS[c.lemma_.lower()]
                        for c in group_noun.children
                        if c.dep_ == "compound" and c.lemma_.lower() in AGENTS
                    ),
                    None,
                )
                if sector in _PLACED_IN and idx.at(group_noun.i) is None:
                    first = min(
                        t.i for t in group_noun.subtree if t.dep_ != "det" or t.i == group_noun.i
                    )
                    first = max(first, group_noun.i - 3)
                    self._add_agent(
                        doc, idx, sent_of, actor, sector or "GOV", first, end, drop=(start, end)
                    )
                continue
            if root.dep_ not in ("amod", "compound", "nmod", "poss") or head.i < end:
                continue
            while (
                head.dep_ == "compound"
                and head.head.i > head.i
                and head.head.lemma_.lower() in AGENTS
            ):
                head = head.head  # "government officials": the last noun decides
            sector = _agent_sector(head)
            if sector is None or idx.at(head.i) is not None:
                continue
            after = idx.at(head.i + 1) if head.i + 1 < len(doc) else None
            if after is not None and after.label == "PERSON":
                continue  # a title before a name ("Russian Foreign Minister Sergey Lavrov")
            # with other actors between ("US and British forces") each keeps its own span
            shared = any(idx.at(i) is not None for i in range(end, head.i))
            self._add_agent(doc, idx, sent_of, actor, sector, start, end if shared else head.i + 1)

    @staticmethod
    def _add_agent(
        doc: Any,
        idx: ActorIndex,
        sent_of: list[int],
        actor: Actor,
        sector: str,
        start: int,
        end: int,
        drop: tuple[int, int] | None = None,
    ) -> None:
        state = idx.actors.get(actor.code or "") if actor.kind == "person" else actor
        group = _group(state or actor, sector)
        if drop is not None:
            idx.remove_within(*drop)
        idx.remove_within(start, end)
        idx.add(doc[start:end], "AGENT", group, sent_of[start])

    def _placed_agents(
        self, doc: Any, chunks: Sequence[Any], idx: ActorIndex, sent_of: list[int]
    ) -> None:
        """Unnamed state agents placed by context, as CAMEO coders place them: in an
        article about one country, "police arrested", "prosecutors dropped", "protesters
        blocked" are that country's police, prosecutors, protesters. Only when one state
        dominates the article (HOME_MIN_SENTENCES, HOME_MIN_SHARE) and the sentence names no
        other state; never a person (a person's country needs evidence about the person)."""
        home = _home_state(idx)
        if home is None:
            return
        states: dict[int, set[str | None]] = {}  # sentence index → the states it names
        for m in idx.mentions:
            a = idx.actors.get(m.actor_id or "")
            if a is not None and a.kind == "state":
                states.setdefault(m.sentence, set()).add(a.code)
        for chunk in chunks:
            root = chunk.root
            lemma = root.lemma_.lower()
            if lemma not in PLACEABLE_AGENTS or root.pos_ != "NOUN" or idx.at(root.i) is not None:
                continue
            if any(t.lower_ in _GROUP_COUNTS for t in chunk):
                continue  # "both governments": the states named before (_plural_anaphors)
            if any(
                c.dep_ in ("poss", "amod", "compound", "nmod") and c.pos_ == "PROPN"
                for c in root.children
            ) or any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in root.children):
                continue  # "Hong Kong police", "officers of the guard": said otherwise
            if states.get(sent_of[root.i], set()) - {home.code}:
                continue  # "Iraqi forces and police": another state in view
            toks = [t for t in chunk if t.dep_ not in ("det", "poss") and not t.is_punct]
            if not toks:
                continue
            sector = AGENTS.get(lemma, "GOV")
            idx.add(doc[toks[0].i : toks[-1].i + 1], "AGENT", _group(home, sector), sent_of[root.i])

    def _state(self, code: str) -> Actor | None:
        """The state of a country code, as its name resolves."""
        name = self.registry.countries.get(code, "")
        return next(
            (
                _actor(e)
                for e in self.registry.lookup(name)
                if e.kind == "state" and e.via == "name"
            ),
            None,
        )

    def _plural_anaphors(self, chunks: Sequence[Any], idx: ActorIndex, sent_of: list[int]) -> None:
        """ "The two countries agreed", "both sides", "the three ministers": a plural phrase
        that counts its members names the states (or their people) named just before,
        when exactly that many states are named in it and the GROUP_SENTENCES sentences
        before it. Each member gets a mention over the phrase (``ActorIndex.groups``)."""
        for chunk in chunks:
            root = chunk.root
            noun = root.lemma_.lower()
            if root.tag_ not in ("NNS", "NNPS") or noun not in _GROUP_NOUNS:
                continue
            if any(idx.at(t.i) is not None for t in chunk):
                continue  # "the two Koreas", "both Russian officials": named already
            if any(c.dep_ in _GROUP_SAID_OTHERWISE for c in root.children):
                continue  # "the only two Arab states to have signed ... - Egypt and Jordan -"
            n = next((_GROUP_COUNTS[t.lower_] for t in chunk if t.lower_ in _GROUP_COUNTS), 0)
            if not n:
                continue
            here = sent_of[root.i]
            latest: dict[str, Mention] = {}  # country → its latest mention before the phrase
            for m in idx.mentions:
                a = idx.actors.get(m.actor_id or "")
                if (
                    a is None
                    or not a.country
                    or m.span.end > chunk.start_char
                    or here - m.sentence > GROUP_SENTENCES
                    or (noun in _PARTY_NOUNS and _qualifies_a_thing(chunk.doc, m, idx))
                ):
                    continue
                if noun in _GROUP_STATE_NOUNS or a.kind == "person" or a.country not in latest:
                    latest[a.country] = m
            if len(latest) != n:
                continue  # none, too few or too many states in view: not clear which
            toks = [t for t in chunk if t.dep_ not in ("det", "poss") and not t.is_punct]
            span = chunk.doc[toks[0].i : toks[-1].i + 1]
            for country, m in sorted(latest.items(), key=lambda kv: kv[1].span.start):
                actor = idx.actors[m.actor_id or ""]
                if noun in _GROUP_STATE_NOUNS:
                    actor = self._state(country) or actor
                idx.add(span, "NOMINAL", actor, here)
            idx.groups[root.i] = (span.start, span.end)

    def _they(self, doc: Any, sents: list[Any], idx: ActorIndex, sent_of: list[int]) -> None:
        """ "Gerapetritis and Fidan met in Ankara. They agreed ...": "they" as the subject
        of a sentence whose sentence before has a coordinated subject of actors of two or
        more states stands for those actors (``ActorIndex.groups``). Any other "they" is
        left alone: protesters, officials, companies."""
        for tok in doc:
            if tok.lower_ != "they" or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            subj = _subject_before(tok, sents, sent_of, ("nsubj", "nsubjpass"))
            if subj is None or idx.at(tok.i) is not None:
                continue
            here = sent_of[tok.i]
            # (a title word the parser coordinated, "Turkish Foreign Minister Hakan Fidan",
            # names no one of its own)
            found = [idx.at(h.i) for h in (subj, *subj.conjuncts)]
            actors = [a for m in found if m is not None and (a := idx.actors.get(m.actor_id or ""))]
            countries = [a.country for a in actors]
            if len(actors) < 2 or None in countries or len(set(countries)) != len(actors):
                continue
            for a in actors:
                idx.add(doc[tok.i : tok.i + 1], "PRONOUN", a, here)
            idx.groups[tok.i] = (tok.i, tok.i + 1)

    def _it(self, doc: Any, sents: list[Any], idx: ActorIndex, sent_of: list[int]) -> None:
        """ "The State Department condemned the seizure. It demanded that Tehran release the
        ship": "it" as the subject of a sentence's main verb stands for the subject of the
        sentence before when that is one state, body or organisation (not a person, not a
        thing; "it is", "it seems" are no one)."""
        for tok in doc:
            if tok.lower_ != "it" or tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT":
                continue
            if tok.head.pos_ != "VERB" or tok.head.lemma_.lower() in _STATIVE_VERBS:
                continue
            subj = _subject_before(tok, sents, sent_of, ("nsubj",))
            if subj is None or subj.conjuncts or idx.at(tok.i) is not None:
                continue
            m = idx.at(subj.i)
            if m is None and subj.lemma_.lower() in _BODY_ANAPHORS | {"junta"}:
                # "Niger's ruling military council ordered ... It charged Paris": a body
                # named by its state's possessive is that state's
                poss = next((c for c in subj.children if c.dep_ == "poss"), None)
                m = idx.at(poss.i) if poss is not None else None
                owner = idx.actors.get(m.actor_id or "") if m is not None else None
                if owner is None or owner.kind != "state":
                    continue
            actor = idx.actors.get(m.actor_id or "") if m is not None else None
            if actor is None or actor.kind == "person" or not actor.code:
                continue
            idx.add(doc[tok.i : tok.i + 1], "PRONOUN", actor, sent_of[tok.i])

    def _definite_bodies(self, chunks: Sequence[Any], idx: ActorIndex, sent_of: list[int]) -> None:
        """ "the agency", "the ministry", "the alliance" → the organisation of that kind
        named last (within a few sentences)."""
        orgs = [m for m in idx.mentions if m.actor_id and idx.actors[m.actor_id].kind != "person"]
        for chunk in chunks:
            root = chunk.root
            noun = root.lower_
            if len(chunk) != 2 or chunk[0].lower_ != "the" or idx.at(root.i) is not None:
                continue
            if noun not in _BODY_ANAPHORS and noun not in _STATE_ANAPHORS:
                continue
            here = sent_of[root.i]
            if noun in _STATE_ANAPHORS:
                # "the US troops in Afghanistan, 18 years after Washington invaded the
                # country": the state named last before, not the subject of its own clause
                # (that would be "itself")
                subject = _clause_subject_chars(root)
                before = [
                    m
                    for m in orgs
                    if m.span.end <= chunk.start_char
                    and here - m.sentence <= STATE_ANAPHOR_SENTENCES
                    and idx.actors[m.actor_id or ""].kind == "state"
                    and not subject[0] <= m.span.start < subject[1]
                ]
            else:
                before = [
                    m
                    for m in orgs
                    if m.span.end <= chunk.start_char
                    and here - m.sentence <= BODY_ANAPHOR_SENTENCES
                    and (
                        noun in m.span.text.lower()
                        or (noun in _IGO_NOUNS and idx.actors[m.actor_id or ""].code == "IGO")
                        or (
                            noun == "ministry"
                            and idx.actors[m.actor_id or ""].kind == "government body"
                            and _MINISTRY_NAMES.search(m.span.text) is not None
                        )
                    )
                ]
            if before:
                antecedent = idx.actors[before[-1].actor_id or ""]
                orgs.append(idx.add(chunk, "NOMINAL", antecedent, here))

    def _nominals(
        self,
        doc: Any,
        chunks: Sequence[Any],
        day: date | None,
        idx: ActorIndex,
        sent_of: list[int],
    ) -> None:
        """Office holders named by their office: "the US Secretary of State", "the Kremlin
        spokesman", "President Putin's spokesman" → whoever held it on the article's day;
        "the spokesman" with no country → the holder of such a role named earlier."""
        for chunk in chunks:
            root = chunk.root
            if idx.at(root.i) is not None or not _ROLE_RE.fullmatch(_role_head(root)):
                continue
            if root.i + 1 < len(doc) and doc[root.i + 1].ent_type_ == "PERSON":
                continue  # a title in front of a name: the name is the mention
            if chunk[0].lower_ in _INDEFINITE:
                continue  # "a government spokesman": someone, not the office holder
            if (
                chunk.end < len(doc)
                and doc[chunk.end].lower_ == "of"
                and not (chunk.end + 1 < len(doc) and doc[chunk.end + 1].text[:1].isupper())
            ):
                continue  # "the president of the Ecowas Commission": an office we cannot place
            possessor = next((c for c in root.children if c.dep_ == "poss"), None)
            skip = {t.i for t in possessor.subtree} if possessor is not None else set()
            toks = [t for t in chunk if t.i not in skip and t.dep_ != "det" and not t.is_punct]
            end = chunk.end
            if (
                end + 1 < len(doc)
                and doc[end].lower_ == "of"
                and doc[end + 1].text[:1].isupper()
                and idx.at(end + 1) is None
            ):
                end += 2  # "Secretary of State", "Minister of Defence"
                toks += list(doc[end - 2 : end])
            if not toks:
                continue
            start = toks[0].i
            inner = [m for t in toks if (m := idx.at(t.i)) is not None]
            if possessor is not None and (pm := idx.at(possessor.i)) is not None:
                inner.append(pm)
            ctx = [idx.actors[m.actor_id] for m in inner if m.actor_id]
            country = next((a.country for a in ctx if a.country), None)
            # role words: all but the names of states and people ("US", "Putin's")
            words = " ".join(
                t.text
                for t in toks
                if (m := idx.at(t.i)) is None or m.label in ("ORG", "REGISTRY", "FAC")
            )
            holder = self._office_holder(words, ctx, country, day, idx, start, sent_of[start])
            if holder is None and country is not None and _leader_of_state(chunk, possessor, idx):
                # "Yemen's president" whom the registry does not hold on the day: the
                # state's government
                holder = self._state_office(words, country)
            if holder is None:
                continue
            idx.remove_within(start, end)
            idx.add(doc[start:end], "NOMINAL", holder, sent_of[start])

    def _state_office(self, words: str, country: str) -> Actor | None:
        """The body of ``country`` an office of the state named by ``words`` is in ("Yemen's
        president" → Yemen's government), for an office of government, diplomacy, the
        military, the courts, the police or the legislature; None otherwise."""
        sector = next((sec for p, sec in ROLE_SECTORS if re.search(p, words, re.I)), None)
        state = self._state(country)
        if sector not in _STATE_SECTORS or state is None:
            return None
        return _group(state, sector)

    def _office_holder(
        self,
        words: str,
        ctx: list[Actor],
        country: str | None,
        day: date | None,
        idx: ActorIndex,
        at: int,
        sent: int,
    ) -> Actor | None:
        bare = " ".join(w for w in words.split() if w.lower() not in _FILLER)
        holders: list[Entry] = []
        if day is not None and country is not None:
            holders = self.registry.roles(bare, country, day)
            if len(holders) > 1:  # "Putin's spokesman": the holder in the possessor's branch
                same = [h for h in holders if any(h.sector == a.sector for a in ctx if a.sector)]
                holders = same or holders
        if len(holders) == 1:
            return _actor(holders[0])
        if holders or country is None:
            head = role_key(bare.split()[-1]) if bare else ""
            # "vice president" is not the President
            lesser = {w.lower() for w in bare.split()[:-1]} & _LESSER
            named = [
                a
                for a in idx.actors.values()
                if a.kind == "person"
                and a.role
                and role_key(a.role).endswith(head)
                and lesser <= {w.lower() for w in a.role.split()}
            ]
            if head and len(named) == 1:
                return named[0]
            if head and named:
                # "Trump ... Zelenskiy ... Sondland has spoken several times with the
                # president": of several holders of such a role, the one of the state the
                # article is about, else the one named last before it (within the last few
                # sentences)
                home = _home_state(idx)
                ours = [a for a in named if home is not None and a.country == home.country]
                return ours[0] if len(ours) == 1 else _last_named(named, idx, at, sent)
        return None

    def _pronouns(self, doc: Any, idx: ActorIndex, sent_of: list[int]) -> None:
        """he/she → the most recent person mentioned within the last three sentences."""
        people = [m for m in idx.mentions if m.actor_id and idx.actors[m.actor_id].kind == "person"]
        for tok in doc:
            if tok.lower_ not in PRONOUNS or tok.i in idx.by_token:
                continue
            shared = _shared_object(tok, idx)
            if shared is not None:
                # "arrested a French citizen in Moscow and charged him": the one acted on
                # before, whoever was named last
                idx.add(doc[tok.i : tok.i + 1], "PRONOUN", shared, sent_of[tok.i])
                continue
            before = [
                m for m in people if m.span.end <= tok.idx and sent_of[tok.i] - m.sentence <= 3
            ]
            clause_subject = _clause_subject_tokens(tok)
            before = [m for m in before if idx.token_spans[m.id][0] not in clause_subject]
            if before:
                # a person named in the pronoun's own sentence comes first ("questions
                # about Trump's July 25 call when he asked Zelenskiy"); a subject is a
                # likelier antecedent than a name in a possessive or apposition; the
                # possessor of a subject is one ("Mr. Trump's embrace is not limited to
                # China. He has injected ...")
                here = [m for m in before if m.sentence == sent_of[tok.i]]
                pool = here or before
                subjects = [m for m in pool if _subjectish(doc, idx, m)]
                nearest = max(subjects or pool, key=lambda m: m.span.end)
                antecedent = idx.actors[nearest.actor_id or ""]
                people.append(
                    idx.add(doc[tok.i : tok.i + 1], "PRONOUN", antecedent, sent_of[tok.i])
                )


def _shared_object(tok: Any, idx: ActorIndex) -> Actor | None:
    """The actor an object pronoun takes up from the object of the verb its own verb is
    coordinated with ("arrested a French citizen and charged him")."""
    verb = tok.head
    if tok.dep_ != "dobj" or tok.lower_ not in ("him", "her") or verb.dep_ != "conj":
        return None
    prev = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    m = idx.at(prev.i) if prev is not None else None
    return idx.actors.get(m.actor_id or "") if m is not None else None


#: "envoy to Ukraine", "ambassador in Kyiv", "representative for Syria": the place a
#: person is posted to, which is not their country.
#: "envoy to Ukraine", "ambassador in Kyiv", "special representative for Syria": where a
#: person is posted, not whose they are ("a spokesman for the Philippine Coast Guard" is).
_POSTED_TO = re.compile(
    r"(?:\b(?:to|in|at)|\b(?i:envoy|ambassador|representative|coordinator|emissary|negotiator)"
    r"\s+for)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?"
)
#: A country naming what someone studies or covers, not whose they are: "a China scholar
#: with the American Enterprise Institute", "a Russia analyst", "our Iran correspondent".
_STUDIED = re.compile(
    r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s+(?i:scholar|expert|analyst|specialist|"
    r"watcher|researcher|correspondent|historian|hand)s?\b"
)
#: "Australian-born": a nationality with "-born" after it.
_BORN = re.compile(r"\b([A-Z][\w'’]*)-born\b")
_INDEFINITE = {"a", "an", "one", "another", "some", "several", "two", "three"}
_FILLER = {"top", "senior", "former", "then", "current", "new"}
#: Words before a role that make it another office: a vice president is no president.
_LESSER = {"vice", "deputy", "assistant", "under", "associate"}


#: Our finer sectors and the CAMEO/PLOVER sector they fall under (CAMEO codes foreign
#: ministers and diplomats as GOV).
_CAMEO_SECTORS = {"DIP": "GOV"}


#: Sentences back within which a bare title takes up a holder named before it.
_TITLE_REACH = 3


def _last_named(named: list[Actor], idx: ActorIndex, at: int, sent: int) -> Actor | None:
    """Of the people ``named`` (holders of one role), the one whose name comes last before
    token ``at`` (in sentence ``sent``), if within _TITLE_REACH sentences of it."""
    ids = {a.id for a in named}
    last = _last_before(idx, at, sent, lambda m: m.actor_id in ids and m.label != "PRONOUN")
    return idx.actors[last.actor_id or ""] if last is not None else None


def _last_before(
    idx: ActorIndex, at: int, sent: int, keep: Callable[[Mention], bool]
) -> Mention | None:
    """The last mention ``keep`` takes that ends before token ``at`` (in sentence ``sent``),
    within _TITLE_REACH sentences of it: what a title or description told again takes up."""
    before = [
        m
        for m in idx.mentions
        if keep(m) and idx.token_spans[m.id][1] <= at and sent - m.sentence <= _TITLE_REACH
    ]
    return max(before, key=lambda m: idx.token_spans[m.id][1], default=None)


def cameo_sector(sector: str | None) -> str | None:
    """The CAMEO/PLOVER sector code of one of our sectors (DIP → GOV; others unchanged)."""
    return _CAMEO_SECTORS.get(sector, sector) if sector else None


def _role_head(tok: Any) -> str:
    return str(tok.text)


#: Countries whose names are written family name first in English news ("Mao Ning" → Mao).
SURNAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM"}


def _clause_subject_tokens(pron: Any) -> set[int]:
    """The tokens of the subject of the verb whose object the pronoun is: "Trump called
    him", "Putin spoke with him" — a pronoun object is never its own clause's subject (a
    reflexive would be)."""
    verb = None
    if pron.dep_ in ("dobj", "dative", "iobj"):
        verb = pron.head
    elif pron.dep_ == "pobj" and pron.head.dep_ in ("prep", "dative"):
        verb = pron.head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return set()
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "Putin met Zelensky and thanked him": the subject they share
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}


def _subjectish(doc: Any, idx: ActorIndex, m: Mention) -> bool:
    start, end = idx.token_spans[m.id]
    root = doc[start:end].root
    subj = ("nsubj", "nsubjpass")
    return root.dep_ in subj or (root.dep_ == "poss" and root.head.dep_ in subj)


def _matchable(name: str) -> bool:
    """Registry names the phrase matcher looks for: capitalised, not a bare short word."""
    return bool(name) and name[0].isupper() and len(name) > 2 and name not in {"The", "May", "Chad"}


def _trim(span: Any) -> Any | None:
    """A candidate span without a leading article, a trailing possessive, or (for people) a
    leading title the NER took in ("Spokeswoman Mao Ning" → "Mao Ning"); None when nothing
    is left ("Councilor")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    for k in range(start + 1, end - 1):
        if doc[k].text in ("'s", "’s") and any(t.like_num for t in doc[k + 1 : end]):
            end = k  # "Trump’s July 25" (the NER's ORG): the name before a date it took in
            break
    if span.label_ == "PERSON":
        while start < end and _ROLE_RE.fullmatch(doc[start].text):
            start += 1
        end = _past_particles(doc, start, end)
    if start >= end:
        return None
    out = doc[start:end]
    out.label_ = span.label_ if span.label_ else "REGISTRY"
    return out


#: Particles inside surnames ("Hans van den Broek", "Ursula von der Leyen").
_NAME_PARTICLES = frozenset(
    ["van", "von", "den", "der", "de", "du", "da", "di", "del", "della", "ter", "ten"]
)


def _lower_word(span: Any) -> bool:
    """Does a name the NER found hold a word in lower case that no name has ("Javelin
    anti-tank" before "missiles")? Surname particles ("van den") are allowed."""
    return any(t.is_alpha and t.text[:1].islower() and t.lower_ not in _IN_NAMES for t in span)


#: Words in lower case inside names: surname particles, Arabic "bin", "al-" ("Bashar
#: al-Assad"), Spanish and Portuguese "y", "dos".
_IN_NAMES = _NAME_PARTICLES | frozenset(
    [
        "bin",
        "ibn",
        "bint",
        "al",
        "el",
        "ul",
        "ud",
        "ad",
        "as",
        "ash",
        "at",
        "az",
        "ar",
        "y",
        "e",
        "dos",
        "das",
        "do",
        "des",
        "la",
        "le",
    ]
)


def _past_particles(doc: Any, start: int, end: int) -> int:
    """The end of a person's name the NER cut at or before a surname's particles: "Hans Van"
    before "den Broek" runs on to "Broek" (the parser, not knowing the name, had made "den"
    a verb and "Broek" a place)."""
    k = end
    while k < len(doc) and doc[k].lower_ in _NAME_PARTICLES:
        k += 1
    if k == end and doc[end - 1].lower_ not in _NAME_PARTICLES:
        return end
    if k >= len(doc):
        return end
    nxt = doc[k]
    if nxt.is_alpha and nxt.text[:1].isupper() and nxt.ent_type_ in ("", "PERSON", "GPE", "ORG"):
        return k + 1
    return end


def _best(entries: list[Entry]) -> Entry:
    order = {"name": 0, "metonym": 1, "capital": 2, "place": 2, "demonym": 3}
    return sorted(entries, key=lambda e: (order.get(e.via, 9), e.start or date.min), reverse=False)[
        0
    ]


def _out_of_office(e: Entry) -> Actor:
    """A person the registry knows, told of on a day none of their roles covers: their
    state, no role and no sector."""
    return Actor(e.id, e.name, "person", e.code, e.country, None, None)


def _actor(e: Entry) -> Actor:
    aid = e.id if e.kind != "state" or e.via != "capital" else f"{e.id}:GOV"
    return Actor(aid, e.name, e.kind, e.code, e.country, e.sector, e.role)


def _starts_line(text: str, i: int) -> bool:
    """Only spaces between the start of its line (or of the text) and offset ``i``."""
    while i > 0 and text[i - 1] == " ":
        i -= 1
    return i == 0 or text[i - 1] == "\n"


def _political(span: Any, place: bool = False) -> bool:
    """Is a capital used for its government ("Beijing said", "Moscow's ties", "a pivot
    towards Beijing") rather than for the place ("in Beijing", "flew to Moscow")? A
    ``place`` (a city or region that is no seat of government) names its state as a
    modifier only of people or bodies ("Kharkiv officials", "the Donetsk governor"), not
    of things named after it ("the Istanbul talks", "the Geneva Conventions")."""
    if span.text.isupper() and _starts_line(doc_text(span.doc), span.start_char):
        return False  # a dateline: "BEIJING, Oct. 14 (Agency) --"
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ == "compound" and root.head.lemma_.lower() in _PLACE_NOUNS:
        root = root.head  # "in the Kursk region": as "in the region"
    elif (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in _PLACE_OF_NOUNS
    ):
        root = root.head.head  # "in the capital city of Algiers": as "in the city"
    elif place and root.dep_ in ("compound", "amod", "nmod"):
        return root.head.lemma_.lower() in AGENTS or bool(_ROLE_RE.fullmatch(root.head.lower_))
    elif root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in _NAMED_AFTER_PLACES:
        return False  # "the Paris climate agreement", "the Minsk agreements": a name
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ == "at" and prep.head.lemma_.lower() in _AIMING:
            return True
        if prep.lower_ in _PLACE_PREPS:
            return False
        if prep.lower_ in _DIRECTION_PREPS:
            return prep.head.lemma_.lower() not in _MOTION
        return True
    return root.dep_ in _POLITICAL_DEPS


#: Words that join the parts of a title ("Minister of State for Europe", "Ambassador to
#: the EU").
_TITLE_LINKS = frozenset(["of", "for", "the", "to"])


def _title_and(doc: Any, i: int) -> bool:
    """Is token ``i`` an "and" inside one title ("Energy and Natural Resources Minister"),
    between two capitalised words that name no state, people or person ("China and U.S.
    Trade Representative Robert Lighthizer" is two actors)?"""
    if doc[i].lower_ not in ("and", "&") or i < 1 or i + 1 >= len(doc):
        return False
    return all(
        t.text[:1].isupper() and t.ent_type_ not in ("GPE", "NORP", "PERSON")
        for t in (doc[i - 1], doc[i + 1])
    )


def _title_text(span: Any) -> str:
    """Words naming a person's office: the title before the name ("U.S. Secretary of State
    Warren Christopher"), an "of"-phrase after it ("King Hassan of Morocco") and any
    apposition ("Peskov, President Putin's spokesman")."""
    doc = span.doc
    i = span.start

    def titled(t: Any) -> bool:
        return t.ent_type_ != "PERSON" and (
            t.pos_ in ("PROPN", "NOUN", "ADJ") or t.text in ("'s", "’s")
        )

    while i > 0:
        if titled(doc[i - 1]):
            i -= 1
            continue
        if i > 2 and doc[i - 1].lower_ == "born" and doc[i - 2].text == "-":
            i -= 2  # "Australian-born journalist Julian Assange"
            continue
        # "Secretary of State", "Ambassador to the European Union": a connector (or two)
        # inside the title, with a title word before it
        gap = 1 if doc[i - 1].lower_ in _TITLE_LINKS or _title_and(doc, i - 1) else 0
        if gap and i > 2 and doc[i - 2].lower_ in _TITLE_LINKS:
            gap = 2
        if gap and i > gap and titled(doc[i - gap - 1]):
            i -= gap
            continue
        break
    parts = [doc[i : span.start].text]
    head = title = span.root.head
    if title.dep_ == "pobj" and title.head.dep_ == "prep":
        title = title.head.head  # "Iran's ambassador to India, Ali Chegeni"
    if span.root.dep_ == "appos" and head.i < span.start and _ROLE_RE.search(title.text):
        # "the then UK Home Secretary, Sajid Javid": the name is the title's apposition
        parts.append(doc[title.left_edge.i : head.i + 1].text)
    for child in span.root.children:
        if child.dep_ == "appos" or (
            child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end
        ):
            parts.append(doc[child.left_edge.i : child.right_edge.i + 1].text)
    return " ".join(p for p in parts if p)


def _titled_name(span: Any) -> bool:
    """Is ``span`` two to four capitalised words, none of them the noun of a body, right
    after a title whose role noun ends just before it ("Secretary-General Jasem Mohamed
    Albudaiwi")?"""
    if not 2 <= len(span) <= 4 or span.start == 0:
        return False
    if not all(t.text[:1].isupper() and t.is_alpha and not _ROLE_RE.search(t.text) for t in span):
        return False
    if any(t.lower_ in _BODY_NOUNS for t in span):
        return False
    before = span.doc[span.start - 1]
    role = _role(_title_text(span))
    return role is not None and role.split()[-1].split("-")[-1].lower() == before.lower_


#: Nouns that end the names of bodies, not of people.
_BODY_NOUNS = frozenset(
    ["council", "ministry", "party", "group", "company", "bank", "agency", "office", "union"]
)


def _longest_first(words: list[str]) -> Iterator[str]:
    """Every run of consecutive ``words``, longest first, then left to right: "Former
    National Security Council" tries "National Security Council" before "National"."""
    for size in range(min(len(words), 5), 0, -1):
        for i in range(len(words) - size + 1):
            yield " ".join(words[i : i + size])


def _role(title: str) -> str | None:
    # not a possessor's office: "the president's personal lawyer" is no president
    matches = [m for m in _ROLE_RE.finditer(title) if not title.startswith(("'s", "’s"), m.end())]
    if not matches:
        return None
    m = matches[-1]
    # keep the modifiers directly before the role noun ("Foreign Minister", "Kremlin Spokesman")
    head = title[: m.end()]
    words = head.split()
    out = words[-len(m.group(0).split()) :]
    for w in reversed(words[: -len(out)]):
        if w[:1].isupper() and not w.endswith(("ian", "ese", "ish", "an")):
            out.insert(0, w)
        else:
            break
    return " ".join(out)


#: The European Union's bodies, whose seat names them ("criticism from Brussels").
_UNION = ("igo:EUR", "igo:EUC", "igo:EUCO")


def _seat_of_union(doc: Any, idx: ActorIndex, sent_of: list[int], registry: Registry) -> None:
    """ "Brussels" used as an actor is the European Union in an article that names one of
    its bodies (the EU, the Commission, the Council), and Belgium's government in any
    other: "Szijjarto dismissed criticism from Brussels" after "the European Commission
    said"."""
    if not any(m.actor_id in _UNION for m in idx.mentions):
        return
    union = next((_actor(e) for e in registry.lookup("European Union") if e.id == _UNION[0]), None)
    if union is None:  # a registry without the EU
        return
    for m in list(idx.mentions):
        if m.actor_id == "BEL:GOV" and m.span.text == "Brussels":
            start, end = idx.token_spans[m.id]
            idx.remove_within(start, end)
            idx.add(doc[start:end], m.label, union, sent_of[start])


#: Sentences before a counted group named again ("the four diplomats") in which it is
#: looked for.
COUNTED_SENTENCES = 4


#: Nouns of a person told again by nationality: "the Australian national", "the
#: 48-year-old Australian".
_PERSON_AGAIN = frozenset(
    ["national", "citizen", "man", "woman", "journalist", "activist", "dissident", "founder"]
)


#: Nouns of a non-governmental group ("a human rights group", "consumer advocates") and
#: the modifiers that make one civil society's, not a company's or an armed group's.
_CIVIL_NOUNS = frozenset(
    ["group", "organization", "organisation", "charity", "advocate", "campaigner", "ngo"]
)
_CIVIL_KINDS = frozenset(
    [
        "right",
        "rights",
        "humanitarian",
        "aid",
        "relief",
        "advocacy",
        "environmental",
        "campaign",
        "consumer",
        "civil",
        "charity",
        "charitable",
        "non-governmental",
        "nongovernmental",
        "nonprofit",
        "non-profit",
        "activist",
    ]
)
#: Professions a "group of ..." gathers as citizens ("a group of physicians").
_CIVIL_MEMBERS = frozenset(
    ["physician", "doctor", "lawyer", "scientist", "academic", "expert", "jurist", "nurse"]
)


def _civil_groups(doc: Any, chunks: Sequence[Any], idx: ActorIndex, sent_of: list[int]) -> None:
    """A non-governmental group described, not named: "a human rights group", "consumer
    advocates", "a group of physicians" act as an NGO (CAMEO's code for them), one actor
    per description. Left alone when a state or a named actor qualifies it ("Russian
    rights group Memorial", "a Hamas group"): said otherwise."""
    for chunk in chunks:
        root = chunk.root
        if root.lemma_.lower() not in _CIVIL_NOUNS or root.pos_ != "NOUN":
            continue
        if any(idx.at(t.i) is not None for t in chunk):
            continue
        end = chunk.end
        kinds = {
            c.lemma_.lower()
            for c in root.subtree
            if c.i < root.i and c.dep_ in ("compound", "amod")
        }
        if not kinds & _CIVIL_KINDS:
            members = [
                p
                for c in root.children
                if c.dep_ == "prep" and c.lower_ == "of" and c.i == root.i + 1
                for p in c.children
                if p.dep_ == "pobj" and p.lemma_.lower() in _CIVIL_MEMBERS
            ]
            if root.lemma_.lower() != "group" or not members:
                continue
            if any(idx.at(t.i) is not None for t in members[0].subtree):
                continue
            end = members[0].i + 1
        toks = [t for t in doc[chunk.start : end] if t.dep_ not in ("det", "poss", "nummod")]
        if not toks:
            continue
        span = doc[toks[0].i : toks[-1].i + 1]
        words = " ".join(t.lemma_.lower() if t.i == root.i else t.lower_ for t in span)
        actor = Actor(f"ngo:{slug(words)}", span.text, "NGO", "NGO", None, "NGO", learned=True)
        idx.add(span, "NOMINAL", actor, sent_of[root.i])


def _described_again(chunks: Sequence[Any], idx: ActorIndex, sent_of: list[int]) -> None:
    """A person named before and told again by nationality ("WikiLeaks co-founder Julian
    Assange ... the Australian national", "the 48-year-old Australian"): a definite, singular
    description whose only actor is a state's nationality, within _TITLE_REACH sentences
    of a person we could not place, is that person, and places them (evidence about the
    person, as a title is)."""
    for chunk in chunks:
        root = chunk.root
        if chunk[0].lower_ != "the" or root.tag_ not in ("NN", "NNP", "JJ"):
            continue
        inner = list(
            {m.id: m for t in chunk if (m := idx.at(t.i)) is not None and m.actor_id}.values()
        )
        states = {idx.actors[m.actor_id or ""].country for m in inner}
        if len(inner) != 1 or None in states or len(states) != 1:
            continue
        lo, hi = idx.token_spans[inner[0].id]
        nationality = [t for t in chunk[1:] if t.ent_type_ == "NORP" and lo <= t.i < hi]
        if len(nationality) != 1 or any(t.pos_ == "PROPN" and t.ent_type_ != "NORP" for t in chunk):
            continue
        # "the 48-year-old Australian", or the nationality right before a person noun: "the
        # Australian national" (not "the UK", "the Taliban", "the Australian embassy")
        if not (
            nationality[0].i == root.i
            or (nationality[0].i == root.i - 1 and root.lemma_.lower() in _PERSON_AGAIN)
        ):
            continue
        sent = sent_of[root.i]
        last = _last_before(
            idx,
            chunk.start,
            sent,
            lambda m: bool(m.actor_id) and idx.actors[m.actor_id or ""].kind == "person",
        )
        if last is None:
            continue
        person = idx.actors[last.actor_id or ""]
        if not person.learned or person.country is not None:
            continue
        country = states.pop()
        placed = dataclasses.replace(person, code=country, country=country)
        idx.actors[person.id] = placed
        idx.remove_within(chunk.start, chunk.end)
        idx.add(chunk, "NOMINAL", placed, sent)


def _counted_again(chunks: Sequence[Any], idx: ActorIndex, sent_of: list[int]) -> None:
    """ "Russia expelled four German diplomats. Moscow gave the four diplomats a week to
    leave": a definite phrase that counts a group named just before with the same noun and
    number ("the four diplomats") is that group."""
    for chunk in chunks:
        root = chunk.root
        if root.tag_ != "NNS" or idx.at(root.i) is not None:
            continue
        if not any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in root.children
        ):
            continue
        count = next((c.lower_ for c in root.children if c.dep_ == "nummod"), None)
        if count is None:
            continue
        here = sent_of[root.i]
        m = _counted_before(chunk.doc, idx, chunk.start, here, count, root.lemma_)
        if m is not None:
            toks = [t for t in chunk if t.dep_ != "det" and not t.is_punct]
            span = chunk.doc[toks[0].i : toks[-1].i + 1]
            idx.add(span, "NOMINAL", idx.actors[m.actor_id or ""], here)


def _counted_before(
    doc: Any, idx: ActorIndex, before: int, here: int, count: str, lemma: str | None = None
) -> Mention | None:
    """The last mention before token ``before``, within COUNTED_SENTENCES of sentence
    ``here``, whose head is counted with ``count`` (and is the noun ``lemma``, if given)."""
    for m in reversed(idx.mentions):
        start, end = idx.token_spans[m.id]
        if start >= before or here - m.sentence > COUNTED_SENTENCES or not m.actor_id:
            continue
        head = doc[start:end].root
        if (lemma is None or head.lemma_ == lemma) and any(
            c.dep_ == "nummod" and c.lower_ == count for c in head.children
        ):
            return m
    return None


def _counted_bare(doc: Any, idx: ActorIndex, sent_of: list[int]) -> None:
    """ "Germany expelled four Russian diplomats ... Berlin ordered the four to leave": a
    definite number standing alone as a subject or object is the group counted with that
    number just before."""
    for tok in doc:
        if tok.pos_ != "NUM" or tok.dep_ not in _COUNTED_ROLES or idx.at(tok.i) is not None:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children):
            continue
        here = sent_of[tok.i]
        m = _counted_before(doc, idx, tok.i, here, tok.lower_)
        if m is not None:
            idx.add(doc[tok.i : tok.i + 1], "NOMINAL", idx.actors[m.actor_id or ""], here)


#: Where a bare number stands for a group: as a subject or an object.
_COUNTED_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative"})


#: Nouns that describe a company ("a London-based maker of radar parts").
_COMPANY_NOUNS = frozenset(
    [
        "company",
        "firm",
        "maker",
        "manufacturer",
        "producer",
        "supplier",
        "contractor",
        "developer",
        "operator",
        "bank",
        "lender",
        "insurer",
        "carrier",
        "exporter",
        "importer",
        "trader",
        "group",
    ]
)
#: Heads of a public body's name beside AGENTS' ("the California Public Utilities
#: Commission", "the Texas Board of Pardons"): a state's, or its region's, body.
_NAMED_BODIES = {"commission": "GOV", "board": "GOV", "office": "GOV"}


def _acronyms(doc: Any, idx: ActorIndex, sent_of: list[int]) -> None:
    """ "The California Public Utilities Commission holds a hearing ... urging the PUC": an
    organisation's initials (all its capitalised words', or the last ones': a place in
    front of the name is often dropped) name it again."""
    for ent in doc.ents:
        text = ent.text
        if ent.label_ != "ORG" or not (2 <= len(text) <= 6 and text.isalpha() and text.isupper()):
            continue
        if idx.at(ent.start) is not None:
            continue
        for m in reversed(idx.mentions):
            actor = idx.actors.get(m.actor_id or "")
            if actor is None or actor.kind == "person" or idx.token_spans[m.id][0] >= ent.start:
                continue
            initials = "".join(w[0] for w in m.span.text.split() if w[:1].isupper())
            if len(initials) >= 2 and initials.endswith(text):
                idx.add(ent, "ORG", actor, sent_of[ent.start])
                break


def _sentence_index(doc: Any) -> list[int]:
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = n
    return out


#: Group nouns that count the parties of talks or a conflict ("the two sides", "the two
#: ministers"): states named only as qualifying a thing are not among them. ("Both
#: countries" still counts every state in view: BENCHMARKS.md, twenty-fifth session.)
_PARTY_NOUNS = _GROUP_NOUNS - {"country", "nation", "state", "government", "capital"}


def _qualifies_a_thing(doc: Any, m: Mention, idx: ActorIndex) -> bool:
    """Does the mention only qualify a thing ("American missiles", "the U.S. withdrawal",
    "Russia's gas"), not name someone who acts? Such a state is not one of "the two sides"
    a later phrase counts."""
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ not in ("amod", "compound", "poss", "nmod"):
        return False
    head = root.head
    if head.pos_ != "NOUN" or idx.at(head.i) is not None:
        return False
    lemma = head.lemma_.lower()
    return lemma in _THINGS or lemma.endswith(_ACT_ENDINGS)


#: Things a state qualifies that are no side of anything: weapons, its moves and plans,
#: its goods and money ("American missiles", "U.S. plans", "Russian gas").
_THINGS = frozenset(
    [
        "missile",
        "rocket",
        "drone",
        "weapon",
        "plan",
        "move",
        "policy",
        "step",
        "tariff",
        "sanction",
        "economy",
        "market",
        "import",
        "export",
        "good",
        "oil",
        "gas",
        "currency",
        "debt",
        "territory",
        "soil",
        "airspace",
        "border",
        "interest",
    ]
)
#: Endings of nouns of acts and states of things ("withdrawal", "decision", "deployment",
#: "pressure").
_ACT_ENDINGS = ("al", "ion", "ment", "ure", "ance", "ence")
