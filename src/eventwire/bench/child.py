"""Entry point of one benchmark measurement process: ``python -m eventwire.bench.child ARGS_JSON``.

Runs one phase and writes its result as one JSON line on stdout; the parent
(:mod:`.run`) samples this process tree's memory while it runs.
"""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

from .phases import run_phase


def main(argv: list[str]) -> int:
    args = json.loads(argv[0])
    options = pickle.loads(Path(args["options"]).read_bytes())
    result = run_phase(
        args["phase"],
        args["size"],
        args["workers"],
        args["seed"],
        options,
        Path(args["corpus"]) if args.get("corpus") else None,
        Path(args["db"]) if args.get("db") else None,
        cluster=args.get("cluster"),
    )
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
