from __future__ import annotations

import pytest

from eventwire.ingest.meta import Fields, Metadata, merge, normalize_date


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2025-02-13", "2025-02-13"),
        ("2025-02-13T08:30:00Z", "2025-02-13"),
        ("2025-02-13 08:30:00+03:00", "2025-02-13"),
        ("2025/02/13", "2025-02-13"),
        ("13.02.2025", "2025-02-13"),
        ("13/02/2025", "2025-02-13"),
        ("13 February 2025", "2025-02-13"),
        ("February 13, 2025", "2025-02-13"),
        ("Feb 13th, 2025", "2025-02-13"),
        ("Thu, 13 Feb 2025 10:00:00 GMT", "2025-02-13"),
        ("2025-02", "2025-02"),
        ("February 2025", "2025-02"),
        ("Feb 2025", "2025-02"),
        ("2025", "2025"),
        ("2025-13", None),
        ("  ", None),
        ("yesterday", None),
        ("2025-02-30", None),
        (None, None),
    ],
)
def test_normalize_date(given: str | None, expected: str | None) -> None:
    assert normalize_date(given) == expected


def test_merge_user_values_win_and_blanks_do_not() -> None:
    found = Fields(title=" Page title ", outlet="Site", published="2020-01-01")
    merged = merge(found, Metadata(outlet="Wire", title=""))
    assert merged.title == "Page title"
    assert merged.outlet == "Wire"
    assert merged.published == "2020-01-01"


@pytest.mark.parametrize(
    ("published", "precision", "reference"),
    [("2025-02-13", "day", "2025-02-13"), ("2025-02", "month", "2025-02-15"), ("2025", "year", "2025-07-01")],
)
def test_an_article_keeps_the_precision_of_its_date(published: str, precision: str, reference: str) -> None:
    from eventwire.records import Article

    article = Article(id="x", text="t", published=published)
    assert article.published_precision == precision and article.reference_date == reference
