"""The benchmark: every phase at every size and worker count, each in a fresh process.

Each measurement runs ``python -m eventwire.bench.child`` and samples the
resident memory of that process and all its children (psutil, every 50 ms);
the high-water mark is the measurement's peak memory. Throughput counts only
the work, not loading the model or starting processes (reported apart).
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

from .. import __version__
from ..errors import EventwireError
from ..options import Options
from .phases import PHASES
from .synth import write_jsonl

__all__ = ["measure", "run_bench"]

MiB = 1024 * 1024


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


def measure(args: dict[str, Any], interval: float = 0.05) -> dict[str, Any]:
    """Run one child measurement; return its result with ``peak_rss_mb``."""
    cmd = [sys.executable, "-m", "eventwire.bench.child", json.dumps(args)]
    peak = 0
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        ps = psutil.Process(proc.pid)
        while proc.poll() is None:
            peak = max(peak, _tree_rss(ps))
            time.sleep(interval)
        out, err = proc.communicate()
    if proc.returncode != 0:
        tail = "\n".join(err.strip().splitlines()[-5:])
        raise EventwireError(f"benchmark phase {args['phase']} failed (exit {proc.returncode}): {tail}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = round(peak / MiB, 1)
    return result


def run_bench(
    sizes: Sequence[int] = (1000, 10000),
    workers: Sequence[int] = (1, 2),
    phases: Sequence[str] = PHASES,
    *,
    seed: int = 0,
    options: Options | None = None,
    workdir: str | Path | None = None,
    progress: Callable[[dict[str, Any]], None] | None = None,
    cluster: str | None = None,
) -> dict[str, Any]:
    """Run the benchmark and return the report (see ``docs/bench.md``).

    With ``cluster`` (``local:N`` or a scheduler address) each size is also
    ingested on Dask (phase ``dask``), next to the local ``ingest`` figures.
    """
    options = options or Options()
    unknown = sorted(set(phases) - set(PHASES))
    if unknown:
        from ..errors import ConfigError

        raise ConfigError(f"unknown benchmark phase(s) {unknown}; use {', '.join(PHASES)}")
    results: list[dict[str, Any]] = []
    started = datetime.now(UTC).isoformat(timespec="seconds")
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-", dir=workdir) as tmp:
        opts_path = Path(tmp) / "options.pickle"
        opts_path.write_bytes(pickle.dumps(options))
        for size in sizes:
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            if "ingest" in phases or cluster:
                write_jsonl(corpus, size, seed)
            runs = [(n, phase) for n in workers for phase in phases]
            runs += [(0, "dask")] if cluster else []
            for n, phase in runs:
                args = {
                    "phase": phase,
                    "size": size,
                    "workers": n,
                    "seed": seed,
                    "options": str(opts_path),
                    "corpus": str(corpus),
                    "db": str(Path(tmp) / f"bench-{size}-{n}.duckdb"),
                    "cluster": cluster,
                }
                r = measure(args)
                n = r.get("dask_workers", n)
                row = {
                    "phase": phase,
                    "size": size,
                    "workers": n,
                    "articles": r["articles"],
                    "words": r["words"],
                    "seconds": round(r["seconds"], 3),
                    "startup_seconds": round(r["startup"], 3),
                    "articles_per_s": round(r["articles"] / r["seconds"], 2) if r["seconds"] else None,
                    "words_per_s": round(r["words"] / r["seconds"], 1) if r["seconds"] else None,
                    "peak_rss_mb": r["peak_rss_mb"],
                    "cpu_seconds": round(r.get("cpu_seconds", 0.0), 3),
                    "words_per_cpu_s": round(r["words"] / r["cpu_seconds"], 1)
                    if r.get("cpu_seconds")
                    else None,
                }
                results.append(row)
                if progress:
                    progress(row)
    return {
        "schema": "eventwire.bench/1",
        "started": started,
        "eventwire": __version__,
        "model": options.model,
        "batch_size": options.batch_size,
        "seed": seed,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
        "results": results,
        "summary": summarize(results),
    }


def _find(results: list[dict[str, Any]], phase: str, size: int, workers: int) -> dict[str, Any] | None:
    for r in results:
        if (r["phase"], r["size"], r["workers"]) == (phase, size, workers):
            return r
    return None


def summarize(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Ratios the acceptance criteria ask about, with pass/fail where both figures exist."""
    sizes = sorted({r["size"] for r in results})
    workers = sorted({r["workers"] for r in results})
    out: dict[str, Any] = {
        "full_over_bare": [],
        "ingest_over_bare": [],
        "speedup": [],
        "memory_growth": [],
        "dask_over_processes": [],
    }
    for size in sizes:
        for n in workers:
            bare, code, ing = (_find(results, p, size, n) for p in PHASES)
            if bare and code and bare["words_per_s"]:
                ratio = code["words_per_s"] / bare["words_per_s"]
                cpu_ratio = (
                    round(code["words_per_cpu_s"] / bare["words_per_cpu_s"], 3)
                    if code.get("words_per_cpu_s") and bare.get("words_per_cpu_s")
                    else None
                )
                out["full_over_bare"].append(
                    {
                        "size": size,
                        "workers": n,
                        "ratio": round(ratio, 3),
                        "ok": ratio >= 0.8,
                        "cpu_ratio": cpu_ratio,
                    }
                )
            if bare and ing and bare["words_per_s"]:
                out["ingest_over_bare"].append(
                    {"size": size, "workers": n, "ratio": round(ing["words_per_s"] / bare["words_per_s"], 3)}
                )
        for n in workers:
            dask, local = _find(results, "dask", size, n), _find(results, "ingest", size, n)
            if dask and local and local["words_per_s"]:
                x = dask["words_per_s"] / local["words_per_s"]
                out["dask_over_processes"].append(
                    {"size": size, "workers": n, "ratio": round(x, 3), "ok": x >= 0.85}
                )
        for phase in PHASES:
            one, two = _find(results, phase, size, 1), _find(results, phase, size, 2)
            if one and two and one["words_per_s"]:
                x = two["words_per_s"] / one["words_per_s"]
                out["speedup"].append(
                    {"phase": phase, "size": size, "two_over_one": round(x, 3), "ok": x >= 1.6}
                )
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        for phase in PHASES:
            for n in workers:
                a, b = _find(results, phase, small, n), _find(results, phase, large, n)
                if a and b and a["peak_rss_mb"]:
                    growth = b["peak_rss_mb"] / a["peak_rss_mb"]
                    out["memory_growth"].append(
                        {
                            "phase": phase,
                            "workers": n,
                            "small": small,
                            "large": large,
                            "ratio": round(growth, 3),
                            "ok": growth <= 1.10,
                        }
                    )
    return out


