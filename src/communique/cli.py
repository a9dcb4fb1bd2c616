"""The command line: each command parses its arguments and calls the library. Our errors
become a one-line message and an exit code in one place (:class:`_Group`): 0 ok, 1 some
inputs failed, 2 usage or error. Progress bars belong here; the library reports progress
through a callback."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .errors import CommuniqueError, UsageError

if TYPE_CHECKING:  # the records load with the commands that use them: --help stays cheap
    from .records import Article, Failure

DB_HELP = "SQLite store (default: $COMMUNIQUE_DB or ./communique.db)."


def _db_path(db: str | None) -> str:
    return db or os.environ.get("COMMUNIQUE_DB") or "communique.db"


def _err(msg: str) -> None:
    click.echo(f"communique: {msg}", err=True)


class _Failed(click.ClickException):
    """A CommuniqueError on its way out: one line on stderr, the exit code it carries."""

    exit_code = 2

    def __init__(self, error: CommuniqueError | str) -> None:
        super().__init__(str(error))

    def show(self, file: Any = None) -> None:
        _err(self.format_message())


class _Group(click.Group):
    """Translates our errors once, for every command (and every subgroup's command)."""

    def invoke(self, ctx: click.Context) -> Any:
        import sqlite3

        try:
            return super().invoke(ctx)
        except CommuniqueError as exc:
            raise _Failed(exc) from exc
        except click.BadParameter as exc:  # --limit 99999999999999999999: one line, no usage
            raise _Failed(exc.format_message()) from exc
        except BrokenPipeError:  # `communique export --format gdelt | head`: the reader left
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except OSError as exc:  # an unwritable --out folder, a full disk, a vanished file
            where = f" {exc.filename}" if exc.filename else ""
            raise _Failed(f"cannot read or write{where}: {exc.strerror or exc}") from exc
        except sqlite3.Error as exc:  # a read-only, locked or corrupt store
            raise _Failed(
                f"the store failed: {exc}; check that the --db file is writable and not damaged"
            ) from exc


def _pipeline(
    outlets: Sequence[str] = (), actors: Sequence[str] = (), stance: bool = True, **ingest: Any
) -> Any:
    from pathlib import Path

    from .pipeline import Options, Pipeline

    # Options added by _ingest_options beyond the ones each command names (see there).
    ctx = click.get_current_context(silent=True)
    ingest = {**ingest, **(ctx.meta.get("communique.ingest", {}) if ctx else {})}
    from .sources import IngestOptions

    ing = IngestOptions(**{k: v for k, v in ingest.items() if v is not None})
    return Pipeline(
        Options(
            outlets_files=tuple(Path(p) for p in outlets),
            actors_files=tuple(Path(p) for p in actors),
            ingest=ing,
            stance=stance,
        )
    )


_no_stance_option = click.option(
    "--no-stance",
    "no_stance",
    is_flag=True,
    help="Skip the stance stage, by far the costliest (see BENCHMARKS.md); no stance records.",
)

_format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
_actor_files_option = click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra actor CSV (same columns as a shipped registry table); wins over shipped rows.",
)


def _ingest_options(f: Any) -> Any:
    import functools

    from .sources import FEED_LIMIT, RETRIES, TIMEOUT

    # These reach IngestOptions through the click context (read back in _pipeline), so the
    # commands' own signatures need not list every one of them.
    extra = (
        "text_field",
        "html_field",
        "url_field",
        "title_field",
        "published_field",
        "outlet_field",
        "timeout",
        "retries",
        "feed_limit",
        "day_first",
        "allow_private_hosts",
    )
    command = f

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        given = {k: kwargs.pop(k) for k in extra if k in kwargs}
        click.get_current_context().meta["communique.ingest"] = given
        return command(*args, **kwargs)

    f = wrapper
    fields = {
        "outlet": "the outlet's name",
        "published": "the publication date",
        "title": "the headline",
        "url": "the article's URL",
        "html": "the page as HTML (used when present)",
        "text": "the article as plain text",
    }
    for name, what in fields.items():
        f = click.option(
            f"--{name}-field",
            metavar="NAME",
            help=f"JSONL/CSV: the field holding {what} (default: {name}).",
        )(f)
    f = click.option(
        "--allow-private-hosts",
        is_flag=True,
        default=None,
        help="URLs: let redirects and feed links lead to private, loopback or link-local "
        "addresses (refused by default: a page cannot send the fetcher into your network).",
    )(f)
    f = click.option(
        "--day-first",
        is_flag=True,
        default=None,
        help="JSONL/CSV dates like 09/03/2022 are day/month/year (default: month first, US).",
    )(f)
    f = click.option(
        "--feed-limit",
        type=click.IntRange(min=1),
        help=f"URLs of feeds: fetch at most this many articles per feed (default {FEED_LIMIT}).",
    )(f)
    f = click.option(
        "--retries",
        type=click.IntRange(min=0),
        help=f"URLs: retry a timeout or a transient server error this many times (default {RETRIES}).",
    )(f)
    f = click.option(
        "--timeout",
        type=click.FloatRange(min=0, min_open=True),
        help=f"URLs: seconds to wait for a server (default {TIMEOUT:g}).",
    )(f)
    f = click.option(
        "--encoding",
        help="Decode text files with this encoding (default: UTF-8, BOMs honoured, else detected).",
    )(f)
    f = click.option(
        "--max-bytes",
        type=int,
        help="Refuse an article, page or record larger than this (default 16 MB).",
    )(f)
    f = click.option(
        "--outlets",
        "outlets",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="Extra outlet table (CSV: domain,name,country,ownership,language,aliases).",
    )(f)
    return _actor_files_option(f)


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="communique")
def cli() -> None:
    """communique turns news articles into evidence-backed political event data:
    who said what, who did what to whom and when — every record pointing at its sentence.

    \b
    Typical use:
      communique analyze articles/          # into ./communique.db, with a summary
      communique events --actor RUS         # what Russia did or had done to it
      communique quotes --actor "Peskov"    # who said what
      communique extract page.html          # one JSON object per article, no store
      communique serve                      # read it all in a browser (127.0.0.1:8000)
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
@_ingest_options
@_no_stance_option
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=1),
    help="Processes that parse and analyse (each loads the model once; about 300 MB each); "
    "this one reads and writes the store. Default: the cores available to communique.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def analyze(
    paths: tuple[str, ...],
    db: str | None,
    outlets: tuple[str, ...],
    actor_files: tuple[str, ...],
    max_bytes: int | None,
    encoding: str | None,
    no_stance: bool,
    workers: int | None,
    quiet: bool,
) -> None:
    """Analyse articles into the store.

    PATHS are files (HTML, text, JSONL, CSV, WARC; gzipped too), directories (recursive),
    globs, http(s) URLs of pages or RSS/Atom feeds (the only network access: what you name
    is fetched; analysis itself is offline), or - for standard input.

    Articles already stored are skipped, so a re-run or a resumed run adds nothing twice;
    copies of a stored article (syndicated wire copy, re-scrape) are linked to it, not
    analysed again. Inputs that cannot be read are reported one line each, recorded in the
    store's failures table, and the run goes on (exit code 1 when any failed).

    Parsing and analysis run in --workers processes (default: one per available core)
    while this process reads the inputs and writes the store; the store holds the same
    records whatever the number of workers."""
    from .runner import analyze_into_store, available_cores

    with _stopped_by_signals() as stop_here:
        pipe = _pipeline(
            outlets, actor_files, not no_stance, max_bytes=max_bytes, encoding=encoding
        )
        stop_here()
        with _ProgressBar(enabled=not quiet) as bar:

            def progress(p: Any) -> None:
                bar.update(p)
                stop_here()  # between two articles: the place a signal ends the run

            summary = analyze_into_store(
                pipe,
                list(paths),
                _db_path(db),
                on_progress=progress,
                on_failure=_report_failure,
                workers=workers or available_cores(),
            )
    _print_summary(summary)
    sys.exit(1 if summary.failed else 0)


class _Signalled(BaseException):
    """A stop signal on its way out of a run. A BaseException, as KeyboardInterrupt is: the
    per-article isolation (``except Exception``) must not take it for the article's
    failure; the runner's ``finally`` marks the run interrupted and closes the store, and
    an article's open transaction is rolled back."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stopped(signum: int) -> NoReturn:
    """How a signalled run ends: one line, exit code 128 + the signal's number."""
    import signal

    _err(
        f"stopped by {signal.Signals(signum).name}; the run is marked interrupted, and the "
        "same command run again resumes it"
    )
    sys.exit(128 + signum)


