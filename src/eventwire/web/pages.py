"""The HTML pages: story timeline, events, event, articles, article, actors, actor, dyads, search.

Server-rendered with Jinja2 (autoescape on); article text reaches a page only
through :func:`eventwire.web.highlight.highlight`, which escapes every piece.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException

from ..store import query as store_query
from ..store.query import EventFilter
from . import queries
from .api import Events, event_filter, state
from .app import actor_url, event_url
from .charts import network, timeline
from .highlight import article_marks, highlight

__all__ = ["pages_router"]

#: Most linked events the timeline aggregates (the page says when a story has more).
TIMELINE_MAX = 5000

Page = Annotated[int, Query(ge=1, le=100_000)]

#: Statement kinds and how the UI names them.
STATEMENT_KINDS = {"direct": "direct quote", "indirect": "reported speech", "outlet": "outlet's own claim"}


def _filters(f: EventFilter) -> dict[str, Any]:
    return {k: getattr(f, k) or "" for k in ("actor", "country", "type", "since", "until", "outlet", "text")}


def _pager(request: Request, page: int, has_next: bool) -> dict[str, Any]:
    params = dict(request.query_params)

    def link(n: int) -> str:
        from urllib.parse import urlencode

        return request.url.path + "?" + urlencode({**params, "page": n})

    return {
        "page": page,
        "prev": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if has_next else None,
    }


def pages_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def story(request: Request, params: Events) -> HTMLResponse:
        web = state(request)
        f = params.filter(TIMELINE_MAX + 1, 0)
        with web.db() as store:
            rows = store_query.events(store, f)
            outlets = queries.outlets(store)
            totals = store.query(
                "SELECT (SELECT count(*) FROM articles) AS articles, "
                "(SELECT count(*) FROM linked_events) AS events, "
                "(SELECT count(DISTINCT outlet) FROM articles) AS outlets"
            )[0]
        truncated = len(rows) > TIMELINE_MAX
        rows = rows[:TIMELINE_MAX]
        chart = timeline(rows)
        story_rows = sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "", r["id"]))[:100]
        return web.render(
            "story.html",
            request,
            chart=chart,
            filters=_filters(f),
            outlets=outlets,
            totals=totals,
            count=len(rows),
            truncated=truncated,
            story=story_rows,
        )

    @router.get("/events", response_class=HTMLResponse)
    def events(request: Request, params: Events, page: Page = 1) -> HTMLResponse:
        web = state(request)
        size = web.settings.page_size
        f = params.filter(size + 1, (page - 1) * size)
        with web.db() as store:
            rows = store_query.events(store, f)
            outlets = queries.outlets(store)
        return web.render(
            "events.html",
            request,
            events=rows[:size],
            filters=_filters(f),
            outlets=outlets,
            pager=_pager(request, page, len(rows) > size),
        )

    @router.get("/events/{linked_id}", response_class=HTMLResponse)
    def event(request: Request, linked_id: str) -> HTMLResponse:
        web = state(request)
        with web.db() as store:
            found = queries.linked_event(store, linked_id)
            mentions = store_query.event_mentions(store, linked_id) if found else []
        if found is None:
            raise HTTPException(
                404, f"There is no event with id “{linked_id}”. It may come from another store."
            )
        for m in mentions:
            m["sentence_html"] = _sentence_html(m)
        return web.render("event.html", request, event=found, mentions=mentions)

    @router.get("/articles", response_class=HTMLResponse)
    def articles(
        request: Request, outlet: str | None = None, text: str | None = None, page: Page = 1
    ) -> HTMLResponse:
        web = state(request)
        size = web.settings.page_size
        with web.db() as store:
            rows = store_query.articles(
                store, outlet=outlet, text=text, limit=size + 1, offset=(page - 1) * size
            )
            outlets = queries.outlets(store)
        return web.render(
            "articles.html",
            request,
            articles=rows[:size],
            filters={"outlet": outlet or "", "text": text or ""},
            outlets=outlets,
            pager=_pager(request, page, len(rows) > size),
        )

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(request: Request, article_id: str) -> HTMLResponse:
        web = state(request)
        with web.db() as store:
            detail = store_query.article(store, article_id)
        if detail is None:
            raise HTTPException(
                404, f"There is no article with id “{article_id}”. It may not be ingested yet."
            )
        outer, inner = article_marks(detail, actor_url, event_url)
        body = highlight(detail["article"]["text"], outer, inner)
        actors = {a["id"]: a for a in detail["actors"]}
        kinds: dict[str, int] = {}
        for s in detail["statements"]:
            kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
        return web.render(
            "article.html",
            request,
            detail=detail,
            article=detail["article"],
            body=body,
            actors=actors,
            statement_kinds=kinds,
        )

    @router.get("/actors", response_class=HTMLResponse)
    def actors(
        request: Request, name: str | None = None, country: str | None = None, page: Page = 1
    ) -> HTMLResponse:
        web = state(request)
        size = web.settings.page_size
        f = event_filter(country=country)
        with web.db() as store:
            rows = queries.actor_list(
                store, name=name, country=f.country, limit=size + 1, offset=(page - 1) * size
            )
        return web.render(
            "actors.html",
            request,
            actors=rows[:size],
            filters={"name": name or "", "country": country or ""},
            pager=_pager(request, page, len(rows) > size),
        )

    @router.get("/actors/{canonical:path}", response_class=HTMLResponse)
    def actor(request: Request, canonical: str) -> HTMLResponse:
        web = state(request)
        with web.db() as store:
            detail = store_query.actor(store, canonical)
        if detail is None:
            raise HTTPException(404, f"There is no actor with key “{canonical}” in this store.")
        return web.render("actor.html", request, actor=detail)

    @router.get("/statements", response_class=HTMLResponse)
    def statements(
        request: Request,
        speaker: str | None = None,
        kind: str | None = None,
        outlet: str | None = None,
        page: Page = 1,
    ) -> HTMLResponse:
        web = state(request)
        size = web.settings.page_size
        kind = kind or None
        if kind is not None and kind not in STATEMENT_KINDS:
            raise HTTPException(400, f"kind must be one of {', '.join(STATEMENT_KINDS)}, got {kind!r}")
        with web.db() as store:
            rows = queries.statement_list(
                store,
                speaker=speaker,
                kind=kind,
                outlet=outlet,
                limit=size + 1,
                offset=(page - 1) * size,
            )
            outlets = queries.outlets(store)
        return web.render(
            "statements.html",
            request,
            statements=rows[:size],
            filters={"speaker": speaker or "", "kind": kind or "", "outlet": outlet or ""},
            kinds=STATEMENT_KINDS,
            outlets=outlets,
            pager=_pager(request, page, len(rows) > size),
        )

    @router.get("/dyads", response_class=HTMLResponse)
    def dyads(request: Request, type: str | None = None) -> HTMLResponse:
        web = state(request)
        f = event_filter(type=type)
        with web.db() as store:
            pairs = store_query.dyads(store, f, limit=500)
        return web.render(
            "dyads.html", request, net=network(pairs), pairs=pairs[:100], filters={"type": f.type or ""}
        )

    @router.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: str = "") -> HTMLResponse:
        web = state(request)
        q = q.strip()[:200]
        found: dict[str, Any] = {}
        if q:
            with web.db() as store:
                found = queries.search(store, q, limit=30)
                found["events"] = store_query.events(store, EventFilter(text=q, limit=30))
        return web.render("search.html", request, q=q, found=found)

    return router


def _sentence_html(mention: dict[str, Any]) -> Any:
    """A mention's sentence with its trigger marked (offsets relative to the sentence)."""
    from .highlight import Mark

    text = mention.get("sentence") or ""
    start, t0, t1 = mention.get("sentence_start"), mention.get("trigger_start"), mention.get("trigger_end")
    marks = []
    if start is not None and t0 is not None and t1 is not None:
        marks.append(Mark(t0 - start, t1 - start, "trig"))
    return highlight(text, [], marks)
