"""Sense and modality constraints on triggers: when a word that can name a political act
does not name one here, and when an act is only asked about, likely or planned.

Each check reads the parse of the trigger's sentence, not the page: a contest verb ("beat",
"defeat") in a sentence about a match, a race, an election or a market is a result, not an
assault; an attack whose object is a policy or a remark is criticism; "whether", "unlikely
to" and questions mark acts that have not happened. The word classes below are semantic
classes of general English, written from the CAMEO/PLOVER code books' exclusions (sports,
elections, economic performance and metaphorical uses are not events), not from any page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

#: Verbs that name both a use of force and winning a contest.
CONTEST_VERBS = frozenset(
    [
        "beat",
        "defeat",
        "crush",
        "rout",
        "thrash",
        "trounce",
        "edge",
        "overpower",
        "outplay",
        "outscore",
        "upset",
        "eliminate",
        "hammer",
        "down",
        "sink",
        "topple",
        "rally",
        "overwhelm",
        "whip",
        "destroy",
        "dominate",
        "knock",
        "blank",
        "sweep",
        "face",
        "hit",
        "strike",
    ]
)
#: Nouns that put a sentence in a contest: sport, elections and votes, markets and results.
SPORT_NOUNS = frozenset(
    [
        "match",
        "game",
        "final",
        "semifinal",
        "semi-final",
        "quarterfinal",
        "quarter-final",
        "tournament",
        "cup",
        "league",
        "championship",
        "goal",
        "season",
        "medal",
        "olympics",
        "squad",
        "team",
        "coach",
        "player",
        "club",
        "fixture",
        "derby",
        "qualifier",
        "innings",
        "wicket",
        "race",
        "score",
        "opener",
        "playoff",
        "play-off",
    ]
)
ELECTION_NOUNS = frozenset(
    [
        "election",
        "vote",
        "poll",
        "ballot",
        "primary",
        "runoff",
        "run-off",
        "seat",
        "candidate",
        "governorship",
        "incumbent",
    ]
)
MARKET_NOUNS = frozenset(
    [
        "forecast",
        "estimate",
        "expectation",
        "profit",
        "revenue",
        "earnings",
        "sales",
        "stock",
        "index",
        "market",
        "quarter",
        "production",
        "output",
        "growth",
        "competitor",
    ]
)
CONTEST_NOUNS = SPORT_NOUNS | ELECTION_NOUNS | MARKET_NOUNS
#: What is traded on markets and "rallies" or "slumps" there.
TRADED = MARKET_NOUNS | frozenset(
    ["currency", "yen", "dollar", "euro", "pound", "yuan", "rouble", "ruble", "rupee", "lira"]
)
TRADED |= frozenset(["share", "bond", "price", "oil", "gold", "commodity", "equity", "crude"])
#: Share of an article's sentences with a contest cue above which the article is a contest
#: report (a match, an election night, a market wrap). Set on general grounds (a news
#: article on politics rarely has one sentence in three about a score, a vote or a market).
CONTEST_ARTICLE_SHARE = 0.3
#: A score or a tally: "3-1", "6–4", "52-48".
_SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")

#: Objects that make an attack verbal: "attacked each other's policies", "hit out at the
#: plan", "slammed his remarks" is criticism (CAMEO 111), not force.
VERBAL_OBJECTS = frozenset(
    [
        "policy",
        "plan",
        "proposal",
        "decision",
        "remark",
        "comment",
        "statement",
        "record",
        "idea",
        "claim",
        "report",
        "approach",
        "stance",
        "position",
        "rhetoric",
        "strategy",
        "handling",
        "response",
        "move",
        "bill",
        "law",
        "legislation",
        "budget",
        "speech",
        "view",
        "agenda",
        "leadership",
        "credibility",
        "character",
        "integrity",
        "reputation",
        "performance",
        "manifesto",
        "campaign",
        "argument",
        "words",
        "tweet",
        "post",
        "ruling",
        "verdict",
        "reform",
        "program",
        "programme",
        "deal",
        "agreement",
        # what others said: "fired back at Israel's accusations"
        "accusation",
        "allegation",
        "criticism",
        "charge",
        "question",
    ]
)
#: Words of armed doers, whose attacks on "positions" are force, not criticism.
ARMED_WORDS = frozenset(
    [
        "troop",
        "force",
        "soldier",
        "army",
        "military",
        "jet",
        "warplane",
        "artillery",
        "navy",
        "drone",
        "missile",
        "militant",
        "rebel",
        "fighter",
        "gunman",
    ]
)
#: Verbs of force that are used for criticism with a verbal object.
ATTACK_VERBS = frozenset(
    ["attack", "hit", "assault", "target", "blast", "bash", "savage", "fire", "strike"]
)

#: Adjectives whose infinitive is not (yet) an act: "unlikely to agree", "expected to meet".
LIKELY_HEADS = frozenset(["unlikely", "likely", "expected", "poised", "set", "due", "certain"])
#: Subordinators of acts asked about or conditional.
ASKED_MARKS = frozenset(["whether", "if", "unless"])
#: Subordinators of time whose present tense is generic or future ("when X meets Y").
WHEN_MARKS = frozenset(["when", "whenever", "once"])
#: Reciprocal pronouns: "X and Y attacked each other" acts both ways.
RECIPROCAL_WORDS = frozenset(["each other", "one another"])


def contest(sent: Any) -> bool:
    """The sentence reports a contest (sport, an election or vote, a market result)."""
    if _SCORE.search(sent.text):
        return True
    return any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in CONTEST_NOUNS for t in sent)


def contest_article(doc: Any) -> bool:
    """Most of the article is about contests (a match report, an election night, a market
    wrap): its contest verbs are results even in sentences without a cue of their own."""
    sents = list(doc.sents)
    return bool(sents) and sum(contest(s) for s in sents) >= CONTEST_ARTICLE_SHARE * len(sents)


def is_contest_use(trigger: Any, in_contest_article: bool = False) -> bool:
    """A result, not an act: a contest verb ("beat", "defeat", "rallied") in a sentence
    about a contest or in a contest article, a boycott of a game, or any trigger beside a
    score ("6-4")."""
    if _SCORE.search(trigger.sent.text):
        return True
    lemma = trigger.lemma_.lower()
    if lemma == "beat" and any(
        c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC", "ORG") for c in trigger.children
    ):
        return True  # "by beating North Macedonia": a country or a club beaten is a team
    if lemma == "boycott":
        # staying away from a match is no political act, from a vote a protest (CAMEO 143)
        nouns = {t.lemma_.lower() for t in trigger.sent if t.pos_ in ("NOUN", "PROPN")}
        return not nouns & ELECTION_NOUNS and bool(nouns & SPORT_NOUNS or in_contest_article)
    return lemma in CONTEST_VERBS and (in_contest_article or contest(trigger.sent))


def verbal_object(trigger: Any) -> bool:
    """An attack verb whose object is something said or decided: criticism, not force."""
    if trigger.lemma_.lower() not in ATTACK_VERBS:
        return False
    if armed_doer(trigger):
        return False  # "Russian troops fired at Ukrainian positions": force
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    for p in trigger.children:  # "hit out at the plan", "lashed out at his remarks"
        if p.dep_ == "prep" and p.lower_ in ("at", "on"):
            objects += [c for c in p.children if c.dep_ == "pobj"]
    # positions somewhere are places held ("its positions in the Kursk region", "attacked
    # Russian positions near Bakhmut"), not views held; a proposal attacked in Geneva is
    # still words
    return any(
        o.lemma_.lower() in VERBAL_OBJECTS
        and not (o.lemma_.lower() == "position" and _held_positions(o, trigger))
        for o in objects
    )


#: Prepositions of what a view is about: "its position on Brexit".
_ABOUT = frozenset(["on", "about", "over", "regarding", "towards", "toward"])


def _held_positions(noun: Any, trigger: Any) -> bool:
    """Are the positions places held: somewhere named ("its positions in the Kursk
    region", "attacked positions near Bakhmut"), or a side's positions about nothing
    ("struck Ukrainian positions"), not a view ("his position on Brexit")?"""
    if _somewhere(noun) or _somewhere(trigger):
        return True
    # the parser may hang "on migration" on the verb
    about = [
        p
        for c in (*noun.children, *trigger.children)
        if c.dep_ == "prep" and c.lower_ in _ABOUT
        for p in c.children
        if p.dep_ == "pobj"
        and p.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC")
        and p.lemma_.lower() not in _PLACE_NOUNS
    ]
    return noun.tag_ == "NNS" and not about


#: Verbs of criticism that also name a blow: "slammed the decision", "a missile slammed
#: into an apartment block".
BLOW_VERBS = frozenset(["slam", "blast"])


def physical_use(trigger: Any) -> bool:
    """A verb of :data:`BLOW_VERBS` used of a blow, not of criticism: its subject is armed
    ("Russian artillery blasted Ukrainian positions", "a Russian missile slammed into")
    or it goes "into" something."""
    if trigger.lemma_.lower() not in BLOW_VERBS:
        return False
    return armed_doer(trigger) or any(
        c.dep_ == "prep" and c.lower_ == "into" for c in trigger.children
    )


def armed_doer(trigger: Any) -> bool:
    """Is the verb's subject armed ("Russian troops fired at Ukrainian positions")?"""
    doers = [c for c in trigger.children if c.dep_ == "nsubj"]
    return any(t.lemma_.lower() in ARMED_WORDS for d in doers for t in d.subtree)


#: Prepositions that put a thing somewhere.
_AT_PLACE = frozenset(["in", "near", "along", "around", "outside", "inside"])
#: Nouns of places: "its positions in the Kursk region".
_PLACE_NOUNS = frozenset(
    ["region", "area", "city", "town", "village", "province", "district", "border", "front"]
)


def _somewhere(word: Any) -> bool:
    """Is the thing (or the act) somewhere named ("its positions in the Kursk region",
    "attacked positions near Bakhmut"): a place held, not a view held?"""
    return any(
        c.dep_ == "prep"
        and c.lower_ in _AT_PLACE
        and any(
            p.dep_ == "pobj"
            and (p.ent_type_ in ("GPE", "LOC", "FAC") or p.lemma_.lower() in _PLACE_NOUNS)
            for p in c.children
        )
        for c in word.children
    )


def uncertain(verb: Any) -> bool:
    """Asked about, conditional, only likely, or in a question: not (yet) an act."""
    if any(c.dep_ == "mark" and c.lower_ in ASKED_MARKS for c in verb.children):
        return True
    if (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBZ", "VBP")
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in WHEN_MARKS for c in verb.children)
    ):
        return True  # "When the US slaps tariffs on goods, ...": a rule or a time to come
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lower_ in LIKELY_HEADS:
        return True
    if _infinitive(verb) and (
        head.pos_ in ("NOUN", "PROPN")
        or any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
    ):
        return True  # "a need for Ukraine to launch investigations", "efforts to end the war"
    return bool(verb.sent.text.rstrip(" \"'”’").endswith("?"))


