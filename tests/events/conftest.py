"""Fixtures for the event coder's tests: the spaCy pipeline once, and a hand-made actor layer.

The actor layer here is built from a small table of names we choose for each test sentence,
so these tests exercise the event coder alone, whatever the knowledge base says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from eventwire.events import EventCoder, Lexicon
from eventwire.nlp import load_parser
from eventwire.options import Options
from eventwire.records import Actor, ActorLayer, Article, Event, Mention, Skipped, Statement

#: name -> (country, kind, surface forms); surface forms are matched as whole words, case-sensitive.
ACTORS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "Russia": ("RUS", "country", ("Russia", "Moscow", "Russian", "Kremlin")),
    "United States": (
        "USA",
        "country",
        ("United States", "Washington", "U.S.", "US", "American", "Americans"),
    ),
    "Ukraine": ("UKR", "country", ("Ukraine", "Kyiv", "Ukrainian")),
    "France": ("FRA", "country", ("France", "Paris", "French")),
    "Germany": ("DEU", "country", ("Germany", "Berlin", "German")),
    "China": ("CHN", "country", ("China", "Beijing", "Chinese")),
    "Japan": ("JPN", "country", ("Japan", "Tokyo")),
    "India": ("IND", "country", ("India", "New Delhi", "Indian")),
    "Iran": ("IRN", "country", ("Iran", "Tehran", "Iranian")),
    "Israel": ("ISR", "country", ("Israel", "Israeli")),
    "Poland": ("POL", "country", ("Poland", "Warsaw", "Polish")),
    "Turkey": ("TUR", "country", ("Turkey", "Ankara", "Turkish")),
    "Serbia": ("SRB", "country", ("Serbia", "Belgrade", "Serbian")),
    "Venezuela": ("VEN", "country", ("Venezuela", "Caracas")),
    "Europe": ("EUR", "region", ("Europe", "Europeans")),
    "European Union": ("EUR", "organization", ("European Union", "EU")),
    "NATO": ("IGO", "organization", ("NATO",)),
    "Hamas": ("PSE", "group", ("Hamas",)),
    "Amnesty International": ("NGO", "organization", ("Amnesty International",)),
    "Vladimir Putin": ("RUS", "person", ("Vladimir Putin", "Putin")),
    "Donald Trump": ("USA", "person", ("Donald Trump", "Trump")),
    "Emmanuel Macron": ("FRA", "person", ("Emmanuel Macron", "Macron")),
    "Olaf Scholz": ("DEU", "person", ("Olaf Scholz", "Scholz")),
    "Xi Jinping": ("CHN", "person", ("Xi Jinping", "Xi")),
    "Narendra Modi": ("IND", "person", ("Narendra Modi", "Modi")),
    "Volodymyr Zelensky": ("UKR", "person", ("Volodymyr Zelensky", "Zelensky")),
    "Pete Hegseth": ("USA", "person", ("Pete Hegseth", "Hegseth")),
    "Marta Ilves": ("EST", "person", ("Marta Ilves", "Ilves")),
    "Tomas Berg": ("SWE", "person", ("Tomas Berg", "Berg")),
    "Sweden": ("SWE", "country", ("Sweden", "Stockholm", "Swedish")),
    "Estonia": ("EST", "country", ("Estonia", "Tallinn", "Estonian")),
}
PRONOUNS = ("He", "he", "She", "she", "him", "her", "his")


def build_layer(text: str) -> ActorLayer:
    """Actors named in ``text`` from the table; a he/she pronoun refers to the last person named."""
    actors: dict[str, Actor] = {}
    spans: list[tuple[int, int, str]] = []
    for name, (_country, _kind, forms) in ACTORS.items():
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(rf"(?<![\w.]){re.escape(form)}(?![\w])", text):
                if any(s <= m.start() < e for s, e, _ in spans):
                    continue
                spans.append((m.start(), m.end(), name))
    for m in re.finditer(r"\b(" + "|".join(PRONOUNS) + r")\b", text):
        people = [s for s in spans if s[1] <= m.start() and ACTORS[s[2]][1] == "person"]
        if people:
            spans.append((m.start(), m.end(), max(people)[2]))
    for m in re.finditer(r"\b(it|its)\b", text):
        others = [s for s in spans if s[1] <= m.start() and ACTORS[s[2]][1] != "person"]
        if others:
            spans.append((m.start(), m.end(), max(others)[2]))
    for start, end, name in sorted(spans):
        country, kind, _ = ACTORS[name]
        if name not in actors:
            actors[name] = Actor(
                id=f"a{len(actors) + 1}",
                name=name,
                kind=kind,
                country=country,
                sector=None,  # type: ignore[arg-type]
            )
        actors[name].mentions.append(Mention(text[start:end], start, end))
    return ActorLayer(actors=list(actors.values()))


@dataclass
class Coded:
    events: list[Event]
    skipped: list[Skipped]
    layer: ActorLayer
    statements: list[Statement]

    def names(self, ids: list[str]) -> list[str]:
        by_id = self.layer.by_id()
        return [by_id[i].name for i in ids]

    def find(self, type_: str) -> list[Event]:
        return [e for e in self.events if e.type == type_]

    def summary(self) -> list[tuple[str, list[str], list[str]]]:
        return [(e.type, self.names(e.actor), self.names(e.recipient)) for e in self.events]


@pytest.fixture(scope="session")
def event_nlp() -> Any:
    return load_parser("en", Options())


@pytest.fixture(scope="session")
def event_coder() -> EventCoder:
    options = Options()
    return EventCoder(Lexicon.load(options), options)


@pytest.fixture(scope="session")
def code(event_nlp: Any, event_coder: EventCoder) -> Callable[..., Coded]:
    """Code ``text`` with the hand-made actor layer: ``code(text, statements=[...])``."""

    def run(
        text: str,
        statements: list[Statement] | None = None,
        excluded: tuple[tuple[int, int], ...] = (),
        coder: EventCoder | None = None,
    ) -> Coded:
        doc = event_nlp(text)
        article = Article(id="test", text=text, published="2025-02-13", excluded=excluded)
        layer = build_layer(text)
        statements = statements or []
        events, skipped = (coder or event_coder).code(doc, article, layer, statements)
        return Coded(events, skipped, layer, statements)

    return run
