"""Read-only views that templates see. Every field is plain data: strings, numbers, dates, tuples."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from dataclasses import dataclass

from ..pickling import fast_pickle


@fast_pickle
@dataclass(frozen=True, slots=True)
class Link:
    """A labelled link, with an optional count (``climate (13)``)."""

    label: str
    href: str
    count: int = 0


@fast_pickle
@dataclass(frozen=True, slots=True)
class SiteView:
    """Site-wide values every template may use."""

    title: str
    description: str
    base_url: str
    language: str
    home: str
    tags: str
    archive: str
    stylesheet: str
    nav: tuple[Link, ...]
    feed_atom: str
    """Absolute URL of the site's Atom feed."""
    feed_rss: str
    feed_json: str
    search: str | None
    """Link to the search page, or None when search is disabled."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class Meta:
    """Per-page head metadata: canonical URL, OpenGraph/Twitter values, feed and JSON-LD."""

    canonical: str
    description: str
    og_type: str
    json_ld: str
    """Already escaped for a ``<script type="application/ld+json">`` element; empty for none."""
    feed: Link | None
    """An extra Atom feed for this page (a tag's, an entity's)."""
    published: str
    """ISO date for ``article:published_time``; empty for non-articles."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class Card:
    """An article as it appears in a list."""

    title: str
    href: str
    date: dt.date
    place: str | None
    summary: str
    tags: tuple[Link, ...]
    note: str = ""
    """Extra detail for this list (``3 mentions``)."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class QuoteView:
    """A quote on its article page or a speaker's page."""

    text: str
    speaker: str | None
    cue: str | None
    speaker_href: str = ""
    """The speaker's quotes page; empty when the speaker is unknown."""
    article: Card | None = None
    """The article it comes from (on speaker pages)."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class EntityGroup:
    """The entities of one kind on an article page."""

    kind: str
    label: str
    entities: tuple[Link, ...]
    """Entity name as label, mention count as count; href empty until entity pages exist."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class ArticlePage:
    """Context of an article page."""

    title: str
    href: str
    date: dt.date
    dateline_raw: str | None
    place: str | None
    agency: str | None
    body_html: str
    """Sanitised HTML produced by the loader; the only value templates mark safe."""
    quotes: tuple[QuoteView, ...]
    entities: tuple[EntityGroup, ...]
    tags: tuple[Link, ...]
    newer: Card | None
    older: Card | None
    year: Link
    month: Link
    day: Link
    related: tuple[Card, ...]
    source: str


@fast_pickle
@dataclass(frozen=True, slots=True)
class ListPage:
    """Context of a paginated list (home, a tag, a year, a month)."""

    kind: str
    """``home``, ``tag``, ``year`` or ``month``."""
    heading: str
    intro: str
    cards: tuple[Card, ...]
    number: int
    total_pages: int
    total_items: int
    prev_href: str | None
    next_href: str | None
    up: Link | None
    children: tuple[Link, ...]
    """Sub-periods (a year's months) with counts."""
    period_prev: Link | None = None
    """The previous (older) period with articles, on period pages."""
    period_next: Link | None = None
    """The next (newer) period with articles, on period pages."""
    entity: EntityInfo | None = None
    """Who or what this list is about, on entity pages."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class EntityInfo:
    """The header of an entity page."""

    kind: str
    kind_label: str
    aliases: tuple[str, ...]
    total_mentions: int
    co_mentioned: tuple[Link, ...]
    quotes: Link | None
    """The speaker page when this person is quoted."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class KindIndexPage:
    """The A–Z index of one entity kind, or one letter of it."""

    kind: str
    heading: str
    letters: tuple[Link, ...]
    """Every letter with entities, with counts (links to letter pages)."""
    entries: tuple[Link, ...]
    """Entities listed on this page, with article counts."""
    letter: str
    """The letter of a letter page; empty on the overview."""
    kinds: tuple[Link, ...]
    """Links to every kind's index."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class SpeakersPage:
    """The index of everyone quoted, with quote counts."""

    speakers: tuple[Link, ...]
    total_quotes: int


@fast_pickle
@dataclass(frozen=True, slots=True)
class SpeakerPage:
    """Every quote of one speaker, newest first, paginated."""

    name: str
    quotes: tuple[QuoteView, ...]
    total: int
    number: int
    total_pages: int
    prev_href: str | None
    next_href: str | None
    person: Link | None
    up: Link


@fast_pickle
@dataclass(frozen=True, slots=True)
class TagsPage:
    """Context of the tag index."""

    tags: tuple[Link, ...]


@fast_pickle
@dataclass(frozen=True, slots=True)
class YearNode:
    """One year of the archive tree."""

    year: Link
    months: tuple[Link, ...]


@fast_pickle
@dataclass(frozen=True, slots=True)
class ArchivePage:
    """Context of the archive index: every year and month with counts."""

    years: tuple[YearNode, ...]
    total: int


@fast_pickle
@dataclass(frozen=True, slots=True)
class SearchPage:
    """The search page."""

    bundle: str
    """URL of the Pagefind bundle folder."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class Page:
    """One output page: where it goes, which template draws it, and with what."""

    path: str
    """Relative folder (``2009/10/slug/``) or file (``404.html``)."""
    template: str
    context: object
    title: str
    """The document title (before the site name is appended)."""
    meta: Meta | None = None


def with_dateline(body_html: str, dateline_raw: str | None) -> str:
    """The body as the article page shows it: newspaper style, the dateline runs into the first paragraph."""
    if dateline_raw is not None and body_html.startswith("<p>"):
        return f'<p><span class="dateline">{html.escape(dateline_raw)}</span> ' + body_html[3:]
    return body_html


def with_body(page: Page, body_html: str) -> Page:
    """An article ``page`` (from :func:`article_page`) with another body."""
    ctx = page.context
    assert isinstance(ctx, ArticlePage)
    return dataclasses.replace(
        page, context=dataclasses.replace(ctx, body_html=with_dateline(body_html, ctx.dateline_raw))
    )