def _infinitive(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def reciprocal(trigger: Any) -> bool:
    """The act is mutual: "attacked each other's policies", "met one another"."""
    text = " ".join(t.lower_ for t in trigger.subtree)
    return any(w in text for w in RECIPROCAL_WORDS)


#: Verbs whose particle use without an object is a headline passive ("helicopter shot down").
_PASSIVE_PARTICLE_VERBS = frozenset(["shoot", "gun", "knock", "bring"])


def reduced_passive(verb: Any) -> bool:
    """A passive written without its auxiliary, as headlines and captions do: "Hong Kong
    threatened with intervention", "US helicopter shot down". Its subject is who the act
    is done to."""
    deps = {c.dep_ for c in verb.children}
    if "nsubj" not in deps or deps & {"aux", "auxpass", "dobj", "ccomp", "xcomp", "dative"}:
        return False
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "a move Israel condemned": the noun is the object the relative clause leaves
        # out, its subject the doer (a passive's noun would be modified by "acl")
        return False
    if (
        verb.lemma_.lower() in _DONE_WITHOUT_OBJECT
        and verb.dep_ == "ROOT"
        and _full_stop(verb.sent)
    ):
        # "Climate activists protested outside the ministry.": a verb that takes no object
        # has no passive; in running text its participle is a past tense misread
        return False
    if verb.tag_ == "VBN":
        return True
    return verb.lemma_.lower() in _PASSIVE_PARTICLE_VERBS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in verb.children
    )


