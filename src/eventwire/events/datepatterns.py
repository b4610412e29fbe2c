"""The date patterns of a language: our own regular expressions for date expressions, with the
month and weekday names, number words and cues of history they use (``data/<lang>/dates.toml``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from ..errors import DataError

__all__ = ["RESOLVERS", "DatePattern", "DatePatterns"]

RESOLVERS = ("month", "month_day", "weekday", "days", "weeks", "months", "years", "ago", "year", "eve")


@dataclass(frozen=True)
class DatePattern:
    name: str
    regex: re.Pattern[str]
    resolve: str
    offset: int


@dataclass(frozen=True)
class DatePatterns:
    """The compiled patterns, month and weekday names, number words and historical cues."""

    patterns: tuple[DatePattern, ...]
    any_pattern: re.Pattern[str]  # all patterns in one alternation: one pass tells whether any matches
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    historical: re.Pattern[str]
    anaphoric: re.Pattern[str]
    version: str
    durations: frozenset[str] = frozenset()

    @classmethod
    def load(cls, language: str = "en") -> DatePatterns:
        folder = resources.files("eventwire.events").joinpath("data").joinpath(language)
        text = folder.joinpath("dates.toml").read_text("utf-8")
        return cls.parse(text, f"eventwire/events/data/{language}/dates.toml")

    @classmethod
    def parse(cls, text: str, where: str) -> DatePatterns:
        try:
            data = tomllib.loads(text)
            names = [str(m) for m in data["months"]]
            abbrevs = [str(m) for m in data["month_abbreviations"]]
            days = [str(d) for d in data["weekdays"]]
            months = {name: i + 1 for i, name in enumerate(names)}
            months.update({name: i + 1 for i, name in enumerate(abbrevs)})
            months["sept"] = 9
            month_alt = "|".join(sorted(months, key=len, reverse=True))
            day_alt = "|".join(days)
            patterns = []
            sources = []
            for entry in data["pattern"]:
                if entry["resolve"] not in RESOLVERS:
                    raise DataError(
                        f"{where}: pattern {entry.get('name')!r} has resolve {entry['resolve']!r}; "
                        f"use one of {', '.join(RESOLVERS)}"
                    )
                source = entry["regex"].replace("{MONTH}", month_alt).replace("{WEEKDAY}", day_alt)
                sources.append(re.sub(r"\(\?P<\w+>", "(?:", source))
                patterns.append(
                    DatePattern(
                        entry["name"],
                        re.compile(source, re.IGNORECASE),
                        entry["resolve"],
                        int(entry.get("offset", 0)),
                    )
                )
            cues = "|".join(re.escape(c) for c in data["historical_cues"])
            anaphoric = "|".join(re.escape(c) for c in data["anaphoric"])
            return cls(
                patterns=tuple(patterns),
                any_pattern=re.compile("|".join(f"(?:{s})" for s in sources), re.IGNORECASE),
                months=months,
                weekdays={d: i for i, d in enumerate(days)},
                numbers={str(k).replace("-", " "): int(v) for k, v in data["numbers"].items()},
                historical=re.compile(rf"\b(?:{cues})\b", re.IGNORECASE),
                anaphoric=re.compile(rf"\b(?:{anaphoric})\b", re.IGNORECASE),
                version=str(data.get("version", "0")),
                durations=frozenset(str(w).lower() for w in data.get("durations", ())),
            )
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise DataError(
                f"{where} is not a valid date-pattern file ({exc!r}); see the comments at its top"
            ) from exc
