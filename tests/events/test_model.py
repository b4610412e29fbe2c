"""The event model: fitting, its file, training labels from gold, and its place in the coder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from eventwire.errors import ConfigError, LexiconError
from eventwire.events import EventCoder, Lexicon
from eventwire.events.model import NONE, Candidate, EventModel, Example, ModelSettings, fit, label
from eventwire.options import Options

CLASSES = (NONE, "AGREE", "ACCUSE")


def _toy() -> list[Example]:
    out = []
    for k in range(30):
        out.append(Example(("bias", "l=pledge", "s=country"), np.array([1.0, 0.0]), "AGREE", f"a{k % 3}"))
        out.append(Example(("bias", "l=blame", "s=country"), np.array([0.0, 1.0]), "ACCUSE", f"a{k % 3}"))
        out.append(Example(("bias", "l=walk", "s=none"), np.array([0.5, 0.5]), NONE, f"a{k % 3}"))
    return out


def test_fit_learns_a_separable_problem_and_the_file_round_trips(tmp_path: Path) -> None:
    model = fit(_toy(), CLASSES, version="toy-1", epochs=200, meta={"threshold": 0.6, "veto": 0.9})
    p = model.probabilities(["bias", "l=pledge", "s=country"], np.array([1.0, 0.0]))
    assert max(p, key=p.__getitem__) == "AGREE" and p["AGREE"] > 0.8
    assert max(model.probabilities(["bias", "l=walk"], None).items(), key=lambda kv: kv[1])[0] == NONE
    path = tmp_path / "toy.npz"
    model.save(path)
    again = EventModel.load(path)
    assert again.version == "toy-1" and again.classes == CLASSES
    q = again.probabilities(["bias", "l=pledge", "s=country"], np.array([1.0, 0.0]))
    assert abs(q["AGREE"] - p["AGREE"]) < 0.01
    assert ModelSettings.of(again) == ModelSettings(threshold=0.6, veto=0.9)


def test_unseen_features_are_ignored_and_a_bad_file_is_a_clear_error(tmp_path: Path) -> None:
    model = fit(_toy(), CLASSES, version="toy-1", epochs=50)
    assert sum(model.probabilities(["never-seen"], None).values()) == pytest.approx(1.0)
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(LexiconError, match="eventwire train"):
        EventModel.load(bad)


TEXT = "Chile and Peru pledged to reopen the border. Lima blamed Santiago."


def test_labels_follow_the_gold_trigger_and_leave_its_other_words_out() -> None:
    cands = [
        Candidate(15, 22, 0, "VERB", None),  # pledged
        Candidate(26, 32, 1, "VERB", None),  # reopen
        Candidate(50, 56, 0, "VERB", "ACCUSE"),  # blamed
    ]
    events = [
        {"type": "AGREE", "sentence_contains": "pledged to reopen", "trigger": "pledged to reopen"},
        {"type": "ACCUSE", "sentence_contains": "Lima blamed Santiago"},
    ]
    assert label(cands, events, TEXT) == [("AGREE", False), (None, False), ("ACCUSE", False)]


def test_without_a_trigger_an_unsure_sentence_teaches_nothing() -> None:
    cands = [Candidate(15, 22, 0, "VERB", None), Candidate(26, 32, 1, "VERB", None)]
    events = [{"type": "AGREE", "sentence_contains": "pledged to reopen", "optional": True}]
    assert label(cands, events, TEXT) == [(None, True), (None, True)]


def test_model_only_coding_needs_a_model() -> None:
    options = Options(event_coding="model")
    with pytest.raises(ConfigError, match="no event model"):
        EventCoder(Lexicon.load(options), options, model=None)


@pytest.mark.slow
def test_the_model_adds_an_event_the_lexicon_does_not_know(code: Any, event_coder: EventCoder) -> None:
    # a model that calls the verb "stonewall" a REJECT (the packaged lexicon has no such row)
    examples = [
        Example(("bias", "l=stonewall", "p=VERB"), None, "REJECT", "a"),
        Example(("bias", "l=walk", "p=VERB"), None, NONE, "b"),
    ] * 20
    model = fit(examples, (NONE, "REJECT"), version="test-1", epochs=150, use_vectors=False)
    both = event_coder.with_model(model, ModelSettings(threshold=0.5, veto=1.0), "both")
    coded = code("Turkey stonewalled Sweden at the summit.", coder=both)
    (event,) = coded.find("REJECT")
    assert coded.names(event.actor) == ["Turkey"] and coded.names(event.recipient) == ["Sweden"]
    assert not code("Turkey stonewalled Sweden at the summit.").find("REJECT")
