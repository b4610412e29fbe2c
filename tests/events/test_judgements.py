"""Judging verbs with evaluative complements: adjectives and nouns ("called the drill a provocation")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

JUDGED = [
    ("Beijing called the naval drill by Japan a provocation.", "ACCUSE", "China", "Japan"),
    ("Tehran described the inspection by Israel as reckless.", "ACCUSE", "Iran", "Israel"),
    ("Scholz called the accord with France a breakthrough.", "SUPPORT", "Olaf Scholz", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), JUDGED, ids=[c[0][:30] for c in JUDGED])
def test_judging_complements(
    code: Callable[..., Any], text: str, type_: str, actor: str, recipient: str | None
) -> None:
    coded = code(text)
    found = [(coded.names(e.actor), coded.names(e.recipient)) for e in coded.find(type_)]
    assert any(actor in a and (recipient is None or recipient in r) for a, r in found), coded.summary()


@pytest.mark.slow
def test_judging_noun_is_no_phone_call(code: Callable[..., Any]) -> None:
    coded = code("Warsaw called the Russian flights a provocation.")
    assert not coded.find("CONSULT"), coded.summary()
    assert coded.find("ACCUSE"), coded.summary()
