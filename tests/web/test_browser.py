"""End-to-end in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Loads a live server over the store built from the reference article and
tests/web/data, opens every page, follows links between them, applies a
filter, checks that no script from an article runs, and saves screenshots to
test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import article_ids

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
#: Set EVENTWIRE_DOC_IMAGES=1 to refresh the README's screenshots in docs/img/ as well.
DOC_IMAGES = ROOT / "docs" / "img"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install -y chromium`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, live_server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
    pg.errors = errors
    yield pg
    context.close()


def shot(page: Any, name: str, full: bool = True) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    assert path.stat().st_size > 1000
    return path


def doc_image(page: Any, name: str, width: int = 1100, height: int = 700) -> None:
    """A small viewport-sized PNG for the docs (only when EVENTWIRE_DOC_IMAGES=1)."""
    if os.environ.get("EVENTWIRE_DOC_IMAGES") != "1":
        return
    DOC_IMAGES.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": height})
    page.evaluate("window.scrollTo(0, 0)")
    path = DOC_IMAGES / f"{name}.png"
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": 1280, "height": 900})
    assert path.stat().st_size < 200_000, f"{path} is {path.stat().st_size} bytes; keep docs images small"


def test_walk_the_story(page: Any) -> None:
    page.goto("/")
    assert page.title() == "Story timeline · eventwire"
    assert page.locator("svg g.bar").count() >= 4
    shot(page, "01-timeline")
    shot(page, "01-timeline-top", full=False)
    doc_image(page, "timeline", 1100, 800)

    # apply a filter: only Rubio's events
    page.fill("input[name=actor]", "Rubio")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"actor=Rubio"))
    story = page.locator("ol.story li")
    assert story.count() >= 1
    assert all("Rubio" in t for t in story.all_inner_texts())
    shot(page, "02-timeline-filtered")

    # a bar leads to the events of its day
    page.locator("svg a").first.click()
    page.wait_for_url(re.compile(r"/events\?.*since="))
    assert page.locator("table.events tbody tr").count() >= 1
    shot(page, "03-events-of-a-day")

    # the event page, with every mention
    page.goto("/events")
    shot(page, "04-events")
    page.locator("table.events tbody tr a").first.click()
    page.wait_for_url(re.compile(r"/events/le-"))
    assert page.locator("ul.mentions li").count() >= 1
    assert page.locator("blockquote .trig").count() >= 1
    shot(page, "05-event")

    # from the event to the article that reports it, then to an actor
    page.locator("ul.mentions li .meta a").first.click()
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]{64}"))
    assert page.locator("#text a.act").count() >= 1
    shot(page, "06-article")
    page.locator("#text a.act").first.click()
    page.wait_for_url(re.compile(r"/actors/"))
    assert page.locator("h1").inner_text()
    shot(page, "07-actor")

    page.goto("/dyads")
    assert page.locator("svg g.node").count() >= 3 and page.locator("svg g.edge").count() >= 2
    shot(page, "08-dyads")
    page.locator("svg g.node").first.click()
    page.wait_for_url(re.compile(r"/actors/"))

    page.goto("/statements")
    page.select_option("select[name=kind]", "outlet")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"kind=outlet"))
    assert page.locator("li.stmt-outlet").count() >= 1 and page.locator("li.stmt-direct").count() == 0
    shot(page, "15-statements-outlet-claims")

    page.goto("/articles")
    shot(page, "09-articles")
    page.goto("/actors")
    shot(page, "10-actors")
    assert page.errors == []


def test_event_shared_by_two_outlets(page: Any, client: Any) -> None:
    shared = [
        e for e in client.get("/api/events", params={"limit": 1000}).json()["items"] if e["num_sources"] > 1
    ]
    page.goto(f"/events/{shared[0]['id']}")
    outlets = page.locator("ul.mentions .meta").all_inner_texts()
    assert len(outlets) >= 2 and len({o.split("·")[1].strip() for o in outlets}) >= 2
    shot(page, "11-event-two-outlets")
    # The README shows one of our own articles, never a third-party text.
    page.locator("ul.mentions li .meta a").first.click()
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]{64}"))
    doc_image(page, "article", 1000, 600)


def test_article_page_of_the_reference_article(page: Any, client: Any) -> None:
    ids = article_ids(client)
    reference = next(i for t, i in ids.items() if t.startswith("Putin and Trump"))
    page.goto(f"/articles/{reference}")
    assert page.locator("#text .st-outlet").count() >= 5
    assert page.locator("#text .st-indirect, #text .st-direct").count() >= 3
    assert page.locator("#text a.trig").count() >= 5
    shot(page, "12-reference-article")
    shot(page, "12-reference-article-top", full=False)
    # the legend hides a layer with the one script we ship
    page.uncheck("#legend input[data-layer=st-outlet]")
    assert "hide-st-outlet" in (page.locator("#text").get_attribute("class") or "")
    page.check("#legend input[data-layer=st-outlet]")
    assert page.errors == []


def test_error_pages(page: Any) -> None:
    response = page.goto("/events/le-missing")
    assert response.status == 404
    assert "There is no event with id" in page.inner_text("main")
    shot(page, "13-error-404", full=False)
    response = page.goto("/?since=last+week")
    assert response.status == 400 and "since must be a date" in page.inner_text("main")


def test_nothing_from_an_article_executes(page: Any, client: Any) -> None:
    ids = article_ids(client)
    xss = next(i for t, i in ids.items() if t.startswith("<script>"))
    for url in [f"/articles/{xss}", "/articles", "/", "/events", "/search?q=Abu+Dhabi", "/actors"]:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("() => window.__xss") is None, url
        assert page.title() != "pwned" and page.title().endswith("· eventwire"), url
        # hover and click everything the article could have smuggled in
        for selector in ["#text b", "#text img", "#text svg", "a[href^=javascript]", "main img", "main b"]:
            assert page.locator(selector).count() == 0, (url, selector)
    page.goto(f"/articles/{xss}")
    text = page.inner_text("#text")
    assert "<script>window.__xss = 'text'" in text and "<b onmouseover=alert(1)>bold</b>" in text
    assert page.inner_text("h1").startswith("<script>document.title=")
    assert "Evil Outlet" in page.inner_text("p.meta")
    shot(page, "14-xss-article", full=False)
    assert page.errors == []
