"""Plain-text boilerplate cleaner: scraped page text in, article body + metadata out.

No published tool cleans *already scraped* text, so this is ours. The text is cut into lines
(one line = one paragraph, list item, menu entry ...); each line gets features (token count,
sentence-likeness, title case, known boilerplate patterns, mixed scripts, repetition of the
headline) and then

1. a **main-region search**: a maximum-sum run over per-line scores (long sentence-like lines
   score their length, short non-sentence lines a small penalty, headline-like teasers and
   known boilerplate a large one; list items, table rows and runs of lines opening alike
   with a number or a month are neutral) finds the article body, so menus, teaser lists and
   comment sections before and after it are dropped while short content lines inside it
   (lists, subheadings, tables) stay. A comment-section marker ("34 Comments", "X says:")
   below a body-like run ends the search; the run then grows over adjacent lists;
2. a **line filter** inside the region for the furniture that sits in the middle of articles
   (``Also on rt.com ...`` teasers, share prompts and rows, photo captions and credits,
   bylines, datelines, the repeated headline).

Every cut piece is returned as :class:`Removed` with offsets into ``raw``. Title (the line
above the byline/date block, not a caption or share row), publication date (with the
evidence string; "Published" wins over "Updated") and the outlet's domain are read from text
cues.

Measured with ``python bench/ingest.py`` on scrapinghub-aeb ``html-text`` (181 whole-page
texts, 4-gram shingle metric): F1 0.914 (P 0.876, R 0.956) vs 0.665 uncleaned; ~490-510
articles/s on one core (features are memoised per distinct line within a call; the
case-insensitive patterns run on the lower-cased line). The thresholds below were tuned on
that benchmark.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from ..dates import MONTHS, RANK_PLAIN, YEAR_RE, FoundDate, find_dates, pick_found
from ._types import Cleaned, Removed

__all__ = ["clean_lines", "clean_text"]

# ---------------------------------------------------------------------------------------------
# Thresholds. Tuned on scrapinghub-aeb html-text (181 pages); rerun bench/ingest.py if changed.
# ---------------------------------------------------------------------------------------------
SENTENCE_BASE = 7.0  # a sentence-like line scores (tokens - SENTENCE_BASE); tuned on aeb
SHORT_PENALTY = 3.0  # score of a short line that is not sentence-like; tuned on aeb
HEADLINE_PENALTY = 8.0  # score of a title-case / teaser-like line; tuned on aeb
BOILERPLATE_PENALTY = 8.0  # score of a line matching a known boilerplate pattern; tuned on aeb
PATTERN_MAX_TOKENS = 30  # boilerplate patterns only judge lines up to this many tokens
ICON_RUN_MIN = 5  # this many "icon" labels in a line make it an icon-font run
NAV_MAX_CHARS = 200  # a "|"-separated menu line is at most this long
KEYWORD_MAX_TOKENS = 12  # keyword cues (newsletter, privacy policy) only judge lines this short
LONG_PATTERN_CHARS = 150  # cookie/copyright cues in longer lines must occur this early
LIST_ITEM_MIN_TOKENS = 4  # a lower-case line this long is neutral (list item), not menu
EXTEND_BONUS = 1.0  # a neutral/positive line next to a region counts this much more; tuned on aeb
EXTEND_MAX_DEFICIT = 20.0  # stop extending a region once its running sum falls this low
COMMENTS_MIN_BODY = 40.0  # a comment-section marker cuts only after this much body; aeb
PARALLEL_MIN_RUN = 4  # this many lines opening with a number/month make a list; aeb
SHARE_ROW_MAX_TOKENS = 16  # a share-button row is at most this long
SHARE_ROW_RATIO = 0.8  # ... and this share of its words name a network or action
SECOND_REGION_RATIO = 0.7  # keep another body-like run scoring this share of the best one
MAX_REGIONS = 3  # at most this many runs are kept
SENTENCE_ANY_CASE_TOKENS = 15  # a line ending like a sentence this long is one, any case
TITLE_CASE_RATIO = 0.75  # share of capitalised words that makes a line title case
TITLE_MIN_TOKENS = 3  # a headline has at least this many tokens
TITLE_MAX_TOKENS = 30  # ... and at most this many
TITLE_MIN_SCORE = 1.5  # evidence needed for a headline (repeated +3, capitalised +1, ...)
TITLE_META_WINDOW = 4  # a byline/date within this many lines below marks the headline
TITLE_META_BONUS = 2.0  # ... and adds this to its score (samples/, seeds)
TITLE_SEARCH_LINES = 60  # look for the headline among this many lines above the body
DATELINE_MAX_TOKENS = 25  # a dateline is at most this long
DATELINE_MAX_EXTRA_TOKENS = 8  # a dateline has at most this many tokens besides the date
CAPTION_MAX_TOKENS = 60  # a caption next to a photo credit is at most this long
CAPTION_AFTER_CREDIT_TOKENS = 20  # an unpunctuated line below a credit, this short, is a caption
CJK_CHARS_PER_TOKEN = 2.0  # scripts without spaces: count this many characters as a token

# ---------------------------------------------------------------------------------------------
# Patterns (immutable, compiled once). Generic page furniture, no per-site rules.
# ---------------------------------------------------------------------------------------------
_I = re.IGNORECASE
_TOKEN_RE = re.compile(r"\w+")
_LINE_RE = re.compile(r"\S(?:[^\n]*\S)?")  # a line without its surrounding white space
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_END_PUNCT = frozenset('.!?…。！？:;"”’»)■')  # ■ closes agency stories
_ICON_RE = re.compile(r"icon", _I)
_GLUED_RE = re.compile(r"[a-zа-я][A-ZА-Я]")
_DOMAIN_RE = re.compile(
    r"(?<![\w@.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
    r"(?:com|org|net|ru|uk|de|fr|in|info|news|tv|io|co|us|ca|au|it|es|jp|cn|br|eu|ch|nl|se|no"
    r"|pl|ie|nz|za|il|ua|mx|ar|kr|tr|gr|pt|be|at|dk|fi|cz|hu|ro|sg|hk|my|ph|id|pk|ng|ke|ir|sa"
    r"|ae|qa|eg|me|am|ge|kz|by|su|bg|rs|hr|si|sk|lt|lv|ee))\b",
    _I,
)
_LIST_ITEM_RE = re.compile(r"(?:\d{1,2}[.)]|[•*·▪►–-])\s+\S")
_TRUNCATED_RE = re.compile(r"[\w,;]\s?(?:\.\.\.|…)$|\[(?:\.\.\.|…)\]$")
_DOTTED_RE = re.compile(r"\w\.[A-Za-z]{2}")  # prefilter for _DOMAIN_RE / _URL_RE
_URL_RE = re.compile(r"https?://([^/\s:?#]+)", _I)
# (?<!\s): a separator is looked for from the start of a white-space run only, once per
# run; from every space of a 25,000-space run it took quadratic time (25 s)
_TITLE_SPLIT_RE = re.compile(r"(?<!\s)\s+(?:[-|–—:»·]|::)\s+")

_AGENCY = (
    r"getty\s*images|afp|reuters|ap\s*photo|associated\s*press|epa(?:-efe)?|shutterstock|sputnik"
    r"|tass|xinhua|bloomberg|istock(?:photo)?|alamy|nurphoto|sopa\s*images|anadolu|pa\s*images"
    r"|pa\s*wire|rex|ria\s*novosti|kommersant|imago|dpa|ansa|efe|zuma|wireimage|filmmagic"
    r"|corbis|pool|handout|file\s*photo|stock\s*photo"
)
_CREDIT_RE = re.compile(  # searched in the lower-cased line
    rf"(?:^|[\s|/(©,])(?:{_AGENCY})(?:$|[\s|/),.;])|^\s*(?:©|\(c\)\s)|"
    r"\b(?:photo|image|picture|video|illustration)s?\s*(?:credit|courtesy|by|source)?\s*:|"
    r"\bcredit\s*:|\bcourtesy\s+of\b",
)
# "Kestrel News / Giorgi Abashidze": outlet / photographer on a line of its own
_SLASH_CREDIT_RE = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
)
_CAPTION_START_RE = re.compile(  # searched in the lower-cased line
    r"^(?:image caption|media caption|image copyright|photo caption|caption:|file photo\b|"
    r"photo:|pictured:|above:|top:|main image|\(?(?:photo|image) ?credit|\d{1,2} of \d{1,2}\s|"
    r"in this (?:\S+\s+){0,6}(?:file |handout )?(?:photo|image|picture)\b)",
)
# Where a comment section starts: "34 Comments", "34 responses to ...", "Leave a Reply".
_COMMENTS_START_RE = re.compile(  # searched in the lower-cased line
    r"^\W*\d+\s+(?:comments?|responses?|replies)\b|\b\d+\s+comments?\W*$|"
    r"^(?:top rated|top|reader|latest) comments\W*$|^leave a (?:reply|comment)|"
    r"^(?:join|start) the (?:discussion|conversation)|^have your say|^what do you think\?$",
)
_CAPTION_TAIL_RE = re.compile(  # searched in the lower-cased line
    rf"(?:\((?:photo|image)\s*credit[^)]*\)|©\s*[^.]{{2,60}}$|\((?:{_AGENCY})[^)]{{0,40}}\)\s*$"
    # "(Silk Meridian/Zhang Hao)", "[Gulf Lantern / Ahmed Saleh]": outlet / photographer
    r"|[(\[][^()\[\]/]{2,40}/[^()\[\]/]{2,40}[)\]]\s*$)",
)

# (reason, pattern) for short lines; first match wins. Patterns only see lines of at most
# PATTERN_MAX_TOKENS tokens, except those in _LONG_PATTERNS.
# Start-anchored patterns (tried with ``match``) for lines of at most PATTERN_MAX_TOKENS tokens.
_SHORT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "teaser",
        re.compile(
            r"(?:also on \S+|also read|read (?:more|also|next|the full|this)|see also|"
            r"more (?:from|on|about|stories|news|in|like this)\b|related(?: articles?| stories|"
            r" content| coverage| news| posts?| reading| topics| tags| video)?\b|"
            r"recommended(?: for you| stories| articles| videos?)?\b|you (?:may|might) also|"
            r"trending(?: now| stories)?\b|most (?:popular|read|viewed|shared)\b|"
            r"editor'?s? picks?|up next|next (?:article|story|post)|previous (?:article|story|post)"
            r"|latest (?:news|stories|videos)|top stories|don'?t miss|popular (?:now|stories)|"
            r"what to read next|watch(?: now)?:|listen:|click here|continue reading|"
            r"(?:\S+\s+){0,2}(?:news|stories|articles) you may have missed)",
            _I,
        ),
    ),
    (
        "share",
        re.compile(
            r"(?:(?:share|tweet|email|e-mail|print|pin it|whatsapp|facebook|twitter|linkedin|reddit"
            r"|telegram|messenger|pinterest|flipboard|copy link|comments?)\b(?=[\W\d]*$|\s+(?:on|via"
            r"|this|it|article|story|share|tweet|email|print|facebook|twitter|whatsapp|linkedin"
            r"|reddit|telegram|pinterest)\b)|get short url|leave a (?:comment|reply)|"
            r"post (?:a )?comment|\d+\s+comments?|view comments|show comments|add a comment|"
            r"(?:if you )?(?:like|liked|enjoyed) (?:this|the) (?:story|article)|"
            r"share (?:this|it|the)\b|follow us|join us on|like us on|save (?:article|story)|"
            r"reprints?\b|permissions\b|text size|font size|listen to this|reply$|report$|"
            r"\d+\s+shares?\b)",
            _I,
        ),
    ),
    (
        "subscribe",
        re.compile(
            r"(?:subscribe|sign up|sign in|log in|login|register|newsletters?\b|unsubscribe|"
            r"create (?:an|your) account|already a subscriber|get (?:the|our) (?:latest|daily|free)"
            r"|enter your email|your email)\b",
            _I,
        ),
    ),
    (
        "promo",
        re.compile(
            r"(?:podcasts?|all podcasts|download (?:the|our)|get (?:the|our) app|"
            r"advert|advertisement|advertising|sponsored(?: content| by)?|promoted(?: content)?|"
            r"ad|ads|paid (?:content|post)|partner content|skip (?:ad|advert)|"
            r"play now|watch live|live tv|listen now)\b",
            _I,
        ),
    ),
    (
        "byline",
        re.compile(
            r"(?:[Bb]y|[Ww]ritten by|[Ww]ords by|[Rr]eporting by|[Aa]uthor:|[Pp]osted by|[Ss]tory by"
            r"|from)\s+"
            r"[A-ZА-Я][\w'’.-]+(?:\s+[A-ZА-Я][\w'’.-]+){0,3}(?:\s*(?:,|and|&|\|).*)?$|"
            r"@\w+$|(?:staff|senior|chief)\s+(?:writer|reporter|correspondent)\b",
        ),
    ),
)
# Keyword patterns searched anywhere, only in lines of at most KEYWORD_MAX_TOKENS tokens.
_KEYWORD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "subscribe",
        re.compile(
            r"\b(?:subscribe|sign up|newsletters?|subscribers?|delivered to your inbox|your inbox"
            r"|opt-in|email address)\b",
            _I,
        ),
    ),
    ("promo", re.compile(r"\b(?:app store|google play|app)$", _I)),
    (
        "legal",
        re.compile(
            r"\b(?:privacy (?:policy|notice|statement|settings)|terms (?:of|and) (?:use|service|"
            r"conditions)|terms & conditions|cookie (?:policy|settings|preferences)|"
            r"all rights reserved|user agreement|do not sell my|contact us|about us|advertise"
            r" with us|sitemap|site map|accessibility|disclaimer|careers)\b",
            _I,
        ),
    ),
    (
        "comment",
        re.compile(
            r"\b(?:said|says|wrote|commented|replied):$|\bat \d{1,2}:\d\d ?[ap]m said\b", _I
        ),
    ),
)
_LONG_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "cookie",
        re.compile(
            r"\bcookies?\b.{0,200}\b(?:use|uses|using|accept|consent|policy|browsing|experience|"
            r"agree|settings|continu)|\b(?:accept|allow|manage) (?:all )?cookies\b",
            _I,
        ),
    ),
    (
        "copyright",
        re.compile(
            r"^\s*(?:©|\(c\)|copyright\b|&copy;)|\ball rights reserved\b|©\s*(?:\d{4}|[A-Z])"
            r".{0,120}$|\bmay not be (?:published|reproduced|copied|redistributed)\b",
            _I,
        ),
    ),
)


def _combine(patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> re.Pattern[str]:
    """One alternation of ``patterns`` (each keeps its own flags) for a single search."""
    alts = []
    for i, (_, p) in enumerate(patterns):
        flag = "i" if p.flags & re.IGNORECASE else "-i"
        alts.append(f"(?P<p{i}>(?{flag}:{p.pattern}))")
    return re.compile("|".join(alts))


# the case-insensitive short patterns run case-sensitively on the lower-cased line (faster);
# the case-sensitive ones (bylines need capitals) on the line itself
_SHORT_ANY_LOW = re.compile(
    "|".join(
        f"(?P<p{i}>{p.pattern})"
        for i, (_, p) in enumerate(_SHORT_PATTERNS)
        if p.flags & re.IGNORECASE
    )
)
_SHORT_ANY_CASED = re.compile(
    "|".join(
        f"(?P<p{i}>{p.pattern})"
        for i, (_, p) in enumerate(_SHORT_PATTERNS)
        if not p.flags & re.IGNORECASE
    )
)
# all keyword patterns ignore case: searched case-sensitively in the lower-cased line (faster)
_KEYWORD_ANY = re.compile(
    "|".join(f"(?P<p{i}>{p.pattern})" for i, (_, p) in enumerate(_KEYWORD_PATTERNS))
)
# cue for the cookie/copyright patterns, searched in the lower-cased line
_LONG_CUE_RE = re.compile(r"cookie|©|copyright|\(c\)|rights reserved|may not be|&copy")
_LONG_ANY = _combine(_LONG_PATTERNS)


_SOCIAL_WORDS = frozenset(
    {
        "share", "facebook", "twitter", "x", "weibo", "wechat", "whatsapp", "telegram",
        "linkedin", "email", "mail", "print", "reddit", "pinterest", "vk", "ok", "qq", "line",
        "tumblr", "messenger", "flipboard", "copy", "link", "ic",
    }
)  # fmt: skip
_CREDIT_OVERRIDES = frozenset({"navigation", "copyright"})  # a photo credit looks like these
_LANGUAGE_NAMES = frozenset(
    [
        "english",
        "español",
        "espanol",
        "français",
        "francais",
        "deutsch",
        "italiano",
        "português",
        "portugues",
        "русский",
        "العربية",
        "中文",
        "日本語",
        "한국어",
        "türkçe",
        "polski",
        "nederlands",
        "svenska",
        "українська",
        "हिंदी",
        "हिन्दी",
    ]
)


class _Line(NamedTuple):
    """One non-blank input line with its features."""

    start: int  # offset of the first non-space character in raw
    end: int  # offset after the last non-space character
    blank_before: bool  # a blank line separates it from the previous line
    text: str
    tokens: int
    weight: float  # tokens, or characters / CJK_CHARS_PER_TOKEN for unspaced scripts
    sentence: bool  # ends like a sentence and is mostly lower case
    headline: bool  # title case, teaser-like
    reason: str | None  # known boilerplate pattern
    numeric: bool  # a table row: mostly numbers
    truncated: bool  # ends mid-sentence with "..." (teaser blurb)
    lower: bool  # most words start lower case (list items, table cells with prose)
    listed: bool  # starts with a list marker ("1.", "2)", "•", "-")
    year: bool  # a short line (dateline size) that mentions a year 1900-2099


def _script(ch: str) -> str:
    """Coarse script of a letter: latin, cyrillic, arabic, other."""
    o = ord(ch)
    if o < 0x250:
        return "latin"
    if 0x400 <= o < 0x530:
        return "cyrillic"
    if 0x600 <= o < 0x700:
        return "arabic"
    return "other"


def _mixed_scripts(text: str) -> bool:
    """True when one token mixes scripts (``العربيةespрусdefr``): a glued language menu."""
    if text.isascii():
        return False
    for tok in _TOKEN_RE.findall(text):
        scripts = {_script(c) for c in tok if c.isalpha()}
        if len(scripts) >= 2 and "other" not in scripts and len(tok) >= 6:
            return True
    return False


def _case_shape(words: list[str]) -> tuple[bool, bool]:
    """(title case, mostly lower case) of a line, from the first letters of its tokens.

    Title case: at least TITLE_CASE_RATIO of the words longer than three letters (or of all
    words when none is that long) start with a capital, and there are TITLE_MIN_TOKENS
    words. Lower: at least half of the words start lower case.
    """
    initials = [w for w in words if w[0].isalpha()]
    n = len(initials)
    if not n:
        return False, False
    firsts = "".join([w[0] for w in initials])
    lower = sum(map(str.islower, firsts)) * 2 >= n
    if n < TITLE_MIN_TOKENS:
        return False, lower
    long_firsts = "".join([w[0] for w in initials if len(w) > 3]) or firsts
    caps = sum(map(str.isupper, long_firsts))
    return caps >= TITLE_CASE_RATIO * len(long_firsts), lower


def _is_share_row(words: list[str]) -> bool:
    """A row of share buttons (``Weibo WeChat Facebook X Print``): social names only."""
    if words[0].lower() not in _SOCIAL_WORDS:
        return False  # rows start with a network's name (cheap test first)
    hits = sum(1 for w in words if w.lower() in _SOCIAL_WORDS)
    return hits >= 2 and hits >= SHARE_ROW_RATIO * len(words)


#: A link to another story labelled with its kind in capitals at the end ("Hong Kong
#: 'threatened with Chinese military intervention' [REACTION]", "... [VIDEO]", "... [INSIGHT]|"):
#: a sentence of the article never ends on such a label.
_LABELLED_LINK_RE = re.compile(r"\[[A-Z][A-Z &'-]{2,24}\]\s*\|?\s*$")


def _pattern_reason(text: str, words: list[str]) -> str | None:
    """Name of the first boilerplate pattern that matches ``text`` (tokens ``words``), if any."""
    tokens = len(words)
    low = text.lower()
    if _LONG_CUE_RE.search(low):
        head = text if tokens <= PATTERN_MAX_TOKENS * 2 else text[:LONG_PATTERN_CHARS]
        m = _LONG_ANY.search(head)
        if m is not None and m.lastgroup is not None:
            return _LONG_PATTERNS[int(m.lastgroup[1:])][0]
    if _has_icon_run(text):
        return "icons"
    if tokens > PATTERN_MAX_TOKENS:
        return None
    if _LABELLED_LINK_RE.search(text):
        return "teaser"
    m = _SHORT_ANY_LOW.match(low) or _SHORT_ANY_CASED.match(text)
    if m is not None and m.lastgroup is not None:
        return _SHORT_PATTERNS[int(m.lastgroup[1:])][0]
    if tokens <= KEYWORD_MAX_TOKENS:
        m = _KEYWORD_ANY.search(low)
        if m is not None and m.lastgroup is not None:
            return _KEYWORD_PATTERNS[int(m.lastgroup[1:])][0]
    if 2 <= tokens <= SHARE_ROW_MAX_TOKENS and _is_share_row(words):
        return "share"
    if tokens <= 4 and _mixed_scripts(text):
        return "language"
    words = text.split()
    if len(words) <= 3 and all(w.lower().strip(",|/·") in _LANGUAGE_NAMES for w in words):
        return "language"
    if (
        not text.startswith("|")
        and len(text) <= NAV_MAX_CHARS
        and (text.count("|") >= 2 or (text.count("»") + text.count("›") >= 1 and tokens <= 8))
    ):
        return "navigation"
    if tokens <= 3 and _GLUED_RE.search(text) and not text.endswith((".", "!", "?")):
        return "navigation"
    return None


def _features(raw: str) -> list[_Line]:
    """Split ``raw`` into non-blank lines with offsets and features."""
    lines: list[_Line] = []
    shapes: list[str] = []
    memo: dict[str, tuple[tuple[object, ...], str]] = {}  # menus repeat: text -> features
    prev_end = 0
    for m in _LINE_RE.finditer(raw):
        stripped = m.group()
        start, end = m.span()
        blank_before = raw.count("\n", prev_end, start) >= 2 or not lines
        prev_end = end
        found = memo.get(stripped)
        if found is None:
            found = memo[stripped] = _text_features(stripped)
        lines.append(_Line(start, end, blank_before, *found[0]))  # type: ignore[arg-type]  # feature tuple is built to _Line's field order
        shapes.append(found[1])
    return _mark_parallel(lines, shapes)


def _text_features(text: str) -> tuple[tuple[object, ...], str]:
    """The ``_Line`` fields from ``text`` on, and the line's lead shape (``_lead_shape``)."""
    words = _TOKEN_RE.findall(text)
    tokens = len(words)
    cjk = 0 if text.isascii() else len(_CJK_RE.findall(text))
    weight = max(float(tokens), cjk / CJK_CHARS_PER_TOKEN)
    last = text[-1]
    ends = last in _END_PUNCT or cjk > 10
    if ends and tokens >= SENTENCE_ANY_CASE_TOKENS:
        title_case, lower, sentence = False, False, True  # case cannot matter here
    elif tokens < TITLE_MIN_TOKENS:
        title_case, lower, sentence = False, False, ends  # too short for either shape
    else:
        title_case, lower = _case_shape(words)
        sentence = ends and not (title_case and tokens < SENTENCE_ANY_CASE_TOKENS)
    feats = (
        text,
        tokens,
        weight,
        sentence,
        title_case and not sentence and tokens >= TITLE_MIN_TOKENS,  # headline
        _pattern_reason(text, words),
        tokens >= 3 and sum(map(str.isdigit, words)) * 2 >= tokens,  # numeric
        last in ".…]" and _TRUNCATED_RE.search(text[-6:]) is not None,  # truncated
        lower,
        _LIST_ITEM_RE.match(text) is not None,  # listed
        tokens <= DATELINE_MAX_TOKENS * 2 and YEAR_RE.search(text) is not None,  # year
    )
    return feats, "" if sentence or not words else _lead_shape(words[0])


