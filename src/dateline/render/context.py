"""Build every page's typed context from a :class:`~dateline.site.Site`. No HTML is produced here."""

from __future__ import annotations

from ..model import Article, EntityKind
from ..site import Site, paginate
from ..slug import slugify
from .env import long_date, month_name
from .views import (
    ArchivePage,
    ArticlePage,
    Card,
    EntityGroup,
    Link,
    ListPage,
    Page,
    QuoteView,
    SiteView,
    TagsPage,
    YearNode,
)

KIND_LABELS: tuple[tuple[EntityKind, str], ...] = (
    (EntityKind.PERSON, "People"),
    (EntityKind.ORGANIZATION, "Organisations"),
    (EntityKind.PLACE, "Places"),
)
TAGS_PATH = "tags/"
ARCHIVE_PATH = "archive/"
STYLESHEET = "static/style.css"


def site_view(site: Site, title: str, description: str, base_url: str, language: str) -> SiteView:
    """The values shared by every page."""
    u = site.urls
    nav = (Link("Latest", u.href("")), Link("Tags", u.href(TAGS_PATH)), Link("Archive", u.href(ARCHIVE_PATH)))
    return SiteView(
        title=title,
        description=description,
        base_url=base_url,
        language=language,
        home=u.href(""),
        tags=u.href(TAGS_PATH),
        archive=u.href(ARCHIVE_PATH),
        stylesheet=u.href(STYLESHEET),
        nav=nav,
    )


def _tag_links(site: Site, article: Article) -> tuple[Link, ...]:
    links = []
    for tag in article.tags:
        slug = slugify(tag)
        if slug:
            links.append(Link(tag, site.urls.href(site.urls.tag_path(slug))))
    return tuple(links)


def card(site: Site, i: int) -> Card:
    """The list view of article ``i``."""
    a = site.articles[i]
    return Card(a.title, site.urls.href(site.article_paths[i]), a.date, a.place, a.summary, _tag_links(site, a))


def article_page(site: Site, i: int) -> Page:
    """The page of article ``i``, with links to its newer and older neighbours."""
    a = site.articles[i]
    u = site.urls
    groups = []
    for kind, label in KIND_LABELS:
        ents = tuple(Link(e.name, "", e.mentions) for e in a.entities if e.kind is kind)
        if ents:
            groups.append(EntityGroup(kind.value, label, ents))
    ctx = ArticlePage(
        title=a.title,
        href=u.href(site.article_paths[i]),
        date=a.date,
        dateline_raw=a.dateline.raw if a.dateline else None,
        place=a.place,
        agency=a.dateline.agency if a.dateline else None,
        body_html=a.body_html,
        quotes=tuple(QuoteView(q.text, q.speaker, q.cue) for q in a.quotes),
        entities=tuple(groups),
        tags=_tag_links(site, a),
        newer=card(site, i - 1) if i > 0 else None,
        older=card(site, i + 1) if i + 1 < len(site.articles) else None,
        year=Link(str(a.date.year), u.href(u.year_path(a.date.year))),
        month=Link(f"{month_name(a.date.month)} {a.date.year}", u.href(u.month_path(a.date.year, a.date.month))),
        source=a.source.path,
    )
    return Page(site.article_paths[i], "article.html", ctx, a.title)


def list_pages(
    site: Site,
    items: tuple[int, ...],
    first_path: str,
    page_size: int,
    kind: str,
    heading: str,
    intro: str = "",
    up: Link | None = None,
    children: tuple[Link, ...] = (),
) -> list[Page]:
    """The pages of one paginated list."""
    u = site.urls
    pages = []
    for pager in paginate(items, page_size, lambda n: u.paged(first_path, n)):
        ctx = ListPage(
            kind=kind,
            heading=heading,
            intro=intro,
            cards=tuple(card(site, i) for i in pager.items),
            number=pager.number,
            total_pages=pager.total,
            total_items=len(items),
            prev_href=u.href(pager.prev_path) if pager.prev_path is not None else None,
            next_href=u.href(pager.next_path) if pager.next_path is not None else None,
            up=up,
            children=children,
        )
        title = heading if pager.number == 1 else f"{heading} — page {pager.number}"
        pages.append(Page(pager.path, "list.html", ctx, title))
    return pages


def build_pages(site: Site, page_size: int, site_title: str) -> list[Page]:
    """Every page of the site, in a stable order."""
    u = site.urls
    pages: list[Page] = [article_page(site, i) for i in range(len(site.articles))]
    everything = tuple(range(len(site.articles)))
    pages += list_pages(site, everything, "", page_size, "home", site_title, "The newest releases first.")
    tag_links = tuple(Link(t.name, u.href(u.tag_path(t.slug)), len(t.articles)) for t in site.tags)
    pages.append(Page(TAGS_PATH, "tags.html", TagsPage(tag_links), "Tags"))
    for t in site.tags:
        pages += list_pages(
            site, t.articles, u.tag_path(t.slug), page_size, "tag", f"Tagged “{t.name}”",
            up=Link("All tags", u.href(TAGS_PATH)),
        )  # fmt: skip
    months_by_year: dict[int, list[Link]] = {}
    for m in site.months:
        link = Link(f"{month_name(m.month)} {m.year}", u.href(u.month_path(m.year, m.month)), len(m.articles))
        months_by_year.setdefault(m.year, []).append(link)
    nodes = []
    for y in site.years:
        year_link = Link(str(y.year), u.href(u.year_path(y.year)), len(y.articles))
        months = tuple(reversed(months_by_year.get(y.year, [])))
        nodes.append(YearNode(year_link, months))
        pages += list_pages(
            site, y.articles, u.year_path(y.year), page_size, "year", f"Releases of {y.year}",
            up=Link("Archive", u.href(ARCHIVE_PATH)), children=months,
        )  # fmt: skip
    for m in site.months:
        pages += list_pages(
            site, m.articles, u.month_path(m.year, m.month), page_size, "month",
            f"Releases of {month_name(m.month)} {m.year}", up=Link(str(m.year), u.href(u.year_path(m.year))),
        )  # fmt: skip
    pages.append(Page(ARCHIVE_PATH, "archive.html", ArchivePage(tuple(nodes), len(site.articles)), "Archive"))
    pages.append(Page("404.html", "404.html", None, "Page not found"))
    return pages


__all__ = ["build_pages", "long_date", "site_view"]
