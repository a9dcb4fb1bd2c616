"""The store's schema, version by version, frozen as SQL text; and the list of its tables.

A released schema version is never edited: stores made by it must open with every later
communique, and a new store must end up exactly like a migrated old one. A new record
field, table or index means a new numbered migration appended to MIGRATIONS — never an
edit of an old one. ``tests/store`` builds a store from these migrations and compares its
columns with the records', so a field added without a migration fails a test.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Actor, Article, Event, Failure, Mention, Quote, RemovedSpan, Stance


@dataclass(frozen=True)
class Migration:
    """One schema step: MIGRATIONS[i] brings a store from version i to i + 1."""

    name: str
    statements: tuple[str, ...]


# Version 1 (communique 0.1): articles, their analyses, runs, failures, stories, full text.
_V1 = Migration(
    "v1_articles_and_analyses",
    (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE runs (id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT,
            inputs TEXT NOT NULL, articles INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0,
            failures INTEGER DEFAULT 0, status TEXT NOT NULL DEFAULT 'running')""",
        'CREATE TABLE articles ("id", "text", "url", "outlet", "title", "published", '
        '"published_evidence", "authors", "language", "origin", "extractor", run_id INTEGER,'
        "\n            PRIMARY KEY (id))",
        "CREATE INDEX articles_outlet ON articles(outlet)",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_origin ON articles(origin)",
        """CREATE TABLE removed (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER, "end" INTEGER, reason TEXT, text TEXT)""",
        """CREATE TABLE failures (origin TEXT NOT NULL, reason TEXT NOT NULL, code TEXT,
            run_id INTEGER, at TEXT, PRIMARY KEY (origin))""",
        "CREATE TABLE stories (id INTEGER PRIMARY KEY, label TEXT, created TEXT)",
        """CREATE TABLE story_articles (story_id INTEGER REFERENCES stories(id) ON DELETE CASCADE,
            article_id TEXT REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (story_id, article_id))""",
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid')",
        """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END""",
        """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text); END""",
        "CREATE TABLE actors (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
        '"id", "name", "kind", "code", "country", "sector", "role", "learned", '
        "PRIMARY KEY (article_id, id))",
        "CREATE TABLE mentions (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
        '"id", "span_start", "span_end", "span_text", "label", "actor_id", "sentence", '
        "PRIMARY KEY (article_id, id))",
        "CREATE TABLE quotes (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
        '"id", "type", "content_start", "content_end", "content_text", "sentence_start", '
        '"sentence_end", "sentence_text", "speaker_start", "speaker_end", "speaker_text", '
        '"speaker_actor_id", "cue_start", "cue_end", "cue_text", "addressee_start", '
        '"addressee_end", "addressee_text", PRIMARY KEY (article_id, id))',
        "CREATE TABLE events (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
        '"id", "type", "evidence_start", "evidence_end", "evidence_text", "trigger_start", '
        '"trigger_end", "trigger_text", "source_actor_id", "target_actor_id", "source_start", '
        '"source_end", "source_text", "target_start", "target_end", "target_text", "mode", '
        '"cameo", "quad", "intensity", "negated", "hypothetical", "reported_by", "date", '
        '"date_evidence_start", "date_evidence_end", "date_evidence_text", "confidence", '
        "PRIMARY KEY (article_id, id))",
        "CREATE TABLE stance (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
        '"target_actor_id", "polarity", "score", "quote_id")',
        "CREATE INDEX events_source ON events(source_actor_id)",
        "CREATE INDEX events_target ON events(target_actor_id)",
        "CREATE INDEX quotes_speaker ON quotes(speaker_actor_id)",
        "CREATE INDEX actors_code ON actors(code)",
    ),
)

# Version 2: duplicate detection (MinHash signatures, LSH bands, links to first copies).
_V2 = Migration(
    "v2_duplicates",
    (
        """CREATE TABLE signatures (article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        exact TEXT NOT NULL, minhash BLOB NOT NULL)""",
        "CREATE INDEX signatures_exact ON signatures(exact)",
        "CREATE TABLE bands (band TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE)",
        "CREATE INDEX bands_band ON bands(band)",
        """CREATE TABLE duplicates (origin TEXT PRIMARY KEY, article_id TEXT NOT NULL,
        duplicate_of TEXT NOT NULL, similarity REAL NOT NULL,
        outlet TEXT, url TEXT, title TEXT, published TEXT, run_id INTEGER, at TEXT)""",
        "CREATE INDEX duplicates_of ON duplicates(duplicate_of)",
    ),
)

# Version 3: a failure names the pipeline stage that failed (Failure.stage).
_V3 = Migration("v3_failure_stage", ("ALTER TABLE failures ADD COLUMN stage TEXT",))