#: Acts done without an object (protesting, rioting, clashing): no passive reading.
_DONE_WITHOUT_OBJECT = frozenset(
    ["protest", "demonstrate", "rally", "march", "riot", "picket", "strike", "mutiny", "clash"]
)


def _full_stop(sent: Any) -> bool:
    """Does a sentence end with a full stop (before any closing quotation marks)?"""
    text: str = sent.text
    return text.rstrip().rstrip("\"'”’").endswith(".")


#: Verbs of protest that have other senses with an object or a clause: "demonstrated that
#: it works", "as demonstrated by his departure", "rallied support", "marched troops" (not
#: "picket": what is picketed is where the protest is, "picketed the Russian embassy").
PROTEST_VERBS = frozenset(["demonstrate", "rally", "march"])


def other_sense_of_protest(trigger: Any) -> bool:
    """A protest verb used transitively, in the passive or as "as ... by": not a protest."""
    if trigger.lemma_.lower() not in PROTEST_VERBS:
        return False
    return any(
        c.dep_ in ("dobj", "ccomp", "agent", "nsubjpass", "auxpass")
        or (c.dep_ == "mark" and c.lower_ == "as")
        for c in trigger.children
    )


#: What two parties can "share" without doing anything: a state of affairs, not an exchange
#: ("Finland shares a border with Russia", "interests shared by Ukraine and the US").
SHARED_STATES = frozenset(
    [
        "border",
        "frontier",
        "boundary",
        "coastline",
        # places two states share: "an island shared by the Dutch and French"
        "island",
        "lake",
        "river",
        "sea",
        "peninsula",
        "territory",
        "region",
        "basin",
        "interest",
        "concern",
        "value",
        "view",
        "goal",
        "aim",
        "vision",
        "belief",
        "history",
        "culture",
        "language",
        "heritage",
        "fate",
        "sentiment",
        "fear",
        "worry",
        "opinion",
        "position",
        "stance",
        "responsibility",
        "commitment",
        "feeling",
        "trait",
        "characteristic",
    ]
)
#: What a host receives when hosting is a political act: visitors and meetings ("hosted
#: the summit", "hosts the Chinese president"), not residents ("hosts manufacturers").
HOSTED = frozenset(
    [
        "summit",
        "talks",
        "meeting",
        "conference",
        "visit",
        "visitor",
        "delegation",
        "leader",
        "president",
        "premier",
        "minister",
        "counterpart",
        "chancellor",
        "king",
        "queen",
        "prince",
        "envoy",
        "official",
        "forum",
        "round",
        "session",
        "negotiation",
        "negotiator",
        "dialogue",
    ]
)


def stative_use(trigger: Any, is_actor: Callable[[Any], bool]) -> bool:
    """ "share" and "host" name acts only with the right kind of object: shared
    information or equipment (not a border or interests), hosted visitors or meetings (not
    companies or bases). ``is_actor(noun)``: the noun names a resolved political actor
    (asked only of the direct object of "host")."""
    lemma = str(trigger.lemma_).lower()
    if lemma not in ("share", "host"):
        return False
    direct = next((c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")), None)
    obj = direct
    if obj is None and trigger.dep_ == "acl":  # "interests shared by Ukraine and the US"
        obj = trigger.head
    if obj is None:
        return lemma == "share"  # "shares with": an exchange needs something exchanged
    noun = obj.lemma_.lower()
    if lemma == "share":
        return noun in SHARED_STATES
    return not (noun in HOSTED or (direct is not None and is_actor(direct)))
