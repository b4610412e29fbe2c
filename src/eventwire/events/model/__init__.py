"""The event model: a classifier over candidate words that decides an event's type (or none), with
the lexicon's and the rules' reading among its features, so that it generalizes past the lexicon.

- :mod:`.features`: candidates and their features;
- :mod:`.linear`: the model (multinomial logistic regression), its file and its training;
- :mod:`.align`: training labels from gold files;
- :mod:`.propose`: the model in the coder (adds events, vetoes rule drafts).

The packaged model is ``data/<lang>/model.npz``; ``eventwire train`` makes one from gold files.
"""

from __future__ import annotations

from importlib import resources

from .align import Candidate, label
from .linear import NONE, EventModel, Example, fit
from .propose import ModelSettings, Scored, propose, score

__all__ = [
    "NONE",
    "Candidate",
    "EventModel",
    "Example",
    "ModelSettings",
    "Scored",
    "fit",
    "label",
    "packaged_model",
    "propose",
    "score",
]


def packaged_model(language: str) -> EventModel | None:
    """The event model packaged for ``language`` (``events/data/<lang>/model.npz``), if there is one."""
    path = resources.files("eventwire.events").joinpath("data").joinpath(language).joinpath("model.npz")
    if not path.is_file():
        return None
    with resources.as_file(path) as file:
        return EventModel.load(file)
