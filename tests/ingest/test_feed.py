from __future__ import annotations

from pathlib import Path

from eventwire.records import Article, Rejected

from .conftest import LocalServer, one_rejected, read

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Harbour Gazette</title><link>https://gazette.example/</link><language>en-gb</language>
<item>
  <title>Norway and Iceland sign fishing pact</title>
  <link>{link1}</link>
  <pubDate>Tue, 07 Mar 2023 09:00:00 GMT</pubDate>
  <description>&lt;p&gt;The fisheries ministers of Norway and Iceland signed a pact.&lt;/p&gt;
    &lt;p&gt;It sets quotas.&lt;/p&gt;</description>
</item>
<item>
  <title>An entry with nothing in it</title>
  <link>{link2}</link>
</item>
<item>
  <title>Danish navy visits Faroe Islands</title>
  <link>{link3}</link>
  <pubDate>Wed, 08 Mar 2023 10:00:00 GMT</pubDate>
  <description>A Danish navy ship visited the Faroe Islands on Wednesday.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Steppe Wire</title>
<entry>
  <title>Kazakhstan hosts summit</title>
  <link href="https://wire.example/summit"/>
  <updated>2024-09-01T12:00:00Z</updated>
  <content type="html">&lt;p&gt;Kazakhstan hosted a summit in Astana.&lt;/p&gt;</content>
</entry>
</feed>
"""


def test_rss_entries_and_a_broken_entry(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(
        RSS.format(
            link1="https://gazette.example/1",
            link2="https://gazette.example/2",
            link3="https://gazette.example/3",
        ),
        encoding="utf-8",
    )
    items = read(path)
    assert [type(item).__name__ for item in items] == ["Article", "Rejected", "Article"]
    first, broken, third = items
    assert isinstance(first, Article) and isinstance(third, Article) and isinstance(broken, Rejected)
    assert first.text == "The fisheries ministers of Norway and Iceland signed a pact.\nIt sets quotas."
    assert first.title == "Norway and Iceland sign fishing pact"
    assert first.url == "https://gazette.example/1"
    assert first.published == "2023-03-07"
    assert first.outlet == "Harbour Gazette"
    assert first.source == f"{path}#1"
    assert broken.source == f"{path}#2" and broken.reason == "empty"
    assert third.published == "2023-03-08"


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    (item,) = read(path)
    assert isinstance(item, Article)
    assert item.text == "Kazakhstan hosted a summit in Astana."
    assert (item.title, item.url, item.published) == (
        "Kazakhstan hosts summit",
        "https://wire.example/summit",
        "2024-09-01",
    )


def test_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<rss><channel><title>cut off", encoding="utf-8")
    assert one_rejected(path).reason in {"malformed", "empty"}


def test_feed_never_fetches_without_fetch_links(tmp_path: Path, server: LocalServer) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        RSS.format(link1=server.url("/one"), link2=server.url("/two"), link3=server.url("/three")),
        encoding="utf-8",
    )
    read(path)
    assert server.user_agents == []


def test_feed_fetch_links(tmp_path: Path, server: LocalServer) -> None:
    page = (
        "<html><head><title>Pact signed</title></head><body><article>"
        "<p>The fisheries ministers of Norway and Iceland signed a long pact in Reykjavik on Tuesday.</p>"
        "<p>The pact sets quotas for cod and herring for ten years.</p></article></body></html>"
    )
    link1 = server.add("/one", page)
    path = tmp_path / "feed.xml"
    path.write_text(
        RSS.format(link1=link1, link2=server.url("/gone"), link3=server.url("/missing")), encoding="utf-8"
    )
    items = read(path, fetch_links=True)
    first, second, third = items
    assert isinstance(first, Article)
    assert "cod and herring" in first.text
    assert first.published == "2023-03-07"  # from the entry: the page has no date
    assert first.source == f"{path}#1" and first.url == link1
    assert isinstance(second, Rejected) and second.reason == "http-error"
    assert isinstance(third, Rejected) and third.reason == "http-error" and "404" in third.detail
    assert third.source == f"{path}#3" and server.url("/missing") in third.detail
