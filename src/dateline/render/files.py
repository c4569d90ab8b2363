"""Non-HTML outputs computed from the site: feeds for the site, each tag and each entity; sitemaps; robots."""

from __future__ import annotations

import datetime as dt

from ..site import Site
from ..site.people import EntityKey
from .context import FEEDS, RenderSettings
from .feeds import FeedInfo, FeedItem, atom, json_feed, rss
from .sitemaps import news_sitemap, robots_txt, sitemaps
from .views import Page

_FEED_MEMO: dict[str, tuple[tuple[object, ...], tuple[object, ...], bytes]] = {}
"""Feed path → (feed key, articles in it, bytes) from the previous build in this process (``serve``):
a feed whose info and article objects are the same is not serialised again."""


def _memo_atom(rel: str, info: FeedInfo, items: list[FeedItem], updated: dt.date) -> bytes:
    key = (info, updated, tuple(i.url for i in items))
    articles = tuple(i.article for i in items)
    old = _FEED_MEMO.get(rel)
    if (
        old is not None
        and old[0] == key
        and len(old[1]) == len(articles)
        and all(a is b for a, b in zip(old[1], articles, strict=True))
    ):
        return old[2]
    data = atom(info, items, updated)
    _FEED_MEMO[rel] = (key, articles, data)
    return data


def _items(site: Site, s: RenderSettings, ids: tuple[int, ...], limit: int) -> list[FeedItem]:
    return [FeedItem(s.absolute(site.article_paths[i]), site.articles[i]) for i in ids[:limit]]


def feed_files(site: Site, s: RenderSettings, limit: int) -> list[tuple[str, bytes]]:
    """The site's Atom, RSS and JSON feeds, and an Atom feed per tag and per listed entity."""
    u = site.urls
    out: list[tuple[str, bytes]] = []
    everything = tuple(range(len(site.articles)))
    author = s.author or s.publisher or s.title
    info = FeedInfo(s.title, s.description, s.base_url, s.absolute(FEEDS["atom"]), author, s.language)
    items = _items(site, s, everything, limit)
    out.append((FEEDS["atom"], atom(info, items, site.build_date)))
    rss_info = FeedInfo(s.title, s.description, s.base_url, s.absolute(FEEDS["rss"]), author, s.language)
    out.append((FEEDS["rss"], rss(rss_info, items, site.build_date)))
    json_info = FeedInfo(s.title, s.description, s.base_url, s.absolute(FEEDS["json"]), author, s.language)
    out.append((FEEDS["json"], json_feed(json_info, items)))
    for t in site.tags:
        rel = u.tag_path(t.slug)
        tag_info = FeedInfo(
            f"{s.title}: {t.name}", "", s.absolute(rel), s.absolute(rel + "feed.xml"), author, s.language
        )
        out.append(
            (
                rel + "feed.xml",
                _memo_atom(
                    rel + "feed.xml", tag_info, _items(site, s, t.articles, limit), site.articles[t.articles[0]].date
                ),
            )
        )
    for key, data in sorted(site.entities.items(), key=lambda kv: (kv[0].kind.value, kv[0].slug)):
        if len(data.articles) < s.entity_min_articles:
            continue
        rel = u.entity_path(key.kind.value, key.slug)
        e_info = FeedInfo(
            f"{s.title}: {data.name}", "", s.absolute(rel), s.absolute(rel + "feed.xml"), author, s.language
        )
        updated = site.articles[data.articles[0]].date
        out.append(
            (rel + "feed.xml", _memo_atom(rel + "feed.xml", e_info, _items(site, s, data.articles, limit), updated))
        )
    return out


def sitemap_files(site: Site, s: RenderSettings, pages: list[Page]) -> list[tuple[str, bytes]]:
    """``sitemap.xml`` (split when large), the news sitemap and ``robots.txt``."""
    dates = {site.article_paths[i]: a.date for i, a in enumerate(site.articles)}
    entries = [(s.absolute(p.path), dates.get(p.path)) for p in pages if p.path.endswith("/") or p.path == ""]
    out = list(sitemaps(entries, s.base_url).items())
    out.append(news_sitemap_file(site, s))
    out.append(("robots.txt", robots_txt(s.base_url)))
    return out


def news_sitemap_file(site: Site, s: RenderSettings) -> tuple[str, bytes]:
    """The news sitemap (the only sitemap that shows titles)."""
    news = [(s.absolute(site.article_paths[i]), a.title, a.date) for i, a in enumerate(site.articles)]
    return ("news-sitemap.xml", news_sitemap(news, site.build_date, s.publisher or s.title, s.language))


__all__ = ["EntityKey", "feed_files", "news_sitemap_file", "sitemap_files"]