@contextmanager
def _stopped_by_signals() -> Iterator[Callable[[], None]]:
    """SIGTERM, SIGHUP and SIGINT (Ctrl-C) stop a run cleanly: at the next article (the
    ``stop_here`` this yields is called between articles), with exit code 143, 129 or 130
    and one line on stderr. A signal's default would end the process with the run left
    marked running, and click turns Ctrl-C into "Aborted!" and exit 1; an exception raised
    by the handler itself could land anywhere (inside spaCy, or where Python only prints
    "Exception ignored"). A second signal stops at once."""
    import signal

    got: list[int] = []

    def handler(signum: int, frame: object) -> None:
        if got:
            raise _Signalled(signum)
        got.append(signum)

    def stop_here() -> None:
        if got:
            raise _Signalled(got[0])

    wanted = [signal.SIGTERM, signal.SIGINT]
    wanted += [signal.SIGHUP] if hasattr(signal, "SIGHUP") else []
    before = {s: signal.signal(s, handler) for s in wanted}
    try:
        yield stop_here
    except _Signalled as exc:
        _stopped(exc.signum)
    finally:
        for s, previous in before.items():
            signal.signal(s, previous)


class _ProgressBar:
    """A rich progress bar on stderr fed by the runner's progress callback."""

    def __init__(self, enabled: bool, verb: str = "analysing") -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("articles"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            disable=not enabled,
        )
        self.verb = verb
        self.task = self.bar.add_task(verb, total=None)

    def __enter__(self) -> _ProgressBar:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(None, None, None)

    def update(self, p: Any) -> None:
        self.bar.update(
            self.task,
            completed=p.seen,
            total=p.total,
            description=f"{self.verb} ({p.failed} failed)",
        )


def _report_failure(f: Failure) -> None:
    _err(f"skipped {f.origin}: {f.reason}")


def _print_summary(s: Any) -> None:
    import shutil

    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"communique: {s.db}", show_header=True)
    t.add_column("")
    t.add_column("this run", justify="right")
    t.add_column("in store", justify="right")
    for k in ("articles", "quotes", "events", "stance", "mentions", "stories"):
        t.add_row(k, str(s.run.get(k, 0)), str(s.store.get(k, 0)))
    t.add_row("already stored (skipped)", str(s.progress.skipped), "")
    t.add_row(
        "duplicates (linked, not analysed)",
        str(s.progress.duplicates),
        str(s.store.get("duplicates", 0)),
    )
    t.add_row("failed inputs", str(s.failed), str(s.store.get("failures", 0)))
    Console(width=shutil.get_terminal_size((160, 24)).columns).print(t)
    click.echo(f"{s.run.get('articles', 0)} articles in {s.seconds:.1f}s")
    if s.progress.other_coder:
        click.echo(
            f"{s.progress.other_coder} of the stored articles skipped were coded by another "
            "coder (another communique version, registry, model or stance setting): "
            "`communique recode` re-codes them"
        )


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--url", help="URL of the article (metadata; nothing is fetched).")
@click.option("--outlet", help="Outlet name, when the input does not say.")
@click.option(
    "--published",
    help='Publication date (ISO 8601, or written: "March 9, 2022"), when the input does not say.',
)
@click.option("--pretty", is_flag=True, help="Indent the JSON.")
@_ingest_options
@_no_stance_option
def extract(
    paths: tuple[str, ...],
    url: str | None,
    outlet: str | None,
    published: str | None,
    pretty: bool,
    outlets: tuple[str, ...],
    actor_files: tuple[str, ...],
    max_bytes: int | None,
    encoding: str | None,
    no_stance: bool,
) -> None:
    """Print one communique/3 JSON object per article on stdout; nothing is stored.

    PATHS are what `analyze` takes: files (HTML, text, JSONL, CSV, WARC, gzipped too),
    directories, globs, http(s) URLs of pages or feeds, or - for standard input."""
    import json

    _day(published, "--published")
    from .clean import Given
    from .records import Failure

    failed = 0
    pipe = _pipeline(outlets, actor_files, not no_stance, max_bytes=max_bytes, encoding=encoding)
    given = Given(url=url, outlet=outlet, published=published)
    good: list[Article] = []
    for item in pipe.articles(pipe.documents(paths), given):
        if isinstance(item, Failure):
            failed += 1
            _report_failure(item)
        else:
            good.append(item)
    for out in pipe.analyze(good):
        if isinstance(out, Failure):
            failed += 1
            _report_failure(out)
            continue
        click.echo(json.dumps(out.to_dict(), ensure_ascii=False, indent=2 if pretty else None))
    sys.exit(1 if failed else 0)


