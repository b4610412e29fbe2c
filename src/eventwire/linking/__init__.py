"""Cross-article event linking: the same event reported by several articles is one linked event.

See :mod:`.keys` (which reports may be the same event) and :mod:`.link`
(grouping by date window, deterministic ids, writing the links).
"""

from __future__ import annotations

from .keys import LinkRules, canonical, event_date, link_key
from .link import Group, Report, group_reports, pending_keys, relink, relink_all, relink_pending

__all__ = [
    "Group",
    "LinkRules",
    "Report",
    "canonical",
    "event_date",
    "group_reports",
    "link_key",
    "pending_keys",
    "relink",
    "relink_all",
    "relink_pending",
]
