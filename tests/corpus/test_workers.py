from __future__ import annotations

import pytest

from eventwire.corpus.workers import ProcessPool, code_batch
from eventwire.errors import ModelError
from eventwire.linking import LinkRules
from eventwire.options import Options
from eventwire.records import Article


@pytest.mark.slow
def test_a_worker_that_cannot_start_reports_why():
    pool = ProcessPool(Options(model="no_such_pipeline_xyz"), LinkRules.load(), 1)
    try:
        with pytest.raises(ModelError, match="no_such_pipeline_xyz"):
            pool.warm_up()
    finally:
        pool.close()


class _Flaky:
    versions = {"eventwire": "t"}  # noqa: RUF012 - a test double

    def code_many(self, articles):
        raise RuntimeError("batch failed")

    def code(self, article):
        if "bad" in article.text:
            raise ValueError("cannot code this")
        from eventwire.records import CodedArticle

        return CodedArticle(article, [], [], [], dict(self.versions))


def test_one_bad_article_is_rejected_and_the_rest_kept():
    good = Article(id="g", text="good text", source="good.txt")
    bad = Article(id="b", text="bad text", source="bad.txt")
    result = code_batch(_Flaky(), [good, bad], LinkRules.load())
    assert result.tables["articles"].column("id").to_pylist() == ["g"]
    assert [(r.source, r.reason) for r in result.failed] == [("bad.txt", "coding-error")]
    assert "ValueError: cannot code this" in result.failed[0].detail


def test_every_pool_has_the_coding_pool_interface():
    from eventwire.corpus.workers import InProcess, ProcessPool
    from eventwire.scale import DaskPool

    for cls in (InProcess, ProcessPool, DaskPool):
        assert all(callable(getattr(cls, name, None)) for name in ("warm_up", "map", "close")), cls
