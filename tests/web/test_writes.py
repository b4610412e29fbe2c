"""POST /api/articles: writes enabled or not, loopback or not, token, size limits, bad bodies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import LOOPBACK, REMOTE, TOKEN, make_client
from .test_api import assert_error

NEW = {
    "text": "Armenian Prime Minister Nikol Pashinyan met Georgian Prime Minister Irakli Kobakhidze "
    "in Tbilisi on Wednesday.\nKobakhidze said that Georgia supported the peace process.\n",
    "title": "Pashinyan visits Tbilisi",
    "published": "2025-03-19",
    "outlet": "Test Courier",
}


def test_write_on_loopback_codes_and_stores_once(writable_db: Path, coder: Any) -> None:
    c = make_client(writable_db, coder, client=LOOPBACK, enable_writes=True)
    before = c.get("/api/articles").json()["items"]
    created = c.post("/api/articles", json=NEW)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["stored"] is True and body["events"] >= 1
    assert created.headers["location"] == body["url"] == f"/articles/{body['id']}"
    assert created.headers["cache-control"] == "no-store"
    detail = c.get(f"/api/articles/{body['id']}").json()
    assert detail["article"]["title"] == NEW["title"] and detail["article"]["outlet"] == "Test Courier"
    assert "Irakli Kobakhidze" in {a["name"] for a in detail["actors"]}
    assert len(c.get("/api/articles").json()["items"]) == len(before) + 1
    assert c.get(body["url"]).status_code == 200
    again = c.post("/api/articles", json=NEW)
    assert again.status_code == 200 and again.json() == {
        "id": body["id"],
        "stored": False,
        "events": None,
        "url": body["url"],
    }
    assert len(c.get("/api/articles").json()["items"]) == len(before) + 1


def test_write_off_loopback_needs_the_token(writable_db: Path, coder: Any) -> None:
    c = make_client(writable_db, coder, client=REMOTE, enable_writes=True, token=TOKEN)
    missing = c.post("/api/articles", json=NEW)
    assert_error(missing, 401, "Authorization: Bearer")
    assert missing.headers["www-authenticate"] == "Bearer"
    assert_error(
        c.post("/api/articles", json=NEW, headers={"Authorization": "Bearer wrong-token"}), 401, "wrong"
    )
    assert_error(
        c.post("/api/articles", json=NEW, headers={"Authorization": f"Basic {TOKEN}"}), 401, "Bearer"
    )
    ok = c.post("/api/articles", json=NEW, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201, ok.text
    # reading needs no token
    assert c.get("/api/articles").status_code == 200


def test_write_off_loopback_without_a_configured_token_is_refused(writable_db: Path, coder: Any) -> None:
    c = make_client(writable_db, coder, client=REMOTE, enable_writes=True)
    assert_error(
        c.post("/api/articles", json=NEW, headers={"Authorization": "Bearer anything"}), 403, "need a token"
    )


def test_writes_disabled_even_on_loopback_with_token(writable_db: Path, coder: Any) -> None:
    c = make_client(writable_db, coder, client=LOOPBACK, token=TOKEN)
    assert_error(
        c.post("/api/articles", json=NEW, headers={"Authorization": f"Bearer {TOKEN}"}), 403, "read-only"
    )


@pytest.fixture()
def small_limit(writable_db: Path, coder: Any) -> Any:
    return make_client(writable_db, coder, client=LOOPBACK, enable_writes=True, max_body_bytes=64 * 1024)


def test_oversized_post_is_413_before_reading(small_limit: Any) -> None:
    big = {"text": "The minister spoke. " * 20_000}
    response = small_limit.post("/api/articles", json=big)
    assert_error(response, 413, "larger than the limit of 65536 bytes")
    assert small_limit.get("/api/articles").json()["next_offset"] is None
    assert len(small_limit.get("/api/articles").json()["items"]) == 5


def test_oversized_streamed_post_is_413(small_limit: Any) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(200):
            yield b"x" * 1024
        yield b'"}'

    response = small_limit.post(
        "/api/articles", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert_error(response, 413, "larger than the limit")


def test_default_limit_is_two_mebibytes(writable_db: Path, coder: Any) -> None:
    c = make_client(writable_db, coder, client=LOOPBACK, enable_writes=True)
    response = c.post(
        "/api/articles", content=b"x" * (2 * 1024 * 1024 + 1), headers={"Content-Type": "application/json"}
    )
    assert_error(response, 413, "2097152 bytes")


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({}, "text: Field required"),
        ({"text": ""}, "text: String should have at least 1 character"),
        ({"text": "Fine.", "title": 5}, "title"),
        ({"text": "   \n  "}, "rejected (empty)"),
    ],
)
def test_bad_bodies_are_422(small_limit: Any, body: dict[str, Any], fragment: str) -> None:
    assert_error(small_limit.post("/api/articles", json=body), 422, fragment)


def test_malformed_json_is_422(small_limit: Any) -> None:
    response = small_limit.post(
        "/api/articles", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert_error(response, 422, "JSON")
