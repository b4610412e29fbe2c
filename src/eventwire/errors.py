"""The one exception hierarchy of eventwire.

Library code raises these and never prints or exits; the CLI and the HTTP API
turn them into messages once, at the edge. Every message says what went wrong,
the bad value, and what to do about it. Third-party errors are wrapped with
``raise ... from`` so the cause stays visible.

    EventwireError
    ├── ConfigError        an option, settings file or argument is invalid
    ├── InputError         an input cannot be read as an article (carries a Rejected)
    ├── ModelError         the spaCy pipeline (or another model package) is missing or broken
    ├── DataError          a packaged or user data file (KB, lexicon, ontology, gold) is invalid
    │   ├── KnowledgeBaseError
    │   └── LexiconError
    ├── StoreError         the DuckDB store cannot be opened, migrated or written
    └── ClusterError       the Dask cluster cannot be reached or a partition failed for good
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .records import Rejected


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""


class ConfigError(EventwireError):
    """An option, a settings file or a command-line argument is invalid."""


class InputError(EventwireError):
    """An input cannot be read as an article; ``rejected`` says why."""

    def __init__(self, rejected: Rejected) -> None:
        super().__init__(f"{rejected.source}: {rejected.detail}")
        self.rejected = rejected


class ModelError(EventwireError):
    """A model package is missing or cannot be loaded."""


class DataError(EventwireError):
    """A data file (packaged or the user's) is invalid."""


class KnowledgeBaseError(DataError):
    """The actor knowledge base, or a user override file, is invalid."""


class LexiconError(DataError):
    """The event lexicon or ontology, or a user pattern file, is invalid."""


class StoreError(EventwireError):
    """The DuckDB store cannot be opened, migrated or written."""


class ClusterError(EventwireError):
    """The Dask cluster cannot be reached, or work on it failed for good."""
