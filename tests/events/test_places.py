"""Event places on sentences we wrote."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.events.places import PlaceResolver
from eventwire.nlp import load_parser
from eventwire.options import Options
from eventwire.records import Article


@pytest.fixture(scope="module")
def nlp() -> Any:
    """The spaCy pipeline alone (the Coder is not the point here)."""
    return load_parser("en", Options())


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(Options())


@pytest.fixture(scope="module")
def place_of(nlp: Any, resolver: PlaceResolver) -> Any:
    def go(text: str, trigger: str | None = None) -> dict[str, Any] | None:
        doc = nlp(text)
        tok = next(t for t in doc if t.text == trigger) if trigger else None
        sent = next(doc.sents)
        found: dict[str, Any] | None = resolver.resolve(doc, sent, Article(id="t", text=text), trigger=tok)
        return found

    return go


@pytest.mark.parametrize(
    ("text", "trigger", "name", "country", "city", "surface"),
    [
        ("The foreign ministers met in Ankara on Tuesday.", "met", "Ankara", "TUR", "Ankara", "Ankara"),
        ("Talks were held in Munich.", "held", "Munich", "DEU", "Munich", "Munich"),
        ("A drone struck a building in Kiev.", "struck", "Kyiv", "UKR", "Kyiv", "Kiev"),
        ("A drone struck a building in Kyiv.", "struck", "Kyiv", "UKR", "Kyiv", "Kyiv"),
        ("Soldiers were deployed near Kharkiv.", "deployed", "Kharkiv", "UKR", "Kharkiv", "Kharkiv"),
        (
            "Protesters gathered outside the parliament in Tbilisi.",
            "gathered",
            "Tbilisi",
            "GEO",
            "Tbilisi",
            "Tbilisi",
        ),
        ("The envoys met in the city of Basra.", "met", "Basrah", "IRQ", "Basrah", "Basra"),
        ("An American was released in Belarus.", "released", "Belarus", "BLR", None, "Belarus"),
        (
            "The summit took place in the United States.",
            "took",
            "United States",
            "USA",
            None,
            "United States",
        ),
        ("Delegations arrived at the conference in Munich.", "arrived", "Munich", "DEU", "Munich", "Munich"),
        (
            "The White House announced the release in Belarus of an American.",
            "release",
            "Belarus",
            "BLR",
            None,
            "Belarus",
        ),
    ],
)
def test_places(
    place_of: Any, text: str, trigger: str, name: str, country: str, city: str | None, surface: str
) -> None:
    found = place_of(text, trigger)
    assert found is not None
    assert (found["name"], found["country"], found.get("city")) == (name, country, city)
    assert text[found["start"] : found["end"]] == surface
    assert isinstance(found["lat"], float) and isinstance(found["lon"], float)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The two leaders discussed the settlement of the conflict in Ukraine.", "discussed"),
        ("The announcement came from the Kremlin.", "came"),
        ("Reporters waited in the Kremlin.", "waited"),
        ("Trump spoke with Putin.", "spoke"),
        ("The minister traveled to Paris.", "traveled"),  # a destination, not where it happened
        ("Officials met in Smalltown.", "met"),
    ],
)
def test_no_place(place_of: Any, text: str, trigger: str) -> None:
    assert place_of(text, trigger) is None


def test_without_a_trigger_a_verb_attached_place_comes_first(place_of: Any) -> None:
    found = place_of("The war in Gaza dominated the agenda as envoys met in Cairo.")
    assert found is not None and found["name"] == "Cairo"


def test_population_threshold_is_a_setting() -> None:
    small = PlaceResolver(Options(place_min_population=20_000_000))
    assert small.gazetteer.lookup("Munich") is None
    assert small.gazetteer.lookup("Germany") is not None


def test_own_city_names_beat_old_alternate_names(resolver: PlaceResolver) -> None:
    gaz = resolver.gazetteer
    assert gaz.lookup("Salisbury") is None  # an English town below the threshold, not old Harare
    new_delhi = gaz.lookup("New Delhi")
    assert new_delhi is not None and new_delhi.name == "New Delhi"
    bombay = gaz.lookup("Bombay")
    assert bombay is not None and (bombay.name, bombay.country) == ("Mumbai", "IND")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "They discussed several issues, the main of which was the settlement of the conflict in Ukraine.",
            None,
        ),
        (
            "The president agreed to receive officials who negotiate on topics including the war in Syria.",
            None,
        ),
        ("The ministry announced the release in Belarus of an American.", "Belarus"),
        ("A drone struck a building in Kyiv.", "Kyiv"),
    ],
)
def test_without_a_trigger_nouns_place_only_their_objects(place_of: Any, text: str, name: str | None) -> None:
    found = place_of(text)
    assert (found["name"] if found else None) == name
