"""The public API is small and deliberate: this test fails when it drifts."""

from __future__ import annotations

import eventwire

EXPECTED = {
    "__version__",
    "Actor",
    "Article",
    "CodedArticle",
    "Coder",
    "ConfigError",
    "DataError",
    "Event",
    "EventwireError",
    "InputError",
    "KnowledgeBaseError",
    "LexiconError",
    "Mention",
    "ModelError",
    "Options",
    "Rejected",
    "Span",
    "Statement",
    "StoreError",
    "Translation",
    "read_articles",
}


def test_all_is_exactly_the_documented_api() -> None:
    assert set(eventwire.__all__) == EXPECTED


def test_every_exported_name_resolves() -> None:
    for name in eventwire.__all__:
        assert getattr(eventwire, name) is not None, name


def test_errors_share_one_base() -> None:
    for name in ("ConfigError", "DataError", "InputError", "KnowledgeBaseError", "LexiconError",
                 "ModelError", "StoreError"):
        assert issubclass(getattr(eventwire, name), eventwire.EventwireError), name