# Version 4 (communique/2): a quote is one statement whose content is a list of parts (JSON
# spans), with its cue's base form and its source's kind; an event says how precise its
# date is. Stored quotes become one-part statements; stored dates get the precision their
# length gives.
_V4 = Migration(
    "v4_statements_and_date_precision",
    (
        "ALTER TABLE quotes ADD COLUMN content TEXT",
        "UPDATE quotes SET content = json_array(json_object("
        "'start', content_start, 'end', content_end, 'text', content_text))",
        "ALTER TABLE quotes DROP COLUMN content_start",
        "ALTER TABLE quotes DROP COLUMN content_end",
        "ALTER TABLE quotes DROP COLUMN content_text",
        "ALTER TABLE quotes ADD COLUMN cue_type TEXT",
        "ALTER TABLE quotes ADD COLUMN source_kind TEXT",
        "ALTER TABLE events ADD COLUMN date_precision TEXT",
        "UPDATE events SET date_precision = CASE WHEN date IS NULL THEN NULL "
        "WHEN length(date) >= 10 THEN 'day' WHEN length(date) >= 7 THEN 'month' "
        "ELSE 'year' END",
    ),
)

# Version 5: how a quote is framed (Quote.frame: clause, object, infinitive, ...).
_V5 = Migration("v5_quote_frame", ("ALTER TABLE quotes ADD COLUMN frame TEXT",))

# Version 6: headlines are analysed too; a mention, quote or event found in the title says
# so (its spans point into articles.title).
_V6 = Migration(
    "v6_title_records",
    (
        "ALTER TABLE mentions ADD COLUMN in_title INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE quotes ADD COLUMN in_title INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE events ADD COLUMN in_title INTEGER NOT NULL DEFAULT 0",
    ),
)

# Version 7: an act stated several times in an article is one event; its further evidence
# sentences are a JSON list of spans (Event.also). Stored events have none.
_V7 = Migration("v7_event_repeats", ("ALTER TABLE events ADD COLUMN also TEXT",))

# Version 8: stance records say which mention they are about, which sentence is their
# evidence and whose stance they are (the quote's speaker, or the outlet); a target the
# registry does not know has no actor id. Stores made before held no stance rows.
_V8 = Migration(
    "v8_target_stance",
    (
        'ALTER TABLE stance ADD COLUMN "id" INTEGER',
        'ALTER TABLE stance ADD COLUMN "target_start" INTEGER',
        'ALTER TABLE stance ADD COLUMN "target_end" INTEGER',
        'ALTER TABLE stance ADD COLUMN "target_text" TEXT',
        'ALTER TABLE stance ADD COLUMN "mention_id" INTEGER',
        'ALTER TABLE stance ADD COLUMN "evidence_start" INTEGER',
        'ALTER TABLE stance ADD COLUMN "evidence_end" INTEGER',
        'ALTER TABLE stance ADD COLUMN "evidence_text" TEXT',
        "ALTER TABLE stance ADD COLUMN \"holder_kind\" TEXT NOT NULL DEFAULT 'outlet'",
        'ALTER TABLE stance ADD COLUMN "holder_actor_id" TEXT',
        'ALTER TABLE stance ADD COLUMN "holder_start" INTEGER',
        'ALTER TABLE stance ADD COLUMN "holder_end" INTEGER',
        'ALTER TABLE stance ADD COLUMN "holder_text" TEXT',
        'ALTER TABLE stance ADD COLUMN "in_title" INTEGER NOT NULL DEFAULT 0',
        "CREATE INDEX stance_article ON stance(article_id, id)",
        "CREATE INDEX stance_target ON stance(target_actor_id)",
        "CREATE INDEX stance_holder ON stance(holder_actor_id)",
    ),
)

# Version 9: re-coding. A run says what kind it was (analyze or recode) and what coded it
# (communique's version, a hash of its code and tables, the registry, the options); an
# article says which run's coding its records are; a coding replaced by a recode is kept,
# as JSON of its records (communique/3), until pruned.
_V9 = Migration(
    "v9_recoding",
    (
        "ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'analyze'",
        "ALTER TABLE runs ADD COLUMN coder TEXT",
        "ALTER TABLE articles ADD COLUMN coded_run INTEGER",
        "UPDATE articles SET coded_run = run_id",
        "CREATE INDEX articles_coded_run ON articles(coded_run)",
        """CREATE TABLE codings (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            run_id INTEGER, superseded_by INTEGER NOT NULL, records TEXT NOT NULL,
            PRIMARY KEY (article_id, superseded_by))""",
        "CREATE INDEX codings_run ON codings(run_id)",
    ),
)

