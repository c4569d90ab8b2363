"""Build the typed context of every article and list page from a :class:`~dateline.site.Site`.

Index pages of entities and speakers are in ``indexes.py``. No HTML is produced here.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..model import ArticleMeta, EntityKind
from ..pickling import fast_pickle
from ..site import Period, Site, UrlScheme, paginate
from ..site.people import entity_key
from ..slug import slugify
from .env import long_date, month_name
from .structured import news_article, script_json
from .views import (
    ArchivePage,
    ArticlePage,
    Card,
    EntityGroup,
    Link,
    ListPage,
    Meta,
    Page,
    QuoteView,
    SiteView,
    TagsPage,
    YearNode,
    with_dateline,
)

KIND_LABELS: tuple[tuple[EntityKind, str], ...] = (
    (EntityKind.PERSON, "People"),
    (EntityKind.ORGANIZATION, "Organisations"),
    (EntityKind.PLACE, "Places"),
)
TAGS_PATH = "tags/"
ARCHIVE_PATH = "archive/"
SEARCH_PATH = "search/"
STYLESHEET = "static/style.css"
FEEDS = {"atom": "feed.xml", "rss": "rss.xml", "json": "feed.json"}

Bodies = Callable[[str], str]
"""Source path → the body HTML of that article: the site's records carry no body (see ArticleMeta)."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class RenderSettings:
    """What page contexts need from the configuration."""

    title: str
    description: str
    base_url: str
    language: str
    page_size: int
    publisher: str
    author: str
    entity_min_articles: int
    search: bool

    def absolute(self, rel: str) -> str:
        """Absolute URL of a path relative to the site root."""
        return self.base_url + rel


def site_view(site: Site, s: RenderSettings) -> SiteView:
    """The values shared by every page."""
    u = site.urls
    nav = [
        Link("Latest", u.href("")),
        Link("Tags", u.href(TAGS_PATH)),
        Link("People", u.href(u.kind_index_path("person"))),
        Link("Organisations", u.href(u.kind_index_path("organization"))),
        Link("Places", u.href(u.kind_index_path("place"))),
        Link("Quotes", u.href(u.speakers_index_path())),
        Link("Archive", u.href(ARCHIVE_PATH)),
    ]
    if s.search:
        nav.append(Link("Search", u.href(SEARCH_PATH)))
    return SiteView(
        title=s.title,
        description=s.description,
        base_url=s.base_url,
        language=s.language,
        home=u.href(""),
        tags=u.href(TAGS_PATH),
        archive=u.href(ARCHIVE_PATH),
        stylesheet=u.href(STYLESHEET),
        nav=tuple(nav),
        feed_atom=s.absolute(FEEDS["atom"]),
        feed_rss=s.absolute(FEEDS["rss"]),
        feed_json=s.absolute(FEEDS["json"]),
        search=u.href(SEARCH_PATH) if s.search else None,
    )


def page_meta(s: RenderSettings, rel: str, description: str, feed: Link | None = None) -> Meta:
    """Head metadata for a non-article page."""
    return Meta(s.absolute(rel), description or s.description, "website", "", feed, "")


def indexed(site: Site, s: RenderSettings, kind: EntityKind, name: str) -> str:
    """The href of an entity's page, or empty when it has none (other kind, or under the threshold)."""
    key = entity_key(kind, name)
    if key is None:
        return ""
    data = site.entities.get(key)
    if data is None or len(data.articles) < s.entity_min_articles:
        return ""
    return site.urls.href(site.urls.entity_path(kind.value, key.slug))


@lru_cache(maxsize=65_536)
def _tag_link(urls: UrlScheme, tag: str) -> Link | None:
    slug = slugify(tag)
    return Link(tag, urls.href(urls.tag_path(slug))) if slug else None


def _tag_links(site: Site, article: ArticleMeta) -> tuple[Link, ...]:
    return tuple(link for tag in article.tags if (link := _tag_link(site.urls, tag)) is not None)


class _CardMemo:
    """Cards of the site being rendered: an article appears in a dozen lists (home, tags, periods,
    entities, related), and its card is the same in each. Holds only the current site."""

    site: Site | None = None
    cards: dict[tuple[int, str], Card] = {}  # noqa: RUF012 - reset per site, never shared between sites


