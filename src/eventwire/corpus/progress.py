"""Progress lines for long ingests: pure formatting; the CLI decides where (and whether) to write."""

from __future__ import annotations

from .runner import Progress

__all__ = ["format_progress"]


def _clock(seconds: float) -> str:
    seconds = max(int(seconds), 0)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def format_progress(p: Progress, width: int = 24) -> str:
    """``[#####-----]  40% 400/1000  35.2 items/s  ETA 00:17  stored 380 existing 10 rejected 10``."""
    rate = p.done / p.elapsed if p.elapsed > 0 else 0.0
    counts = f"stored {p.stored} existing {p.existing} rejected {p.rejected}"
    if p.total:
        frac = min(p.done / p.total, 1.0)
        bar = "#" * int(frac * width) + "-" * (width - int(frac * width))
        eta = _clock((p.total - p.done) / rate) if rate > 0 and p.done < p.total else "00:00"
        return f"[{bar}] {frac:4.0%} {p.done}/{p.total}  {rate:.1f} items/s  ETA {eta}  {counts}"
    return f"{p.done} items  {rate:.1f} items/s  elapsed {_clock(p.elapsed)}  {counts}"
