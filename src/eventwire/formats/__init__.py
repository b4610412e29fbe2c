"""Output formats of ``eventwire code``: json, jsonl, plover, tsv.

STUB: json and jsonl only; plover and tsv come with the event coder (issue 3).
"""

from __future__ import annotations

import json
from typing import TextIO

from ..errors import ConfigError
from ..records import CodedArticle

__all__ = ["FORMATS", "Writer"]

FORMATS = ("json", "jsonl", "plover", "tsv")


class Writer:
    """Writes coded articles to a stream in one format."""

    def __init__(self, stream: TextIO, fmt: str) -> None:
        if fmt not in FORMATS:
            raise ConfigError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
        self.stream = stream
        self.fmt = fmt

    def write(self, coded: CodedArticle) -> None:
        if self.fmt == "json":
            json.dump(coded.to_dict(), self.stream, ensure_ascii=False, indent=2)
            self.stream.write("\n")
        else:
            self.stream.write(json.dumps(coded.to_dict(), ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.stream.flush()
