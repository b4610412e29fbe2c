"""Pattern families added for wider news coverage, and agentless passives, on sentences we wrote."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

# (text, type, actor that must be among the actors, recipient that must be among the recipients or None)
FAMILIES = [
    # diplomatic sanctions
    ("Estonia revoked the accreditation of two Russian journalists.", "SANCTION", "Estonia", "Russia"),
    ("Poland closed its airspace to Russian airlines.", "SANCTION", "Poland", "Russia"),
    ("Japan suspended flights to China after the incident.", "SANCTION", "Japan", "China"),
    ("Sweden shut its consulate in Tehran.", "SANCTION", "Sweden", "Iran"),
    # notes of protest
    ("Germany handed a note to the Iranian envoy over the arrests.", "ACCUSE", "Germany", "Iran"),
    # threats by resolve, deadlines
    ("Russia warned Estonia of consequences.", "THREATEN", "Russia", "Estonia"),
    (
        "The European Union gave Serbia two weeks to restore the border crossings.",
        "REQUEST",
        "European Union",
        "Serbia",
    ),
    ("Iran gave the Swedish envoy 48 hours to depart.", "SANCTION", "Iran", "Sweden"),
    ("Japan gave China a month to answer the proposal.", "REQUEST", "Japan", "China"),
    # mediation
    ("Turkey facilitated talks between Russia and Ukraine in Istanbul.", "CONSULT", "Turkey", None),
    # sit-ins (the parser splits the word), and a crowd named as the sentence's first word
    ("Workers staged a sit-in outside the ministry in Warsaw.", "PROTEST", "Poland", None),
    # concessions and retreats
    ("Iran will reduce its stockpile of enriched uranium.", "CONCEDE", "Iran", None),
    ("Israel expressed regret over the deaths.", "CONCEDE", "Israel", None),
    # coalitions
    ("Estonia joined the naval mission in the Red Sea.", "COOPERATE", "Estonia", None),
    # aid deliveries
    ("Japan delivered fuel to Ukraine.", "AID", "Japan", "Ukraine"),
    # persona non grata, however the parser splits it; diplomats called in
    ("Sweden declared an Iranian attache persona non grata.", "SANCTION", "Sweden", "Iran"),
    ("The Polish envoy was called in by the Russian foreign ministry.", "ACCUSE", "Russia", "Poland"),
    # warnings and build-ups
    ("Beijing warned Tokyo against meddling in the dispute.", "THREATEN", "China", "Japan"),
    ("Russia moved artillery towards the Estonian border.", "MOBILIZE", "Russia", None),
    # a refused meeting: the other side is the recipient, not a co-actor
    ("Estonia said it would not negotiate with Moscow.", "REJECT", "Estonia", "Russia"),
    # vows of revenge are threats, not agreements
    ("Tehran vowed to retaliate against Washington.", "THREATEN", "Iran", "United States"),
    # blame in reported speech, diplomatic protests, deliveries received
    ("Berlin said Moscow was responsible for the cyberattack.", "ACCUSE", "Germany", "Russia"),
    ("Estonia protested to Russia over the airspace violation.", "ACCUSE", "Estonia", "Russia"),
    ("Ukraine received a new shipment of German shells.", "AID", "Germany", "Ukraine"),
    ("Sweden imposed export controls on Iranian firms.", "SANCTION", "Sweden", "Iran"),
    # aid packages of goods, their recipient inside the phrase
    ("Sweden announced a $300 million package of combat vehicles for Ukraine.", "AID", "Sweden", "Ukraine"),
    ("France unveiled a tranche of shells for Kyiv.", "AID", "France", "Ukraine"),
    # mutual accusations and exchanges of fire; retorts
    ("Tehran hit back at Washington's criticism.", "ACCUSE", "Iran", "United States"),
    # detention
    ("An American journalist was held by Russia for a year.", "COERCE", "Russia", "United States"),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"), FAMILIES, ids=[f"{c[1]}:{c[0][:28]}" for c in FAMILIES]
)
def test_pattern_families(
    code: Callable[..., Any], text: str, type_: str, actor: str, recipient: str | None
) -> None:
    coded = code(text)
    found = [(coded.names(e.actor), coded.names(e.recipient)) for e in coded.find(type_)]
    assert any(actor in a and (recipient is None or recipient in r) for a, r in found), coded.summary()


PASSIVES = [
    ("Three Swedish diplomats were expelled from Iran on Tuesday.", "SANCTION", "Iran", "Sweden"),
    ("Two Estonian sailors held in Russia were released on Friday.", "RETREAT", "Russia", "Estonia"),
    ("Three Swedish nationals were detained in Tehran last week.", "COERCE", "Iran", "Sweden"),
    ("The Iranian ambassador was summoned to the German foreign ministry.", "ACCUSE", "Germany", "Iran"),
    ("Polish peacekeepers will be stationed in Ukraine.", "MOBILIZE", "Poland", "Ukraine"),
    (
        "Hamas abducted two Israeli soldiers in March. The soldiers were released on Sunday.",
        "RETREAT",
        "Hamas",
        "Israel",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), PASSIVES, ids=[c[1] for c in PASSIVES])
def test_agentless_passives(
    code: Callable[..., Any], text: str, type_: str, actor: str, recipient: str
) -> None:
    coded = code(text)
    found = [(coded.names(e.actor), coded.names(e.recipient)) for e in coded.find(type_)]
    assert any(actor in a and recipient in r for a, r in found), coded.summary()


@pytest.mark.slow
def test_killings_are_not_blamed_on_the_place(code: Callable[..., Any]) -> None:
    coded = code("Two French aid workers were killed in Ukraine.")
    assert all("Ukraine" not in coded.names(e.actor) for e in coded.events), coded.summary()


READINESS = [
    ("Japan is prepared to take countermeasures against China.", "China"),
    ("Berlin remains ready to use every instrument, including sanctions, against Iran.", "Iran"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "target"), READINESS, ids=[c[1] for c in READINESS])
def test_readiness_to_coerce_is_a_threat(code: Callable[..., Any], text: str, target: str) -> None:
    coded = code(text)
    assert not coded.find("AGREE"), coded.summary()
    assert any(target in coded.names(e.recipient) for e in coded.find("THREATEN")), coded.summary()


@pytest.mark.slow
def test_readiness_to_talk_stays_an_agreement(code: Callable[..., Any]) -> None:
    coded = code("Japan is ready to hold talks with China.")
    assert coded.find("AGREE") and not coded.find("THREATEN"), coded.summary()


@pytest.mark.slow
def test_a_warning_of_future_responsibility_is_no_accusation(code: Callable[..., Any]) -> None:
    coded = code("China warned Japan that it would be responsible for the consequences.")
    assert not coded.find("ACCUSE"), coded.summary()


@pytest.mark.slow
def test_a_package_of_reforms_is_no_aid(code: Callable[..., Any]) -> None:
    coded = code("Macron announced a package of pension reforms.")
    assert not coded.find("AID"), coded.summary()


@pytest.mark.slow
def test_a_reduced_passive_names_its_agent(code: Callable[..., Any]) -> None:
    coded = code("Russia and Ukraine signed a grain deal brokered by Turkey.")
    assert any("Turkey" in coded.names(e.actor) for e in coded.find("CONSULT")), coded.summary()


@pytest.mark.slow
def test_refusing_to_accept_anothers_act_is_a_rejection(code: Callable[..., Any]) -> None:
    coded = code("Estonia said it would never accept the annexation.")
    assert coded.find("REJECT"), coded.summary()
    assert not any("Estonia" in coded.names(e.actor) for e in coded.find("COERCE")), coded.summary()


@pytest.mark.slow
def test_a_mediator_serves_the_parties_of_the_event_it_facilitated(code: Callable[..., Any]) -> None:
    coded = code("Iran freed two Swedish sailors. Turkey helped to facilitate the swap.")
    (mediation,) = coded.find("CONSULT")
    assert coded.names(mediation.actor) == ["Turkey"] and "Iran" in coded.names(mediation.recipient)


@pytest.mark.slow
def test_a_warning_of_reprisals_is_a_threat(code: Callable[..., Any]) -> None:
    coded = code("China warned of a firm response if Japan sends warships.")
    assert coded.find("THREATEN"), coded.summary()


LANDINGS = [
    ("Polish paratroopers landed in Estonia at dawn.", "MOBILIZE", "Poland", "Estonia"),
    ("Turkish marines arrived in Serbia on Monday.", "MOBILIZE", "Turkey", "Serbia"),
    ("Iran will let inspectors visit the plant.", "CONCEDE", "Iran", None),
    ("Hamas will hand over the remaining hostages to Israel.", "CONCEDE", "Hamas", "Israel"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), LANDINGS, ids=[c[0][:25] for c in LANDINGS])
def test_landings_inspections_and_handovers(
    code: Callable[..., Any], text: str, type_: str, actor: str, recipient: str | None
) -> None:
    coded = code(text)
    found = [(coded.names(e.actor), coded.names(e.recipient)) for e in coded.find(type_)]
    assert any(actor in a and (recipient is None or recipient in r) for a, r in found), coded.summary()


@pytest.mark.slow
def test_a_leader_arriving_is_a_visit_not_a_deployment(code: Callable[..., Any]) -> None:
    coded = code("The French president arrived in Estonia on Monday.")
    assert coded.find("CONSULT") and not coded.find("MOBILIZE"), coded.summary()


@pytest.mark.slow
def test_traded_accusations_keep_both_sides(code: Callable[..., Any]) -> None:
    coded = code("Serbia and Estonia traded accusations at the meeting.")
    (accuse,) = coded.find("ACCUSE")
    assert set(coded.names(accuse.actor) + coded.names(accuse.recipient)) == {"Serbia", "Estonia"}


@pytest.mark.slow
def test_an_envoy_summoned_without_agent_is_summoned_by_the_other_country(code: Callable[..., Any]) -> None:
    coded = code("Estonia closed the Russian consulate in Narva. The Russian envoy was summoned on Monday.")
    accusations = coded.find("ACCUSE")
    assert accusations and coded.names(accusations[0].actor) == ["Estonia"], coded.summary()
    assert coded.names(accusations[0].recipient) == ["Russia"]


@pytest.mark.slow
def test_an_envoy_summoned_with_no_other_country_is_not_coded(code: Callable[..., Any]) -> None:
    coded = code("The Russian envoy was summoned on Monday.")
    assert not coded.find("ACCUSE"), coded.summary()