def _lead_shape(word: str) -> str:
    """Shape of a line's first word: ``#`` for a number, ``M`` for a month, else ``""``."""
    if word[0].isdigit():
        return "#"
    return "M" if word.lower() in MONTHS else ""


def _mark_parallel(lines: list[_Line], shapes: list[str]) -> list[_Line]:
    """Mark runs of PARALLEL_MIN_RUN+ lines that open alike (dates, numbers) as list items.

    ``shapes`` holds each line's :func:`_lead_shape` (``""`` for sentences).
    """
    out = list(lines)
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and shapes[i] and shapes[j + 1] == shapes[i]:
            j += 1
        if j - i + 1 >= PARALLEL_MIN_RUN:
            for k in range(i, j + 1):
                out[k] = out[k]._replace(listed=True)
        i = j + 1
    return out


def _line_score(line: _Line) -> float:
    """Score of a line for the main-region search (positive = body-like)."""
    if line.reason is not None:
        return -BOILERPLATE_PENALTY
    if line.truncated:
        return -HEADLINE_PENALTY
    if line.sentence:
        return line.weight - SENTENCE_BASE
    if line.numeric or line.listed or (line.lower and line.tokens >= LIST_ITEM_MIN_TOKENS):
        return 0.0
    if line.headline:
        return -HEADLINE_PENALTY
    return -SHORT_PENALTY


