"""Settings of one ``eventwire serve`` app: bind address, writes, token, limits.

They are separate from :class:`eventwire.options.Options` (which configures the
coder) because they only concern the HTTP edge. One frozen object per app.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from ..errors import ConfigError

__all__ = ["LOOPBACK_NAMES", "WebSettings", "is_loopback"]

MiB = 1024 * 1024

#: Client host names that count as this machine (besides loopback IP addresses).
LOOPBACK_NAMES = frozenset({"localhost"})


@dataclass(frozen=True)
class WebSettings:
    """How the web app behaves. Documented in ``docs/web.md``."""

    #: Accept ``POST /api/articles`` (coding and storing new articles); the store opens for writing.
    enable_writes: bool = False
    #: Bearer token required for writes from clients that are not on loopback (None: such writes refused).
    token: str | None = None
    #: Largest request body accepted, in bytes; larger requests get 413 before the body is read.
    max_body_bytes: int = 2 * MiB
    #: Rows per page in the UI's lists.
    page_size: int = 50
    #: Seconds browsers may cache an HTML page.
    page_max_age: int = 30

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "page_size"):
            value = getattr(self, name)
            if not isinstance(value, int) or value <= 0:
                raise ConfigError(f"web setting {name} must be a positive whole number, got {value!r}")
        if not isinstance(self.page_max_age, int) or self.page_max_age < 0:
            raise ConfigError(
                f"web setting page_max_age must be 0 or more seconds, got {self.page_max_age!r}"
            )
        if self.token is not None and len(self.token) < 8:
            raise ConfigError(
                f"the write token is {len(self.token)} characters long; use at least 8 (e.g. a random string)"
            )


def is_loopback(host: str | None) -> bool:
    """Whether a client host is this machine (127.0.0.0/8, ::1, localhost)."""
    if not host:
        return False
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
