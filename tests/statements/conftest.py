"""Fixtures for the statement tests: the session's English parser, a finder, hand-built actor layers."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from eventwire.nlp import Parser, load_parser
from eventwire.options import Options
from eventwire.records import Actor, ActorLayer, Mention
from eventwire.statements import StatementFinder


@pytest.fixture(scope="session")
def nlp() -> Parser:
    """The English parser alone: these tests build actor layers by hand, not with the Coder."""
    return load_parser("en", Options())


@pytest.fixture(scope="session")
def finder() -> StatementFinder:
    return StatementFinder(Options())


PRONOUNS = re.compile(r"\b(he|she|him|her|his)\b", re.IGNORECASE)


def make_layer(
    text: str, actors: dict[str, list[str]], persons: tuple[str, ...] = (), pronouns: bool = True
) -> ActorLayer:
    """An ActorLayer naming each actor wherever one of its surface forms occurs in ``text``.

    ``actors`` maps a canonical name to its surface forms; names in ``persons`` are people,
    and (with ``pronouns``) he/she/him/her/his refer to the person named last before them.
    """
    built: list[Actor] = []
    taken: list[tuple[int, int]] = []
    for number, (name, forms) in enumerate(actors.items(), start=1):
        kind = "person" if name in persons else "organization"
        actor = Actor(id=f"a{number}", name=name, kind=kind, country=None, sector=None)
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                actor.mentions.append(Mention(m.group(), m.start(), m.end(), "name"))
        built.append(actor)
    if pronouns:
        people = sorted((m.start, a) for a in built if a.kind == "person" for m in a.mentions)
        for m in PRONOUNS.finditer(text):
            before = [a for start, a in people if start < m.start()]
            if before:
                before[-1].mentions.append(Mention(m.group(), m.start(), m.end(), "pronoun"))
    return ActorLayer(actors=built)


@pytest.fixture(scope="session")
def layer_maker() -> Callable[..., ActorLayer]:
    return make_layer
