"""Recipients from content: many recipients are not a syntactic object but the party a statement
or act is about ("denied that it was planning to invade Ukraine" -> Ukraine; "warned that the
response to EU sanctions would be painful" -> the EU)."""

from __future__ import annotations

from dataclasses import replace

from ..draft import Draft
from ..sentence import Sentence
from .operations import NOTE as OPERATION

ORDER = 30


def unaimed(d: Draft) -> bool:
    """The draft has no recipient other than its own actors."""
    return not [r for r in d.recipients if r not in d.actors]


def apply(d: Draft, s: Sentence) -> list[Draft]:
    if OPERATION in d.notes or not unaimed(d) or d.type not in s.onto.group("about"):
        return [d]
    about = s.actors.content_actors(d.anchor, [*d.actors, *s.speaker_of(d.anchor)])
    if not about:
        return [d]
    return [replace(d, recipients=about, notes=[*d.notes, "recipient from content"])]
