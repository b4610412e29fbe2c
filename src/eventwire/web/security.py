"""ASGI middleware at the HTTP edge: request body limits and security/cache headers.

:class:`BodyLimit` refuses a body larger than the limit with 413: at once when
``Content-Length`` says so, else as soon as the streamed body passes the limit
(the rest is never read). :class:`SecurityHeaders` adds the Content Security
Policy and friends to every response, and a ``Cache-Control`` where the route
did not set one.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CSP", "DOCS_CSP", "BodyLimit", "SecurityHeaders"]

#: Pages load scripts, styles and images from this server only; nothing inline.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: FastAPI's interactive docs (/docs) load Swagger UI from its CDN and start it with an inline script.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def _too_large(limit: int) -> str:
    return (
        f"the request body is larger than the limit of {limit} bytes; send a smaller article "
        "(or start the server with a larger --max-body)"
    )


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        if length is not None:
            if not length.isdigit():
                await _refuse(scope, send, 400, f"the Content-Length header {length!r} is not a number")
                return
            if int(length) > self.limit:
                await _refuse(scope, send, 413, _too_large(self.limit))
                return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise HTTPException(413, _too_large(self.limit))
            return message

        await self.app(scope, limited, send)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1").strip())
    return None


async def _refuse(scope: Scope, send: Send, status: int, detail: str) -> None:
    from .app import error_body

    path = scope.get("path", "")
    if path.startswith("/api/"):
        body = json.dumps(error_body(status, detail)).encode()
        ctype = b"application/json"
    else:
        body = f"<!doctype html><title>{status}</title><h1>Request refused</h1><p>{_esc(detail)}</p>".encode()
        ctype = b"text/html; charset=utf-8"
    headers = [
        (b"content-type", ctype),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _esc(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


class SecurityHeaders:
    """Add CSP, nosniff, referrer and frame headers, and a default Cache-Control."""

    def __init__(self, app: ASGIApp, page_max_age: int = 30) -> None:
        self.app = app
        self.page_max_age = page_max_age

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        method: str = scope.get("method", "GET")
        if path.startswith("/api/") or path == "/openapi.json":
            cache = "no-cache" if method in ("GET", "HEAD") else "no-store"
        else:
            cache = f"private, max-age={self.page_max_age}"
        csp = DOCS_CSP if path.startswith("/docs") else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                extra = [
                    (b"content-security-policy", csp.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                ]
                if b"cache-control" not in names:
                    extra.append((b"cache-control", cache.encode()))
                message["headers"] = headers + [h for h in extra if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)
