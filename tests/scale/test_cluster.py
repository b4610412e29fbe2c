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


def test_every_exported_name_resolves():
    import eventwire.scale

    for name in eventwire.scale.__all__:
        assert getattr(eventwire.scale, name) is not None, name


def test_output_dir_needs_cluster(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    (tmp_path / "a.txt").write_text("Leaders met in Rome on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path / "a.txt"), "--output-dir", str(tmp_path / "o")]
    )
    assert result.exit_code == 2 and "--output-dir needs --cluster" in result.output
    assert not (tmp_path / "o").exists()