def format_report(report: dict[str, Any]) -> str:
    """The report as a readable table."""
    head = (
        f"{'phase':<7} {'size':>6} {'wk':>3} {'art/s':>8} {'words/s':>9} "
        f"{'work s':>8} {'start s':>7} {'peak MB':>8} {'words/cpu-s':>11}"
    )
    lines = [head, "-" * len(head)]
    for r in report["results"]:
        lines.append(
            f"{r['phase']:<7} {r['size']:>6} {r['workers']:>3} {r['articles_per_s'] or 0:>8.1f} "
            f"{r['words_per_s'] or 0:>9.0f} {r['seconds']:>8.1f} {r['startup_seconds']:>7.1f} "
            f"{r['peak_rss_mb']:>8.1f} {r.get('words_per_cpu_s') or 0:>11.0f}"
        )
    s = report["summary"]
    lines.append("")
    for x in s["full_over_bare"]:
        mark = "ok" if x["ok"] else "BELOW 0.8"
        cpu = f"  (per CPU second: {x['cpu_ratio']:.2f})" if x.get("cpu_ratio") else ""
        lines.append(f"full/bare   size {x['size']:>6} workers {x['workers']}: {x['ratio']:.2f}  {mark}{cpu}")
    for x in s["ingest_over_bare"]:
        lines.append(f"ingest/bare size {x['size']:>6} workers {x['workers']}: {x['ratio']:.2f}")
    for x in s["speedup"]:
        mark = "ok" if x["ok"] else "BELOW 1.6"
        lines.append(f"2 vs 1 worker  {x['phase']:<6} size {x['size']:>6}: {x['two_over_one']:.2f}x  {mark}")
    for x in s["memory_growth"]:
        mark = "ok" if x["ok"] else "ABOVE 1.10"
        lines.append(
            f"peak memory {x['large']} / {x['small']}  {x['phase']:<6} workers {x['workers']}: "
            f"{x['ratio']:.3f}  {mark}"
        )
    for x in s.get("dask_over_processes", []):
        mark = "ok" if x["ok"] else "OVERHEAD ABOVE 15%"
        lines.append(
            f"dask/processes ingest size {x['size']:>6} workers {x['workers']}: {x['ratio']:.2f}  {mark}"
        )
    m = report["machine"]
    lines.append(
        f"machine: {m['cpus']} cpus, load average before {m['load_average_before']} "
        f"after {m['load_average_after']}"
    )
    return "\n".join(lines)