def card(site: Site, i: int, note: str = "") -> Card:
    """The list view of article ``i``."""
    if _CardMemo.site is not site:
        _CardMemo.site, _CardMemo.cards = site, {}
    found = _CardMemo.cards.get((i, note))
    if found is None:
        a = site.articles[i]
        href = site.urls.href(site.article_paths[i])
        found = Card(a.title, href, a.date, a.place, a.summary, _tag_links(site, a), note)
        _CardMemo.cards[(i, note)] = found
    return found


def speaker_href(site: Site, name: str | None) -> str:
    """The quotes page of a speaker name, or empty."""
    return _speaker_href(site.urls, name) if name else ""


@lru_cache(maxsize=65_536)
def _speaker_href(urls: UrlScheme, name: str) -> str:
    slug = slugify(name)
    return urls.href(urls.speaker_path(slug)) if slug else ""


def article_page(site: Site, s: RenderSettings, i: int, body_html: str) -> Page:
    """The page of article ``i`` (whose body is ``body_html``), with neighbours, related articles and
    structured data."""
    a = site.articles[i]
    u = site.urls
    groups = []
    for kind, label in KIND_LABELS:
        ents = tuple(Link(e.name, indexed(site, s, kind, e.name), e.mentions) for e in a.entities if e.kind is kind)
        if ents:
            groups.append(EntityGroup(kind.value, label, ents))
    rel = site.article_paths[i]
    ctx = ArticlePage(
        title=a.title,
        href=u.href(rel),
        date=a.date,
        dateline_raw=a.dateline.raw if a.dateline else None,
        place=a.place,
        agency=a.dateline.agency if a.dateline else None,
        body_html=with_dateline(body_html, a.dateline.raw if a.dateline else None),
        quotes=tuple(QuoteView(q.text, q.speaker, q.cue, speaker_href(site, q.speaker)) for q in a.quotes),
        entities=tuple(groups),
        tags=_tag_links(site, a),
        newer=card(site, i - 1) if i > 0 else None,
        older=card(site, i + 1) if i + 1 < len(site.articles) else None,
        year=Link(str(a.date.year), u.href(u.year_path(a.date.year))),
        month=Link(f"{month_name(a.date.month)} {a.date.year}", u.href(u.month_path(a.date.year, a.date.month))),
        day=Link(long_date(a.date), u.href(u.day_path(a.date))),
        related=tuple(card(site, j) for j in site.related[i]),
        source=a.source.path,
    )
    url = s.absolute(rel)
    ld = script_json(news_article(a, url, s.publisher or s.title, s.author, s.base_url))
    meta = Meta(url, a.summary, "article", ld, None, a.date.isoformat())
    return Page(rel, "article.html", ctx, a.title, meta)


def list_pages(
    site: Site,
    s: RenderSettings,
    items: tuple[int, ...],
    first_path: str,
    kind: str,
    heading: str,
    *,
    intro: str = "",
    up: Link | None = None,
    children: tuple[Link, ...] = (),
    neighbours: tuple[Link | None, Link | None] = (None, None),
    notes: dict[int, str] | None = None,
    feed: Link | None = None,
    entity: object = None,
) -> list[Page]:
    """The pages of one paginated list."""
    u = site.urls
    pages = []
    for pager in paginate(items, s.page_size, lambda n: u.paged(first_path, n)):
        ctx = ListPage(
            kind=kind,
            heading=heading,
            intro=intro,
            cards=tuple(card(site, i, (notes or {}).get(i, "")) for i in pager.items),
            number=pager.number,
            total_pages=pager.total,
            total_items=len(items),
            prev_href=u.href(pager.prev_path) if pager.prev_path is not None else None,
            next_href=u.href(pager.next_path) if pager.next_path is not None else None,
            up=up,
            children=children,
            period_prev=neighbours[0],
            period_next=neighbours[1],
            entity=entity,  # type: ignore[arg-type]
        )
        title = heading if pager.number == 1 else f"{heading} — page {pager.number}"
        meta = page_meta(s, pager.path, intro or heading, feed)
        pages.append(Page(pager.path, "list.html", ctx, title, meta))
    return pages


def _period_link(site: Site, p: Period) -> Link:
    u = site.urls
    if p.day:
        d = dt.date(p.year, p.month, p.day)
        return Link(long_date(d), u.href(u.day_path(d)), len(p.articles))
    if p.month:
        return Link(f"{month_name(p.month)} {p.year}", u.href(u.month_path(p.year, p.month)), len(p.articles))
    return Link(str(p.year), u.href(u.year_path(p.year)), len(p.articles))


