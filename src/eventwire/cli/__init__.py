"""The ``eventwire`` command line: a thin layer over the library.

Errors are turned into messages here, once: an ``EventwireError`` becomes a
one-line ``Error: ...`` on stderr and exit status 1; usage errors are click's
(status 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .. import __version__
from ..errors import ConfigError, EventwireError
from ..options import Options


class EventwireGroup(click.Group):
    """A click group that reports eventwire's errors as messages, not tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            raise click.UsageError(str(exc), ctx) from exc
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=EventwireGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
@click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="EVENTWIRE_CONFIG",
    help="TOML settings file ([eventwire] table) overriding the packaged defaults.",
)
@click.pass_context
def main(ctx: click.Context, config: Path | None) -> None:
    """eventwire: who did what to whom, when, where, and according to whom.

    Turns news articles into sourced political event data (PLOVER), with every
    record pointing at the characters of the article it came from.
    """
    ctx.obj = Options.from_file(config) if config else Options()


def _register() -> None:
    from . import bench, code, corpus, kb, serve, train
    from . import eval as eval_cmd

    for module in (code, kb, eval_cmd, train, corpus, bench, serve):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
