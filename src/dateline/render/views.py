"""Read-only views that templates see. Every field is plain data: strings, numbers, dates, tuples."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Link:
    """A labelled link, with an optional count (``climate (13)``)."""

    label: str
    href: str
    count: int = 0


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


@dataclass(frozen=True, slots=True)
class Card:
    """An article as it appears in a list."""

    title: str
    href: str
    date: dt.date
    place: str | None
    summary: str
    tags: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class QuoteView:
    """A quote on its article page."""

    text: str
    speaker: str | None
    cue: str | None


@dataclass(frozen=True, slots=True)
class EntityGroup:
    """The entities of one kind on an article page."""

    kind: str
    label: str
    entities: tuple[Link, ...]
    """Entity name as label, mention count as count; href empty until entity pages exist."""


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
    source: str


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


@dataclass(frozen=True, slots=True)
class TagsPage:
    """Context of the tag index."""

    tags: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class YearNode:
    """One year of the archive tree."""

    year: Link
    months: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class ArchivePage:
    """Context of the archive index: every year and month with counts."""

    years: tuple[YearNode, ...]
    total: int


@dataclass(frozen=True, slots=True)
class Page:
    """One output page: where it goes, which template draws it, and with what."""

    path: str
    """Relative folder (``2009/10/slug/``) or file (``404.html``)."""
    template: str
    context: object
    title: str
    """The document title (before the site name is appended)."""
