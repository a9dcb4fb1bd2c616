"""The HTTP client: the one place communique touches the network, and only for URLs the user
gave on the command line (analysis itself never fetches).

:class:`Fetcher` adds what every polite, robust download needs — a user agent naming
communique, a timeout, retries with exponential backoff on transient errors, and a response
size limit — around a *transport*: a plain function ``Request → Response``. The default
transport uses ``urllib`` from the standard library; tests pass a function returning canned
responses, so no test touches the internet (the httpx ``MockTransport`` idea).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from typing import Any

from ..errors import FetchError
from ._limits import RETRIES, TIMEOUT

__all__ = [
    "BACKOFF",
    "RETRIES",
    "TIMEOUT",
    "USER_AGENT",
    "FetchError",
    "Fetcher",
    "Request",
    "Response",
    "Transport",
    "urllib_transport",
]

#: Seconds before the first retry; doubled for each further one.
BACKOFF = 1.0
USER_AGENT = "communique/0.1 (news event data; fetches only the URLs its user gave)"
#: Statuses worth another try: the server may answer next time.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Request:
    url: str
    headers: Mapping[str, str]
    timeout: float
    max_bytes: int  # read at most max_bytes + 1 bytes of body: more means "too big"
    allow_private: bool = False  # redirects may lead to private addresses


@dataclass(frozen=True)
class Response:
    url: str  # the final URL, after redirects
    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)  # names in lower case

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower case ("text/html")."""
        return self.header("content-type").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        msg = Message()
        msg["content-type"] = self.header("content-type")
        cs = msg.get_param("charset")
        return cs.strip().lower() if isinstance(cs, str) and cs.strip() else None


#: Sends one request; returns the response for any HTTP status, raises ``TimeoutError`` on
#: a timeout and ``OSError`` when the server cannot be reached.
Transport = Callable[[Request], Response]


class Fetcher:
    """Fetch URLs politely and within limits. Nothing happens until :meth:`get` is called."""

    def __init__(
        self,
        *,
        timeout: float = TIMEOUT,
        retries: int = RETRIES,
        backoff: float = BACKOFF,
        max_bytes: int = 16 * 1024 * 1024,
        user_agent: str = USER_AGENT,
        transport: Transport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        allow_private_hosts: bool = False,
    ) -> None:
        if timeout <= 0:
            raise ValueError(f"timeout must be positive, got {timeout}")
        if retries < 0:
            raise ValueError(f"retries must be 0 or more, got {retries}")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.transport: Transport = transport or urllib_transport
        self.sleep = sleep
        self.allow_private_hosts = allow_private_hosts

    def get(self, url: str) -> Response:
        """The response to a GET of ``url`` with a 2xx status; raises :class:`FetchError`."""
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError(url, "only http:// and https:// URLs can be fetched")
        request = Request(
            url,
            {"User-Agent": self.user_agent, "Accept": "*/*"},
            self.timeout,
            self.max_bytes,
            self.allow_private_hosts,
        )
        attempt = 0
        while True:
            try:
                return self._once(request)
            except FetchError as exc:
                if not exc.retryable or attempt >= self.retries:
                    if attempt:
                        raise FetchError(
                            url, f"{exc.reason} (after {attempt + 1} attempts)"
                        ) from exc
                    raise
            self.sleep(self.backoff * 2**attempt)
            attempt += 1

    def _once(self, request: Request) -> Response:
        url = request.url
        try:
            resp = self.transport(request)
        except RedirectRefused as exc:
            raise FetchError(url, str(exc)) from exc
        except TimeoutError as exc:
            raise FetchError(
                url,
                f"timed out after {request.timeout:g}s; pass a larger --timeout "
                "if the server is slow",
                retryable=True,
            ) from exc
        except OSError as exc:
            raise FetchError(
                url,
                f"cannot connect: {exc}; check the URL and your network",
                retryable=True,
            ) from exc
        if not 200 <= resp.status < 300:
            raise FetchError(
                url,
                f"server answered HTTP {resp.status}; check the URL",
                retryable=resp.status in RETRY_STATUSES,
            )
        length = resp.header("content-length")
        size = int(length) if length.isdigit() else len(resp.body)
        if size > request.max_bytes or len(resp.body) > request.max_bytes:
            shown = f"{_mb(size)}" if length.isdigit() else f"over {_mb(request.max_bytes)}"
            raise FetchError(
                url,
                f"response is {shown}, over the limit of {_mb(request.max_bytes)}; "
                "pass --max-bytes to raise it",
            )
        return resp


def urllib_transport(request: Request) -> Response:
    """The default transport: ``urllib`` with a per-read timeout and a whole-response
    deadline of twice the timeout, reading at most ``max_bytes + 1`` bytes of body."""
    try:
        return _urllib_get(request)
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise TimeoutError(str(exc.reason)) from exc
        raise OSError(str(exc.reason)) from exc
    except (http.client.HTTPException, ValueError) as exc:  # broken reply, malformed URL
        raise OSError(f"{type(exc).__name__}: {exc}") from exc


def _urllib_get(request: Request) -> Response:
    req = urllib.request.Request(request.url, headers=dict(request.headers))
    deadline = time.monotonic() + 2 * request.timeout
    opener = urllib.request.build_opener(_HttpOnlyRedirects(request.allow_private))
    try:
        resp: Any = opener.open(req, timeout=request.timeout)
    except urllib.error.HTTPError as exc:  # an error status is still a response
        resp = exc
    with resp:
        headers = {k.lower(): v for k, v in resp.headers.items()}
        status = int(resp.status if hasattr(resp, "status") else resp.code)
        final = resp.geturl() or request.url
        chunks: list[bytes] = []
        got = 0
        length = headers.get("content-length", "")
        if not (length.isdigit() and int(length) > request.max_bytes):
            while got <= request.max_bytes:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"response not complete after {2 * request.timeout:g}s")
                # read1: what has arrived, so a server dripping a byte at a time cannot
                # hold the read (and the deadline) open
                read = getattr(resp, "read1", resp.read)
                chunk = read(min(_CHUNK, request.max_bytes + 1 - got))
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
    return Response(final, status, b"".join(chunks), headers)


class RedirectRefused(OSError):
    """A redirect the fetcher will not follow (not worth another try)."""


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) URLs only (never to ftp:// or file://), and never to a
    private, loopback or link-local address unless allowed (a page cannot send the fetcher
    into the local network)."""

    def __init__(self, allow_private: bool = False) -> None:
        super().__init__()
        self.allow_private = allow_private

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> Any:
        if not newurl.lower().startswith(("http://", "https://")):
            raise urllib.error.HTTPError(newurl, code, f"redirect to {newurl} refused", headers, fp)
        if not self.allow_private and private_host(newurl) is True:
            raise RedirectRefused(
                f"redirect to the private address {newurl} refused; pass "
                "--allow-private-hosts if you mean it"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def private_host(url: str) -> bool | None:
    """Is the URL's host on a private, loopback, link-local or reserved network (None: the
    name does not resolve here)?"""
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        addrs = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None)
        except (OSError, UnicodeError):
            return None
        addrs = [ipaddress.ip_address(str(i[4][0]).split("%")[0]) for i in infos]
    return any(a.is_private or a.is_loopback or a.is_link_local or a.is_reserved for a in addrs)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"
