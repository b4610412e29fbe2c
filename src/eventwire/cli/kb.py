"""``eventwire kb``: look actors up and keep the knowledge base current.

STUB: replaced by the actor work (issue 2).
"""

from __future__ import annotations

import click


@click.group("kb")
def kb_group() -> None:
    """Look actors up in the knowledge base and add or override entries."""


COMMANDS = [kb_group]