def _regions(scores: list[float]) -> list[tuple[int, int]]:
    """The best run, plus further runs scoring at least SECOND_REGION_RATIO of it."""
    found: list[tuple[int, int]] = []
    work = list(scores)
    best_score = 0.0
    for _ in range(MAX_REGIONS):
        span = _main_region(work)
        if span is None:
            break
        total = sum(work[span[0] : span[1]])
        if not found:
            best_score = total
        elif total < SECOND_REGION_RATIO * best_score:
            break
        found.append(span)
        for i in range(span[0], span[1]):
            work[i] = -1e9
    return found


def _comments_start(lines: list[_Line], scores: list[float]) -> int:
    """Index of the line that opens a comment section below the article (else ``len``).

    A marker counts only once a body-like run of at least ``COMMENTS_MIN_BODY`` precedes it,
    so a comment count in the article header does not cut the article.
    """
    run = best = 0.0
    for i, ln in enumerate(lines):
        if (
            best >= COMMENTS_MIN_BODY
            and ln.tokens <= KEYWORD_MAX_TOKENS
            and (ln.reason == "comment" or _COMMENTS_START_RE.search(ln.text.lower()))
        ):
            return i
        run += scores[i]
        if run < 0.0:
            run = 0.0
        elif run > best:
            best = run
    return len(lines)


