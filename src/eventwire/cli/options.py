"""Option decorators shared by several commands, so each flag means the same everywhere.

The article-metadata flags (``--published``, ``--outlet``, ``--url``, ``--language``) override
what the inputs say; ``--published`` is checked as it is parsed, so a bad date is a usage
error (exit status 2) in every command that takes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..ingest import normalize_date

__all__ = ["language_option", "outlet_option", "parse_date", "published_option", "url_option"]

F = TypeVar("F", bound=Callable[..., Any])


def parse_date(ctx: click.Context | None, param: click.Parameter | None, value: str | None) -> str | None:
    """Click callback: ``value`` as YYYY-MM-DD, or a usage error naming the bad value."""
    if value is None:
        return None
    normalized = normalize_date(value)
    if normalized is None:
        raise click.BadParameter(
            f"{value!r} is not a date; give it as YYYY-MM-DD, e.g. 2025-02-13", ctx=ctx, param=param
        )
    return normalized


def published_option(f: F) -> F:
    return click.option(
        "--published",
        callback=parse_date,
        help="Publication date (YYYY-MM-DD, or e.g. 13 February 2025); overrides the input's.",
    )(f)


def outlet_option(f: F) -> F:
    return click.option("--outlet", help="Outlet name; overrides the input's.")(f)


def url_option(f: F) -> F:
    return click.option("--url", help="Article URL; overrides the input's.")(f)


def language_option(f: F) -> F:
    return click.option("--language", help="Language code of the text (e.g. en); overrides the input's.")(f)
