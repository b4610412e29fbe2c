"""A denial, accusation or threat with no one named answers the last other party that acted.

"May accused the Russian state ... Moscow denied any involvement": the denial answers the United
Kingdom. Only events of the last few sentences count (``Options.answer_window`` characters);
an act aimed at the speaker's side, or a material conflict others committed, is answered.
"""

from __future__ import annotations

from dataclasses import replace

from ...nlp import sentence_of
from ..draft import Draft
from ..sentence import Sentence

ORDER = 90
#: How far back (characters) an answered event may be.
WINDOW = 500
NOTE = "recipient from the event answered"


def apply(d: Draft, s: Sentence) -> list[Draft]:
    if d.recipients or d.type not in s.onto.group("answers"):
        return [d]
    own = set(d.actors) | {s.actors.country(a) for a in d.actors} - {None}
    here = sentence_of(d.anchor).start
    for e in reversed(s.history):
        if d.anchor.idx - e.anchor.idx > WINDOW:
            break
        if sentence_of(e.anchor).start == here:
            continue
        targeted = any(r in own or s.actors.country(r) in own for r in e.recipients)
        others = [a for a in e.actors if a not in own and s.actors.country(a) not in own]
        # an act aimed at us, or a material conflict others committed (condemnations answer those)
        if others and (targeted or s.onto.quad_class(e.type) == 4):
            return [replace(d, recipients=others, notes=[*d.notes, NOTE])]
    return [d]