# -- query commands --------------------------------------------------------------------
#: The most rows a query can be asked for (SQLite's integer range).
_MAX_ROWS = 2**63 - 1


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A date filter as given, once it is YYYY, YYYY-MM or YYYY-MM-DD: anything else is an
    error naming the expected forms, never a filter that silently matches everything."""
    from .store import check_date

    return check_date(value, param.opts[0]) if value is not None else None


def _date_options(f: Any, prefix: str, what: str, note: str) -> Any:
    """--PREFIXsince and --PREFIXuntil, both checked by _date_option."""
    for bound, side in (("until", "before"), ("since", "after")):
        f = click.option(
            f"--{prefix}{bound}",
            callback=_date_option,
            help=f"Only {what} on or {side} this date {note}.",
        )(f)
    return f


def _common_filters(f: Any) -> Any:
    """--actor, --outlet, --since, --until: the filters every query command takes."""
    f = _date_options(f, "", "articles published", "(YYYY, YYYY-MM or YYYY-MM-DD)")
    f = click.option(
        "--outlet",
        "outlets",
        multiple=True,
        help="Only this outlet: its name (any case) or domain (nytimes.com); repeat for any of several.",
    )(f)
    f = click.option(
        "--actor",
        "actors",
        multiple=True,
        help="An actor: code (RUS, IGO), IGO short name (WHO), registry id or name; "
        "repeat for any of several.",
    )(f)
    return f


def _query_options(f: Any) -> Any:
    f = click.option(
        "--columns",
        metavar="A,B,...",
        help="Columns to write, comma-separated (any field of --format json); a table's "
        "default fits 80 columns, json and csv have every field.",
    )(f)
    f = click.option(
        "--limit", type=click.IntRange(0, _MAX_ROWS), default=None, help="At most this many rows."
    )(f)
    f = _format_option(f)
    f = _common_filters(f)
    f = click.option("--db", help=DB_HELP)(f)
    return f


def _event_options(f: Any) -> Any:
    f = _date_options(f, "event-", "events dated", "(a month or year overlapping it counts)")
    f = click.option(
        "--cameo",
        "cameos",
        multiple=True,
        help="CAMEO code (112), or a prefix with * (11* = every disapproval).",
    )(f)
    f = click.option(
        "--quad",
        "quads",
        multiple=True,
        help="Quad class: verbal_coop, material_coop, verbal_conflict, material_conflict (or 1-4).",
    )(f)
    f = click.option("--type", "types", multiple=True, help="PLOVER type (ACCUSE, CONSULT, ...).")(
        f
    )
    f = click.option(
        "--between",
        nargs=2,
        multiple=True,
        metavar="A B",
        help="Events between two actors, in either direction.",
    )(f)
    f = click.option(
        "--dyad",
        "dyads",
        multiple=True,
        metavar="SOURCE:TARGET",
        help="Events of SOURCE towards TARGET (USA:CHN).",
    )(f)
    f = click.option("--target", "targets", multiple=True, help="Target actor (as --actor).")(f)
    f = click.option("--source", "sources", multiple=True, help="Source actor (as --actor).")(f)
    return f


def _existing_db(db: str | None) -> str:
    """The store's path, once it is known to exist: the commands that read a store never
    create an empty one."""
    from pathlib import Path

    path = _db_path(db)
    if not Path(path).exists():
        raise UsageError(
            f"no store at {path}; run `communique analyze PATH...` first (or pass --db)"
        )
    return path


def _open(db: str | None) -> Any:
    from .store import Store

    return Store.open(_existing_db(db))


_run_option = click.option(
    "--run",
    "run_id",
    type=click.IntRange(min=1),
    help="Read the records as run N coded them (`communique runs list`), also when a "
    "recode has replaced them since; default: the current coding.",
)


def _open_coding(db: str | None, run_id: int | None) -> Any:
    """The store, showing run ``run_id``'s coding when one is asked for."""
    from .store import show_run

    store = _open(db)
    if run_id is not None:
        try:
            show_run(store, run_id)
        except BaseException:
            store.close()
            raise
    return store


def _run_query(
    kind: str,
    db: str | None,
    fmt: str,
    limit: int | None,
    columns: str | None,
    text: str | None = None,
    run_id: int | None = None,
    **filters: Any,
) -> None:
    from .store import Filters, iter_query

    with _open_coding(db, run_id) as store:  # rows stream from the store to the output
        _emit(
            iter_query(store, kind, Filters(**filters), text=text, limit=limit), fmt, kind, columns
        )


_QUERY_HELP = """

Repeating a filter (--actor RUS --actor CHN) matches any of its values; different filters
must all hold. An actor is an actor code (RUS; IGO, NGO), an IGO's short name (WHO), a
registry id (person:dmitry-peskov) or a name (Peskov); a name that could be several actors
is an error listing them. Tables show a few columns and fit 80 columns (--columns for
others); in them a negated event's type reads "not ASSAULT", a hypothetical one's
"ASSAULT?". --format csv and json carry every field."""


@cli.command()
@_query_options
@_event_options
@_run_option
def events(
    db: str | None, fmt: str, limit: int | None, columns: str | None, **filters: Any
) -> None:
    """Events in the store: source, type, target, date, and the evidence sentence."""
    _run_query("events", db, fmt, limit, columns, **filters)


@cli.command()
@_query_options
@_run_option
def quotes(
    db: str | None, fmt: str, limit: int | None, columns: str | None, **filters: Any
) -> None:
    """Quotes in the store: speaker, type, content and where it came from (--actor: the
    speaker)."""
    _run_query("quotes", db, fmt, limit, columns, **filters)


@cli.command()
@_query_options
@_run_option
def articles(
    db: str | None, fmt: str, limit: int | None, columns: str | None, **filters: Any
) -> None:
    """Articles in the store, with their counts of quotes and events (--actor: named in it)."""
    _run_query("articles", db, fmt, limit, columns, **filters)


@cli.command()
@click.argument("text")
@_query_options
@_run_option
def search(
    text: str, db: str | None, fmt: str, limit: int | None, columns: str | None, **filters: Any
) -> None:
    """Articles whose title or text match TEXT in the full-text index, best first, with the
    matching passage: words (all must occur), "a phrase", OR, NOT, prefix*."""
    _run_query("search", db, fmt, limit, columns, text=text, **filters)


for _command in (events, quotes, articles, search):
    _command.help = (_command.help or "") + _QUERY_HELP


