"""The web app: ``create_app(db_path, options, settings)`` builds one FastAPI application.

Everything the app needs lives on ``app.state.web`` (an :class:`AppState`):
the open store (guarded by a lock, since DuckDB connections are not shared
between threads), the templates, the static files read once from the package,
and the Coder, built on the first write. There is no module-level app.

Errors become responses in one place, :func:`handle_error`: JSON of the pinned
shape ``{"error": {"status", "title", "detail"}}`` under ``/api/``, an HTML
page elsewhere.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import ConfigError, EventwireError, InputError, StoreError
from ..options import Options
from ..store.db import Store
from .charts import PLOVER_TYPES
from .security import BodyLimit, SecurityHeaders
from .settings import WebSettings

__all__ = ["AppState", "create_app", "error_body", "handle_error"]

STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


@dataclass
class AppState:
    """What one app holds: the store, templates, static files, and the lazily built Coder."""

    db_path: str
    options: Options
    settings: WebSettings
    store: Store
    templates: jinja2.Environment
    static: dict[str, tuple[bytes, str]]
    static_version: str
    lock: threading.Lock = field(default_factory=threading.Lock)
    coder_lock: threading.Lock = field(default_factory=threading.Lock)
    code_lock: threading.Lock = field(default_factory=threading.Lock)
    _coder: Any = None

    @contextmanager
    def db(self) -> Iterator[Store]:
        """The store, for one request's queries (one thread at a time)."""
        with self.lock:
            yield self.store

    def coder(self) -> Any:
        """The Coder, built once on first use (it loads the spaCy model, KB and lexicon)."""
        with self.coder_lock:
            if self._coder is None:
                from ..pipeline import Coder

                self._coder = Coder(self.options)
            return self._coder

    def code(self, articles: list[Any]) -> Any:
        """Code a batch with the app's Coder, one request at a time (spaCy pipelines are not thread-safe)."""
        from ..corpus.workers import code_batch
        from ..linking.keys import LinkRules

        coder = self.coder()
        with self.code_lock:
            return code_batch(coder, articles, LinkRules.load())

    def render(self, name: str, request: Request, status_code: int = 200, **context: Any) -> HTMLResponse:
        template = self.templates.get_template(name)
        html = template.render(request=request, path=request.url.path, settings=self.settings, **context)
        return HTMLResponse(html, status_code=status_code)


def _load_static() -> tuple[dict[str, tuple[bytes, str]], str]:
    files: dict[str, tuple[bytes, str]] = {}
    digest = hashlib.sha256()
    folder = resources.files("eventwire.web") / "static"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        suffix = Path(entry.name).suffix
        if suffix in STATIC_TYPES:
            data = entry.read_bytes()
            files[entry.name] = (data, STATIC_TYPES[suffix])
            digest.update(entry.name.encode() + b"\0" + data)
    return files, digest.hexdigest()[:12]


def actor_url(canonical: str) -> str:
    return "/actors/" + quote(canonical, safe="")


def event_url(linked_id: str) -> str:
    return "/events/" + quote(linked_id, safe="")


def article_url(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def web_url(value: str | None) -> str | None:
    """``value`` if it is an http(s) URL, else None: an article's URL never becomes a ``javascript:`` link."""
    if not value:
        return None
    text = value.strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def _environment(static_version: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("eventwire.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        actor_url=actor_url,
        event_url=event_url,
        article_url=article_url,
        web_url=web_url,
        static_url=lambda name: f"/static/{static_version}/{quote(name)}",
        query=lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")}),
        plover_types=PLOVER_TYPES,
        version=__version__,
    )
    return env


def create_app(
    db_path: str | Path, options: Options | None = None, settings: WebSettings | None = None
) -> FastAPI:
    """A FastAPI app serving the store at ``db_path`` (opened read-only unless writes are enabled)."""
    from .api import api_router
    from .pages import pages_router

    settings = settings or WebSettings()
    options = options or Options()
    store = Store.open(db_path, read_only=not settings.enable_writes)
    static, version = _load_static()
    state = AppState(
        db_path=str(db_path),
        options=options,
        settings=settings,
        store=store,
        templates=_environment(version),
        static=static,
        static_version=version,
    )
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Sourced political event data (PLOVER) from news articles: articles, events and "
        "their mentions across outlets, actors, statements. Read-only unless the server was started "
        "with `--enable-writes`.",
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.web = state
    for kind in (StarletteHTTPException, RequestValidationError, EventwireError, Exception):
        app.add_exception_handler(kind, handle_error)
    app.add_middleware(SecurityHeaders, page_max_age=settings.page_max_age)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.include_router(api_router())
    app.include_router(pages_router())

    @app.get("/static/{version}/{name}", include_in_schema=False)
    def static_file(version: str, name: str) -> Response:
        found = state.static.get(name)
        if found is None:
            raise StarletteHTTPException(404, f"no static file named {name!r}")
        data, ctype = found
        cache = "public, max-age=31536000, immutable" if version == state.static_version else "no-cache"
        return Response(data, media_type=ctype, headers={"Cache-Control": cache})

    app.router.add_event_handler("shutdown", store.close)
    return app


def error_body(status: int, detail: str) -> dict[str, Any]:
    """The pinned JSON shape of every API error."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    return {"error": {"status": status, "title": title, "detail": detail}}


def _status_of(exc: Exception) -> tuple[int, str]:
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, str(exc.detail)
    if isinstance(exc, RequestValidationError):
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return 422, "; ".join(problems) or "the request is invalid"
    if isinstance(exc, ConfigError):
        return 400, str(exc)
    if isinstance(exc, InputError):
        return 422, str(exc)
    if isinstance(exc, StoreError):
        return 503, str(exc)
    if isinstance(exc, EventwireError):
        return 500, str(exc)
    return 500, f"an internal error occurred ({type(exc).__name__}); the server log has the details"


async def handle_error(request: Request, exc: Exception) -> Response:
    """The one place errors become responses: pinned JSON for the API, an HTML page for the UI."""
    status, detail = _status_of(exc)
    headers = dict(getattr(exc, "headers", None) or {})
    headers["Cache-Control"] = "no-store"
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse(error_body(status, detail), status_code=status, headers=headers)
    state: AppState = request.app.state.web
    body = error_body(status, detail)["error"]
    response = state.render("error.html", request, status_code=status, error=body)
    response.headers.update(headers)
    return response
