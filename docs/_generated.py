"""What the docs generators share: write a generated file, or with ``--check`` in the
arguments exit 1 when the file on disk is not what the generator makes."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(out: Path, text: str) -> None:
    if "--check" in sys.argv:
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            print(f"{out} is stale: run python docs/{Path(sys.argv[0]).name}", file=sys.stderr)
            sys.exit(1)
        return
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
