"""The command line: each command parses its arguments and calls the library. Our errors
become a one-line message and an exit code in one place (:class:`_Group`): 0 ok, 1 some
inputs failed, 2 usage or error. Progress bars belong here; the library reports progress
through a callback."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from .errors import CommuniqueError, UsageError
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
        try:
            return super().invoke(ctx)
        except CommuniqueError as exc:
            raise _Failed(exc) from exc
        except OSError as exc:  # an unwritable --out folder, a full disk, a vanished file
            where = f" {exc.filename}" if exc.filename else ""
            raise _Failed(f"cannot read or write{where}: {exc.strerror or exc}") from exc
        except sqlite3.Error as exc:  # a read-only, locked or corrupt store
            raise _Failed(
                f"the store failed: {exc}; check that the --db file is writable and not damaged"
            ) from exc


def _pipeline(outlets: Sequence[str] = (), actors: Sequence[str] = (), **ingest: Any) -> Any:
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
        )
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
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
@_ingest_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def analyze(
    paths: tuple[str, ...],
    db: str | None,
    outlets: tuple[str, ...],
    actor_files: tuple[str, ...],
    max_bytes: int | None,
    encoding: str | None,
    quiet: bool,
) -> None:
    """Analyse articles into the store.

    PATHS are files (HTML, text, JSONL, CSV, WARC; gzipped too), directories (recursive),
    globs, http(s) URLs of pages or RSS/Atom feeds (the only network access: what you name
    is fetched; analysis itself is offline), or - for standard input.

    Articles already stored are skipped, so a re-run or a resumed run adds nothing twice;
    copies of a stored article (syndicated wire copy, re-scrape) are linked to it, not
    analysed again. Inputs that cannot be read are reported one line each, recorded in the
    store's failures table, and the run goes on (exit code 1 when any failed)."""
    from .runner import analyze_into_store

    with _stopped_by_signals() as stop_here:
        pipe = _pipeline(outlets, actor_files, max_bytes=max_bytes, encoding=encoding)
        stop_here()
        with _ProgressBar(enabled=not quiet) as bar:

            def progress(p: Any) -> None:
                bar.update(p)
                stop_here()  # between two articles: the place a signal ends the run

            summary = analyze_into_store(
                pipe, list(paths), _db_path(db), on_progress=progress, on_failure=_report_failure
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

    def __init__(self, enabled: bool) -> None:
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
        self.task = self.bar.add_task("analysing", total=None)

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
            description=f"analysing ({p.failed} failed)",
        )


def _report_failure(f: Failure) -> None:
    _err(f"skipped {f.origin}: {f.reason}")


def _print_summary(s: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"communique: {s.db}", show_header=True)
    t.add_column("")
    t.add_column("this run", justify="right")
    t.add_column("in store", justify="right")
    for k in ("articles", "quotes", "events", "mentions"):
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
) -> None:
    """Print one communique/2 JSON object per article on stdout; nothing is stored.

    PATHS are what `analyze` takes: files (HTML, text, JSONL, CSV, WARC, gzipped too),
    directories, globs, http(s) URLs of pages or feeds, or - for standard input."""
    _day(published, "--published")
    from .clean import Given

    failed = 0
    pipe = _pipeline(outlets, actor_files, max_bytes=max_bytes, encoding=encoding)
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


def _iso_day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A --since/--until date as the ISO day the store compares with; anything that is not
    a date is an error, never a filter that silently matches everything."""
    day = _day(value, param.opts[0])
    return day.isoformat() if day else None


def _query_options(f: Any) -> Any:
    f = click.option(
        "--limit", type=click.IntRange(0, _MAX_ROWS), default=None, help="At most this many rows."
    )(f)
    f = _format_option(f)
    f = click.option(
        "--until",
        callback=_iso_day,
        help="Only articles published on or before this date (2020-05-05).",
    )(f)
    f = click.option(
        "--since",
        callback=_iso_day,
        help="Only articles published on or after this date (2020-05-05).",
    )(f)
    f = click.option("--outlet", help="Only this outlet (name, case-insensitive).")(f)
    f = click.option("--actor", help="Actor code (RUS, IGO), registry id, or part of a name.")(f)
    f = click.option("--db", help=DB_HELP)(f)
    return f


def _open(db: str | None) -> Any:
    from .store import Store

    path = _db_path(db)
    if not Path(path).exists():
        raise UsageError(
            f"no store at {path}; run `communique analyze PATH...` first (or pass --db)"
        )
    return Store.open(path)


def _run_query(kind: str, db: str | None, fmt: str, limit: int | None, **filters: Any) -> None:
    from .store import query

    with _open(db) as store:
        rows = query(store, kind, limit=limit, **filters)
    _emit(rows, fmt, kind)


def _query_command(kind: str, summary: str) -> None:
    """Register ``communique KIND``: a query of the store with the common filters."""

    @_query_options
    def command(
        db: str | None,
        actor: str | None,
        outlet: str | None,
        since: str | None,
        until: str | None,
        fmt: str,
        limit: int | None,
    ) -> None:
        _run_query(kind, db, fmt, limit, actor=actor, outlet=outlet, since=since, until=until)

    command.__doc__ = summary
    cli.command(name=kind)(command)


_query_command(
    "events", "Events in the store: source, type, target, date, and the evidence sentence."
)
_query_command("quotes", "Quotes in the store: speaker, type, content and where it came from.")
_query_command("articles", "Articles in the store, with their counts of quotes and events.")


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


@cli.command()
@click.option("--db", help=DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--out",
    "out",
    type=click.Path(),
    help="File (jsonl) or directory (csv, parquet); default: stdout for jsonl.",
)
def export(db: str | None, fmt: str, out: str | None) -> None:
    """Export the store: jsonl = one communique/2 object per article; csv and parquet = one
    file per table of the store (articles, removed, actors, mentions, quotes, events, stance,
    failures, duplicates, signatures, bands, stories, story_articles, runs, meta; BLOB
    columns as hex in CSV). Rows are streamed, so memory stays flat."""
    from .store import export_store

    with _open(db) as store:
        written = export_store(store, fmt, out)
    for w in written:
        _err(f"wrote {w}")


@cli.group()
def actors() -> None:
    """What the actor registry knows: countries, government bodies, IGOs and people with
    dated roles (shipped tables plus any --actors FILE)."""


def _registry(files: Sequence[str]) -> Any:
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


def _emit(rows: list[dict[str, Any]], fmt: str, kind: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        if rows:
            w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
        return
    from rich.console import Console
    from rich.table import Table

    if not rows:
        click.echo(f"no {kind} match", err=True)
        return
    show = _TABLE_COLUMNS.get(kind, list(rows[0]))
    t = Table(show_lines=False)
    for c in show:
        t.add_column(
            c, overflow="fold", max_width=70 if c in ("evidence", "content", "title") else 28
        )
    for r in rows:
        t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in show))
    Console(width=shutil.get_terminal_size((160, 24)).columns).print(t)
    click.echo(f"{len(rows)} {kind}", err=True)


_TABLE_COLUMNS = {
    "events": [
        "date",
        "source",
        "type",
        "target",
        "negated",
        "reported_by_speaker",
        "outlet",
        "evidence",
    ],
    "quotes": ["published", "speaker", "speaker_code", "type", "content", "outlet"],
    "articles": ["published", "outlet", "title", "quotes", "events"],
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