@cli.command()
@_query_options
@click.option(
    "--speaker",
    help="Only this holder (a quote's speaker or a sentence's subject): code (RUS), "
    "registry id or part of a name.",
)
@click.option(
    "--by",
    type=click.Choice(["outlet", "article", "speaker", "statement"]),
    help="Sum up per outlet, article or speaker and target, or list every statement "
    "(default: speaker with --speaker, outlet otherwise).",
)
@click.option(
    "--holder",
    type=click.Choice(["outlet", "speaker", "subject"]),
    help="Only the outlet's own sentences, only what speakers say, or only what the "
    'sentence\'s subject does or thinks ("Moscow values …"); default: all.',
)
def stance(
    db: str | None,
    fmt: str,
    limit: int | None,
    columns: str | None,
    speaker: str | None,
    by: str | None,
    holder: str | None,
    actors: tuple[str, ...],
    outlets: tuple[str, ...],
    since: str | None,
    until: str | None,
) -> None:
    """How outlets and speakers treat actors: negative, neutral and positive statements
    toward each target (--actor), per outlet, article or speaker, with the sentences as
    evidence (--by statement)."""
    from .store import stance_rows

    if len(actors) > 1 or len(outlets) > 1:
        raise UsageError("stance takes one --actor and one --outlet (run it once for each)")
    by = by or ("speaker" if speaker else "outlet")
    with _open(db) as store:
        rows = stance_rows(
            store,
            by,
            actor=actors[0] if actors else None,
            outlet=outlets[0] if outlets else None,
            since=since,
            until=until,
            speaker=speaker,
            holder=holder,
            limit=limit,
        )
    _emit(rows, fmt, "stance" if by == "statement" else f"stance by {by}", columns)


@cli.command(name="stories")
@click.option("--db", help=DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
@click.option(
    "--limit", type=click.IntRange(0, _MAX_ROWS), default=None, help="At most this many stories."
)
@click.option(
    "--since", callback=_date_option, help="Only stories with an article on or after this date."
)
@click.option("--until", callback=_date_option, help="Only stories begun on or before this date.")
@click.option(
    "--actor", help="Only stories with an article naming this actor (code, registry id or name)."
)
@click.option("--outlet", help="Only stories this outlet covered (name or domain).")
@click.option(
    "--rebuild",
    is_flag=True,
    help="Group every stored article into stories again from scratch first (the stored "
    "vectors are reused), e.g. after a change of the grouping's thresholds.",
)
def stories_command(
    db: str | None,
    fmt: str,
    limit: int | None,
    since: str | None,
    until: str | None,
    actor: str | None,
    outlet: str | None,
    rebuild: bool,
) -> None:
    """Stories: articles from any outlets about the same happening, latest first, with
    their dates, counts of articles, outlets and story events (each act counted once).

    Articles are grouped at the end of every `analyze`, incrementally: a new article is
    compared with the stored articles published within 10 days that share one of its main
    actors (MiniLM vectors of headline and lead, less a penalty per day apart), and joins
    the story whose articles it is most like on average, starts a story, or merges the
    stories it links. Ids are stable: `s` + the id of the
    story's first article. `communique story ID` compares a story's outlets."""
    from .stories import list_stories, rebuild_stories

    with _open(db) as store:
        if rebuild:
            done = rebuild_stories(store)
            _err(f"{done.assigned} articles grouped into {done.started - done.merged} stories")
        rows = list_stories(
            store, since=since, until=until, actor=actor, outlet=outlet, limit=limit
        )
    for r in rows:
        r["outlet_names"] = ", ".join(r["outlet_names"])
    _emit(rows, fmt, "stories")


@cli.command()
@click.argument("story_id", metavar="ID")
@click.option("--db", help=DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "md", "json"]),
    default="table",
    show_default=True,
)
def story(db: str | None, fmt: str, story_id: str) -> None:
    """One story compared across its outlets: who covered it and when (the first reporter);
    whom each quoted (speakers with country, sector and side: the main actor whose country
    they are, else "other"; state-affiliated outlets marked from the outlet table); its
    story events, each act counted once with its mentions, sources (outlets) and articles;
    which story events and voices each outlet left out that at least two others reported;
    and each outlet's stance toward the story's main actors. ID as `communique stories`
    lists it (a story merged into another is found under its new id)."""
    import json
    import shutil

    from .stories import story_markdown, story_report

    with _open(db) as store:
        report = story_report(store, story_id)
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    elif fmt == "md":
        click.echo(story_markdown(report), nl=False)
    else:
        from rich.console import Console
        from rich.markdown import Markdown

        Console(width=shutil.get_terminal_size((100, 24)).columns).print(
            Markdown(story_markdown(report))
        )


@cli.command()
@click.option("--db", help=DB_HELP)
@_format_option
def failures(db: str | None, fmt: str) -> None:
    """Inputs that could not be analysed, and why."""
    with _open(db) as store:
        rows = [
            {"origin": f.origin, "stage": f.stage or "read", "reason": f.reason}
            for f in store.failures()
        ]
    _emit(rows, fmt, "failures")


def _filter_options(f: Any) -> Any:
    """The query filters, for commands that take them without the output options."""
    f = _event_options(f)
    f = click.option(
        "--until", callback=_date_option, help="Only articles published on or before this date."
    )(f)
    f = click.option(
        "--since", callback=_date_option, help="Only articles published on or after this date."
    )(f)
    f = click.option(
        "--outlet", "outlets", multiple=True, help="Only this outlet (name or domain)."
    )(f)
    f = click.option(
        "--actor", "actors", multiple=True, help="Actor in either role (as for events)."
    )(f)
    return f


@cli.command()
@click.option("--db", help=DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "polecat", "icews"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--out",
    "out",
    type=click.Path(),
    help="File (jsonl, gdelt, polecat, icews) or directory (csv, parquet); default: stdout "
    "for the files.",
)
@_common_filters
@_event_options
@_run_option
def export(db: str | None, fmt: str, out: str | None, run_id: int | None, **filters: Any) -> None:
    """Export the store: jsonl = one communique/3 object per article; csv and parquet = one
    file per table of the store (articles, removed, actors, mentions, quotes, events, stance,
    failures, codings, duplicates, signatures, bands, stories, story_articles, story_features,
    story_keys, story_events, story_merged, outlets, runs, meta; BLOB
    columns as hex in CSV); gdelt, polecat, icews = events in the columns of GDELT 2.0
    Events, POLECAT or ICEWS, then ours (tab-separated; docs/EXPORTS.md), filtered as
    `communique events` is. Rows are streamed, so memory stays flat. CSV and tab-separated
    cells starting with = + - @ get a leading ' so no spreadsheet runs them as formulas."""
    from .store import Filters, export_store

    with _open_coding(db, run_id) as store:
        written = export_store(store, fmt, out, filters=Filters(**filters))
    for w in written:
        _err(f"wrote {w}")


