"""A read-only web view of the store (``communique serve``): an overview, search with
filters, articles with their quotes, events and actor mentions marked in the text, actors,
dyads as relation series charts whose periods list the events behind them, and stories
with their outlets compared (first reporter, voices, omissions, stance). Pages are
made on the server (HTML, CSS and SVG; no script) and the store is opened read-only.

Needs the ``web`` extra (Starlette, uvicorn, Jinja2): ``pip install 'communique[web]'``."""

from __future__ import annotations

from ._app import NAV, SECURITY_HEADERS, create_app, run
from ._marks import Mark, Piece, pieces
from ._pages import safe_url

__all__ = [
    "NAV",
    "SECURITY_HEADERS",
    "Mark",
    "Piece",
    "create_app",
    "pieces",
    "run",
    "safe_url",
]