def _extend(lines: list[_Line], scores: list[float], ra: int, rb: int) -> tuple[int, int]:
    """Grow ``[ra, rb)`` over adjacent lists and short lines that lead to more body text.

    A neutral or body-like line counts ``EXTEND_BONUS`` more than its score; the region
    grows to the best running sum on each side and never crosses a boilerplate line.
    """
    for step in (1, -1):
        run = best = 0.0
        edge = rb if step == 1 else ra
        j = rb if step == 1 else ra - 1
        while 0 <= j < len(lines) and lines[j].reason is None:
            s = scores[j]
            run += s + EXTEND_BONUS if s >= 0 else s
            if run > best:
                best = run
                edge = j + 1 if step == 1 else j
            if run < -EXTEND_MAX_DEFICIT:
                break
            j += step
        if step == 1:
            rb = edge
        else:
            ra = edge
    return ra, rb


def _main_region(scores: list[float]) -> tuple[int, int] | None:
    """Maximum-sum run ``[a, b)`` of ``scores`` (Kadane); ``None`` if no run is positive."""
    best = 0.0
    best_span: tuple[int, int] | None = None
    cur = 0.0
    cur_start = 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur = 0.0
            cur_start = i
        cur += s
        if cur > best:
            best = cur
            best_span = (cur_start, i + 1)
    return best_span