_DASK_MISSING = "communique batch and load need Dask and pyarrow: pip install 'communique[dask]'"


def _batch_api() -> Any:
    """The batch package, or a one-line error naming the extra to install."""
    try:
        from . import batch
    except ImportError as exc:
        raise UsageError(_DASK_MISSING) from exc
    return batch


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the Parquet datasets (new or empty).",
)
@click.option(
    "--dask",
    "address",
    metavar="ADDRESS",
    help="The Dask scheduler to run on (tcp://host:8786); its workers need communique installed.",
)
@click.option(
    "--local",
    type=click.IntRange(min=1),
    metavar="N",
    help="Instead of --dask: start N worker processes on this machine for the run.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    help="Documents per task (default 16).",
)
@click.option(
    "--db",
    help="A store whose articles (and near-copies of them) are skipped, as analyze into it would.",
)
@_ingest_options
@_no_stance_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def batch(
    paths: tuple[str, ...],
    out: str,
    address: str | None,
    local: int | None,
    partition_size: int | None,
    db: str | None,
    outlets: tuple[str, ...],
    actor_files: tuple[str, ...],
    max_bytes: int | None,
    encoding: str | None,
    no_stance: bool,
    quiet: bool,
) -> None:
    """Analyse articles on a Dask cluster into Parquet datasets (load them with `load`).

    PATHS are what analyze takes; they are read here and sent to the workers, which clean
    and analyse them with the same stages as analyze (each worker loads the model once)
    and need neither the files nor network access. Copies are found here, over all
    partitions, in input order, as analyze finds them. The Parquet datasets (articles,
    removed, actors, mentions, quotes, events, stance, signatures, duplicates, failures;
    docs/PARQUET.md) are written to --out by this process, split by publication month
    (month=2024-02 folders); DuckDB reads them directly. Inputs that cannot be read or
    analysed are reported one line each and kept in the failures dataset (exit code 1)."""
    from pathlib import Path

    api = _batch_api()
    from .pipeline import Options
    from .sources import IngestOptions

    ctx = click.get_current_context()
    given = {**ctx.meta.get("communique.ingest", {}), "max_bytes": max_bytes, "encoding": encoding}
    options = Options(
        outlets_files=tuple(Path(p) for p in outlets),
        actors_files=tuple(Path(p) for p in actor_files),
        ingest=IngestOptions(**{k: v for k, v in given.items() if v is not None}),
        stance=not no_stance,
    )
    with (
        _stopped_by_signals() as stop_here,
        api.dask_client(address, local) as client,
        _ProgressBar(enabled=not quiet) as bar,
    ):

        def progress(p: Any) -> None:
            bar.update(p)
            stop_here()

        summary = api.run_batch(
            list(paths),
            out,
            client,
            options,
            db=db,
            partition_size=partition_size or api.PARTITION_SIZE,
            on_progress=progress,
            on_failure=_report_failure,
        )
    r, p = summary.run, summary.progress
    click.echo(
        f"{r['articles']} articles ({r['quotes']} quotes, {r['events']} events, "
        f"{r['stance']} stance, {r['mentions']} mentions) in {summary.seconds:.1f}s on "
        f"{summary.workers} workers; {p.skipped} skipped, {p.duplicates} duplicates, "
        f"{p.failed} failed; Parquet in {summary.out}"
    )
    sys.exit(1 if summary.failed else 0)


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--db", help=DB_HELP)
def load(folder: str, db: str | None) -> None:
    """Load the Parquet datasets of a batch (`communique batch --out FOLDER`) into the store.

    Articles the store holds already are skipped and near-copies of stored articles are
    linked to them, as analyze would do: loading a folder twice adds nothing, and several
    batches can be loaded into one store. The folder is read a month at a time."""
    api = _batch_api()
    s = api.load_batch(folder, _db_path(db))
    click.echo(
        f"{s.added} articles loaded into {s.db} in {s.seconds:.1f}s; {s.stored} already "
        f"stored, {s.duplicates} duplicates linked, {s.failures} failures recorded; the "
        f"store holds {s.store.get('articles', 0)} articles"
    )


@cli.command()
@click.option("--db", help=DB_HELP)
@_common_filters
@_actor_files_option
@_no_stance_option
@click.option(
    "--all",
    "every",
    is_flag=True,
    help="Re-code every selected article, also those already coded by this coder.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def recode(
    db: str | None,
    actor_files: tuple[str, ...],
    no_stance: bool,
    every: bool,
    quiet: bool,
    **filters: Any,
) -> None:
    """Re-code stored articles: find actors, quotes, events and stance again, after the
    registry, an --actors file or communique changed, as a new run.

    The cleaned texts are read from the store; nothing is fetched or cleaned again. Only
    articles coded by another coder are re-coded (another communique version or code,
    actor registry, parser model or stance setting; --all: every selected one), so an
    interrupted recode run again goes on where it stopped. Each article's new records
    replace its old ones in one transaction; the replaced coding is kept and stays
    queryable with `--run N` (events, quotes, articles, search, export) until
    `communique runs prune`. The --actor, --outlet, --since and --until filters select
    articles as `communique articles` does."""
    from .recode import recode_store
    from .store import Filters

    path = _existing_db(db)
    with _stopped_by_signals() as stop_here:
        pipe = _pipeline((), actor_files, not no_stance)
        stop_here()
        with _ProgressBar(enabled=not quiet, verb="re-coding") as bar:

            def progress(p: Any) -> None:
                bar.update(p)
                stop_here()

            summary = recode_store(
                pipe,
                path,
                Filters(**filters),
                every=every,
                on_progress=progress,
                on_failure=_report_failure,
            )
    p = summary.progress
    if summary.run_id is None:
        click.echo(
            f"nothing to re-code: the {p.total} selected articles are coded by this coder "
            "already (--all re-codes them anyway)"
        )
        return
    click.echo(
        f"run {summary.run_id}: re-coded {p.done} of {p.total} articles ({p.changed} changed, "
        f"{p.current} already current, {p.failed} failed) in {summary.seconds:.1f}s"
    )
    for name, n in summary.after.items():
        was = summary.before.get(name, 0)
        click.echo(f"  {name:<9}{was:>8} -> {n:<8}({n - was:+d})")
    sys.exit(1 if p.failed else 0)


@cli.group()
def runs() -> None:
    """The runs that analysed or re-coded the store, and the codings they left."""


@runs.command("list")
@click.option("--db", help=DB_HELP)
@_format_option
def runs_list(db: str | None, fmt: str) -> None:
    """Every run: kind (analyze, recode), when, status, articles; how many articles it is
    the current coding of (coded) and how many replaced codings of it are kept (kept,
    queryable with --run); what coded them (version; hashes of the code and tables, and
    of --actors files)."""
    from .store import run_rows

    with _open(db) as store:
        rows = run_rows(store)
    _emit(rows, fmt, "runs")


