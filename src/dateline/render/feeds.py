"""Atom, RSS 2.0 and JSON Feed 1.1, built with XML and JSON encoders (never string templates), so any
title, tag or body — ``]]>`` and ``</script>`` included — is escaped correctly. Every URL is absolute."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from ..model import ArticleMeta
from ..pickling import fast_pickle

ATOM_NS = "http://www.w3.org/2005/Atom"


@fast_pickle
@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed."""

    url: str
    article: ArticleMeta
    body_html: str


@fast_pickle
@dataclass(frozen=True, slots=True)
class FeedInfo:
    """What identifies a feed."""

    title: str
    description: str
    site_url: str
    """Absolute URL of the page the feed belongs to."""
    feed_url: str
    """Absolute URL of the feed itself."""
    author: str
    language: str


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def atom(info: FeedInfo, items: list[FeedItem], updated: dt.date) -> bytes:
    """An Atom 1.0 document."""
    ET.register_namespace("", ATOM_NS)

    def el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"xml:lang": info.language})
    el(feed, "id", info.feed_url)
    el(feed, "title", info.title)
    if info.description:
        el(feed, "subtitle", info.description)
    el(feed, "updated", _stamp(updated).isoformat())
    el(feed, "link", href=info.site_url, rel="alternate", type="text/html")
    el(feed, "link", href=info.feed_url, rel="self", type="application/atom+xml")
    author = el(feed, "author")
    el(author, "name", info.author)
    el(feed, "generator", "dateline")
    for item in items:
        a = item.article
        entry = el(feed, "entry")
        el(entry, "id", item.url)
        el(entry, "title", a.title)
        el(entry, "link", href=item.url, rel="alternate", type="text/html")
        el(entry, "published", _stamp(a.date).isoformat())
        el(entry, "updated", _stamp(a.date).isoformat())
        if a.summary:
            el(entry, "summary", a.summary)
        el(entry, "content", item.body_html, type="html")
        for tag in a.tags:
            el(entry, "category", term=tag)
    return _xml(feed)


def rss(info: FeedInfo, items: list[FeedItem], updated: dt.date) -> bytes:
    """An RSS 2.0 document."""
    ET.register_namespace("atom", ATOM_NS)
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    for tag, text in (
        ("title", info.title),
        ("link", info.site_url),
        ("description", info.description or info.title),
        ("language", info.language),
        ("lastBuildDate", format_datetime(_stamp(updated))),
        ("generator", "dateline"),
    ):
        ET.SubElement(channel, tag).text = text
    ET.SubElement(channel, f"{{{ATOM_NS}}}link", {"href": info.feed_url, "rel": "self", "type": "application/rss+xml"})
    for item in items:
        a = item.article
        node = ET.SubElement(channel, "item")
        ET.SubElement(node, "title").text = a.title
        ET.SubElement(node, "link").text = item.url
        ET.SubElement(node, "guid", {"isPermaLink": "true"}).text = item.url
        ET.SubElement(node, "pubDate").text = format_datetime(_stamp(a.date))
        ET.SubElement(node, "description").text = a.summary or a.title
        for tag in a.tags:
            ET.SubElement(node, "category").text = tag
    return _xml(root)


def json_feed(info: FeedInfo, items: list[FeedItem]) -> bytes:
    """A JSON Feed 1.1 document."""
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": info.title,
        "home_page_url": info.site_url,
        "feed_url": info.feed_url,
        "description": info.description,
        "language": info.language,
        "authors": [{"name": info.author}],
        "items": [
            {
                "id": item.url,
                "url": item.url,
                "title": item.article.title,
                "content_html": item.body_html,
                "summary": item.article.summary,
                "date_published": _stamp(item.article.date).isoformat(),
                "tags": list(item.article.tags),
            }
            for item in items
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


@fast_pickle
@dataclass(frozen=True, slots=True)
class FeedRecipe:
    """What one feed file is made of, in terms that outlive the build: its kind, its header and its
    entries, each article named by URL, source path and content digest (an article's record is a function
    of those, the configuration and the extractor). Equal recipes make equal bytes."""

    rel: str
    kind: str
    """``atom``, ``rss`` or ``json``."""
    info: FeedInfo
    updated: dt.date
    entries: tuple[tuple[str, str, str], ...]
    """(absolute URL, source path, source digest) of each entry, newest first."""

    @property
    def key(self) -> tuple[object, ...]:
        """Everything the bytes depend on."""
        return (self.kind, self.info, self.updated, self.entries)

    def make(self, items: list[FeedItem]) -> bytes:
        """The feed's bytes, given its entries as items (in :attr:`entries` order)."""
        if self.kind == "json":
            return json_feed(self.info, items)
        return (rss if self.kind == "rss" else atom)(self.info, items, self.updated)
