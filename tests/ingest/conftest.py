"""Fixtures of the ingest tests: a reader helper and a local HTTP server (never the internet)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.ingest import Metadata, read_articles
from eventwire.options import Options
from eventwire.records import Article, Rejected


def read(
    *sources: str | Path,
    input_format: str | None = None,
    metadata: Metadata | None = None,
    options: Options | None = None,
    fetch_links: bool = False,
) -> list[Article | Rejected]:
    return list(read_articles(sources, input_format, metadata, options, fetch_links=fetch_links))


def one_article(*sources: str | Path, **kwargs: object) -> Article:
    items = read(*sources, **kwargs)  # type: ignore[arg-type]
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def one_rejected(*sources: str | Path, **kwargs: object) -> Rejected:
    items = read(*sources, **kwargs)  # type: ignore[arg-type]
    assert len(items) == 1, items
    assert isinstance(items[0], Rejected), items[0]
    return items[0]


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    send_length: bool = True  # without it the body ends when the connection closes (HTTP/1.0)
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route]
    user_agents: list[str]

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str, **kwargs: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **kwargs)  # type: ignore[arg-type]
        return self.url(path)


def _handler(routes: dict[str, Route], agents: list[str]) -> Callable[..., BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            agents.append(self.headers.get("User-Agent", ""))
            route = routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            if route.delay:
                time.sleep(route.delay)
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def server() -> Iterator[LocalServer]:
    routes: dict[str, Route] = {}
    agents: list[str] = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes, agents))
    httpd.daemon_threads = True
    httpd.block_on_close = False
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{httpd.server_address[1]}", routes, agents)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