@runs.command("prune")
@click.option("--db", help=DB_HELP)
@click.option(
    "--run",
    "run_ids",
    multiple=True,
    type=click.IntRange(min=1),
    help="Only the replaced codings this run made (repeat for several); default: all.",
)
def runs_prune(db: str | None, run_ids: tuple[int, ...]) -> None:
    """Delete kept codings that a recode replaced (current codings are never touched)."""
    from .store import prune_codings

    with _open(db) as store:
        n = prune_codings(store, run_ids)
    click.echo(f"pruned {n} replaced coding{'s' if n != 1 else ''}")


_RELATIONS_HELP = """Per period, what A did to B: acts by quad class and PLOVER type, the sum and
mean of intensity (Goldstein, -10..+10) and a cooperation-conflict index, each with a 95%
bootstrap interval.

\b
Method:
  - A and B are what `events` takes (RUS, WHO, person:dmitry-peskov, Peskov); directed
    A -> B by default, either way with --both. A code takes in the country's people
    and bodies (USA: Biden, the State Department).
  - Counted once: the reports (event rows) of one story event (see `stories`) are one
    act; reports of articles without a story: the same source code, target code, PLOVER
    type and flags, dated within a day of each other, are one act. The table shows both
    acts and reports. An act's intensity is the mean of its reports'.
  - Realised events only: negated and hypothetical ones are left out unless --all.
  - Dates: the event's own date, else the article's publication day. A date known only
    to the month counts in month, quarter and year series, one known only to the year
    in year series; in a finer series it is left out and counted as such.
  - Index = (cooperative acts - conflictual acts) / all acts, from -1 (only conflict) to
    +1 (only cooperation); quad classes verbal/material cooperation/conflict as stored.
  - Intervals: 95% percentile bootstrap over the period's acts (--boot resamples, --seed;
    the same seed gives the same numbers). Periods with fewer than 5 acts are starred
    (2*): read their intervals as rough.
  - --since/--until bound the acts' dates (a month or year overlapping counts) and fix
    the series' first and last period; periods without acts are shown empty.

\b
Also: --top N lists the N most active directed dyads (acts counted once) between
--since and --until, instead of a series.

Exit codes: 0 with a series or list; 1 when no act matches (a message says so and
nothing is written); 2 for bad input (an unknown or ambiguous actor, a bad date, --by
or --plot file)."""


@cli.command(
    help=_RELATIONS_HELP,
    short_help="A's acts towards B over time, with bootstrap intervals; --top: busiest dyads.",
)
@click.argument("pair", nargs=-1, metavar="A B")
@click.option("--db", help=DB_HELP)
@click.option(
    "--by",
    type=click.Choice(["week", "month", "quarter", "year"]),
    default="month",
    show_default=True,
    help="Period: ISO week (Monday-Sunday), calendar month, quarter or year.",
)
@click.option("--both", is_flag=True, help="Either direction (A -> B and B -> A).")
@click.option(
    "--all", "all_events", is_flag=True, help="Count negated and hypothetical events too."
)
@click.option(
    "--since", callback=_date_option, help="Only acts dated on or after this date (YYYY[-MM[-DD]])."
)
@click.option(
    "--until",
    callback=_date_option,
    help="Only acts dated on or before this date (YYYY[-MM[-DD]]).",
)
@click.option(
    "--outlet", "outlets", multiple=True, help="Only reports of this outlet (name or domain)."
)
@click.option(
    "--boot",
    type=click.IntRange(1, 1_000_000),
    default=1000,
    show_default=True,
    help="Bootstrap resamples per period.",
)
@click.option(
    "--seed",
    type=click.IntRange(0, 2**32 - 1),
    default=0,
    show_default=True,
    help="Bootstrap seed.",
)
@_format_option
@click.option(
    "--plot",
    type=click.Path(dir_okay=False),
    help="Also draw the index with its interval band (and acts per period) to this .png or .svg.",
)
@click.option(
    "--events",
    "show_events",
    is_flag=True,
    help="List the acts behind each period, each with its reports' outlets and evidence sentences.",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    help="Instead of a series: the N most active directed dyads (no A B).",
)
def relations(
    pair: tuple[str, ...],
    db: str | None,
    by: str,
    both: bool,
    all_events: bool,
    since: str | None,
    until: str | None,
    outlets: tuple[str, ...],
    boot: int,
    seed: int,
    fmt: str,
    plot: str | None,
    show_events: bool,
    top: int | None,
) -> None:
    from . import relations as rel

    if top is not None:
        if pair or plot or show_events or both:
            raise UsageError("--top lists dyads: give no A B, --both, --plot or --events with it")
        with _open(db) as store:
            dyads = rel.top_dyads(
                store, top, since=since, until=until, all_events=all_events, outlets=outlets
            )
        if not dyads:
            _err("no acts with a source and a target" + _bounds(since, until))
            sys.exit(1)
        _emit([_dyad_row(d, fmt) for d in dyads], fmt, "dyads")
        return
    if len(pair) != 2:
        raise UsageError(f"relations takes two actors, A B (USA CHN), or --top N; got {len(pair)}")
    a, b = pair
    with _open(db) as store:
        series = rel.relation_series(
            store,
            a,
            b,
            by=by,
            both=both,
            all_events=all_events,
            since=since,
            until=until,
            outlets=outlets,
            seed=seed,
            boot=boot,
        )
    if not series.events:
        way = "between" if both else "from"
        to = "and" if both else "to"
        left = "; ".join(f"{n} {why}" for why, n in series.left_out.items())
        _err(
            f"no {'events' if all_events else 'realised events'} {way} {a} {to} {b}"
            + _bounds(since, until)
            + (f" (left out: {left})" if left else "")
            + ("" if both else "; try --both")
        )
        sys.exit(1)
    _emit_series(series, fmt, show_events)
    if plot:
        _err(f"wrote {rel.plot_series(series, plot)}")


def _bounds(since: str | None, until: str | None) -> str:
    return (f" since {since}" if since else "") + (f" until {until}" if until else "")


def _dyad_row(d: Any, fmt: str) -> dict[str, Any]:
    row: dict[str, Any] = d.to_dict()
    if fmt == "table" and row["intensity_mean"] is not None:
        row["intensity_mean"] = f"{row['intensity_mean']:+.2f}"
    return row


def _num(v: float | None, sign: bool = False, digits: int = 2) -> str:
    if v is None:
        return "-"
    return f"{v:+.{digits}f}" if sign else f"{v:.{digits}f}"


