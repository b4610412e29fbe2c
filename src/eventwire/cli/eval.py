"""``eventwire eval``: score coded output against gold files.

STUB: replaced by the evaluation work (issue 3).
"""

from __future__ import annotations

import click


@click.command("eval")
@click.argument("gold", nargs=-1, required=True)
def eval_command(gold: tuple[str, ...]) -> None:
    """Score eventwire's coding of the gold articles against GOLD files."""
    raise click.ClickException("eval is not implemented yet")


COMMANDS = [eval_command]
