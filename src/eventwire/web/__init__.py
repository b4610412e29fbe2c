"""``eventwire serve``: a JSON API (OpenAPI at /openapi.json, docs at /docs) and a web UI over a store.

    from eventwire.web import WebSettings, create_app
    app = create_app("eventwire.duckdb", settings=WebSettings(enable_writes=True, token="..."))

See ``docs/web.md``.
"""

from __future__ import annotations

from .app import create_app
from .settings import WebSettings, is_loopback

__all__ = ["WebSettings", "create_app", "is_loopback"]