def _norm(text: str) -> str:
    """Comparison key for repeated lines: lower-case tokens."""
    return " ".join(_TOKEN_RE.findall(text.lower()))


def _line_dates(lines: list[_Line], i: int, cache: dict[int, list[FoundDate]]) -> list[FoundDate]:
    """Dates in line ``i`` (only lines flagged ``year`` are searched), memoised in ``cache``."""
    if not lines[i].year:
        return []
    found = cache.get(i)
    if found is None:
        found = cache[i] = find_dates(lines[i].text)
    return found


#: A headline above a standfirst has at least this many tokens (a breadcrumb such as
#: "Home / News / Energy" or a section label is not one).
STANDFIRST_HEADLINE_TOKENS = 5
_NAV_SEPARATORS = re.compile(r"\s[/|›»>]\s")


def _find_title(
    lines: list[_Line], body_start: int, date_cache: dict[int, list[FoundDate]]
) -> tuple[str | None, int | None]:
    """The headline — a short line near the top, preferably repeated or in the page title —
    and the standfirst under it, if any (the line of the two that is longer and lower:
    "Kremlin says it will respond" over "Moscow warns of 'consequences' as …")."""
    limit = min(len(lines), max(body_start, 1) + 2)
    lo = max(0, limit - TITLE_SEARCH_LINES)
    keys = [
        _norm(ln.text) if i >= lo and TITLE_MIN_TOKENS <= ln.tokens <= TITLE_MAX_TOKENS else ""
        for i, ln in enumerate(lines[:limit])
    ]
    counts = Counter(k for k in keys if k)
    first = lines[0].text if lines else ""
    first_head = _norm(_TITLE_SPLIT_RE.split(first)[0]) if first else ""
    best: tuple[float, int] | None = None
    candidates: set[int] = set()
    meta: dict[int, bool] = {}  # line index -> is a byline or dateline
    for i in range(lo, limit):
        ln = lines[i]
        if not TITLE_MIN_TOKENS <= ln.tokens <= TITLE_MAX_TOKENS or ln.reason is not None:
            continue
        if (ln.text.endswith(".") and not ln.text.endswith("...")) or _is_dateline(
            ln, _line_dates(lines, i, date_cache)
        ):
            continue
        if i >= body_start and body_start > 0:
            continue
        candidates.add(i)
        score = 0.0
        # the headline sits right above the byline / date block; captions sit below it
        for j in range(i + 1, min(i + 1 + TITLE_META_WINDOW, len(lines))):
            if j not in meta:
                meta[j] = lines[j].reason == "byline" or _is_dateline(
                    lines[j], _line_dates(lines, j, date_cache)
                )
            if meta[j]:
                score += TITLE_META_BONUS
                break
        if counts[keys[i]] >= 2:
            score += 3.0
        if i > 0 and keys[i] == first_head:
            score += 3.0
        if ln.headline or ln.text[:1].isupper():
            score += 1.0
        if ln.tokens >= 5:
            score += 1.0
        # nearer to the body is better (headline sits right above the article)
        score -= 0.02 * (body_start - i if body_start > i else 0)
        if (best is None or score > best[0]) and not (
            _is_credit(ln) or _is_caption(lines, i, True)
        ):
            best = (score, i)
    if best is None or best[0] < TITLE_MIN_SCORE:
        # fall back to the page-title line itself ("Headline - Site")
        if (
            lines
            and _TITLE_SPLIT_RE.search(first)
            and TITLE_MIN_TOKENS + 1 <= lines[0].tokens <= TITLE_MAX_TOKENS
            and not first.endswith(".")
        ):
            return _TITLE_SPLIT_RE.split(first)[0].strip() or None, None
        return None, None
    j = best[1]
    i = j - 1
    if (
        i >= lo
        and i in candidates
        and STANDFIRST_HEADLINE_TOKENS <= lines[i].tokens < lines[j].tokens
        and not _NAV_SEPARATORS.search(lines[i].text)
        and not lines[j].headline
        and counts[keys[j]] < 2
    ):
        return lines[i].text, j  # the headline above, this line its standfirst
    return lines[j].text, None


