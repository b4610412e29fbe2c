"""The statement finder on sentences we wrote, with hand-built actor layers."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from eventwire.options import Options
from eventwire.records import Article, Skipped, Statement
from eventwire.statements import StatementFinder

ACTORS = {
    "Foreign Ministry": ["The Foreign Ministry", "the Foreign Ministry"],
    "Kremlin": ["the Kremlin", "The Kremlin"],
    "Anna Berg": ["Anna Berg", "Berg"],
    "Omar Haddad": ["Omar Haddad", "Haddad"],
    "General Staff": ["The General Staff", "the General Staff"],
    "Daily Ledger": ["The Daily Ledger"],
}
PERSONS = ("Anna Berg", "Omar Haddad")


@pytest.fixture
def run(nlp: Any, finder: Any, layer_maker: Any) -> Any:
    """Parse ``text``, find its statements with a hand-built layer of ACTORS; (statements, id -> name)."""

    def go(text: str, **article: Any) -> tuple[list[Statement], dict[str, str]]:
        layer = layer_maker(text, ACTORS, PERSONS)
        found = finder.find(nlp(text), Article(id="t", text=text, **article), layer)
        return found, {a.id: a.name for a in layer.actors}

    return go


def reported(statements: list[Statement]) -> list[Statement]:
    return [s for s in statements if s.kind != "outlet"]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Anna Berg said that the border would stay closed.",
            "Anna Berg",
            "said",
            "the border would stay closed",
        ),
        ("Omar Haddad stated that the talks had failed.", "Omar Haddad", "stated", "the talks had failed"),
        (
            "Berg pointed out that the ceasefire was holding in the south.",
            "Anna Berg",
            "pointed out",
            "the ceasefire was holding in the south",
        ),
        (
            "The Foreign Ministry announced that the embassy would reopen.",
            "Foreign Ministry",
            "announced",
            "the embassy would reopen",
        ),
        ("Haddad noted that exports had doubled.", "Omar Haddad", "noted", "exports had doubled"),
        ("Berg mentioned that the convoy was delayed.", "Anna Berg", "mentioned", "the convoy was delayed"),
        (
            "The General Staff warned that the offensive would continue.",
            "General Staff",
            "warned",
            "the offensive would continue",
        ),
        (
            "Omar Haddad told reporters that the deal was close.",
            "Omar Haddad",
            "told",
            "the deal was close",
        ),
        (
            "The Kremlin reported that the two leaders had spoken.",
            "Kremlin",
            "reported",
            "the two leaders had spoken",
        ),
        (
            "According to Anna Berg, the negotiations will resume next month.",
            "Anna Berg",
            "According to",
            "the negotiations will resume next month",
        ),
        (
            "The negotiations will resume next month, according to the Foreign Ministry.",
            "Foreign Ministry",
            "according to",
            "The negotiations will resume next month",
        ),
        (
            "In Haddad's words, the sanctions have achieved nothing.",
            "Omar Haddad",
            "In Haddad's words",
            "the sanctions have achieved nothing",
        ),
        (
            "The ambassador in Paris, Omar Haddad, warned that the decision would escalate the conflict.",
            "Omar Haddad",
            "warned",
            "the decision would escalate the conflict",
        ),
        (
            "Berg vowed that the blockade would be lifted.",
            "Anna Berg",
            "vowed",
            "the blockade would be lifted",
        ),
        (
            "In the words of Anna Berg, the region is on the brink of war.",
            "Anna Berg",
            "In the words",
            "the region is on the brink of war",
        ),
    ],
)
def test_indirect_cues(run: Any, text: str, speaker: str, cue: str, content: str) -> None:
    found, names = run(text)
    assert len(reported(found)) == 1, found
    st = reported(found)[0]
    assert st.kind == "indirect"
    assert st.speaker is not None and names[st.speaker] == speaker
    assert st.cue is not None and st.cue.text == cue
    assert st.content.text == content
    assert text[st.content.start : st.content.end] == st.content.text
    assert not [s for s in found if s.kind == "outlet"], (
        "a sentence that only reports speech is no outlet claim"
    )


def test_nominal_content(run: Any) -> None:
    text = "The Foreign Ministry announced the release of three detained sailors."
    found, names = run(text)
    (st,) = reported(found)
    assert names[st.speaker or ""] == "Foreign Ministry"
    assert st.content.text == "the release of three detained sailors"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('"We will not retreat from the river," Anna Berg said.', "We will not retreat from the river"),
        ('Anna Berg said: "We will not retreat from the river."', "We will not retreat from the river"),
        ("Anna Berg praised the meeting, calling it \u201cconstructive\u201d.", "constructive"),
        ('Anna Berg welcomed the agreement, calling it "a first step."', "a first step"),
    ],
)
def test_direct_quotes(run: Any, text: str, content: str) -> None:
    found, names = run(text)
    direct = [s for s in found if s.kind == "direct"]
    assert len(direct) == 1, found
    assert names[direct[0].speaker or ""] == "Anna Berg"
    assert direct[0].content.text == content


def test_pronoun_speaker_comes_from_the_actor_layer(run: Any) -> None:
    text = "Omar Haddad arrived in the capital on Monday. He said that the blockade must end."
    found, names = run(text)
    (st,) = reported(found)
    assert names[st.speaker or ""] == "Omar Haddad"
    assert st.content.text == "the blockade must end"


def test_garbled_subject_inside_a_prepositional_phrase(run: Any) -> None:
    # Machine translation often drops the subject into a phrase before the verb.
    text = "Following the meeting in the Kremlin reported that the two sides agreed on a new round of talks."
    found, names = run(text)
    (st,) = reported(found)
    assert names[st.speaker or ""] == "Kremlin"
    assert "the two sides agreed on a new round of talks" in st.content.text


def test_statement_without_a_named_speaker(run: Any) -> None:
    found, _ = run("It was reported that two tankers collided in the strait.")
    (st,) = reported(found)
    assert st.speaker is None
    assert st.content.text == "two tankers collided in the strait"


def test_speaker_not_an_actor_is_none_but_still_a_statement(run: Any) -> None:
    found, _ = run("Local residents said that the bridge had been destroyed.")
    (st,) = reported(found)
    assert st.speaker is None and st.kind == "indirect"
    assert st.content.text == "the bridge had been destroyed"


@pytest.mark.parametrize(
    "text",
    [
        "Anna Berg did not say that the talks had failed.",
        "Omar Haddad told them what had happened.",
        "The Foreign Ministry called the ambassador on Friday.",
        'Talks about a "frozen conflict" were put aside.',
        "Separately, it is worth mentioning that the talks lasted four hours.",
        "Did Anna Berg say that the talks had failed?",
        "Anna Berg pledged $5 million in emergency aid.",
        "The Foreign Ministry announced sanctions on four officials.",  # the act itself: an event
        "The Foreign Ministry declared a state of emergency.",
    ],
)
def test_not_reported_speech(run: Any, text: str) -> None:
    found, _ = run(text)
    assert reported(found) == []


def test_outlet_claims(run: Any) -> None:
    text = (
        "Border talks resume\n"
        "Russia and Ukraine exchanged prisoners on Friday. Who benefits?\n"
        "- The Daily Ledger spoke with:\n"
        "- economist Lena Sorel\n"
        "Anna Berg said that the exchange was overdue. The process may take months.\n"
    )
    found, names = run(text, outlet="The Daily Ledger")
    outlet = [s for s in found if s.kind == "outlet"]
    assert [s.content.text for s in outlet] == [
        "Russia and Ukraine exchanged prisoners on Friday.",
        "The Daily Ledger spoke with:",
        "The process may take months.",
    ]
    assert {names[s.speaker or ""] for s in outlet} == {"Daily Ledger"}
    assert [s.id for s in found] == [f"s{i}" for i in range(1, len(found) + 1)]
    starts = [s.content.start if s.cue is None else min(s.cue.start, s.content.start) for s in found]
    assert starts == sorted(starts)


def test_outlet_speaker_is_none_without_an_outlet_actor(run: Any) -> None:
    found, _ = run("Russia and Ukraine exchanged prisoners on Friday.")
    (st,) = found
    assert st.kind == "outlet" and st.speaker is None and st.cue is None


def test_excluded_stretches_are_skipped(run: Any) -> None:
    text = "Anna Berg said that the exchange was overdue.\nTranslated by a machine service."
    start = text.index("Translated")
    found, _ = run(text, excluded=((start, len(text)),))
    assert [s.kind for s in found] == ["indirect"]


def test_content_stops_before_the_speakers_next_action(run: Any) -> None:
    found, _ = run("Haddad insisted the program was peaceful, and he rejected the demands.")
    (st,) = reported(found)
    assert st.content.text == "the program was peaceful"


def test_a_quote_in_the_previous_sentence_is_not_this_sentences_content(run: Any) -> None:
    text = 'Berg said: "The strikes hit only depots."\nThe agency reported that the strikes had stopped.'
    found, _ = run(text)
    contents = [(s.kind, s.content.text) for s in reported(found)]
    assert contents == [("direct", "The strikes hit only depots"), ("indirect", "the strikes had stopped")]


def test_a_place_the_speakers_are_in_does_not_speak(run: Any) -> None:
    found, _ = run("Officials in the Kremlin, who asked not to be named, said the talks would resume.")
    (st,) = reported(found)
    assert st.speaker is None
    found, names = run("Officials of the Kremlin said the talks would resume.")
    (st,) = reported(found)
    assert names[st.speaker or ""] == "Kremlin"


def test_a_quote_over_several_sentences_is_one_direct_statement(run: Any) -> None:
    text = '"We will not give up the city. We will fight for every street," Anna Berg said on Monday.'
    found, names = run(text)
    assert [(s.kind, names[s.speaker or ""], s.content.text) for s in found] == [
        ("direct", "Anna Berg", "We will not give up the city. We will fight for every street")
    ]


def test_speaker_of_a_cue_under_a_passive_verb(run: Any) -> None:
    found, names = run("Omar Haddad was quoted as saying that the army would withdraw.")
    (st,) = reported(found)
    assert names[st.speaker or ""] == "Omar Haddad"
    assert st.content.text == "the army would withdraw"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (  # the parser hangs "stated" under "support": the report is still the whole rest of the sentence
            "Haddad stated that the plan is unrealistic, the army does not support it "
            "and will not send troops.",
            "the plan is unrealistic, the army does not support it and will not send troops",
        ),
        (
            "Berg said that the border is closed, the talks have stalled and the envoy will leave.",
            "the border is closed, the talks have stalled and the envoy will leave",
        ),
    ],
)
def test_a_report_of_several_clauses(run: Any, text: str, content: str) -> None:
    found, _ = run(text)
    assert [(s.kind, s.content.text) for s in found] == [("indirect", content)]


class _FailingFinder(StatementFinder):
    """A finder whose reading of any sentence mentioning "tankers" raises, as a bug would."""

    def _sentence(self, sent: Any, *args: Any) -> list[tuple[int, Statement]]:
        if "tankers" in sent.text:
            raise RuntimeError("cannot read this sentence")
        return super()._sentence(sent, *args)


def test_a_sentence_that_raises_is_recorded_as_skipped(
    nlp: Any, layer_maker: Any, caplog: pytest.LogCaptureFixture
) -> None:
    text = (
        "Anna Berg said that the exchange was overdue. Two tankers collided in the strait. "
        "Omar Haddad stated that the talks had failed."
    )
    layer = layer_maker(text, ACTORS, PERSONS)
    article = Article(id="t", text=text)
    finder = _FailingFinder(Options())
    with caplog.at_level(logging.WARNING, logger="eventwire.statements.finder"):
        found, skipped = finder.find_with_skips(nlp(text), article, layer)
    assert [s.content.text for s in reported(found)] == ["the exchange was overdue", "the talks had failed"]
    assert [s.id for s in found] == [f"s{i}" for i in range(1, len(found) + 1)]
    (skip,) = skipped
    assert isinstance(skip, Skipped)
    assert skip.stage == "statements"
    assert skip.sentence.text == "Two tankers collided in the strait."
    assert text[skip.sentence.start : skip.sentence.end] == skip.sentence.text
    assert skip.reason == "RuntimeError: cannot read this sentence"
    assert "cannot read this sentence" in caplog.text
    # find() is the same reading without the skips.
    assert [s.content.text for s in finder.find(nlp(text), article, layer)] == [s.content.text for s in found]


def test_find_with_skips_records_nothing_when_every_sentence_reads(
    nlp: Any, finder: Any, layer_maker: Any
) -> None:
    text = "Anna Berg said that the exchange was overdue."
    layer = layer_maker(text, ACTORS, PERSONS)
    found, skipped = finder.find_with_skips(nlp(text), Article(id="t", text=text), layer)
    assert skipped == []
    assert [s.content.text for s in found] == ["the exchange was overdue"]
