"""The archive a newsroom expects: entity and quote pages, date navigation, feeds, sitemaps, JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import feedparser
from lxml import etree

from conftest import REPO, SEED, SiteMaker
from dateline.check import check_links
from dateline.render.sitemaps import news_sitemap, sitemaps

XSD = etree.XMLSchema(etree.parse(str(REPO / "tests/data/sitemap.xsd")))
SUBPATH = "title: Wire\nbase_url: https://example.org/archive/\nsearch: false\n"


def release(title: str, day: int, body: str = "Officials met in Pristina.", tags: str = "kosovo") -> str:
    return f"{title}\n\nPRISTINA, {day} March 2022 – {body}\n\n“We will talk again,” Mr. Ban said.\n\nTags: {tags}\n"


def site_files() -> dict[str, str | bytes]:
    return {
        "content/2009/seed.txt": SEED.read_text("utf-8"),
        "content/a.txt": release(
            "Talks resume in Pristina", 1, "Secretary-General Ban Ki-moon met officials in Pristina."
        ),
        "content/b.txt": release("Talks end in Pristina", 3, "Ban Ki-moon left Pristina for Belgrade."),
    }


def test_entity_and_quote_pages_for_the_seed(make_site: SiteMaker) -> None:
    out, _ = make_site(site_files(), config=SUBPATH)
    for rel in ("people/ban-ki-moon/", "organisations/north-atlantic-treaty-organization/", "places/kosovo/",
                "places/pristina/", "quotes/ban-ki-moon/", "quotes/", "people/", "people/by-letter/b/"):  # fmt: skip
        assert (out / rel / "index.html").is_file(), rel
    ban = (out / "quotes/ban-ki-moon/index.html").read_text("utf-8")
    assert ban.count("<blockquote>") == 5  # three in the seed, one in each release
    assert "Such cooperation is necessary" in ban
    person = (out / "people/ban-ki-moon/index.html").read_text("utf-8")
    assert "Mr. Ban" in person and "Secretary-General Ban Ki-moon" in person  # aliases seen
    assert 'href="/archive/places/pristina/"' in person  # co-mentioned
    article = next(out.glob("2009/10/*/index.html")).read_text("utf-8")
    assert 'href="/archive/people/ban-ki-moon/"' in article and 'href="/archive/quotes/ban-ki-moon/"' in article
    assert check_links(out, "/archive/") == []


def test_year_month_day_pages_link_prev_up_next(make_site: SiteMaker) -> None:
    out, _ = make_site(site_files(), config=SUBPATH)
    day1 = (out / "2022/03/01/index.html").read_text("utf-8")
    assert 'rel="next" href="/archive/2022/03/03/"' in day1
    assert 'href="/archive/2022/03/">↑ March 2022' in day1
    march = (out / "2022/03/index.html").read_text("utf-8")
    assert 'rel="prev" href="/archive/2009/10/"' in march
    year = (out / "2022/index.html").read_text("utf-8")
    assert 'rel="prev" href="/archive/2009/"' in year


def test_feeds_parse_and_use_absolute_urls(make_site: SiteMaker) -> None:
    out, _ = make_site(site_files(), config=SUBPATH)
    feeds = ["feed.xml", "rss.xml", "tags/kosovo/feed.xml", "people/ban-ki-moon/feed.xml", "places/kosovo/feed.xml"]
    for rel in feeds:
        parsed = feedparser.parse((out / rel).read_bytes())
        assert parsed.bozo == 0, (rel, parsed.get("bozo_exception"))
        assert parsed.entries, rel
        for entry in parsed.entries:
            assert entry.link.startswith("https://example.org/archive/"), entry.link
    data = json.loads((out / "feed.json").read_text("utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == "https://example.org/archive/feed.json"
    assert all(item["url"].startswith("https://example.org/archive/") for item in data["items"])
    # feedparser 6.0 reads only XML feeds, so JSON Feed 1.1's required members are checked here.
    assert data["title"] and data["items"]
    for item in data["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert item["content_html"] and dt.datetime.fromisoformat(item["date_published"])


def test_sitemap_validates_and_lists_every_article_once(make_site: SiteMaker) -> None:
    out, report = make_site(site_files(), config=SUBPATH)
    doc = etree.parse(str(out / "sitemap.xml"))
    XSD.assertValid(doc)
    locs = [e.text for e in doc.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) == len(set(locs))
    articles = [loc for loc in locs if re.search(r"/archive/\d{4}/\d\d/[a-z]", loc or "")]
    assert len(articles) == report.articles
    robots = (out / "robots.txt").read_text("utf-8")
    assert "Sitemap: https://example.org/archive/sitemap.xml" in robots
    assert (out / "404.html").is_file()


def test_sitemap_splits_past_the_protocol_limit() -> None:
    entries = [(f"https://example.org/a/{i}/", None) for i in range(5)]
    files = sitemaps(entries, "https://example.org/", max_urls=2)
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = etree.fromstring(files["sitemap.xml"])
    XSD.assertValid(index)
    first = next(index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"))
    assert (first.text or "").endswith("sitemap-1.xml")
    for name in ("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"):
        XSD.assertValid(etree.fromstring(files[name]))


def test_news_sitemap_keeps_the_last_two_days() -> None:
    day = dt.date(2024, 5, 10)
    items = [("https://e.org/a/", "A", day), ("https://e.org/b/", "B", day - dt.timedelta(days=2)),
             ("https://e.org/c/", "C", day - dt.timedelta(days=3))]  # fmt: skip
    xml = news_sitemap(items, day, "Wire", "en").decode()
    assert "https://e.org/a/" in xml and "https://e.org/b/" in xml and "https://e.org/c/" not in xml


def test_json_ld_survives_a_script_breaking_title(make_site: SiteMaker) -> None:
    hostile = "Breaking</script><script>alert(1)</script> news"
    md = f'---\ntitle: "{hostile}"\ndate: 2022-03-05\n---\n\nSomething happened in Geneva.\n'
    out, _ = make_site({"content/x.md": md}, config=SUBPATH)
    page = next(out.glob("2022/03/*/index.html")).read_text("utf-8")
    assert "<script>alert(1)</script>" not in page
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "NewsArticle" and data["headline"] == hostile
    assert data["datePublished"] == "2022-03-05"
    assert '<link rel="canonical" href="https://example.org/archive/2022/03/' in page
    assert '<meta property="og:title" content="Breaking&lt;/script&gt;' in page


def test_related_articles_share_entities(make_site: SiteMaker) -> None:
    files = site_files()
    files["content/c.txt"] = release("Harvest festival opens", 5, "Farmers gathered in Accra.", tags="culture")
    out, _ = make_site(files, config=SUBPATH)
    page = (out / "2022/03/talks-resume-in-pristina/index.html").read_text("utf-8")
    related = page.split('id="related-h"')[1].split("</section>")[0]
    assert "Talks end in Pristina" in related
    assert "Harvest festival" not in related


def test_entity_threshold_leaves_rare_entities_unlinked(make_site: SiteMaker) -> None:
    out, _ = make_site(site_files(), config=SUBPATH + "entity_min_articles: 2\n")
    assert (out / "people/ban-ki-moon/index.html").is_file()
    assert not (out / "places/serbia").exists()  # named in the seed only


def test_search_disabled_builds_without_a_bundle(make_site: SiteMaker) -> None:
    out, _ = make_site(site_files(), config=SUBPATH)
    assert not (out / "pagefind").exists() and not (out / "search").exists()


def test_search_enabled_writes_the_pagefind_bundle(make_site: SiteMaker, tmp_path: Path) -> None:
    out, _ = make_site(site_files(), config="title: T\n")
    assert (out / "pagefind/pagefind.js").is_file()
    assert (out / "search/index.html").is_file()
    assert check_links(out) == []
