"""The JSON API under ``/api/``: articles, events and their mentions, actors, statements, dyads, search.

Lists answer ``{"items": [...], "limit", "offset", "next_offset"}`` (``next_offset``
is null on the last page). ``POST /api/articles`` codes and stores one article
when the server accepts writes; see :func:`require_write`.
"""

from __future__ import annotations

import hmac
import re
import time
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from ..errors import ConfigError
from ..store import query as store_query
from ..store.query import EventFilter
from . import queries
from .app import AppState, article_url, event_url
from .charts import PLOVER_TYPES
from .settings import is_loopback

__all__ = ["EventParams", "Events", "NewArticle", "api_router", "event_filter", "page", "require_write"]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def state(request: Request) -> AppState:
    web: AppState = request.app.state.web
    return web


def event_filter(
    actor: str | None = None,
    country: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    text: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> EventFilter:
    """An EventFilter from request values, checked (ConfigError says which value is wrong)."""

    def tidy(value: str | None) -> str | None:
        return (value.strip() or None) if value is not None else None

    actor, country, type, since, until, outlet, text = map(
        tidy, (actor, country, type, since, until, outlet, text)
    )
    for name, value in (("since", since), ("until", until)):
        if value is not None and not _valid_date(value):
            raise ConfigError(f"{name} must be a date like 2025-02-13 (or 2025-02, 2025), got {value!r}")
    if type is not None and type.upper() not in PLOVER_TYPES:
        raise ConfigError(
            f"unknown event type {type!r}; use one of the PLOVER types: {', '.join(PLOVER_TYPES)}"
        )
    if country is not None and not re.fullmatch(r"[A-Za-z]{3}", country):
        raise ConfigError(f"country must be a 3-letter code such as RUS or IGO, got {country!r}")
    return EventFilter(
        actor=actor,
        country=country,
        type=type.upper() if type else None,
        since=since,
        until=until,
        outlet=outlet,
        text=text,
        limit=limit,
        offset=offset,
    )


@dataclass
class EventParams:
    """The event-filter query parameters shared by ``/api/events`` and the story and events pages.

    Used as a FastAPI dependency (``Annotated[EventParams, Depends()]``); :meth:`filter`
    checks the values and adds the page window.
    """

    actor: str | None = None
    country: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    text: str | None = None

    def filter(self, limit: int, offset: int) -> EventFilter:
        """The checked EventFilter for one page (ConfigError says which value is wrong)."""
        return event_filter(
            self.actor, self.country, self.type, self.since, self.until, self.outlet, self.text, limit, offset
        )


Events = Annotated[EventParams, Depends()]


def _valid_date(value: str) -> bool:
    """An ISO date, or a year-month, or a year."""
    if not _DATE.match(value):
        return False
    padded = value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value
    try:
        date.fromisoformat(padded)
    except ValueError:
        return False
    return True


def page(items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """One page of a list fetched with ``limit + 1`` rows (the extra row says there is a next page)."""
    more = len(items) > limit
    return {
        "items": items[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }


def require_write(request: Request) -> None:
    """Writes need ``--enable-writes``; from a client off loopback they also need the bearer token."""
    web = state(request)
    settings = web.settings
    if not settings.enable_writes:
        raise HTTPException(
            403, "this server is read-only; start it with `eventwire serve --enable-writes` to add articles"
        )
    host = request.client.host if request.client else None
    if is_loopback(host):
        return
    if settings.token is None:
        raise HTTPException(
            403,
            f"writes from another machine ({host}) need a token, and this server has none; start it "
            "with --token (or EVENTWIRE_TOKEN) and send `Authorization: Bearer TOKEN`",
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), settings.token.encode()):
        raise HTTPException(
            401,
            "missing or wrong token: send the server's token as `Authorization: Bearer TOKEN`",
            headers={"WWW-Authenticate": "Bearer"},
        )


class NewArticle(BaseModel):
    """An article to code and store (the JSONL corpus fields)."""

    text: str = Field(min_length=1, description="The article text; offsets in the results index it.")
    title: str | None = None
    published: str | None = Field(None, description="Publication date, ISO (YYYY-MM-DD) preferred.")
    outlet: str | None = None
    url: str | None = None
    language: str | None = Field(None, description="ISO 639-1 code; default en.")


Limit = Annotated[int, Query(ge=1, le=1000, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]


def api_router() -> APIRouter:
    router = APIRouter(prefix="/api", tags=["api"])

    @router.get("/articles", summary="List articles (newest first)")
    def list_articles(
        request: Request,
        outlet: str | None = None,
        text: str | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        with state(request).db() as store:
            rows = store_query.articles(store, outlet=outlet, text=text, limit=limit + 1, offset=offset)
        return page(rows, limit, offset)

    @router.get("/articles/{article_id}", summary="One article with its actors, events and statements")
    def get_article(request: Request, article_id: str) -> dict[str, Any]:
        with state(request).db() as store:
            detail = store_query.article(store, article_id)
        if detail is None:
            raise HTTPException(404, f"no article with id {article_id!r}; list them at /api/articles")
        return detail

    @router.post(
        "/articles",
        summary="Code and store a new article (needs --enable-writes; a token off loopback)",
        status_code=201,
        dependencies=[Depends(require_write)],
    )
    def post_article(request: Request, body: NewArticle) -> JSONResponse:
        return _store_article(state(request), body)

    @router.get("/events", summary="Linked events, newest first (filters as in `eventwire events`)")
    def list_events(
        request: Request, params: Events, limit: Limit = 100, offset: Offset = 0
    ) -> dict[str, Any]:
        f = params.filter(limit + 1, offset)
        with state(request).db() as store:
            rows = store_query.events(store, f)
        return page(rows, limit, offset)

    @router.get("/events/{linked_id}", summary="One linked event, its participants and every mention")
    def get_event(request: Request, linked_id: str) -> dict[str, Any]:
        with state(request).db() as store:
            event = queries.linked_event(store, linked_id)
            mentions = store_query.event_mentions(store, linked_id) if event else []
        if event is None:
            raise HTTPException(404, f"no event with id {linked_id!r}; list them at /api/events")
        return {"event": event, "mentions": mentions}

    @router.get("/events/{linked_id}/mentions", summary="Every report of one linked event")
    def get_mentions(request: Request, linked_id: str) -> dict[str, Any]:
        with state(request).db() as store:
            mentions = store_query.event_mentions(store, linked_id)
        if not mentions:
            raise HTTPException(404, f"no event with id {linked_id!r}; list them at /api/events")
        return {"items": mentions}

    @router.get("/actors", summary="Actors across articles, most mentioned first")
    def list_actors(
        request: Request,
        name: str | None = None,
        country: str | None = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        with state(request).db() as store:
            rows = queries.actor_list(store, name=name, country=country, limit=limit + 1, offset=offset)
        return page(rows, limit, offset)

    @router.get("/actors/{canonical:path}", summary="One actor: roles, statements, events as actor/recipient")
    def get_actor(request: Request, canonical: str) -> dict[str, Any]:
        with state(request).db() as store:
            detail = store_query.actor(store, canonical)
        if detail is None:
            raise HTTPException(404, f"no actor with key {canonical!r}; list them at /api/actors")
        return detail

    @router.get("/statements", summary="Statements: who said what (kind outlet: the outlet's own claims)")
    def list_statements(
        request: Request,
        speaker: str | None = None,
        kind: str | None = None,
        article: str | None = None,
        outlet: str | None = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        if kind is not None and kind not in ("direct", "indirect", "outlet"):
            raise ConfigError(f"kind must be direct, indirect or outlet, got {kind!r}")
        with state(request).db() as store:
            rows = queries.statement_list(
                store,
                speaker=speaker,
                kind=kind,
                article_id=article,
                outlet=outlet,
                limit=limit + 1,
                offset=offset,
            )
        return page(rows, limit, offset)

    @router.get("/dyads", summary="Who acted on whom, with the number of linked events")
    def list_dyads(request: Request, type: str | None = None, limit: Limit = 200) -> dict[str, Any]:
        f = event_filter(type=type)
        with state(request).db() as store:
            rows = store_query.dyads(store, f, limit=limit)
        return {"items": rows}

    @router.get("/search", summary="Articles, actors and statements matching a text")
    def search(
        request: Request, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 20
    ) -> dict[str, Any]:
        with state(request).db() as store:
            found = queries.search(store, q, limit=limit)
            found["events"] = store_query.events(store, EventFilter(text=q, limit=limit))
        return found

    return router


def _store_article(web: AppState, body: NewArticle) -> JSONResponse:
    from ..ingest.build import Context
    from ..ingest.jsonl import record_to_article
    from ..linking.keys import LinkRules
    from ..records import Rejected
    from ..store.write import existing_ids, finish_run, start_run, write_tables

    item = record_to_article(body.model_dump(), "api:POST /api/articles", Context(options=web.options))
    if isinstance(item, Rejected):
        raise HTTPException(422, f"the article was rejected ({item.reason}): {item.detail}")
    with web.db() as store:
        exists = bool(existing_ids(store, [item.id]))
    if exists:
        return JSONResponse(
            {"id": item.id, "stored": False, "events": None, "url": article_url(item.id)},
            status_code=200,
            headers={"Location": article_url(item.id)},
        )
    rules = LinkRules.load()
    started = time.perf_counter()
    result = web.code([item])
    if result.failed:
        raise HTTPException(422, f"the article could not be coded: {result.failed[0].detail}")
    with web.db() as store:
        run_id = start_run(store, "serve", 1)
        written = write_tables(store, result.tables, run_id=run_id, rules=rules)
        finish_run(
            store,
            run_id,
            status="done",
            versions=result.versions,
            counts={
                "read": 1,
                "stored": written.stored,
                "existing": written.existing,
                "events": written.events,
            },
            seconds=time.perf_counter() - started,
        )
        linked = store.query(
            "SELECT DISTINCT linked_id FROM event_links WHERE article_id = ? ORDER BY linked_id", [item.id]
        )
    return JSONResponse(
        {
            "id": item.id,
            "stored": written.stored == 1,
            "events": written.events,
            "linked_events": [event_url(r["linked_id"]) for r in linked],
            "url": article_url(item.id),
        },
        status_code=201,
        headers={"Location": article_url(item.id)},
    )
