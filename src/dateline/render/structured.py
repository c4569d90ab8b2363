"""Structured data for search engines: schema.org ``NewsArticle`` JSON-LD, safe inside a script element.

JSON is produced by ``json.dumps`` and then ``<``, ``>``, ``&`` and the JavaScript line separators are
written as ``\\uXXXX`` escapes, so no field — not even ``</script><script>`` in a title — can end the
script element, and ``json.loads`` of the element's text gives back the original values.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import ArticleMeta, EntityKind

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})
_SCHEMA_TYPES = {EntityKind.PERSON: "Person", EntityKind.ORGANIZATION: "Organization", EntityKind.PLACE: "Place"}


def script_json(data: Any) -> str:
    """``data`` as JSON text that is safe to place verbatim inside ``<script type="application/ld+json">``."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).translate(_SCRIPT_SAFE)


def news_article(article: ArticleMeta, url: str, publisher: str, author: str, site_url: str) -> dict[str, Any]:
    """The schema.org NewsArticle record of one article."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "name": article.title,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": article.date.isoformat(),
        "description": article.summary,
        "inLanguage": "en",
        "publisher": {"@type": "Organization", "name": publisher, "url": site_url},
        "author": {"@type": "Organization", "name": author or publisher},
    }
    if article.dateline is not None:
        data["dateline"] = article.dateline.raw
    if article.place:
        data["contentLocation"] = {"@type": "Place", "name": article.place}
    mentions = [{"@type": _SCHEMA_TYPES[e.kind], "name": e.name} for e in article.entities if e.kind in _SCHEMA_TYPES]
    if mentions:
        data["mentions"] = mentions
    if article.tags:
        data["keywords"] = list(article.tags)
        data["about"] = [{"@type": "Thing", "name": t} for t in article.tags]
    return data
