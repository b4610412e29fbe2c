"""Fixtures for the web tests: a store built from the reference article and our own articles,
TestClients on and off loopback, and a live server for the browser tests."""

from __future__ import annotations

import shutil
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.web import WebSettings, create_app

with warnings.catch_warnings():
    # starlette's TestClient asks for httpx2 at import; the httpx it works with today is the one we pin.
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from starlette.testclient import TestClient

DATA = Path(__file__).parent / "data"
LOOPBACK = ("127.0.0.1", 50000)
REMOTE = ("10.1.2.3", 50000)
TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, coder: Any) -> Path:
    """A store holding the reference article and every article in tests/web/data (read-only use)."""
    from eventwire.corpus import ingest
    from eventwire.store import Store

    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with Store.open(path) as store:
        result = ingest(store, [seed_path, DATA], coder=coder)
    assert result.rejected == 0 and result.stored == len(list(DATA.glob("*.txt"))) + 1
    return path


@pytest.fixture()
def writable_db(web_db: Path, tmp_path: Path) -> Path:
    """A private copy of the store that tests may write to."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(web_db, copy)
    return copy


@pytest.fixture(scope="session")
def app(web_db: Path) -> Any:
    return create_app(web_db)


@pytest.fixture(scope="session")
def client(app: Any) -> TestClient:
    return TestClient(app, client=LOOPBACK)


def make_client(db: Path, coder: Any, *, client: tuple[str, int], **settings: Any) -> TestClient:
    """A TestClient on a fresh app over ``db``, sharing the session's Coder."""
    app = create_app(db, settings=WebSettings(**settings))
    app.state.web._coder = coder
    return TestClient(app, client=client)


def article_ids(client: TestClient) -> dict[str, str]:
    """Article id by title."""
    items = client.get("/api/articles", params={"limit": 100}).json()["items"]
    return {a["title"] or "": a["id"] for a in items}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(web_db: Path) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1 (a free port), in a thread."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test web server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
