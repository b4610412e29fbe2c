"""The event coder on sentences we wrote: one or more per PLOVER type, and the hard constructions
(passives, negation, compound actors, reported speech, frames, modality)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import eventwire.events.coder as coder_module
from eventwire.records import Span, Statement

# (sentence, type, actors that must be among the event's actors, recipients that must be among its recipients)
CASES = [
    (
        "Russia and the United States held talks in Geneva on Monday.",
        "CONSULT",
        ["Russia", "United States"],
        [],
    ),
    ("Macron met with Scholz in Berlin.", "CONSULT", ["Emmanuel Macron", "Olaf Scholz"], []),
    (
        "U.S. President Donald Trump called Volodymyr Zelensky on Tuesday.",
        "CONSULT",
        ["Donald Trump"],
        ["Volodymyr Zelensky"],
    ),
    ("Modi visited Tokyo last week.", "CONSULT", ["Narendra Modi"], ["Japan"]),
    ("Putin invited Xi to visit Moscow.", "AGREE", ["Vladimir Putin"], ["Xi Jinping"]),
    ("Turkey agreed to host negotiations between Russia and Ukraine.", "AGREE", ["Turkey"], ["Russia"]),
    ("Germany will send 20 tanks to Ukraine.", "AGREE", ["Germany"], ["Ukraine"]),
    ("Macron praised Scholz for his leadership.", "SUPPORT", ["Emmanuel Macron"], ["Olaf Scholz"]),
    ("Japan and India signed a defence agreement.", "SUPPORT", ["Japan", "India"], []),
    ("Scholz apologized to Poland for the remarks.", "CONCEDE", ["Olaf Scholz"], []),
    ("India and Japan held a joint exercise off Okinawa.", "COOPERATE", ["India", "Japan"], []),
    ("The United States provided military aid to Ukraine.", "AID", ["United States"], ["Ukraine"]),
    ("Hamas released four Israeli hostages on Saturday.", "RETREAT", ["Hamas"], ["Israel"]),
    ("Zelensky urged NATO to supply more air defence systems.", "REQUEST", ["Volodymyr Zelensky"], ["NATO"]),
    ("Iran accused Israel of sabotage.", "ACCUSE", ["Iran"], ["Israel"]),
    (
        "Amnesty International condemned Iran over the executions.",
        "ACCUSE",
        ["Amnesty International"],
        ["Iran"],
    ),
    ("Serbia rejected the proposal.", "REJECT", ["Serbia"], []),
    ("China threatened to impose tariffs on Japan.", "THREATEN", ["China"], ["Japan"]),
    ("Polish farmers staged a protest against Ukraine in Warsaw.", "PROTEST", ["Poland"], []),
    ("The European Union imposed new sanctions on Iran.", "SANCTION", ["European Union"], ["Iran"]),
    ("Russia expelled ten Polish diplomats.", "SANCTION", ["Russia"], ["Poland"]),
    ("Russia deployed troops to the border with Ukraine.", "MOBILIZE", ["Russia"], []),
    ("Iran arrested two French citizens.", "COERCE", ["Iran"], ["France"]),
    ("Russian forces shelled Kyiv overnight.", "ASSAULT", ["Russia"], ["Ukraine"]),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "type_", "actors", "recipients"), CASES, ids=[c[1] + ":" + c[0][:30] for c in CASES]
)
def test_one_event_per_type(
    code: Callable[..., Any], text: str, type_: str, actors: list[str], recipients: list[str]
) -> None:
    coded = code(text)
    found = coded.find(type_)
    assert found, f"no {type_} event in {text!r}: {coded.summary()}"
    event = found[0]
    assert set(actors) <= set(coded.names(event.actor)), coded.summary()
    assert set(recipients) <= set(coded.names(event.recipient)), coded.summary()
    assert event.cameo is not None
    assert event.sentence.text.strip() == text
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text


@pytest.mark.slow
def test_passive_with_agent(code: Callable[..., Any]) -> None:
    coded = code("Two Ukrainian villages were shelled by Russia on Friday.")
    (event,) = coded.find("ASSAULT")
    assert coded.names(event.actor) == ["Russia"]
    assert coded.names(event.recipient) == ["Ukraine"]


@pytest.mark.slow
def test_compound_actors_are_one_event(code: Callable[..., Any]) -> None:
    coded = code("Putin and Trump discussed the war in Ukraine.")
    (event,) = coded.find("CONSULT")
    assert set(coded.names(event.actor)) == {"Vladimir Putin", "Donald Trump"}
    assert event.recipient == []


@pytest.mark.slow
def test_a_meeting_needs_two_parties(code: Callable[..., Any]) -> None:
    assert not code("Hegseth discussed Europe's role in the settlement.").find("CONSULT")


@pytest.mark.slow
def test_negated_past_event_is_flagged(code: Callable[..., Any]) -> None:
    coded = code("Russia did not attack Kyiv overnight.")
    (event,) = coded.find("ASSAULT")
    assert event.negated


@pytest.mark.slow
def test_refused_cooperation_is_a_rejection(code: Callable[..., Any]) -> None:
    coded = code("Washington will not send its troops to Ukraine.")
    assert not [e for e in coded.events if e.type == "AID" and not e.negated]
    coded = code("Iran refused to meet the French delegation.")
    (event,) = coded.find("REJECT")
    assert event.mode == "meet"
    assert coded.names(event.actor) == ["Iran"]


@pytest.mark.slow
def test_not_agreeing_is_a_refusal(code: Callable[..., Any]) -> None:
    coded = code("Xi did not agree to a timetable.")
    assert coded.find("REJECT") and not coded.find("AGREE")


@pytest.mark.slow
def test_conditional_and_future_are_hypothetical(code: Callable[..., Any]) -> None:
    coded = code("US aid to Ukraine will continue on condition that the funds are protected.")
    (event,) = coded.find("AGREE")  # a promise of future aid (codebook: AGREE)
    assert event.hypothetical
    assert coded.names(event.actor) == ["United States"]
    assert coded.names(event.recipient) == ["Ukraine"]


@pytest.mark.slow
def test_intent_to_negotiate(code: Callable[..., Any]) -> None:
    coded = code("The Kremlin said that it intends to start negotiations with Washington.")
    (event,) = coded.find("AGREE")
    assert event.cameo == "036"
    assert coded.names(event.actor) == ["Russia"]
    assert "United States" in coded.names(event.recipient)


@pytest.mark.slow
def test_reported_speech_source_from_the_parse(code: Callable[..., Any]) -> None:
    coded = code("Zelensky said that Russia attacked Kyiv with drones.")
    (event,) = coded.find("ASSAULT")
    assert coded.names([event.source or ""]) == ["Volodymyr Zelensky"]
    assert coded.names(event.actor) == ["Russia"]


@pytest.mark.slow
def test_reported_speech_source_from_statements(code: Callable[..., Any]) -> None:
    text = "Macron said that Russia attacked Kyiv with drones."
    start = text.index("Russia")
    layer_probe = code(text)
    macron = next(a.id for a in layer_probe.layer.actors if a.name == "Emmanuel Macron")
    statement = Statement(
        id="s1",
        speaker=macron,
        cue=Span("said", 7, 11),
        content=Span(text[start:-1], start, len(text) - 1),
        kind="indirect",
    )
    coded = code(text, statements=[statement])
    (event,) = coded.find("ASSAULT")
    assert event.source == macron
    assert statement.events == [event.id]


@pytest.mark.slow
def test_obligation_in_reported_speech_is_a_request(code: Callable[..., Any]) -> None:
    coded = code("Hegseth stated that Europe should spend more on its own defence.")
    (event,) = coded.find("REQUEST")
    assert coded.names(event.actor) == ["Pete Hegseth"]
    assert coded.names(event.recipient) == ["Europe"]


@pytest.mark.slow
def test_obligation_in_the_outlets_voice_is_no_event(code: Callable[..., Any]) -> None:
    assert not code("Europe should spend more on its own defence.").find("REQUEST")


@pytest.mark.slow
def test_unrealistic_is_a_rejection(code: Callable[..., Any]) -> None:
    coded = code("Scholz stated that Ukraine's accession to NATO is unrealistic.")
    (event,) = coded.find("REJECT")
    assert coded.names(event.actor) == ["Olaf Scholz"]
    assert "Ukraine" in coded.names(event.recipient)


@pytest.mark.slow
def test_calling_something_impossible_is_a_rejection(code: Callable[..., Any]) -> None:
    coded = code("U.S. President Donald Trump called Ukraine's return to the old borders impossible.")
    assert [e.type for e in coded.events] == ["REJECT"]  # not a phone call


@pytest.mark.slow
def test_reaction_to_an_earlier_event_names_its_doer(code: Callable[..., Any]) -> None:
    coded = code("Iran arrested two French citizens on Monday. Macron condemned the arrests.")
    accuse = coded.find("ACCUSE")
    assert accuse and coded.names(accuse[0].recipient) == ["Iran"]


@pytest.mark.slow
def test_joint_exercise_of_two_countries_is_cooperation(code: Callable[..., Any]) -> None:
    coded = code("The navies of India and France began their annual exercise.")
    assert coded.find("COOPERATE") and not coded.find("MOBILIZE")


@pytest.mark.slow
def test_dates_on_the_record(code: Callable[..., Any]) -> None:
    coded = code("Putin and Trump held a telephone conversation.")
    (event,) = coded.find("CONSULT")
    assert event.mode == "phone" and event.cameo == "041"
    assert event.date is not None and event.date_precision is not None


@pytest.mark.slow
def test_excluded_spans_are_not_coded(code: Callable[..., Any]) -> None:
    text = "Putin and Trump held a telephone conversation."
    assert not code(text, excluded=((0, len(text)),)).events


@pytest.mark.slow
def test_a_failing_sentence_is_skipped_not_fatal(
    code: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    original = coder_module.find_drafts

    def flaky(s: Any) -> Any:
        if "shelled" in s.sent.text:
            raise ValueError("boom")
        return original(s)

    monkeypatch.setattr(coder_module, "find_drafts", flaky)
    coded = code("Russian forces shelled Kyiv overnight. Putin and Trump held a telephone conversation.")
    assert [e.type for e in coded.events] == ["CONSULT"]
    (skip,) = coded.skipped
    assert skip.stage == "events" and "boom" in skip.reason and "shelled" in skip.sentence.text


@pytest.mark.slow
def test_unnamed_police_act_for_the_country_of_the_event(code: Callable[..., Any]) -> None:
    coded = code("Police detained dozens of protesters in Warsaw on Tuesday.")
    (event,) = coded.find("COERCE")
    assert coded.names(event.actor) == ["Poland"]
    assert coded.names(event.recipient) == ["Poland"]  # the protesters, Poland's people


@pytest.mark.slow
def test_crowd_violence_is_a_riot(code: Callable[..., Any]) -> None:
    coded = code("Protesters stormed the parliament building in Belgrade.")
    (event,) = coded.find("PROTEST")
    assert event.mode == "riot" and coded.names(event.actor) == ["Serbia"]
    assert not coded.find("ASSAULT")


@pytest.mark.slow
def test_both_sides_are_the_parties_named_before(code: Callable[..., Any]) -> None:
    coded = code("Russia and Ukraine held talks in Istanbul. Both sides agreed to exchange prisoners.")
    agree = [e for e in coded.events if e.sentence.text.startswith("Both")]
    assert agree and set(coded.names(agree[0].actor)) == {"Russia", "Ukraine"}


@pytest.mark.slow
def test_a_denial_answers_the_last_accuser(code: Callable[..., Any]) -> None:
    coded = code("Poland accused Russia of sabotage. Moscow denied any involvement.")
    (event,) = coded.find("REJECT")
    assert coded.names(event.actor) == ["Russia"]
    assert coded.names(event.recipient) == ["Poland"]
    assert event.confidence < 0.7  # a guessed recipient lowers confidence


@pytest.mark.slow
def test_retaliation_is_a_threat_only_when_to_come(code: Callable[..., Any]) -> None:
    assert code("Iran said it would retaliate against Israel.").find("THREATEN")
    assert not code("Iran retaliated against Israel.").find("THREATEN")


@pytest.mark.slow
def test_host_is_the_recipient_of_a_visit(code: Callable[..., Any]) -> None:
    coded = code("Modi hosted Macron in New Delhi.")
    (event,) = coded.find("CONSULT")
    assert coded.names(event.actor) == ["Emmanuel Macron"]
    assert coded.names(event.recipient) == ["Narendra Modi"]


@pytest.mark.slow
def test_conditions_are_not_events(code: Callable[..., Any]) -> None:
    coded = code("Macron threatened to recall the ambassador if Iran attacked Israel.")
    assert coded.find("THREATEN")
    assert not coded.find("ASSAULT")


@pytest.mark.slow
def test_held_talks_parsed_as_a_noun_phrase(code: Callable[..., Any]) -> None:
    # the small model reads this as [Putin and Trump held]-amod-> talks (ROOT)
    coded = code("Putin and Trump held talks on May 20.")
    (event,) = coded.find("CONSULT")
    assert set(coded.names(event.actor)) == {"Vladimir Putin", "Donald Trump"}