def _registrable(host: str) -> str:
    """Crude registrable domain: drop ``www.`` and subdomains (keeps ``bbc.co.uk``)."""
    parts = host.lower().strip(".").split(".")
    if (
        len(parts) >= 3
        and len(parts[-1]) == 2
        and parts[-2] in {"co", "com", "org", "net", "gov", "ac"}
    ):
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def _find_outlet(lines: Iterable[_Line], boiler: set[int]) -> str | None:
    """Outlet domain from cues: ``Also on x.com``, ``© ... x.com``, URLs in page furniture."""
    votes: Counter[str] = Counter()
    for i, ln in enumerate(lines):
        furniture = i in boiler or i == 0
        if (
            not furniture
            and "©" not in ln.text
            and "opyright" not in ln.text
            and ln.text[:8].lower() != "also on "
        ):
            continue  # body text: only a copyright or "Also on" line names the outlet
        if _DOTTED_RE.search(ln.text) is None:
            continue  # no host name here
        low = ln.text.lower()
        strong = low.startswith("also on ") or "©" in ln.text or "copyright" in low
        if strong:
            for d in _DOMAIN_RE.findall(ln.text):
                votes[_registrable(d)] += 5
        if furniture:
            for h in _URL_RE.findall(ln.text):
                votes[_registrable(h)] += 1
            if not strong:
                for d in _DOMAIN_RE.findall(ln.text):
                    votes[_registrable(d)] += 1
    if not votes:
        return None
    domain, n = votes.most_common(1)[0]
    return domain if n >= 2 else None


