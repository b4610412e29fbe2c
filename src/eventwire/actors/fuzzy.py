"""Tolerant name matching for mistransliterated names (Shoygu/Shoigu, Zelenskiy/Zelensky).

Only the similarity measures live here; whether a similar name may be taken
for a KB person is the resolver's decision, which requires context support
(an office the person holds, or their country named nearby).
"""

from __future__ import annotations

import unicodedata

__all__ = ["edit_distance", "phonetic_key", "similar_given", "similar_surname"]

# Letters and digraphs that English transliterations of the same name swap freely.
_FOLD = (
    ("sch", "sh"),
    ("tch", "ch"),
    ("ph", "f"),
    ("ck", "k"),
    ("kh", "h"),
    ("wh", "w"),
    ("th", "t"),
    ("ts", "z"),
    ("tz", "z"),
    ("ks", "x"),
    ("w", "v"),
    ("c", "k"),
    ("q", "k"),
    ("j", "y"),
    ("ie", "i"),
    ("y", "i"),
    ("f", "v"),
)


# First letters that transliterations swap (Volkov/Wolkow, Cuba/Kuba, Jakob/Yakov, Wolf/Volf).
_FIRST_CLASS = {
    "f": "fvp",
    "v": "vfw",
    "w": "wv",
    "p": "pf",
    "c": "ckq",
    "k": "kcq",
    "q": "qkc",
    "j": "jyi",
    "y": "yjie",
    "i": "iyje",
    "e": "eiy",
    "g": "gh",
    "h": "hgkx",
    "x": "xh",
}


def _ascii(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name.lower()) if ch.isalpha())


def phonetic_key(name: str) -> str:
    """A coarse key: transliteration swaps folded, vowels after the first letter and doubles dropped."""
    s = _ascii(name)
    for a, b in _FOLD:
        s = s.replace(a, b)
    if not s:
        return ""
    out = [s[0]]
    for ch in s[1:]:
        if ch in "aeiouh":
            continue
        if out[-1] != ch:
            out.append(ch)
    return "".join(out)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def similar_surname(a: str, b: str) -> bool:
    """Surnames that are plausibly one name spelt two ways (never identical ones: that is exact matching)."""
    if abs(len(a) - len(b)) > 3 or a[:1].lower() not in _FIRST_CLASS.get(b[:1].lower(), b[:1].lower()):
        return False  # cheap rejection: most pairs differ in length or first sound
    x, y = _ascii(a), _ascii(b)
    if not x or not y or len(x) < 3 or len(y) < 3:
        return False
    if phonetic_key(x) == phonetic_key(y):
        return True
    return edit_distance(x, y) / max(len(x), len(y)) <= 0.25


def similar_given(a: str, b: str, variants: dict[str, frozenset[str]]) -> bool:
    """Given names that may be the same: equal, a known variant (Mike/Michael), or similar spelling."""
    x, y = _ascii(a), _ascii(b)
    if not x or not y:
        return False
    if x == y or y in variants.get(x, frozenset()) or x in variants.get(y, frozenset()):
        return True
    if len(x) <= 2 or len(y) <= 2:  # initials
        return x[0] == y[0]
    return phonetic_key(x) == phonetic_key(y) or edit_distance(x, y) / max(len(x), len(y)) <= 0.25