# Version 10: stories (issue 13). Version 1's ``stories`` and ``story_articles`` were never
# written to (integer ids, no dates); they are replaced by tables keyed by stable text ids
# (``s`` + the id of the story's earliest article). ``story_features`` and ``story_keys``
# are the index that assigns a new article without a scan: its day, its actor keys and its
# text vector; ``story_events`` says which story event (one act, counted once) each event
# row is a report of; ``story_merged`` keeps the ids of stories merged into another;
# ``outlets`` the outlet rows (country, ownership) of the articles' outlets.
_V10 = Migration(
    "v10_stories",
    (
        "DROP TABLE story_articles",
        "DROP TABLE stories",
        """CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT, first TEXT, last TEXT,
            articles INTEGER NOT NULL DEFAULT 0, outlets INTEGER NOT NULL DEFAULT 0,
            events INTEGER NOT NULL DEFAULT 0, updated TEXT)""",
        "CREATE INDEX stories_first ON stories(first)",
        """CREATE TABLE story_articles (article_id TEXT PRIMARY KEY REFERENCES articles(id)
            ON DELETE CASCADE, story_id TEXT NOT NULL, day INTEGER NOT NULL, score REAL)""",
        "CREATE INDEX story_articles_story ON story_articles(story_id)",
        """CREATE TABLE story_features (article_id TEXT PRIMARY KEY REFERENCES articles(id)
            ON DELETE CASCADE, day INTEGER NOT NULL, keys TEXT NOT NULL, vector BLOB NOT NULL,
            events TEXT NOT NULL, event_vectors BLOB NOT NULL)""",
        """CREATE TABLE story_keys (key TEXT NOT NULL, day INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE)""",
        "CREATE INDEX story_keys_key_day ON story_keys(key, day)",
        """CREATE TABLE story_events (article_id TEXT NOT NULL REFERENCES articles(id)
            ON DELETE CASCADE, event_id INTEGER NOT NULL, story_id TEXT NOT NULL,
            act INTEGER NOT NULL, PRIMARY KEY (article_id, event_id))""",
        "CREATE INDEX story_events_story ON story_events(story_id, act)",
        "CREATE TABLE story_merged (id TEXT PRIMARY KEY, into_id TEXT NOT NULL)",
        """CREATE TABLE outlets (name TEXT PRIMARY KEY, domain TEXT, country TEXT,
            ownership TEXT)""",
    ),
)

# Version 11: a dyad's events are read through one index on (source, target): the relation
# series and the web view's dyad chart no longer fetch every event of the source to check
# its target (bench/web.py).
_V11 = Migration(
    "v11_dyad_index",
    ("CREATE INDEX events_dyad ON events(source_actor_id, target_actor_id)",),
)

# Version 12: the ids of an actor code (``RUS``: the state, its bodies, its people) are read
# from an index alone. A query by code reads them first (``store._queries._is``); through
# ``actors_code`` that meant a table lookup for every actors row with the code — 28,000 for
# RUS in a 10,000-article store, 25 ms, twice per direction of a dyad (bench/web.py). The
# new index starts with ``code``, so it serves every query ``actors_code`` served.
_V12 = Migration(
    "v12_actor_code_ids",
    (
        "CREATE INDEX actors_code_id ON actors(code, id)",
        "DROP INDEX actors_code",
    ),
)

#: Ordered migrations: MIGRATIONS[i] brings a store from version i to i + 1.
MIGRATIONS: tuple[Migration, ...] = (
    _V1,
    _V2,
    _V3,
    _V4,
    _V5,
    _V6,
    _V7,
    _V8,
    _V9,
    _V10,
    _V11,
    _V12,
)

#: The version a store has once every migration ran.
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class Table:
    """A table of the store. When ``record`` is set, its columns are the record's flattened
    fields, less ``skip`` (fields kept in another table), plus ``extra`` (keys, bookkeeping)."""

    name: str
    record: type | None = None
    skip: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()


#: The parts of an Analysis, one table each: name → record class (rows keyed by article_id).
TABLES: dict[str, type] = {
    "actors": Actor,
    "mentions": Mention,
    "quotes": Quote,
    "events": Event,
    "stance": Stance,
}

#: Articles: Article.removed is kept in the ``removed`` table.
ARTICLES = Table("articles", Article, skip=("removed",), extra=("run_id", "coded_run"))

#: Every table a store holds, in export order. The full-text index is left out: it is
#: rebuilt from ``articles`` (FTS_TABLE and the FTS5 shadow tables named after it).
ALL_TABLES: tuple[Table, ...] = (
    ARTICLES,
    Table("removed", RemovedSpan, extra=("article_id",)),
    *(Table(name, cls, extra=("article_id",)) for name, cls in TABLES.items()),
    Table("failures", Failure, extra=("run_id", "at")),
    Table("codings"),
    Table("duplicates"),
    Table("signatures"),
    Table("bands"),
    Table("stories"),
    Table("story_articles"),
    Table("story_features"),
    Table("story_keys"),
    Table("story_events"),
    Table("story_merged"),
    Table("outlets"),
    Table("runs"),
    Table("meta"),
)

#: The FTS5 index over article titles and texts.
FTS_TABLE = "articles_fts"
