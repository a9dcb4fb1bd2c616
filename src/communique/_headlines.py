"""Headlines in title case, parsed as the sentences they are.

Many outlets capitalise every word of a headline ("Putin Meets Xi In Beijing As Ties
Deepen"); the tagger then reads the verbs as names ("Imposes" a proper noun in "US Imposes
Sanctions On Iranian Oil Minister") and no act is found. Such a headline is parsed in
sentence case — each capitalised word that is not a name lowered, nothing else changed,
so every character keeps its place — and the parse is given back to the headline's own
words: records quote the headline as written.

A word stays capitalised when the article's body writes it capitalised inside a sentence,
when the actor registry has it in a name, or when neither the body nor the model's word
lists know it as a common word; it is lowered when the body writes it in lower case, when
it is a function word, or when the lemmatizer's tables know it (or a form of it).

A headline is also read as the sentence it stands for when its parse has no verb at its
head or it opens with a speaker and a colon (:meth:`Recaser.reparsed`): "Kremlin: US must
deliver proof" as "Kremlin says ...", "Ethiopia, Eritrea declare" as "Ethiopia and Eritrea
declared", "Japan pledges support" as "Japan pledged support". The rewritten words are
parsed, token for token in place of the headline's own, and the parse given back to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

#: A title-cased headline has at least this many content words after its first word, and
#: this share of them capitalised ("Germany to Send Tanks to Ukraine": 3 of 3; "Kremlin:
#: US Must Deliver Proof": 2 of 2; "Russia stands by China and tells US it must deliver
#: proof": 2 of 7).
MIN_CONTENT_WORDS = 2
MIN_CAPITALISED_SHARE = 0.8

_WORD = re.compile(r"[A-Za-z]+")
#: A word of a name as the registry writes it ("U.S.", "Al-Shabaab", "Xi's" is "Xi").
_WORD_WITH_MARKS = re.compile(r"[A-Za-z][A-Za-z.\-]*")
#: The longest registry name looked for in a headline, in words.
MAX_NAME_WORDS = 6
#: Where a new sentence or part starts inside a headline, so its first word stays
#: capitalised: after a colon, a bar or a dash set off by spaces (an outlet's name),
#: sentence-ending punctuation or a bracket.
_RESTART = re.compile(r"(?:[:.!?;|\[\]]|\s[-–—])[\s\"'“‘]*$")


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


class Recaser:
    """Sentence case for title-cased headlines (see the module's docstring). Built once
    per pipeline from its model's tables and the actor registry's names."""

    def __init__(self, nlp: Any, names: Iterable[str]) -> None:
        self.stop_words = frozenset(w.lower() for w in nlp.Defaults.stop_words)
        self.names = frozenset(n for n in names if n[:1].isupper())
        self.index, self.exceptions, self.rules = _lemma_tables(nlp)
        #: each verb's irregular past: of the verb table's irregular forms of it that are
        #: neither "-ing" nor "-s" forms, the shortest ("struck", not "stricken")
        pasts: dict[str, list[str]] = {}
        for form, lemmas in _verb_exceptions(nlp).items():
            if not form.endswith(("ing", "s")) and " " not in form:
                for lemma in lemmas:
                    if form != lemma:
                        pasts.setdefault(lemma, []).append(form)
        self.irregular_past = {v: min(fs, key=lambda f: (len(f), f)) for v, fs in pasts.items()}
        self.known_words = frozenset().union(*self.index.values(), *self.exceptions.values())

    def common(self, lower: str) -> bool:
        """Is ``lower`` an English word the lemmatizer's tables know, or a form of one?"""
        if lower in self.known_words:
            return True
        for pos, rules in self.rules.items():
            index = self.index.get(pos, frozenset())
            for old, new in rules:
                if lower.endswith(old) and lower[: len(lower) - len(old)] + new in index:
                    return True
        return False

    def title_cased(self, title: str) -> bool:
        words = _WORD.findall(title)[1:]
        content = [w for w in words if w.lower() not in self.stop_words]
        if len(content) < MIN_CONTENT_WORDS:
            return False
        return sum(1 for w in content if w[0].isupper()) >= MIN_CAPITALISED_SHARE * len(content)

    def sentence_case(self, title: str, body: str = "") -> str | None:
        """``title`` with its capitalised common words lowered (the same length), or None
        when it is not title-cased or nothing would change."""
        if not self.title_cased(title):
            return None
        in_body_capitalised, in_body_lower = _body_words(body)
        named = self._named(title)
        out = list(title)
        changed = False
        for m in _WORD.finditer(title):
            word = m.group()
            if not _capitalised(word) or not title[: m.start()].strip() or m.start() in named:
                continue  # not capitalised, the headline's first word, or in a name
            if _RESTART.search(title[: m.start()]) or title[m.start() - 1 : m.start()] in "'’":
                continue  # a new sentence's first word; "Xi's" is one word
            lower = word.lower()
            if word in in_body_capitalised:
                continue
            if lower in self.stop_words or lower in in_body_lower or self.common(lower):
                out[m.start()] = word[0].lower()
                changed = True
        return "".join(out) if changed else None

    def to_parse(self, nlp: Any, title: str, body: str = "") -> Any:
        """What to parse for a headline: ``title`` itself, or, when it is title-cased, a
        ``Doc`` of its words in sentence case keeping the headline's own words for
        :func:`restored`."""
        cased = self.sentence_case(title, body)
        if cased is None:
            return title
        tokens = nlp.make_doc(cased)
        own = [title[t.idx : t.idx + len(t.text)] for t in tokens]
        return _doc(nlp, [t.text for t in tokens], tokens, own)

    def reparsed(self, nlp: Any, doc: Any) -> Any:
        """A headline's parse; or the parse of the sentence the headline stands for, if a
        verb heads that: "Kremlin: US must deliver proof" read as "Kremlin says US must
        deliver proof"; and, when no verb heads it, "Ethiopia, Eritrea declare end" read
        as "Ethiopia and Eritrea declared end", "Japan pledges support" as "Japan pledged
        support" (the tagger reads nouns: "declare end" a compound, "pledges" a plural) —
        a list of names opening the headline joined by "and", the first word in lower
        case after a name that is a verb in the present put in the past it reports. Not
        "Russian forces hit workshops": a verb heads it."""
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None:
            return doc
        named = self._named(doc.text)

        def is_name(tok: Any) -> bool:
            return tok.idx in named or self._name_like(tok.text)

        words = [t.text for t in doc]
        colon = self._speaker_colon(doc, named)
        if colon is not None:
            words[colon.i] = "says"  # "Kremlin: US must deliver proof": the Kremlin says so
        if root.pos_ not in ("VERB", "AUX") and colon is None:
            comma = _list_comma(doc, is_name)
            if comma is not None:
                words[comma.i] = "and"
            for tok in doc[1:]:
                # the first word in lower case after a name that is a verb in the present
                # ("Talks between Serbia and Kosovo collapse": not "between")
                past = self.past_of(tok.text) if tok.text not in ("and", "or") else None
                if past is not None and is_name(doc[tok.i - 1]):
                    words[tok.i] = past
                    break
        if words == [t.text for t in doc]:
            return doc
        own = doc.user_data.get(OWN_WORDS) or [t.text for t in doc]
        again = nlp(_doc(nlp, words, doc, own))
        if not any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in again):
            return doc
        return again

    def _speaker_colon(self, doc: Any, named: set[int]) -> Any:
        """The colon after which a headline tells what its opening name said ("Kremlin:
        US must deliver proof", "Zelensky: ..."): one to three words before it, each a
        registry name's or a capitalised word no word list knows ("Fact check:", "Breaking
        news:" are not), and a clause of three words or more after it; else None."""
        colon = next((t for t in doc[:4] if t.text == ":"), None)
        if colon is None or colon.i == 0 or len(doc) - colon.i - 1 < 3:
            return None
        for tok in doc[: colon.i]:
            own = tok.idx in named or (_capitalised(tok.text) and not self.common(tok.lower_))
            if not own:
                return None
        return colon

    def _name_like(self, word: str) -> bool:
        """A word a name is made of: capitalised or in capitals and not a common word
        ("Orban", "ASEAN"), or a registry name's ("Union" of "African Union", checked by
        the caller)."""
        if not word[:1].isupper():
            return False
        return word.isupper() or word in self.names or not self.common(word.lower())

    def past_of(self, word: str) -> str | None:
        """The past tense of a verb in the present ("pledges" → "pledged", "bars" →
        "barred", "meets" → "met", "sign" → "signed"), None for a word that is not one."""
        if not word.isalpha() or not word.islower():
            return None
        verbs = self.index.get("verb", frozenset())
        stems = [word[:-3] + "y"] if word.endswith("ies") else []
        stems += [word[:-2]] if word.endswith(("ches", "shes", "sses", "xes", "zes")) else []
        stems += [word[:-1]] if word.endswith("s") else [word]
        stem = next((st for st in stems if st in verbs), None)
        if stem is None:
            return None
        if stem in self.irregular_past:
            return self.irregular_past[stem]
        if stem.endswith("e"):
            return stem + "d"
        if stem.endswith("y") and len(stem) > 1 and stem[-2] not in _VOWELS:
            return stem[:-1] + "ied"
        if _one_syllable_cvc(stem):
            return stem if stem[-1] in "td" else stem + stem[-1] + "ed"
        return stem + "ed"

    def _named(self, title: str) -> set[int]:
        """Where the words of the registry's names found in the title start ("New York",
        "Trade" in "World Trade Organization": not "New" of "New Sanctions")."""
        words = list(_WORD_WITH_MARKS.finditer(title))
        out: set[int] = set()
        for i in range(len(words)):
            for j in range(min(len(words), i + MAX_NAME_WORDS), i, -1):
                if title[words[i].start() : words[j - 1].end()] in self.names:
                    out.update(w.start() for w in words[i:j])
                    break
        return out


