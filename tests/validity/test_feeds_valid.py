"""Issue 7, item 7: every feed of the demo archive parses (lxml, feedparser ``bozo=0``) and the sitemaps
validate against the sitemap protocol's schema (``tests/data/sitemap.xsd``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from conftest import REPO, write_tree
from dateline.build import build
from dateline.config import load_config

SITEMAP_XSD = etree.XMLSchema(etree.parse(str(REPO / "tests/data/sitemap.xsd")))
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo-feeds")
    shutil.copytree(REPO / "content", root / "content")
    write_tree(root, {"dateline.yaml": (REPO / "dateline.yaml").read_text("utf-8")})
    config, _ = load_config(root / "dateline.yaml")
    build(config)
    return config.output_path


def test_every_feed_is_well_formed_and_parses_cleanly(demo: Path) -> None:
    feeds = [p for p in demo.rglob("*.xml") if "sitemap" not in p.name]
    assert len(feeds) > 20 and demo / "feed.xml" in feeds and demo / "rss.xml" in feeds
    problems = []
    for path in feeds:
        raw = path.read_bytes()
        rel = path.relative_to(demo).as_posix()
        try:
            root = etree.fromstring(raw)
        except etree.XMLSyntaxError as exc:
            problems.append(f"{rel}: {exc}")
            continue
        parsed = feedparser.parse(raw)
        if parsed.bozo:
            problems.append(f"{rel}: feedparser bozo: {parsed.get('bozo_exception')}")
        if root.tag == f"{ATOM}feed" and not parsed.entries:
            problems.append(f"{rel}: no entries")
    assert not problems, "\n".join(problems)
    feed_json = json.loads((demo / "feed.json").read_text("utf-8"))
    assert feed_json["version"] == "https://jsonfeed.org/version/1.1" and feed_json["items"]


def test_sitemaps_validate_against_the_protocol_schema(demo: Path) -> None:
    sitemap = etree.parse(str(demo / "sitemap.xml"))
    assert SITEMAP_XSD.validate(sitemap), SITEMAP_XSD.error_log
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) == len(set(locs)) > 45
    etree.parse(str(demo / "news-sitemap.xml"))  # well-formed (its news: extension has its own schema)
