"""The resolver's compiled view of the knowledge base: one token trie over every surface form.

Built once per process (in :class:`~eventwire.actors.resolve.ActorResolver`'s
constructor); nothing here is touched per article except by lookups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .fuzzy import phonetic_key
from .kb import KnowledgeBase, Office
from .match import Trie, build_trie, plural
from .russian import case_forms

__all__ = ["HEAD_NOUNS", "Form", "Lexicon"]

# Generic words for "the one who heads it": "Pentagon chief", "head of the Kremlin".
HEAD_NOUNS = ("chief", "head", "boss", "leader", "director", "counterpart")
# Which office of an organisation a generic head noun means, most senior first.
_HEAD_ROLES = (
    "head_of_state",
    "head_of_government",
    "secretary_general",
    "president",
    "chair",
    "director",
    "head",
    "foreign_minister",
    "defence_minister",
    "commander",
)


@dataclass(frozen=True)
class Form:
    """What a matched surface form stands for.

    ``kind`` is one of: country, demonym, capital, organization, outlet, person,
    office (``key`` is an office id), role (``key`` is a roles.tsv phrase),
    head (a generic head noun), body (``key`` is a bodies.tsv phrase).
    ``plural`` marks the plural of a title or role noun.
    """

    kind: str
    key: str
    plural: bool = False


@dataclass
class Lexicon:
    kb: KnowledgeBase
    trie: Trie
    phrase_offices: dict[str, list[Office]] = field(default_factory=dict)
    surnames: dict[str, set[str]] = field(default_factory=dict)  # phonetic key -> person ids
    org_head: dict[str, str] = field(default_factory=dict)  # org id -> office id of its head
    name_parts: dict[str, list[list[str]]] = field(default_factory=dict)  # person id -> names split

    @classmethod
    def build(cls, kb: KnowledgeBase, tokenize: Callable[[list[str]], list[list[str]]]) -> Lexicon:
        forms: list[tuple[str, Any]] = []
        for surface, kind, key in kb.aliases():
            forms.append((surface, Form(kind, key)))
            for inflected in case_forms(surface, person=kind == "person"):  # "Путина", "Украине"
                forms.append((inflected, Form(kind, key)))
        phrase_offices: dict[str, list[Office]] = defaultdict(list)
        for office in kb.offices.values():
            for phrase in {office.title.lower(), *(t.lower() for t in office.titles)}:
                phrase_offices[phrase].append(office)
        for phrase in phrase_offices:
            forms.append((phrase, Form("office", phrase)))
            forms.append((_pluralize(phrase), Form("office", phrase, plural=True)))
        for role in kb.roles.values():
            forms.append((role.phrase, Form("role", role.phrase)))
            if role.kind == "person":
                forms.append((_pluralize(role.phrase), Form("role", role.phrase, plural=True)))
        for body in kb.bodies.values():
            forms.append((body.phrase, Form("body", body.phrase)))
        for noun in HEAD_NOUNS:
            forms.append((noun, Form("head", noun)))
            forms.append((plural(noun), Form("head", noun, plural=True)))
        trie = build_trie(forms, tokenize)
        surnames: dict[str, set[str]] = defaultdict(set)
        name_parts: dict[str, list[list[str]]] = defaultdict(list)
        for person in kb.people.values():
            for name in (person.name, *person.aliases):
                parts = name.replace("-", " ").split()
                if parts:
                    surnames[phonetic_key(parts[-1])].add(person.id)
                    name_parts[person.id].append(parts)
        org_head: dict[str, str] = {}
        by_org: dict[str, list[Office]] = defaultdict(list)
        for office in kb.offices.values():
            if office.org:
                by_org[office.org].append(office)
        for org, offices in by_org.items():
            ranked = sorted(
                offices,
                key=lambda o: next(
                    (i for i, r in enumerate(_HEAD_ROLES) if r in o.id.split(".")[-1]), len(_HEAD_ROLES)
                ),
            )
            if len(offices) == 1 or any(r in ranked[0].id.split(".")[-1] for r in _HEAD_ROLES):
                org_head[org] = ranked[0].id
        return cls(kb, trie, dict(phrase_offices), dict(surnames), org_head, dict(name_parts))

    def offices(self, phrase: str) -> list[Office]:
        return self.phrase_offices.get(phrase, [])


def _pluralize(phrase: str) -> str:
    """Plural of a title phrase: the head noun is the last word, or the one before " of ..."."""
    words = phrase.split()
    if "of" in words[1:]:
        i = words.index("of") - 1
    elif "to" in words[1:]:
        i = words.index("to") - 1
    else:
        i = len(words) - 1
    words[i] = plural(words[i])
    return " ".join(words)
