"""Group articles into the collections the site's pages list: order, tags, periods, entities, speakers."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import CollisionError
from ..model import ArticleMeta
from ..pickling import fast_pickle
from ..slug import slugify
from .people import EntityKey, EntityPageData, Speaker, collect_entities, collect_speakers, related_articles
from .urls import UrlScheme


@fast_pickle
@dataclass(frozen=True, slots=True)
class TagGroup:
    """A tag and the articles that carry it, newest first."""

    name: str
    slug: str
    articles: tuple[int, ...]


@fast_pickle
@dataclass(frozen=True, slots=True)
class Period:
    """A year, month or day and its articles, newest first."""

    year: int
    month: int
    """0 for a whole year."""
    day: int
    """0 for a whole month or year."""
    articles: tuple[int, ...]


@fast_pickle
@dataclass(frozen=True, slots=True)
class Site:
    """Every collection a build renders. Articles are referred to by index into ``articles``."""

    articles: tuple[ArticleMeta, ...]
    """Newest first; ties broken by title, then source path, so the order is total and stable."""
    article_paths: tuple[str, ...]
    """Relative folder of each article's page, parallel to ``articles``."""
    tags: tuple[TagGroup, ...]
    """Alphabetical by tag name."""
    years: tuple[Period, ...]
    """Newest first, like ``months`` and ``days``."""
    months: tuple[Period, ...]
    days: tuple[Period, ...]
    entities: dict[EntityKey, EntityPageData]
    speakers: tuple[Speaker, ...]
    related: tuple[tuple[int, ...], ...]
    """Related article indices for each article."""
    urls: UrlScheme
    build_date: dt.date
    """The newest article's date, or ``SOURCE_DATE_EPOCH``'s date: never the clock, so builds repeat."""


def build_site(articles: Sequence[ArticleMeta], urls: UrlScheme, build_date: dt.date | None = None) -> Site:
    """Order, group and place ``articles``. Raises :class:`CollisionError` when two share one URL."""
    ordered = tuple(sorted(articles, key=order_key))
    paths = tuple(urls.article_path(a.date, a.slug) for a in ordered)
    _check_collisions(ordered, paths)
    by_tag: dict[str, list[int]] = defaultdict(list)
    tag_names: dict[str, str] = {}
    by_year: dict[int, list[int]] = defaultdict(list)
    by_month: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_day: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for i, a in enumerate(ordered):
        for tag in a.tags:
            slug = slugify(tag)
            if slug and i not in by_tag[slug][-1:]:
                by_tag[slug].append(i)
                tag_names.setdefault(slug, tag)
        by_year[a.date.year].append(i)
        by_month[(a.date.year, a.date.month)].append(i)
        by_day[(a.date.year, a.date.month, a.date.day)].append(i)
    tags = tuple(
        TagGroup(tag_names[s], s, tuple(ids))
        for s, ids in sorted(by_tag.items(), key=lambda kv: (tag_names[kv[0]], kv[0]))
    )
    years = tuple(Period(y, 0, 0, tuple(ids)) for y, ids in sorted(by_year.items(), reverse=True))
    months = tuple(Period(y, m, 0, tuple(ids)) for (y, m), ids in sorted(by_month.items(), reverse=True))
    days = tuple(Period(y, m, d, tuple(ids)) for (y, m, d), ids in sorted(by_day.items(), reverse=True))
    entities = collect_entities(ordered)
    speakers = collect_speakers(ordered, entities)
    newest = ordered[0].date if ordered else dt.date(1970, 1, 1)
    return Site(
        articles=ordered,
        article_paths=paths,
        tags=tags,
        years=years,
        months=months,
        days=days,
        entities=entities,
        speakers=speakers,
        related=related_articles(ordered),
        urls=urls,
        build_date=build_date or newest,
    )


def order_key(article: ArticleMeta) -> tuple[int, str, str]:
    """Archive order: newest first; ties broken by title, then source path, so the order is total."""
    return (-article.date.toordinal(), article.title.casefold(), article.source.path)


def collection_key(article: ArticleMeta) -> tuple[object, ...]:
    """Everything about an article that decides where it sits in the site's collections: its tag, period,
    entity and speaker lists and its related articles.

    Left out are its title and slug (they reach other pages only through its list card and URL, the news
    sitemap and its place in the archive order, :func:`order_key`), its entities' mention counts and
    aliases (shown on those entities' pages) and its quotes' words and cues (shown on their speakers'
    pages). An edit that keeps the key changes only those pages, the article's own page and its feeds,
    so it can be patched into the last site instead of collecting the site again.
    """
    return (
        article.source.path,
        article.date,
        article.draft,
        article.tags,
        tuple((e.name, e.kind) for e in article.entities),
        tuple(q.speaker for q in article.quotes),
    )


def _check_collisions(articles: tuple[ArticleMeta, ...], paths: tuple[str, ...]) -> None:
    seen: dict[str, int] = {}
    for i, path in enumerate(paths):
        key = path.casefold()  # case-insensitive file systems would merge these
        if key in seen:
            other = articles[seen[key]].source.path
            raise CollisionError(
                f"two articles map to the URL /{path}: {other} and {articles[i].source.path}",
                articles[i].source.path,
            )
        seen[key] = i
