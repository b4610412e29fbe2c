"""The codebook's rules for future and negated events (PLOVER: AGREE, CONCEDE, REJECT), and the
recodings it prescribes for crowds and exercises.

- a negated intention to cooperate is a refusal: "will not send troops", "won't meet" -> REJECT;
- announced future cooperation is an intention: "will meet" -> AGREE; an announced retreat is a
  concession: "will withdraw" -> CONCEDE;
- violence by an unnamed crowd is a violent protest (PROTEST riot);
- a military exercise of two or more states is cooperation (COOPERATE 062).
Modes must be the type's; the CAMEO code must agree with the final type.
"""

from __future__ import annotations

from dataclasses import replace

from ..draft import Draft
from ..sentence import Sentence

ORDER = 70


def apply(d: Draft, s: Sentence) -> list[Draft]:
    onto = s.onto
    m = d.modality
    if (d.negated, d.hypothetical) != (d.negated or m.negated, d.hypothetical or m.hypothetical):
        d = replace(d, negated=d.negated or m.negated, hypothetical=d.hypothetical or m.hypothetical)
    if d.negated and d.type in onto.group("cooperative") and (m.future or m.modal or d.type == "AGREE"):
        frame = onto.frame("REJECT", d.type)
        if frame is not None:  # "will not send troops", "won't meet": a refusal
            actors, recipients = list(d.actors), list(d.recipients)
            if not recipients and len(actors) > 1:  # "won't negotiate with X": X is refused
                subj = [a for x in s.grammar.subjects(d.anchor) for a in s.actors.phrase_actors(x)]
                if subj and set(subj) < set(actors):
                    recipients = [a for a in actors if a not in subj]
                    actors = [a for a in actors if a in subj]
            return [
                replace(
                    d,
                    type=frame.type,
                    mode=frame.mode,
                    cameo=frame.cameo,
                    negated=False,
                    actors=actors,
                    recipients=recipients,
                    notes=[*d.notes, "negated future cooperation -> REJECT"],
                )
            ]
    notes = list(d.notes)
    ptype, mode, cameo = d.type, d.mode, d.cameo
    if m.future and not d.negated:
        if ptype in onto.group("future_to_agree"):
            frame = onto.frame("AGREE", ptype)
            if frame is not None:
                ptype, mode, cameo = frame.type, frame.mode, frame.cameo
                notes.append("future cooperation -> AGREE")
        elif ptype == "RETREAT":
            ptype, mode, cameo = "CONCEDE", None, "080"
            notes.append("announced retreat -> CONCEDE")
    if d.civil and ptype == "ASSAULT":  # violence by an unnamed crowd is a violent protest
        ptype, mode, cameo = "PROTEST", "riot", "145"
        notes.append("crowd violence -> PROTEST riot")
    countries = {s.actors.country(a) for a in d.actors} - {None}
    if ptype == "MOBILIZE" and len(countries) >= 2:  # joint exercises are cooperation (codebook)
        ptype, mode, cameo = "COOPERATE", None, "062"
        notes.append("multinational exercise -> COOPERATE")
    if mode is not None and mode not in onto.types[ptype].modes:
        mode = None
    # a pattern's own code stands (CAMEO 163 "impose sanctions" is PLOVER SANCTION in the codebook,
    # COERCE in the 2021 table); a recoded event takes a code consistent with its new type
    own_code = d.pattern.type == ptype and cameo == d.pattern.cameo and cameo in onto.cameo
    if cameo is None or not (own_code or onto.consistent(cameo, ptype)):
        cameo = onto.cameo_for(ptype, mode, d.contexts)
    if (ptype, mode, cameo, notes) == (d.type, d.mode, d.cameo, d.notes):
        return [d]
    return [replace(d, type=ptype, mode=mode, cameo=cameo, notes=notes)]
