"""After a sentence's events are found: ultimatums, operations, and recipients the syntax did not give.

Many recipients are not a syntactic object but the party a statement or act is about ("denied
that it was planning to invade Ukraine" -> Ukraine). For an event still without one, in order:
the actors its complement clause or object phrase names (:func:`.roles.content_actors`); for a
mediator, the parties of the event it facilitated; for a demand to yield, the holder; for a
retreat, the target of the act it undoes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .operations import support_for_operation
from .passive import holder_of, undone_recipients
from .roles import content_actors, patients
from .ultimatum import or_face

if TYPE_CHECKING:
    from .extract import Draft, SentenceMatcher

__all__ = ["ABOUT_TYPES", "finish"]

#: Types whose recipient may be the party the statement or act is about rather than an object.
ABOUT_TYPES = frozenset(
    {"ACCUSE", "THREATEN", "REJECT", "REQUEST", "SUPPORT", "AGREE"}
    | {"SANCTION", "ASSAULT", "COERCE", "RETREAT", "AID", "COOPERATE", "MOBILIZE", "CONCEDE"}
)


def finish(m: SentenceMatcher, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` plus ultimatum threats, with recodings and recipients filled in (in place)."""
    drafts = drafts + [t for t in (or_face(m, d) for d in list(drafts)) if t is not None]
    for d in drafts:
        support_for_operation(m, d)
        if "support for an operation -> COOPERATE" in d.notes:
            continue
        if _unaimed(d) and d.type in ABOUT_TYPES:
            about = content_actors(m.actors, d.anchor, [*d.actors, *m.speaker_of(d.anchor)])
            if about:
                d.recipients = about
                d.notes.append("recipient from content")
        if d.type == "CONSULT" and d.mode == "third-party" and d.parties < 2:
            # "helped to facilitate the exchange": the mediator's parties are the exchange's
            for obj in patients(d.anchor):
                d.recipients += [a for a in m._earlier_event_actors(obj, d.actors) if a not in d.recipients]
        for rule, note in ((holder_of, "the holder asked to yield"), (undone_recipients, "the event undone")):
            if _unaimed(d):
                found = rule(m, d)
                if found:
                    d.recipients = found
                    d.notes.append(f"recipient: {note}")
    return drafts


def _unaimed(d: Draft) -> bool:
    return not [r for r in d.recipients if r not in d.actors]