def _merge(pieces: list[tuple[int, int, str]], raw: str) -> tuple[Removed, ...]:
    """Merge adjacent removed pieces of the same reason separated only by whitespace."""
    out: list[Removed] = []
    pieces.sort()
    cur: list[int | str] | None = None
    for start, end, reason in pieces:
        if cur is not None and cur[2] == reason and not raw[int(cur[1]) : start].strip():
            cur[1] = end
            continue
        if cur is not None:
            s, e = int(cur[0]), int(cur[1])
            out.append(Removed(s, e, str(cur[2]), raw[s:e]))
        cur = [start, end, reason]
    if cur is not None:
        s, e = int(cur[0]), int(cur[1])
        out.append(Removed(s, e, str(cur[2]), raw[s:e]))
    return tuple(out)


def _has_icon_run(text: str) -> bool:
    """Icon-font labels glued into text (``bookmarkicon cameraicon checkicon``)."""
    if "icon" not in text:
        return False
    n = len(_ICON_RE.findall(text))
    return n >= ICON_RUN_MIN or (n >= 3 and len(text) < 200)


def _split_icons(raw: str, line: _Line) -> list[tuple[int, int, str]] | None:
    """Split a line that carries an icon-font label run: leading piece + the icon labels."""
    if not _has_icon_run(line.text):
        return None
    m = _ICON_RE.search(line.text)
    if m is None:
        return None
    cut = line.start + m.start()
    pieces: list[tuple[int, int, str]] = []
    head = raw[line.start : cut].rstrip()
    if head:
        pieces.append(
            (line.start, line.start + len(head), "dateline" if find_dates(head) else "navigation")
        )
    pieces.append((cut, line.end, "icons"))
    return pieces


def _is_dateline(line: _Line, found: list[FoundDate] | None = None) -> bool:
    """A short line that is mostly a date (``24 Jul, 2020 17:19``, ``Updated: ...``).

    ``found`` are the line's dates when the caller already has them.
    """
    if not line.year or line.tokens > DATELINE_MAX_TOKENS or "(@" in line.text:
        return False  # "— Name (@handle) November 18, 2019" closes an embedded tweet
    if found is None:
        found = find_dates(line.text)
    if not found:
        return False
    covered = sum(len(_TOKEN_RE.findall(d.evidence)) for d in found)
    return line.tokens - covered <= DATELINE_MAX_EXTRA_TOKENS