def _with_interval(e: Any, sign: bool = True, digits: int = 2) -> str:
    if e.value is None:
        return "-"
    if e.low is None:
        return _num(e.value, sign, digits)
    return (
        f"{_num(e.value, sign, digits)} [{_num(e.low, sign, digits)}, {_num(e.high, sign, digits)}]"
    )


def _plain_table(rows: list[dict[str, str]]) -> None:
    """Short cells in aligned columns, laid out as _table lays them out, without its cost:
    a weekly series over years has hundreds of rows, and nothing in them wraps."""
    show = list(rows[0])
    widths = [max(len(c), *(len(r[c]) for r in rows)) for c in show]

    def line(cells: Iterable[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(cells, widths, strict=True)).rstrip()

    click.echo(line(show))
    click.echo("─" * (sum(widths) + 2 * (len(widths) - 1)))
    click.echo("\n".join(line(r[c] for c in show) for r in rows))


def _emit_series(series: Any, fmt: str, show_events: bool) -> None:
    """A series as JSON (the whole document), CSV (a row per period; with --events a row
    per report) or a table with a note on the method (with --events, each period's acts
    after it, one row per report with its outlet and evidence sentence)."""
    import csv
    import json
    import shutil
    import textwrap

    from . import relations as rel
    from .records import PLOVER_TYPES
    from .store import QUADS

    if fmt == "json":
        click.echo(json.dumps(series.to_dict(show_events), ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        if show_events:
            w.writerow(
                [
                    "period",
                    "act",
                    "date",
                    "source",
                    "type",
                    "target",
                    "intensity",
                    "outlet",
                    "published",
                    "dated_by",
                    "evidence",
                    "url",
                    "article_id",
                    "event_id",
                ]
            )
            for p in series.periods:
                for i, act in enumerate(p.acts):
                    for r in act.reports:
                        w.writerow(
                            _csv_cell(v)
                            for v in (
                                p.period.label,
                                i,
                                act.date,
                                act.source,
                                act.type,
                                act.target,
                                act.intensity,
                                r.outlet,
                                r.published,
                                r.dated_by,
                                r.evidence,
                                r.url,
                                r.article_id,
                                r.event_id,
                            )
                        )
            return
        stats = ["index", "intensity_mean", "intensity_sum"]
        quads = list(QUADS)
        types = [t for t in PLOVER_TYPES if any(t in p.types for p in series.periods)]
        head = ["period", "start", "end", "events", "reports", "outlets", "few_events"]
        for name in [*stats, *quads, *(f"type_{t}" for t in types)]:
            head += [name, f"{name}_low", f"{name}_high"]
        w.writerow(head)
        for p in series.periods:
            d = p.to_dict()
            row = [d[k] for k in head[:7]]
            for s in stats:
                row += [d[s]["value"], d[s]["low"], d[s]["high"]]
            for q in quads:
                row += [d["quads"][q]["value"], d["quads"][q]["low"], d["quads"][q]["high"]]
            for t in types:
                e = d["types"].get(t, {"value": 0.0, "low": None, "high": None})
                row += [e["value"], e["low"], e["high"]]
            w.writerow(_csv_cell(v) for v in row)
        return
    rows = []
    for p in series.periods:
        n = {k: int(e.value or 0) for k, e in p.quads.items()}
        rows.append(
            {
                "period": p.period.label,
                "acts": f"{p.events}*" if 0 < p.events < rel.MIN_EVENTS else str(p.events),
                "reports": str(p.reports),
                "coop": str(n["verbal_coop"] + n["material_coop"]),
                "conflict": str(n["verbal_conflict"] + n["material_conflict"]),
                "goldstein [95%]": _with_interval(p.intensity_mean, digits=1),
                "index [95%]": _with_interval(p.index),
            }
        )
    _plain_table(rows)
    arrow = "->" if series.directed else "<->"
    note = (
        f"{series.a} {arrow} {series.b} by {series.by}: {series.events} acts from "
        f"{series.reports} reports ({'realised only' if series.realised_only else 'all events'}). "
        f"index = (coop - conflict) / all acts; [95%] percentile bootstrap over each period's "
        f"acts, {series.boot} resamples, seed {series.seed}; * fewer than "
        f"{rel.MIN_EVENTS} acts: a rough interval. Quad classes and PLOVER types: --format "
        "csv or json."
        + (
            " Left out: " + "; ".join(f"{n} {why}" for why, n in series.left_out.items()) + "."
            if series.left_out
            else ""
        )
    )
    click.echo(textwrap.fill(note, width=shutil.get_terminal_size((80, 24)).columns))
    if show_events:
        for p in series.periods:
            if not p.acts:
                continue
            click.echo(f"\n{p.period.label}: {p.events} acts, {p.reports} reports")
            _table(
                [
                    {
                        "date": act.date if i == 0 else "",
                        "act": f"{act.source} {act.type} {act.target}" if i == 0 else "",
                        "outlet": r.outlet or "",
                        "evidence": r.evidence or "",
                    }
                    for act in p.acts
                    for i, r in enumerate(act.reports)
                ],
                ["date", "act", "outlet", "evidence"],
            )


@cli.command()
@click.option("--db", help=DB_HELP)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 opens the pages to your network).",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
def serve(db: str | None, host: str, port: int) -> None:
    """A read-only web view of the store: overview, search, articles with their records
    marked in the text, actors, dyad charts, and stories with their outlets compared.
    Ctrl-C stops it."""
    try:
        from . import web
    except ImportError as exc:
        raise UsageError(
            f"serve needs the web extra ({exc.name} is missing): pip install 'communique[web]'"
        ) from exc
    path = _existing_db(db)
    app = web.create_app(path)
    _err(f"serving {path} read-only at http://{host}:{port}/ (Ctrl-C stops)")
    web.run(app, host=host, port=port)


@cli.group()
def actors() -> None:
    """What the actor registry knows: countries, government bodies, IGOs, people with
    dated roles, and cities and regions with their state (shipped tables plus any --actors
    FILE)."""


def _registry(files: Sequence[str]) -> Any:
    from pathlib import Path

    from .actors import Registry

    return Registry.load(tuple(Path(f) for f in files))


def _day(value: str | None, option: str = "--date") -> Any:
    """The day an option names (ISO or written: "March 9, 2022"), or a usage error."""
    from .dates import parse_published

    if not value:
        return None
    day = parse_published(value)
    if day is None:
        raise click.BadParameter(
            f"{value!r} is not a date (use 2020-05-05 or a written date)", param_hint=option
        )
    return day


def _entry_row(e: Any, day: Any) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "code": e.code,
        "sector": e.sector,
        "role": e.role,
        "start": e.start.isoformat() if e.start else None,
        "end": e.end.isoformat() if e.end else None,
        "matched_as": e.via,
        "valid_on_date": e.valid_on(day) if day else None,
    }


@actors.command("lookup")
@click.argument("name")
@click.option("--date", "date_", help="Only roles held on this ISO date (all roles otherwise).")
@_actor_files_option
@_format_option
def actors_lookup(name: str, date_: str | None, actor_files: tuple[str, ...], fmt: str) -> None:
    """Every registry entry NAME can stand for, and why (name, alias, demonym, capital,
    metonym); with --date, whether each role was held that day."""
    day = _day(date_)
    reg = _registry(actor_files)
    entries = reg.lookup(name) or reg.roles(name, None, day)
    if not entries:
        _err(f"the registry has no entry or role named {name!r}; add one with --actors FILE")
        sys.exit(1)
    _emit([_entry_row(e, day) for e in entries], fmt, "entries")


@actors.command("list")
@click.option("--kind", help="state, person, IGO, NGO, government body, party, group, ...")
@click.option("--country", help="ISO 3166 alpha-3 code (IGO for international organisations).")
@click.option("--date", "date_", help="Only people holding a role on this ISO date.")
@_actor_files_option
@_format_option
def actors_list(
    kind: str | None, country: str | None, date_: str | None, actor_files: tuple[str, ...], fmt: str
) -> None:
    """List registry entries (one row per person and role)."""
    day = _day(date_)
    reg = _registry(actor_files)
    rows = [
        _entry_row(e, day)
        for e in reg.entries()
        if (kind is None or e.kind.lower() == kind.lower())
        and (country is None or e.code == country.upper())
        and (day is None or e.valid_on(day))
    ]
    _emit(rows, fmt, "entries")


def _emit(rows: Iterable[dict[str, Any]], fmt: str, kind: str, columns: str | None = None) -> None:
    """Rows as JSON, CSV or a table. JSON and CSV are written row by row as they come;
    --columns picks the fields in every format, a table has a few by default."""
    import csv
    import json
    import textwrap

    it = iter(rows)
    first = next(it, None)
    if first is None:
        if fmt == "json":
            click.echo("[]")
        elif fmt == "table":
            click.echo(f"no {kind} match", err=True)
        return
    show = _columns(first, kind, columns, fmt)
    every = itertools.chain([first], it)
    picked = ({c: r.get(c) for c in show} for r in every)
    if fmt == "json":
        for i, r in enumerate(picked):
            body = textwrap.indent(json.dumps(r, ensure_ascii=False, indent=2), "  ")
            click.echo(("[\n" if i == 0 else ",\n") + body, nl=False)
        click.echo("\n]")
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(show)
        w.writerows([_csv_cell(v) for v in r.values()] for r in picked)
    else:
        table = list(every)  # whole rows: a cell may say more than its own field
        _table(table, show)
        click.echo(f"{len(table)} {kind}", err=True)


def _csv_cell(value: Any) -> Any:
    """A CSV cell as the exports write one: true/false, formulas neutralised."""
    from .store import safe_cell

    if isinstance(value, bool):
        return "true" if value else "false"
    return safe_cell(value)


def _columns(first: dict[str, Any], kind: str, columns: str | None, fmt: str) -> list[str]:
    """The fields to write: --columns (checked against the rows'), else a table's few or
    every field."""
    known = list(first)
    if not columns:
        return _TABLE_COLUMNS.get(kind, known) if fmt == "table" else known
    wanted = [c.strip() for c in columns.split(",") if c.strip()]
    unknown = [c for c in wanted if c not in known]
    if unknown or not wanted:
        raise UsageError(
            f"--columns: no column {', '.join(unknown) or repr(columns)}; choose from {', '.join(known)}"
        )
    return wanted


#: Columns whose text is long: they take what the others leave and wrap.
_LONG = ("evidence", "content", "title", "match", "reason", "role")
#: Actor and outlet names: wrapped beyond _NAME_WIDTH characters, to leave room for the text.
_NAMES = ("source", "target", "speaker", "outlet", "reported_by_speaker")
_NAME_WIDTH = 16


def _table(rows: list[dict[str, Any]], show: list[str]) -> None:
    """A table as wide as the terminal (80 columns when output is not one): short columns
    first, the long text last, wrapped."""
    import shutil

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    t = Table(box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False, show_edge=False)
    for c in show:
        long = c in _LONG
        t.add_column(
            c,
            overflow="fold",
            ratio=1 if long else None,
            min_width=None if long else len(c),
            max_width=max(_NAME_WIDTH, len(c)) if c in _NAMES else None,
        )
    for r in rows:  # Text, not markup: "[1]" in a sentence stays as written
        t.add_row(*(Text(_cell(c, r)) for c in show))
    Console(width=shutil.get_terminal_size((80, 24)).columns).print(t)


def _cell(column: str, row: dict[str, Any]) -> str:
    value = row.get(column)
    if value is None:
        return ""
    if column in ("published", "first", "last") and isinstance(value, str):
        return value[:10]  # the day; --format json or csv has the time and offset
    if column == "type" and "negated" in row:  # an event: what did not or may happen says so
        return (
            ("not " if row["negated"] else "") + str(value) + ("?" if row["hypothetical"] else "")
        )
    return str(value)


_COUNTS = ("negative", "neutral", "positive", "net")

_TABLE_COLUMNS = {
    "dyads": [
        "source",
        "target",
        "events",
        "reports",
        "outlets",
        "cooperation",
        "conflict",
        "intensity_mean",
    ],
    "events": ["date", "source", "type", "target", "evidence"],
    "runs": ["id", "kind", "started", "status", "articles", "coded", "kept"],
    "quotes": ["published", "speaker", "type", "content"],
    "articles": ["published", "outlet", "title", "events"],
    "search": ["published", "outlet", "title", "match"],
    "stories": ["id", "first", "articles", "outlets", "events", "title"],
    "stance": ["published", "holder", "target", "polarity", "score", "evidence"],
    **{
        f"stance by {by}": [*keys, "target", "target_code", "stance", "statements", *_COUNTS]
        for by, keys in {
            "outlet": ["outlet"],
            "article": ["published", "outlet", "title"],
            "speaker": ["speaker"],
        }.items()
    },
    "entries": [
        "id",
        "name",
        "kind",
        "code",
        "sector",
        "role",
        "start",
        "end",
        "matched_as",
        "valid_on_date",
    ],
}


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="communique")
    except KeyboardInterrupt:
        _err("interrupted; what was stored stays stored, and a re-run resumes")
        sys.exit(130)
