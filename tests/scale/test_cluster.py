from __future__ import annotations

import pytest

from eventwire.errors import ClusterError
from eventwire.scale import ClusterSpec, parse_cluster


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("local:3", ClusterSpec(workers=3)),
        ("local", ClusterSpec(workers=2)),
        (" tcp://10.0.0.5:8786 ", ClusterSpec(address="tcp://10.0.0.5:8786")),
        ("tls://sched.example.org:8786", ClusterSpec(address="tls://sched.example.org:8786")),
    ],
)
def test_cluster_specs(text, spec):
    assert parse_cluster(text) == spec


@pytest.mark.parametrize("text", ["local:0", "local:x", "10.0.0.5:8786", "tcp://", "cluster"])
def test_bad_cluster_specs_say_what_to_write(text):
    with pytest.raises(ClusterError, match="local:"):
        parse_cluster(text)
