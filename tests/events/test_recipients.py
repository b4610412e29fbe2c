"""Recipients taken from what a statement or act is about when the verb has no object naming one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

# (sentence, type, actor, recipient that must be among the event's recipients)
ABOUT = [
    (
        "Serbia denied that it intended to annex parts of Kosovo or to threaten Estonia.",
        "REJECT",
        "Serbia",
        "Estonia",
    ),
    (
        "Turkey warned that any new Iranian missile test would draw a firm reply.",
        "THREATEN",
        "Turkey",
        "Iran",
    ),
    ("Japan said it was ready to cooperate if Beijing shares the flight data.", "AGREE", "Japan", "China"),
    ("Israeli aircraft bombed a depot in Iran overnight.", "ASSAULT", "Israel", "Iran"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), ABOUT, ids=[c[1] for c in ABOUT])
def test_recipient_from_content(
    code: Callable[..., Any], text: str, type_: str, actor: str, recipient: str
) -> None:
    coded = code(text)
    found = [(coded.names(e.actor), coded.names(e.recipient)) for e in coded.find(type_)]
    assert any(actor in a and recipient in r for a, r in found), coded.summary()


@pytest.mark.slow
def test_content_leaves_out_the_speaker_and_own_side(code: Callable[..., Any]) -> None:
    coded = code("Germany rejected the claim that Berlin was arming Poland.")
    rejects = coded.find("REJECT")
    assert rejects, coded.summary()
    assert all("Germany" not in coded.names(e.recipient) for e in rejects)


@pytest.mark.slow
def test_a_release_favours_those_the_same_actor_held(code: Callable[..., Any]) -> None:
    coded = code("Iran detained two Swedish tourists in May. In July Iran freed the tourists.")
    (release,) = coded.find("RETREAT")
    assert coded.names(release.actor) == ["Iran"]
    assert coded.names(release.recipient) == ["Sweden"], coded.summary()


@pytest.mark.slow
def test_a_lifted_ban_favours_its_target(code: Callable[..., Any]) -> None:
    coded = code("China banned seafood imports from Japan last year. Beijing lifted the ban on Friday.")
    assert any("Japan" in coded.names(e.recipient) for e in coded.events if e.type in ("RETREAT", "CONCEDE"))


@pytest.mark.slow
def test_a_joint_operation_names_its_partner_inside_the_object(code: Callable[..., Any]) -> None:
    coded = code("Estonia joined the patrol mission led by Sweden.")
    assert any("Sweden" in coded.names(e.recipient) for e in coded.find("COOPERATE")), coded.summary()


@pytest.mark.slow
def test_a_call_for_release_is_addressed_to_the_holder(code: Callable[..., Any]) -> None:
    coded = code("Russia detained two Estonian border guards. Estonia called for their release.")
    requests = coded.find("REQUEST")
    assert requests and coded.names(requests[0].recipient) == ["Russia"], coded.summary()


@pytest.mark.slow
def test_a_judged_event_names_its_doers(code: Callable[..., Any]) -> None:
    coded = code("Iran shelled villages in Iraq. Turkey called the shelling a dangerous escalation.")
    accusations = coded.find("ACCUSE")
    assert accusations and coded.names(accusations[0].recipient) == ["Iran"], coded.summary()


@pytest.mark.slow
def test_responding_in_kind_is_a_threat_toward_the_expeller(code: Callable[..., Any]) -> None:
    coded = code("Serbia expelled two Estonian diplomats. Estonia said it would respond in kind.")
    threats = coded.find("THREATEN")
    assert threats and coded.names(threats[0].actor) == ["Estonia"], coded.summary()
