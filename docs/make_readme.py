"""Write the command outputs shown in README.md by running the commands (docs as code).

A fenced block right after a line ``<!-- output: NAME -->`` is generated: this script runs
the commands of block NAME (below) on the bundled samples and the seeds and writes what
they print. ``python docs/make_readme.py --check`` exits 1 when a block is stale; timings
("in 4.2s") are compared as numbers-free text, since they differ from run to run, and
so are net stances in tables (their counts are compared; see ``_NET``).

Shortening is done here, in the open: long JSON strings are cut to ``MAX_JSON_TEXT``
characters with "…", wide tables are printed at ``WIDTH`` columns.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from communique.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SHARED = ROOT.parent / "shared"
#: Terminal width the tables are printed at, and the width of --help texts.
WIDTH = 160
HELP_WIDTH = 100
#: JSON strings longer than this are shortened with "…" in the README.
MAX_JSON_TEXT = 60
#: The story `./dev demo` prints at its end (story C of samples/README.md); its id is
#: ``s`` + the id of its first article, a hash of outlet and text, so it does not change.
DEMO_STORY = "s3cad8120322c3e32"
_MARK = re.compile(r"^<!-- output: (\S+) -->\n```[^\n]*\n(.*?)^```\n", re.M | re.S)
_TIMING = re.compile(r"\d+(\.\d+)?s\b|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
#: A net stance in a table cell ("-0.56 (9)"): compared by its count of statements only.
#: The stance model's int8 products are the same on every x86 CPU (seven-bit weights),
#: but onnxruntime's float kernels differ with the instruction set, so a probability near
#: a class boundary can fall either way from one machine to another (eight-bit weights
#: gave Calloway's China -0.67 on one CPU and -0.56 on another).
_NET = re.compile(r"[+-]\d\.\d\d (\(\d+\))")


def _run(args: list[str], db: str, width: int = WIDTH) -> tuple[int, str, str]:
    res = CliRunner().invoke(
        cli,
        args,
        env={"COMMUNIQUE_DB": db, "COLUMNS": str(width)},
        prog_name="communique",
        terminal_width=HELP_WIDTH,
    )
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, _rstrip(res.stdout), _rstrip(res.stderr)


def _rstrip(text: str) -> str:
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def _shorten(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _shorten(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shorten(v) for v in value]
    if isinstance(value, str) and len(value) > MAX_JSON_TEXT:
        return value[: MAX_JSON_TEXT - 1] + "…"
    return value


def _help(db: str) -> str:
    out = _run(["--help"], db)[1]
    return "$ communique --help\n" + out[out.index("Commands:") :]


def _demo(db: str) -> str:
    """What `./dev demo` ends with: the summary table (the progress bar goes to stderr).
    Run where the store is, with ``samples`` linked there, so the store is named as the
    default ``communique.db`` and origins read ``samples/...`` as they do for a user."""
    here = Path(db).parent
    (here / "samples").symlink_to(ROOT / "samples", target_is_directory=True)
    old = os.getcwd()
    os.chdir(here)
    try:
        args = ["analyze", "samples/", "--outlets", "samples/outlets.csv"]
        code, out, _ = _run(args, Path(db).name)
    finally:
        os.chdir(old)
    assert code == 0, out
    return out


def _commands(
    *commands: str,
    keep: Callable[[str, str], str] = lambda out, err: out,
    own_store: bool = False,
    width: int = WIDTH,
) -> Callable[[str], str]:
    """Run ``commands`` on the shared store (or on a store of their own, so what they add
    does not show in the blocks after them), in a terminal ``width`` columns wide."""

    def block(db: str) -> str:
        parts = []
        for command in commands:
            store = db + ".own" if own_store else db
            _code, out, err = _run(shlex.split(command), store, width)
            parts.append(f"$ communique {command}\n{keep(out, err)}")
        return "".join(parts)

    return block


def _extract_quote(db: str) -> str:
    seed = "../shared/seeds/000_faa8e0f4ddf92ad0.txt"
    out = _run(["extract", seed, "--published", "2020-05-05"], db)[1]
    quote = _shorten(json.loads(out.splitlines()[0])["quotes"][5])
    fields = ",\n".join(
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in quote.items()
    )
    return (
        f"$ communique extract {seed} --published 2020-05-05 | jq '.quotes[5]'\n"
        + "{\n"
        + fields
        + f"\n}}\n(texts over {MAX_JSON_TEXT} characters shortened here with …)\n"
    )


def _first_error(out: str, err: str) -> str:
    return err.splitlines(keepends=True)[0] + "...\n"


#: Block name → (needs ../shared, function of the store path → block text). Blocks run in
#: this order on one store: the demo fills it, the queries read it.
BLOCKS: dict[str, tuple[bool, Callable[[str], str]]] = {
    "demo": (False, _demo),
    "help": (False, _help),
    "analyze-missing": (
        True,
        _commands("analyze -q ../shared/seeds missing.txt", keep=_first_error, own_store=True),
    ),
    "extract": (True, _extract_quote),
    "events": (
        False,
        _commands(
            "events --dyad RUS:USA --limit 2",
            "events --between USA CHN --type SANCTION --columns date,source_code,type,"
            "target_code,cameo,intensity,outlet",
            width=80,
        ),
    ),
    "search": (False, _commands('search "talks" --actor TUR --limit 2', width=80)),
    "quotes-csv": (False, _commands("quotes --actor Peskov --format csv --limit 1")),
    "stance": (
        False,
        _commands("stance --actor CHN --limit 4", "stance --speaker Peskov --format csv --limit 6"),
    ),
    "relations": (
        False,
        _commands(
            "relations USA RUS --both --by week --since 2021-06-01",
            "relations USA CHN --both --by month --events",
            "relations --top 5",
            width=80,
        ),
    ),
    "stories": (
        False,
        _commands(
            "stories --since 2020 --until 2021",
            f"story {DEMO_STORY} --format md",
            width=100,
        ),
    ),
    "recode": (
        False,
        _commands(
            "recode --outlet 'Volga Global' --all -q",
            "runs list",
            "events --run 1 --outlet 'Volga Global' --limit 2",
            width=80,
        ),
    ),
    "actors": (
        False,
        _commands(
            'actors lookup "Secretary of State" --date 2022-05-05',
            "actors lookup Beijing",
        ),
    ),
}


def render(readme: str) -> tuple[str, list[str]]:
    """The README with every block regenerated, and the names of blocks left as they were
    (they need ../shared, which is absent)."""
    skipped: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "communique.db")
        old = os.getcwd()
        os.chdir(ROOT)
        try:
            made = {}
            for name, (needs_shared, make) in BLOCKS.items():
                if needs_shared and not SHARED.exists():
                    skipped.append(name)
                else:
                    made[name] = make(db)
        finally:
            os.chdir(old)

    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in BLOCKS:
            raise SystemExit(f"README names an unknown output block {name!r}")
        body = made.get(name, m.group(2))
        fence = m.group(0).split("\n", 2)[1]
        return f"<!-- output: {name} -->\n{fence}\n{body.rstrip()}\n```\n"

    return _MARK.sub(fill, readme), skipped


def _comparable(text: str) -> str:
    return _NET.sub(r"±… \1", _TIMING.sub("…s", text))


def main() -> None:
    readme = README.read_text(encoding="utf-8")
    text, skipped = render(readme)
    if skipped:
        print(f"left as they were (../shared is absent): {', '.join(skipped)}", file=sys.stderr)
    if "--check" in sys.argv:
        if _comparable(text) != _comparable(readme):
            print(f"{README} outputs are stale: run python docs/make_readme.py", file=sys.stderr)
            sys.exit(1)
        return
    README.write_text(text, encoding="utf-8")
    print(f"wrote {README}")


if __name__ == "__main__":
    main()
