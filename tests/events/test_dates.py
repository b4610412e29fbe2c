"""Event dates on sentences we wrote, with a fixed publication date (Thursday 13 February 2025)."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.errors import DataError
from eventwire.events.datepatterns import DatePatterns
from eventwire.events.dates import DateResolver, EventDate
from eventwire.nlp import load_parser, sentence_of
from eventwire.options import Options
from eventwire.records import Article

PUBLISHED = "2025-02-13"


@pytest.fixture(scope="module")
def nlp() -> Any:
    """The spaCy pipeline alone (the Coder is not the point here)."""
    return load_parser("en", Options())


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver(Options())


@pytest.fixture(scope="module")
def date_of(nlp: Any, resolver: DateResolver) -> Any:
    def go(text: str, trigger: str, published: str | None = PUBLISHED) -> EventDate:
        doc = nlp(text)
        tok = next(t for t in doc if t.text == trigger)
        return resolver.resolve(doc, sentence_of(tok), tok, Article(id="t", text=text, published=published))

    return go


@pytest.mark.parametrize(
    ("text", "trigger", "date", "precision", "historical", "expression"),
    [
        (
            "The two presidents last spoke in late December 2021.",
            "spoke",
            "2021-12",
            "month",
            True,
            "late December 2021",
        ),
        ("The rebels withdrew in early March.", "withdrew", "2024-03", "month", True, "early March"),
        ("The ministers met in mid-January 2025.", "met", "2025-01", "month", False, "mid-January 2025"),
        ("His mandate expired on May 20.", "expired", "2024-05-20", "day", True, "May 20"),
        ("The envoys met on February 11.", "met", "2025-02-11", "day", False, "February 11"),
        ("The envoy arrived on 3 February 2025.", "arrived", "2025-02-03", "day", False, "3 February 2025"),
        ("The foreign ministers met last week.", "met", "2025-02", "month", False, "last week"),
        ("Troops shelled the village on Monday.", "shelled", "2025-02-10", "day", False, "on Monday"),
        ("Rebels seized the town on Sunday.", "seized", "2025-02-09", "day", False, "on Sunday"),
        ("The army shelled the port yesterday.", "shelled", "2025-02-12", "day", False, "yesterday"),
        ("Russia annexed Crimea in 2014.", "annexed", "2014", "year", True, "in 2014"),
        ("The two leaders met last year.", "met", "2024", "year", True, "last year"),
        ("The treaty was signed three years ago.", "signed", "2022", "year", True, "three years ago"),
        ("The embassy closed 10 days ago.", "closed", "2025-02-03", "day", False, "10 days ago"),
        ("The parliament voted last month.", "voted", "2025-01", "month", False, "last month"),
        ("The border reopened today.", "reopened", "2025-02-13", "day", False, "today"),
        ("The ceasefire collapsed in December 2023.", "collapsed", "2023-12", "month", True, "December 2023"),
    ],
)
def test_date_expressions(
    date_of: Any, text: str, trigger: str, date: str, precision: str, historical: bool, expression: str
) -> None:
    found = date_of(text, trigger)
    assert (found.date, found.precision, found.historical) == (date, precision, historical)
    assert found.span is not None and expression in text[found.span[0] : found.span[1]]


def test_eve_of_is_dated_to_publication(date_of: Any) -> None:
    text = "The call took place on the eve of the security conference."
    found = date_of(text, "took")
    assert (found.date, found.precision, found.historical) == (PUBLISHED, "reported", False)
    assert found.span is not None and text[found.span[0] : found.span[1]] == "on the eve of"


def test_no_date_means_publication_date_reported(date_of: Any) -> None:
    found = date_of("The two presidents held a telephone conversation.", "held")
    assert found == EventDate(PUBLISHED, "reported", False, None)


def test_no_publication_date(date_of: Any) -> None:
    found = date_of("Russia annexed Crimea in 2014.", "annexed", published=None)
    assert found.date is None and found.precision == "reported"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Previously, the two armies fought over the town.", "fought"),
        ("The last time the two leaders met, they argued.", "met"),
        ("In the past, the agency inspected the site.", "inspected"),
    ],
)
def test_historical_cues(date_of: Any, text: str, trigger: str) -> None:
    found = date_of(text, trigger)
    assert found.precision == "reported" and found.historical


def test_date_in_the_trigger_clause_wins(date_of: Any) -> None:
    # The parenthesized date belongs to another clause: the call itself is undated.
    text = "The president called the premier (whose term ended on May 20) after the summit."
    assert date_of(text, "called").precision == "reported"
    text = "On Monday the minister said that the troops had left in 2019."
    assert date_of(text, "left").date == "2019"
    assert date_of(text, "said").date == "2025-02-10"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("He said that a return to the 2014 borders is unrealistic.", "said"),
        ("The talks have stalled for the past three years.", "stalled"),
        ("Police detained 20 protesters.", "detained"),
        ("A day later, the rebels agreed to disband.", "agreed"),
        ("Officials may 20 times revise the plan.", "revise"),
    ],
)
def test_not_event_dates(date_of: Any, text: str, trigger: str) -> None:
    assert date_of(text, trigger).precision == "reported"


def test_bad_pattern_file() -> None:
    with pytest.raises(DataError, match="valid date-pattern file"):
        DatePatterns.parse("version = '1'\n", "mine.toml")
    good = DatePatterns.load()
    assert good.patterns and good.months["december"] == 12


@pytest.mark.parametrize(
    "text",
    [
        "On February 30 the talks resumed.",  # no such day
        "The vote took place 99999 years ago.",
        "The truce held in mid-Smarch.",
        "It happened on the 45th of May 2020.",
    ],
)
def test_impossible_dates_do_not_fail(date_of: Any, text: str) -> None:
    doc_trigger = next(w for w in text.split() if w.isalpha() and w.islower() and len(w) > 3)
    found = date_of(text, doc_trigger)
    assert found.precision in ("day", "month", "year", "reported")


@pytest.mark.parametrize(
    "text",
    [
        "The ministers agreed to extend the truce until 2028.",
        "The sanctions will stay in place through 2027.",
        "The ceasefire was to hold from 2024 to 2026.",
    ],
)
def test_a_deadline_or_a_stretch_of_time_is_not_the_events_date(date_of: Any, text: str) -> None:
    trigger = next(w for w in ("agreed", "stay", "hold") if w in text)
    found = date_of(text, trigger)
    assert found.precision == "reported"


def test_an_article_dated_to_a_month_dates_its_events_no_closer(nlp: Any, resolver: DateResolver) -> None:
    text = "The two leaders spoke by phone on Monday."
    doc = nlp(text)
    tok = next(t for t in doc if t.text == "spoke")
    found = resolver.resolve(doc, sentence_of(tok), tok, Article(id="t", text=text, published="2025-02"))
    assert found.date == "2025-02" and found.precision == "month"
    plain = nlp("The two leaders spoke by phone.")
    tok = next(t for t in plain if t.text == "spoke")
    month_only = Article(id="t", text=plain.text, published="2025-02")
    undated = resolver.resolve(plain, sentence_of(tok), tok, month_only)
    assert (undated.date, undated.precision) == ("2025-02", "reported")