def clean_lines(raw: str, *, select_region: bool = True, title: str | None = None) -> Cleaned:
    """Clean ``raw`` text; with ``select_region=False`` only the line filter runs.

    The line filter alone is what :func:`extract_html` applies to an extractor's output
    (the extractor already chose the region); it then takes the ``title`` from the caller
    (page metadata) and only cuts lines that repeat it.
    """
    lines = _features(raw)
    if not lines:
        return Cleaned(text="", extractor="text", notes=("empty input",))
    scores = [_line_score(ln) for ln in lines]
    notes: list[str] = []
    inside = [not select_region] * len(lines)
    a = 0
    if select_region:
        regions = _regions(scores[: _comments_start(lines, scores)])
        if not regions:
            notes.append("no body-like paragraph found; kept all non-boilerplate lines")
            inside = [True] * len(lines)
        for ra, rb in regions:
            ra, rb = _extend(lines, scores, ra, rb)
            # a heading or list label right above the body ("Key Points") belongs to it
            while ra > 0 and lines[ra - 1].reason is None and not lines[ra].blank_before:
                if lines[ra - 1].tokens > TITLE_MAX_TOKENS or lines[ra - 1].headline:
                    break
                ra -= 1
            for i in range(ra, rb):
                inside[i] = True
        a = min((r[0] for r in regions), default=0)

    date_cache: dict[int, list[FoundDate]] = {}
    standfirst = None
    if select_region:
        title, standfirst = _find_title(lines, a, date_cache)
        if standfirst is not None:
            inside[standfirst] = True  # a standfirst is read with the article, not cut
    title_key = _norm(title) if title else None
    title_tokens = len(title_key.split()) if title_key else 0
    removed: list[tuple[int, int, str]] = []
    boiler: set[int] = set()
    kept: list[_Line] = []
    dates: list[tuple[int, FoundDate]] = []
    for i, ln in enumerate(lines):
        icon_pieces = _split_icons(raw, ln) if "icon" in ln.text else None
        if icon_pieces is not None:
            removed.extend(icon_pieces)
            boiler.add(i)
            dates.extend((i, d) for d in find_dates(ln.text))
            continue
        if title_key and _repeats_title(ln, i, title_key, title_tokens, select_region):
            removed.append((ln.start, ln.end, "title"))
            continue
        line_dates = _line_dates(lines, i, date_cache) if ln.tokens <= DATELINE_MAX_TOKENS else []
        if line_dates and _is_dateline(ln, line_dates):
            removed.append((ln.start, ln.end, "dateline"))
            dates.extend((i, d) for d in line_dates)
            boiler.add(i)
            continue
        reason = ln.reason
        if (reason in _CREDIT_OVERRIDES and _is_credit(ln) and "reserved" not in ln.text) or (
            reason is None and inside[i] and _is_credit(ln)
        ):
            reason = "credit"
        if reason is None and inside[i] and _is_caption(lines, i, select_region):
            reason = "caption"
        if reason is None and not inside[i]:
            reason = (
                "teaser"
                if ln.headline or ln.truncated
                else ("navigation" if not ln.sentence else "furniture")
            )
        if reason is not None:
            removed.append((ln.start, ln.end, reason))
            boiler.add(i)
            if ln.year:  # (``year`` is only set on lines up to DATELINE_MAX_TOKENS * 2)
                line_dates = line_dates or _line_dates(lines, i, date_cache)
                # only labelled dates ("Published ...") outside datelines: captions and
                # teasers mention other days
                dates.extend((i, d) for d in line_dates if d.rank != RANK_PLAIN)
            continue
        kept.append(ln)

    published, evidence = pick_found([d for _, d in dates])
    text = "\n\n".join(ln.text for ln in kept)
    return Cleaned(
        text=text,
        removed=_merge(removed, raw),
        title=title,
        published=published,
        published_evidence=evidence,
        outlet_domain=_find_outlet(lines, boiler),
        extractor="text",
        notes=tuple(notes),
        kept_spans=tuple((ln.start, ln.end) for ln in kept),
    )


def _repeats_title(
    line: _Line, i: int, title_key: str, title_tokens: int, select_region: bool
) -> bool:
    """True for a line that repeats the headline (or is the "Headline - Site" page title)."""
    if i == 0 and select_region and line.tokens <= TITLE_MAX_TOKENS:
        return _norm(line.text).startswith(title_key)
    return (
        line.tokens <= title_tokens + 1
        and len(line.text) >= len(title_key)  # the key drops punctuation, never adds
        and _norm(line.text) == title_key
    )


def clean_text(raw: str) -> Cleaned:
    """Clean scraped plain text: keep the article body, record every cut piece.

    Returns a :class:`Cleaned` whose ``text`` joins the kept paragraphs with blank lines,
    whose ``removed`` pieces satisfy ``raw[r.start:r.end] == r.text``, and whose ``title``,
    ``published`` (+ evidence) and ``outlet_domain`` come from cues in the text.
    """
    return clean_lines(raw, select_region=True)


def _is_credit(line: _Line) -> bool:
    """A photo credit line (``Brendan Smialowsi | AFP | Getty Images``)."""
    if line.tokens > 14 or (line.sentence and line.tokens > 8):
        return False
    if "/" in line.text and _SLASH_CREDIT_RE.fullmatch(line.text):
        return True
    return _CREDIT_RE.search(line.text.lower()) is not None


def _is_caption(lines: list[_Line], i: int, near_credit: bool) -> bool:
    """A photo caption: starts like one, ends with a credit, or sits right above a credit."""
    line = lines[i]
    if line.tokens > CAPTION_MAX_TOKENS:
        return False
    low = line.text.lower()
    if _CAPTION_START_RE.search(low):
        return True
    if ("(" in low or "©" in low or "[" in low) and _CAPTION_TAIL_RE.search(low):
        return True
    if near_credit and i > 0 and not line.sentence and not line.blank_before:
        prev = lines[i - 1]  # a caption right below its credit ("Name / Name")
        if line.tokens <= CAPTION_AFTER_CREDIT_TOKENS and _is_credit(prev):
            return True
    if near_credit and i + 1 < len(lines):
        nxt = lines[i + 1]
        if (
            not nxt.blank_before
            and (nxt.reason is None or nxt.reason in _CREDIT_OVERRIDES)
            and _is_credit(nxt)
        ):
            return '"' not in line.text and "“" not in line.text
    return False
