"""A language's function words and word lists for the event stage, read from ``data/<lang>/words.toml``.

The rules of :mod:`eventwire.events` are written once for every language; what they need to know
about a language (which words are prepositions of which role, auxiliaries of the future, verbs of
object control, ...) is one frozen :class:`Words` record per language.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..errors import LexiconError

__all__ = ["Words"]

DATA = "eventwire.events.data"


def _set(table: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in table.get(key, ()))


@dataclass(frozen=True)
class Words:
    """Word lists of one language (see ``data/en/words.toml`` for what each holds)."""

    language: str
    version: str
    prepositions: dict[str, frozenset[str]]
    cases: dict[str, str]
    recipient_roles: dict[str, tuple[str, ...]]
    partner_roles: dict[str, tuple[str, ...]]
    modality: dict[str, frozenset[str]]
    grammar: dict[str, frozenset[str]]
    pairs: dict[str, int]
    going: str = ""
    _preps: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, language: str = "en") -> Words:
        try:
            text = resources.files(DATA).joinpath(language).joinpath("words.toml").read_text(encoding="utf-8")
            raw = tomllib.loads(text)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise LexiconError(
                f"the event word lists of language {language!r} cannot be read ({exc}); "
                "reinstall eventwire, or add data/<lang>/words.toml for a new language"
            ) from exc
        return cls.from_data(language, raw)

    @classmethod
    def from_data(cls, language: str, raw: dict[str, Any]) -> Words:
        roles = raw.get("roles", {})
        modality = raw.get("modality", {})
        grammar = dict(raw.get("grammar", {}))
        pairs = {str(k).lower(): int(v) for k, v in grammar.pop("pairs", {}).items()}
        return cls(
            language=language,
            version=str(raw.get("version", "")),
            prepositions={k: _set(raw.get("prepositions", {}), k) for k in raw.get("prepositions", {})},
            cases={str(k): str(v) for k, v in raw.get("cases", {}).items()},
            recipient_roles={t: tuple(v.get("recipient", ())) for t, v in roles.items()},
            partner_roles={t: tuple(v.get("partner", ())) for t, v in roles.items()},
            modality={k: _set(modality, k) for k, v in modality.items() if isinstance(v, list)},
            grammar={k: _set(grammar, k) for k in grammar},
            pairs=pairs,
            going=str(modality.get("going", "")),
        )

    # -- prepositions ---------------------------------------------------------------------------
    def preps(self, roles: Iterable[str]) -> frozenset[str]:
        """The words that play any of ``roles`` (role names as in ``[prepositions]``)."""
        key = tuple(roles)
        found = self._preps.get(key)
        if found is None:
            found = frozenset(w for r in key for w in self.prepositions.get(r, (r,)))
            self._preps[key] = found
        return found

    def recipient_preps(self, ptype: str) -> tuple[str, ...]:
        """Role names of the prepositions that introduce a recipient of ``ptype``."""
        return self.recipient_roles.get(ptype, self.recipient_roles.get("default", ()))

    def partner_preps(self, ptype: str) -> tuple[str, ...]:
        """Role names of the prepositions that introduce a partner in a joint act of ``ptype``."""
        return self.partner_roles.get(ptype, self.partner_roles.get("default", ()))

    # -- word lists -----------------------------------------------------------------------------
    def mod(self, name: str) -> frozenset[str]:
        return self.modality.get(name, frozenset())

    def gram(self, name: str) -> frozenset[str]:
        return self.grammar.get(name, frozenset())
