"""Cells of the CSV and tab-separated files we write, made safe to open in a spreadsheet."""

from __future__ import annotations

from typing import Any

#: First characters that make a spreadsheet read a cell as a formula (OWASP's list): a text
#: cell starting with one is written with a leading apostrophe, which spreadsheets show as
#: text and do not evaluate.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` for a CSV cell: text that a spreadsheet would run as a formula is prefixed
    with ``'``; numbers (a negative intensity) and everything else pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
