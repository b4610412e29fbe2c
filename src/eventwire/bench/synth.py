"""A synthetic news corpus: wire-style articles from templates with real actor names.

Deterministic: article ``i`` depends only on ``(seed, i)``, so the first 1,000
articles of a 10,000-article corpus are the 1,000-article corpus. The texts
are generated lazily (nothing is held in memory) and read like short wire
items: a dated lead sentence with an event, then quotes and background.
The building blocks are data: ``bench/data/synth.toml``.
"""

from __future__ import annotations

import json
import random
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from ..ingest import article_id
from ..records import Article

__all__ = ["Blocks", "synthetic_articles", "write_jsonl"]


@dataclass(frozen=True)
class Blocks:
    data: dict[str, Any]

    @classmethod
    def load(cls) -> Blocks:
        text = resources.files("eventwire.bench").joinpath("data/synth.toml").read_text("utf-8")
        return cls(tomllib.loads(text))


def _article(i: int, seed: int, blocks: Blocks) -> Article:
    d = blocks.data
    rng = random.Random(f"{seed}:{i}")
    a, b = rng.sample(d["leaders"], 2)
    topic, topic2 = rng.sample(d["topics"], 2)
    values = {
        "A": a[0],
        "a": a[1],
        "ca": a[2],
        "ta": a[3],
        "B": b[0],
        "b": b[1],
        "cb": b[2],
        "tb": b[3],
        "place": rng.choice(d["places"]),
        "topic": topic,
        "topic2": topic2,
        "day": rng.choice(d["days"]),
    }
    lead = rng.choice(d["leads"]).format(**values)
    lead = lead[0].upper() + lead[1:]
    sentences = [s.format(**values) for s in rng.sample(d["body"], rng.randint(4, 7))]
    paragraphs = [lead] + [" ".join(sentences[k : k + 2]) for k in range(0, len(sentences), 2)]
    text = "\n\n".join(p[0].upper() + p[1:] for p in paragraphs) + "\n"
    published = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
    title = f"{a[1]} and {b[1]} on {topic}"
    return Article(
        id=article_id(text),
        text=text,
        title=title[0].upper() + title[1:],
        outlet=rng.choice(d["outlets"]),
        published=published.isoformat(),
        source=f"synthetic:{seed}:{i}",
    )


def synthetic_articles(n: int, seed: int = 0, start: int = 0) -> Iterator[Article]:
    """Articles ``start .. start+n-1`` of the corpus with this seed, generated one at a time."""
    blocks = Blocks.load()
    for i in range(start, start + n):
        yield _article(i, seed, blocks)


def write_jsonl(path: str | Path, n: int, seed: int = 0) -> tuple[int, int]:
    """Write the corpus as an ``eventwire code``-style JSONL file; return (articles, words)."""
    words = 0
    with Path(path).open("w", encoding="utf-8") as fh:
        for a in synthetic_articles(n, seed):
            words += len(a.text.split())
            record = {
                "id": a.id,
                "title": a.title,
                "text": a.text,
                "outlet": a.outlet,
                "published": a.published,
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return n, words
