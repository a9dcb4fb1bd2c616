"""Start-up costs of the command line: ``communique --help`` and ``communique extract`` of
one small file, CPU time (user + system) of the whole process, the minimum over
``--repeat`` runs (the machine is shared: the minimum is the run least disturbed), with
bare ``python -c pass`` for reference and the load average.

    python bench/startup.py [--repeat 10] [--file samples/text/...] [--no-bytecode]

The commands run as a user's Python runs them: compiled modules cached in ``__pycache__``
(a first, untimed run writes what is missing), even when this shell sets
``PYTHONDONTWRITEBYTECODE`` (this machine does: every module of an editable install is
then compiled again in each process, about 0.09 s of ``extract``); ``--no-bytecode`` keeps
the shell's setting.

Record the table in BENCHMARKS.md with the command that made it.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "samples" / "text" / "silkmeridian-2019-10-14-wang-yi-lavrov-talks.txt"


def cpu(cmd: list[str], repeat: int, env: dict[str, str]) -> float:
    """The least CPU time (user + system) of ``repeat`` runs of ``cmd``."""
    best = float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, capture_output=True, check=True, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        best = min(best, used)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--file", type=Path, default=SMALL)
    ap.add_argument(
        "--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE if set"
    )
    args = ap.parse_args()
    py = sys.executable
    env = dict(os.environ)
    if not args.no_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"modules compiled each run: {'yes' if 'PYTHONDONTWRITEBYTECODE' in env else 'no'}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"small file: {args.file.name} ({args.file.stat().st_size} bytes)")
    rows = [
        ("python -c pass", [py, "-c", "pass"], args.repeat),
        ("communique --help", [py, "-m", "communique", "--help"], args.repeat),
        ("communique extract FILE", [py, "-m", "communique", "extract", str(args.file)], 3),
        (
            "communique extract --no-stance FILE",
            [py, "-m", "communique", "extract", "--no-stance", str(args.file)],
            3,
        ),
    ]
    base = None
    print(f"{'command':<38}{'CPU s (min)':>12}{'over python':>13}")
    for _name, cmd, _n in rows:  # untimed: writes the compiled modules that are missing
        subprocess.run(cmd, capture_output=True, check=True, env=env)
    for name, cmd, n in rows:
        t = cpu(cmd, n, env)
        base = t if base is None else base
        print(f"{name:<38}{t:>12.3f}{t - base:>13.3f}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
