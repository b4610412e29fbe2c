"""Ultimatums: the demand and the threat in its "or face ..." alternative."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.mark.slow
def test_or_face_adds_a_threat_toward_the_addressee(code: Callable[..., Any]) -> None:
    coded = code("Japan gave China a week to free the fishermen or face sanctions.")
    threats = coded.find("THREATEN")
    assert threats, coded.summary()
    assert coded.names(threats[0].actor) == ["Japan"] and "China" in coded.names(threats[0].recipient)
    assert threats[0].mode == "relations"
    assert coded.find("REQUEST") or coded.find("RETREAT"), coded.summary()


@pytest.mark.slow
def test_told_to_act_or_risk_force(code: Callable[..., Any]) -> None:
    coded = code("NATO told Serbia to pull back its units or risk the use of force.")
    (threat,) = coded.find("THREATEN")
    assert coded.names(threat.actor) == ["NATO"] and coded.names(threat.recipient) == ["Serbia"]
    assert threat.mode == "violence"


@pytest.mark.slow
def test_an_alternative_without_or_is_no_threat(code: Callable[..., Any]) -> None:
    coded = code("Japan urged China to free the fishermen and face its critics.")
    assert not coded.find("THREATEN"), coded.summary()