_VOWELS = frozenset("aeiou")


def _one_syllable_cvc(stem: str) -> bool:
    """One vowel group closed by one consonant ("bar", "ban", "cut"; not "visit", "meet",
    "fix")."""
    groups = re.findall(r"[aeiouy]+", stem)
    return (
        len(groups) == 1
        and len(stem) >= 3
        and stem[-1] not in _VOWELS | set("wxy")
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
    )


def _list_comma(tokens: Any, is_name: Callable[[Any], bool]) -> Any:
    """The last comma of the list of names a headline opens with when no "and" joins them
    ("Ethiopia, Eritrea declare", "Saraki, Melaye, Ben Bruce drag"), else None."""
    comma = None
    for tok in tokens:
        if tok.text == ",":
            comma = tok
        elif not (is_name(tok) or tok.text in _IN_NAMES):
            break
    else:
        return None  # nothing but names
    if comma is None or comma.i == tok.i - 1 or tok.lower_ in ("and", "&"):
        return None  # no list, a comma before an aside ("Trump, in reversal, ..."), an "and"
    return comma


#: Tokens inside a name ("Hungary's Orban", "Al-Shabaab").
_IN_NAMES = frozenset(["'s", "’s", "-"])


def _doc(nlp: Any, words: list[str], tokens: Any, own: list[str]) -> Any:
    """A Doc of ``words`` spaced as ``tokens``, keeping the headline's ``own`` words."""
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in tokens])
    doc.user_data[OWN_WORDS] = own
    return doc


