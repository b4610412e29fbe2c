"""Write docs/cli.md from the CLI's own --help texts, so the docs cannot go stale.

    python scripts/cli_reference.py          # rewrite docs/cli.md
    python scripts/cli_reference.py --check  # exit 1 if docs/cli.md is out of date

tests/test_docs.py runs the check.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

from eventwire.cli import main

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
HEADER = """# Command-line reference

Generated from `eventwire --help` by `scripts/cli_reference.py`; do not edit by hand
(`tests/test_docs.py` fails when this page and the CLI disagree).
"""


def commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = [prefix]
    ctx = click.Context(group)
    for name in sorted(group.list_commands(ctx)):
        sub = group.get_command(ctx, name)
        if isinstance(sub, click.Group):
            found.extend(commands(sub, (*prefix, name)))
        elif sub is not None:
            found.append((*prefix, name))
    return found


def render() -> str:
    runner = CliRunner()
    parts = [HEADER]
    for path in commands(main):
        result = runner.invoke(main, [*path, "--help"], prog_name="eventwire", terminal_width=100)
        title = " ".join(("eventwire", *path))
        parts.append(f"\n## `{title}`\n\n```\n{result.output.rstrip()}\n```\n")
    return "".join(parts)


def run(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC} is out of date: run `python scripts/cli_reference.py`", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
