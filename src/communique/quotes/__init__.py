"""Quotes: direct, indirect and mixed quotes with their speakers, cues and addressees.

Quotation marks are paired in :mod:`._marks`, speakers found through the parse and the
actor index in :mod:`._speakers`, and both joined into records in :mod:`._extract`."""

from __future__ import annotations

from ._extract import CUE_VERBS, extract_quotes
from ._marks import quote_spans

__all__ = ["CUE_VERBS", "extract_quotes", "quote_spans"]
