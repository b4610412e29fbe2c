"""Finding: phrases of the knowledge base in a parsed text, by a token trie.

Every surface form (names, aliases, demonyms, capitals, office titles, role
nouns) is tokenized once, with the same English tokenizer rules as the parser,
and stored in a trie keyed by lower-case token text. Matching walks the trie
from each token and keeps the longest match, so "Moscow State Institute of
International Relations" beats "Moscow". All-capital acronyms (``US``, ``NATO``)
match only in capitals, following the KB's case rule.

Nothing here builds actors: :func:`Trie.find` returns candidate spans with
their payloads, and the resolver decides what they mean.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .kb import is_acronym

__all__ = ["Hit", "Trie", "build_trie", "fold", "plural"]

_END = "\x00"


@dataclass(frozen=True)
class Hit:
    """A match of one surface form: tokens ``[start, end)`` and what the form stands for."""

    start: int  # token index
    end: int  # token index, exclusive
    payloads: tuple[Any, ...]


@dataclass
class Trie:
    """A token trie from lower-case token sequences to payloads."""

    root: dict[str, Any] = field(default_factory=dict)
    size: int = 0

    def add(
        self, tokens: Sequence[str], payload: Any, *, case_sensitive: tuple[str, ...] | None = None
    ) -> None:
        """Add ``payload`` under ``tokens``; ``case_sensitive`` holds the exact forms for acronyms."""
        if not tokens:
            return
        node = self.root
        for tok in tokens:
            node = node.setdefault(fold(tok), {})
        node.setdefault(_END, []).append((case_sensitive, payload))
        self.size += 1

    def find(self, words: Sequence[str], lowers: Sequence[str], allowed: Callable[[int], bool]) -> list[Hit]:
        """Longest non-overlapping matches, left to right. ``allowed(i)`` says if token i may start one."""
        hits: list[Hit] = []
        n = len(words)
        i = 0
        while i < n:
            if not allowed(i):
                i += 1
                continue
            best: Hit | None = None
            node = self.root
            j = i
            while j < n and lowers[j] in node:
                node = node[lowers[j]]
                j += 1
                if _END in node:
                    payloads = tuple(
                        p for exact, p in node[_END] if exact is None or tuple(words[i:j]) == exact
                    )
                    if payloads:
                        best = Hit(i, j, payloads)
            if best is not None:
                hits.append(best)
                i = best.end
            else:
                i += 1
        return hits


def build_trie(forms: Iterable[tuple[str, Any]], tokenize: Callable[[list[str]], list[list[str]]]) -> Trie:
    """A trie of (surface form, payload) pairs; ``tokenize`` splits many forms at once."""
    pairs = [(f.strip(), p) for f, p in forms if f and f.strip()]
    token_lists = tokenize([f for f, _ in pairs])
    trie = Trie()
    for (form, payload), tokens in zip(pairs, token_lists, strict=True):
        exact = tuple(tokens) if is_acronym(form) else None
        trie.add(tokens, payload, case_sensitive=exact)
        # "the Ukraine", "The Hague": also findable without the article when the KB lists it with one
    return trie


def fold(token: str) -> str:
    """The trie key of a token: lower case without accents (Erdoğan = Erdogan, Niinistö = Niinisto)."""
    low = token.lower()
    if low.isascii():
        return low
    low = low.replace("’", "'").replace("ё", "е")
    return "".join(ch for ch in unicodedata.normalize("NFKD", low) if not unicodedata.combining(ch))


def plural(word: str) -> str:
    """English plural of a role noun's last word: president -> presidents, secretary -> secretaries."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"
