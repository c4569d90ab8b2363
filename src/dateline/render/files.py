"""Non-HTML outputs computed from the site: feeds for the site, each tag and each entity; sitemaps; robots."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..site import Site
from ..site.people import EntityKey
from .context import FEEDS, Bodies, RenderSettings
from .feeds import FeedInfo, FeedItem, FeedRecipe, atom
from .sitemaps import news_sitemap, robots_txt, sitemaps

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


def _items(site: Site, s: RenderSettings, ids: tuple[int, ...], limit: int, bodies: Bodies) -> list[FeedItem]:
    return [
        FeedItem(s.absolute(site.article_paths[i]), site.articles[i], bodies(site.articles[i].source.path))
        for i in ids[:limit]
    ]


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """One feed file before it is written: where it goes, what its bytes depend on, and how to make them."""

    recipe: FeedRecipe
    make: Callable[[], bytes]
    """Fetches the items' bodies and serialises the feed."""

    @property
    def rel(self) -> str:
        """The feed's output file."""
        return self.recipe.rel

    @property
    def key(self) -> tuple[object, ...]:
        """Everything the bytes depend on (equal keys, equal bytes)."""
        return self.recipe.key


def _recipe(
    rel: str, kind: str, info: FeedInfo, site: Site, s: RenderSettings, ids: tuple[int, ...], updated: dt.date
) -> FeedRecipe:
    entries = tuple(
        (s.absolute(site.article_paths[i]), site.articles[i].source.path, site.articles[i].source.digest) for i in ids
    )
    return FeedRecipe(rel, kind, info, updated, entries)


def _make(recipe: FeedRecipe, site: Site, s: RenderSettings, ids: tuple[int, ...], bodies: Bodies) -> bytes:
    items = _items(site, s, ids, len(ids), bodies)
    if recipe.kind == "atom":
        return _memo_atom(recipe.rel, recipe.info, items, recipe.updated)
    return recipe.make(items)


def feed_specs(site: Site, s: RenderSettings, limit: int, bodies: Bodies) -> list[FeedSpec]:
    """The site's Atom, RSS and JSON feeds, and an Atom feed per tag and per listed entity, unmade: a
    build whose previous output holds a feed with the same key need not fetch its bodies or serialise it."""
    u = site.urls
    out: list[FeedSpec] = []
    newest = tuple(range(min(limit, len(site.articles))))
    author = s.author or s.publisher or s.title
    built = site.build_date
    for kind in ("atom", "rss", "json"):
        info = FeedInfo(s.title, s.description, s.base_url, s.absolute(FEEDS[kind]), author, s.language)
        recipe = _recipe(FEEDS[kind], kind, info, site, s, newest, built)
        out.append(FeedSpec(recipe, functools.partial(_make, recipe, site, s, newest, bodies)))
    groups: list[tuple[str, str, tuple[int, ...]]] = [(u.tag_path(t.slug), t.name, t.articles) for t in site.tags]
    for key, data in sorted(site.entities.items(), key=lambda kv: (kv[0].kind.value, kv[0].slug)):
        if len(data.articles) >= s.entity_min_articles:
            groups.append((u.entity_path(key.kind.value, key.slug), data.name, data.articles))
    for rel, name, ids in groups:
        one = FeedInfo(f"{s.title}: {name}", "", s.absolute(rel), s.absolute(rel + "feed.xml"), author, s.language)
        some = ids[:limit]
        recipe = _recipe(rel + "feed.xml", "atom", one, site, s, some, site.articles[ids[0]].date)
        out.append(FeedSpec(recipe, functools.partial(_make, recipe, site, s, some, bodies)))
    return out


def feed_files(site: Site, s: RenderSettings, limit: int, bodies: Bodies) -> list[tuple[str, bytes]]:
    """The site's Atom, RSS and JSON feeds, and an Atom feed per tag and per listed entity."""
    return [(spec.rel, spec.make()) for spec in feed_specs(site, s, limit, bodies)]


def sitemap_files(site: Site, s: RenderSettings, paths: Iterable[str]) -> list[tuple[str, bytes]]:
    """``sitemap.xml`` (split when large), the news sitemap and ``robots.txt``, for pages at ``paths``."""
    dates = {site.article_paths[i]: a.date for i, a in enumerate(site.articles)}
    entries = [(s.absolute(p), dates.get(p)) for p in paths if p.endswith("/") or p == ""]
    out = list(sitemaps(entries, s.base_url).items())
    out.append(news_sitemap_file(site, s))
    out.append(("robots.txt", robots_txt(s.base_url)))
    return out


def news_sitemap_file(site: Site, s: RenderSettings) -> tuple[str, bytes]:
    """The news sitemap (the only sitemap that shows titles)."""
    news = [(s.absolute(site.article_paths[i]), a.title, a.date) for i, a in enumerate(site.articles)]
    return ("news-sitemap.xml", news_sitemap(news, site.build_date, s.publisher or s.title, s.language))


__all__ = ["EntityKey", "FeedRecipe", "FeedSpec", "feed_files", "feed_specs", "news_sitemap_file", "sitemap_files"]
