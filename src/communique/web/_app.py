"""The web app: routes, the page templates, security headers and error pages. Every
request opens the store read-only (its own connection, in a worker thread) and closes it
when the page is made, so a running ``analyze`` writes meanwhile and the next page shows
what it wrote."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import CommuniqueError, UsageError
from ..store import Store
from . import _pages
from ._memo import MEMO_SIZE, Memo
from ._pages import NotFound

HERE = Path(__file__).parent

#: The pages in the navigation bar, in order: (label, path). A new page adds a line here.
NAV: list[tuple[str, str]] = [
    ("Overview", "/"),
    ("Search", "/search"),
    ("Dyads", "/dyad"),
    ("Stories", "/stories"),
]

#: Sent with every response. No script may run (there is none of ours); styles and images
#: come only from this server; nothing may frame the pages or send forms elsewhere.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}

log = logging.getLogger("communique.web")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[
    [Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]],
    Awaitable[None],
]


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(
        self,
        scope: Scope,
        receive: Callable[[], Awaitable[Message]],
        send: Callable[[Message], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                have = {k.lower() for k, _ in headers}
                for k, v in SECURITY_HEADERS.items():
                    if k.encode() not in have:
                        headers.append((k.encode(), v.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every value is escaped, whatever the template's name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["nav"] = NAV
    env.filters["path"] = lambda s: quote(str(s), safe=":")
    env.filters["query"] = lambda d: urlencode({k: v for k, v in d.items() if v not in (None, "")})
    env.filters["num"] = _num
    env.filters["combine_period"] = lambda d, label: {**d, "period": label}
    env.globals["safe_url"] = _pages.safe_url
    return env


def _num(v: float | None, digits: int = 2, sign: bool = False) -> str:
    if v is None:
        return "—"
    return f"{v:+.{digits}f}" if sign else f"{v:.{digits}f}"


def create_app(
    db: str | Path,
    registry: Any = None,
    *,
    page_rows: int = _pages.PAGE_ROWS,
    memo_size: int = MEMO_SIZE,
) -> Starlette:
    """The web app over the store at ``db``, opened read-only for each request. The actor
    registry is loaded here, once (``registry`` to pass one already loaded); lists show
    ``page_rows`` rows a page. The dearest reads (relation series, busiest dyads) are kept
    while the store is unchanged, ``memo_size`` of them at most (0: none, :mod:`._memo`)."""
    path = str(db)
    Store.open(path, read_only=True).close()  # fail now, with the store's own message
    memo = Memo(path, memo_size)
    if registry is None:
        from ..actors import Registry

        registry = Registry.load()
    by_id = _pages.registry_by_id(registry)
    env = _environment()

    def render(
        request: Request, template: str, status: int = 200, /, **context: Any
    ) -> HTMLResponse:
        context.setdefault("error", None)
        page = env.get_template(template).render(
            request_path=request.url.path, db=Path(path).name, **context
        )
        return HTMLResponse(page, status_code=status)

    def page(name: str, build: Callable[[Store, Request], dict[str, Any]]) -> Any:
        def endpoint(request: Request) -> Response:
            with Store.open(path, read_only=True) as store:
                try:
                    context = build(store, request)
                except UsageError as exc:  # a filter the visitor typed: the form again
                    return render(request, name, 400, error=str(exc), **_empty(name, request))
            return render(request, name, **context)

        return endpoint

    def _empty(name: str, request: Request) -> dict[str, Any]:
        """The context of a page whose query was refused: its form, no results."""
        with Store.open(path, read_only=True) as store:
            if name == "search.html":
                form = _pages.SearchForm.from_params(request.query_params)
                return _pages.search(store, registry, _pages.SearchForm(kind=form.kind)) | {
                    "form": form
                }
            if name == "stories.html":
                asked = _pages.StoriesForm.from_params(request.query_params)
                return _pages.stories(store, _pages.StoriesForm()) | {"form": asked, "rows": []}
            if name == "dyad.html":
                return _pages.dyad(store, registry, {}) | {
                    "a": request.query_params.get("a", ""),
                    "b": request.query_params.get("b", ""),
                }
        return {}

    def article(store: Store, request: Request) -> dict[str, Any]:
        focus = None
        for key, prefix in (("event", "ev-"), ("quote", "q-")):
            v = request.query_params.get(key, "")
            if v.isdigit():
                focus = prefix + v
        return _pages.article(store, request.path_params["article_id"], focus)

    def not_found(request: Request, exc: Exception) -> Response:
        msg = str(exc) if isinstance(exc, NotFound) else "no such page"
        return render(request, "error.html", 404, title="Not found", message=msg)

    def failed(request: Request, exc: Exception) -> Response:
        if isinstance(exc, CommuniqueError):  # e.g. the store vanished or is not one
            message = str(exc)
        else:
            log.error("page %s failed", request.url.path, exc_info=exc)
            message = "this page failed; the server's log says why"
        return render(request, "error.html", 500, title="Error", message=message)

    def http_error(request: Request, exc: Exception) -> Response:
        code = getattr(exc, "status_code", 500)
        if code == 404:
            return not_found(request, exc)
        return render(request, "error.html", code, title=f"Error {code}", message=str(exc))

    routes = [
        Route("/", page("overview.html", lambda s, r: _pages.overview(s, registry, memo))),
        Route(
            "/search",
            page(
                "search.html",
                lambda s, r: _pages.search(
                    s, registry, _pages.SearchForm.from_params(r.query_params), page_rows
                ),
            ),
        ),
        Route("/article/{article_id}", page("article.html", article)),
        Route(
            "/actor/{actor_id:path}",
            page(
                "actor.html",
                lambda s, r: _pages.actor(
                    s,
                    registry,
                    by_id,
                    r.path_params["actor_id"],
                    r.query_params.get("date") or None,
                    memo,
                ),
            ),
        ),
        Route(
            "/dyad", page("dyad.html", lambda s, r: _pages.dyad(s, registry, r.query_params, memo))
        ),
        Route(
            "/stories",
            page(
                "stories.html",
                lambda s, r: _pages.stories(
                    s, _pages.StoriesForm.from_params(r.query_params), page_rows
                ),
            ),
        ),
        Route(
            "/story/{story_id}",
            page("story.html", lambda s, r: _pages.story(s, r.path_params["story_id"])),
        ),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            NotFound: not_found,
            HTTPException: http_error,
            Exception: failed,
        },
    )
    app.add_middleware(SecurityHeaders)
    app.state.memo = memo
    return app


def run(app: Starlette, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``app`` until interrupted (uvicorn, one process)."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning")