def _period_pages(site: Site, s: RenderSettings, periods: tuple[Period, ...], kind: str, n: int) -> list[Page]:
    """The pages of period ``n`` of ``periods`` (all years, months or days), newest first."""
    u = site.urls
    p = periods[n]
    newer = _period_link(site, periods[n - 1]) if n > 0 else None
    older = _period_link(site, periods[n + 1]) if n + 1 < len(periods) else None
    link = _period_link(site, p)
    if kind == "year":
        first, up = u.year_path(p.year), Link("Archive", u.href(ARCHIVE_PATH))
        children = tuple(_period_link(site, m) for m in reversed(site.months) if m.year == p.year)
    elif kind == "month":
        first, up = u.month_path(p.year, p.month), Link(str(p.year), u.href(u.year_path(p.year)))
        children = tuple(_period_link(site, d) for d in reversed(site.days) if (d.year, d.month) == (p.year, p.month))
    else:
        first = u.day_path(dt.date(p.year, p.month, p.day))
        up = Link(f"{month_name(p.month)} {p.year}", u.href(u.month_path(p.year, p.month)))
        children = ()
    return list_pages(
        site, s, p.articles, first, kind, f"Releases of {link.label}",
        up=up, children=children, neighbours=(older, newer),
    )  # fmt: skip


PageMaker = Callable[[], list[Page]]
"""Makes one or a few pages (an article's, or one paginated list) when called."""


def page_makers(site: Site, s: RenderSettings, bodies: Bodies) -> list[PageMaker]:
    """Every article, list and archive page of the site, in a stable order, each still to be made.

    A build can make and render them a run at a time (on several processes) and keep no more than a
    run's contexts in memory; :func:`build_pages` makes them all.
    """
    from .indexes import entity_makers, search_page, speaker_makers

    u = site.urls
    makers: list[PageMaker] = [functools.partial(_article_pages, site, s, i, bodies) for i in range(len(site.articles))]
    everything = tuple(range(len(site.articles)))
    intro = s.description or "The newest releases first."
    makers.append(functools.partial(list_pages, site, s, everything, "", "home", s.title, intro=intro))
    makers.append(functools.partial(_tags_page, site, s))
    for t in site.tags:
        feed = Link(f"Atom feed for “{t.name}”", s.absolute(u.tag_path(t.slug) + "feed.xml"))
        makers.append(
            functools.partial(
                list_pages, site, s, t.articles, u.tag_path(t.slug), "tag", f"Tagged “{t.name}”",
                up=Link("All tags", u.href(TAGS_PATH)), feed=feed,
            )
        )  # fmt: skip
    for periods, kind in ((site.years, "year"), (site.months, "month"), (site.days, "day")):
        makers += [functools.partial(_period_pages, site, s, periods, kind, n) for n in range(len(periods))]
    makers.append(functools.partial(_archive_page, site, s))
    makers += entity_makers(site, s)
    makers += speaker_makers(site, s)
    if s.search:
        makers.append(lambda: [search_page(site, s)])
    makers.append(
        lambda: [Page("404.html", "404.html", None, "Page not found", page_meta(s, "404.html", "Page not found"))]
    )
    return makers


def build_pages(site: Site, s: RenderSettings, bodies: Bodies) -> list[Page]:
    """Every article, list and archive page of the site, in a stable order."""
    return [page for make in page_makers(site, s, bodies) for page in make()]


def _article_pages(site: Site, s: RenderSettings, i: int, bodies: Bodies) -> list[Page]:
    return [article_page(site, s, i, bodies(site.articles[i].source.path))]


def _tags_page(site: Site, s: RenderSettings) -> list[Page]:
    u = site.urls
    tag_links = tuple(Link(t.name, u.href(u.tag_path(t.slug)), len(t.articles)) for t in site.tags)
    return [Page(TAGS_PATH, "tags.html", TagsPage(tag_links), "Tags", page_meta(s, TAGS_PATH, "All tags"))]


def _archive_page(site: Site, s: RenderSettings) -> list[Page]:
    nodes = []
    for y in site.years:
        months = tuple(_period_link(site, m) for m in reversed(site.months) if m.year == y.year)
        nodes.append(YearNode(_period_link(site, y), months))
    archive = ArchivePage(tuple(nodes), len(site.articles))
    return [Page(ARCHIVE_PATH, "archive.html", archive, "Archive", page_meta(s, ARCHIVE_PATH, "Archive by date"))]


__all__ = ["Bodies", "PageMaker", "RenderSettings", "build_pages", "long_date", "page_makers", "site_view"]
