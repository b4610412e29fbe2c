"""Deterministic development/test splits of a corpus, by a hash of each story's id.

    split_of("8011115")            # "dev" or "test"

A story's split depends on its id alone (never on its text or on any coder's output), so the
split is fixed before anyone looks at results, and a story added to the corpus later never moves
another story from one side to the other. The test side is scored and never read for errors.
"""

from __future__ import annotations

import hashlib

__all__ = ["DEFAULT_SALT", "TEST_SHARE", "split_of"]

#: Names the split rule; a new salt is a new split, never an edit of this one.
DEFAULT_SALT = "eventwire-voa/1"
#: The share of stories on the test side.
TEST_SHARE = 0.34


def split_of(story_id: str, *, salt: str = DEFAULT_SALT, test_share: float = TEST_SHARE) -> str:
    """``"test"`` or ``"dev"``: the first 32 bits of sha256(salt + ":" + id), as a fraction of 2**32,
    below ``test_share`` is test."""
    digest = hashlib.sha256(f"{salt}:{story_id}".encode()).hexdigest()
    return "test" if int(digest[:8], 16) / 2**32 < test_share else "dev"