def _lookups(nlp: Any) -> Any:
    """The lemmatizer's tables (the stock lemmatizer's or the faster one's), or None."""
    lemmatizer = next(
        (p for _, p in nlp.pipeline if hasattr(p, "lookups") or hasattr(p, "stock")), None
    )
    return getattr(getattr(lemmatizer, "stock", lemmatizer), "lookups", None)


def _verb_exceptions(nlp: Any) -> dict[str, list[str]]:
    lookups = _lookups(nlp)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return {}
    return dict(lookups.get_table("lemma_exc").get("verb", {}))


def _body_words(body: str) -> tuple[set[str], set[str]]:
    """The words the body writes capitalised inside a sentence (not after its end), and
    those it writes in lower case."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for m in _WORD.finditer(body):
        word = m.group()
        if word.islower():
            lower.add(word)
        elif _capitalised(word):
            before = body[max(0, m.start() - 3) : m.start()].rstrip(" \"'“‘(")
            if before and before[-1] not in ".!?:\n":
                capitalised.add(word)
    return capitalised, lower


def _lemma_tables(
    nlp: Any,
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, list[tuple[str, str]]]]:
    """The lemmatizer's word lists by part of speech, its irregular forms and its suffix
    rules (empty when the model has no rule lemmatizer)."""
    lookups = _lookups(nlp)
    index: dict[str, frozenset[str]] = {}
    exceptions: dict[str, frozenset[str]] = {}
    rules: dict[str, list[tuple[str, str]]] = {}
    if lookups is None:
        return index, exceptions, rules
    for pos in ("noun", "verb", "adj", "adv"):
        if lookups.has_table("lemma_index"):
            index[pos] = frozenset(lookups.get_table("lemma_index").get(pos, ()))
        if lookups.has_table("lemma_exc"):
            exceptions[pos] = frozenset(lookups.get_table("lemma_exc").get(pos, {}))
        if lookups.has_table("lemma_rules"):
            rules[pos] = [(old, new) for old, new in lookups.get_table("lemma_rules").get(pos, ())]
    return index, exceptions, rules


def mark_passives(doc: Any) -> Any:
    """A headline's passive without its "was": "US reporter Evan Gershkovich detained by
    Russia" — a participle with a "by" agent and no auxiliary has its subject undergo the
    act (the parser makes it the doer: ``nsubj``, relabelled ``nsubjpass``)."""
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.head.tag_ != "VBN":
            continue
        deps = {c.dep_ for c in tok.head.children}
        if "agent" in deps and not deps & {"aux", "auxpass"}:
            tok.dep_ = "nsubjpass"
    return doc


#: The ``Doc.user_data`` key of a headline's own words while its rewritten words are parsed.
OWN_WORDS = "communique.headline_words"


def restored(doc: Any) -> Any:
    """The parse of a rewritten headline given back to the headline's own words, which
    :meth:`Recaser.to_parse` kept in its ``user_data`` (the same tokens, one for one);
    ``doc`` itself when it was not rewritten."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
    from spacy.tokens import Doc

    words = doc.user_data.pop(OWN_WORDS, None)
    if words is None:
        return doc
    spaces = [bool(t.whitespace_) for t in doc]
    out = Doc(doc.vocab, words=words, spaces=spaces)
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
    out.from_array(attrs, doc.to_array(attrs))
    out.user_data.update(doc.user_data)
    return out
