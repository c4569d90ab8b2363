"""Cross-article collections of who and where: entity pages, speakers and their quotes, related articles.

Entities are identified across articles by kind and slug of their name, so ``Ban Ki-moon`` in one release
and ``Ban Ki-moon`` in another are one page. Related articles come from one pass over an inverted index
(feature → articles), never from comparing every pair.
"""

from __future__ import annotations

import dataclasses
import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import ArticleMeta, Entity, EntityKind
from ..pickling import fast_pickle
from ..slug import slugify

INDEXED_KINDS: tuple[EntityKind, ...] = (EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE)
"""Kinds that get pages; ``other`` (nationalities, events) does not."""
CO_MENTIONS = 8
"""How many most-often co-mentioned entities an entity page lists."""
RELATED = 5
"""How many related articles an article page lists."""
MAX_POSTING = 400
"""A tag or entity carried by more articles than this says little about relatedness, and scanning its
posting list for every article would make the pass quadratic; such features are skipped."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class EntityKey:
    """Identity of an entity across the archive."""

    kind: EntityKind
    slug: str


@fast_pickle
@dataclass(frozen=True, slots=True)
class EntityPageData:
    """One entity's page: its display name, aliases seen, articles and companions."""

    key: EntityKey
    name: str
    aliases: tuple[str, ...]
    articles: tuple[int, ...]
    """Article indices, newest first."""
    mentions: tuple[int, ...]
    """Mentions in each of ``articles`` (parallel)."""
    total_mentions: int
    co_mentioned: tuple[tuple[EntityKey, int], ...]
    """Other entities named in the same articles, with how many articles they share."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class QuoteRef:
    """A quote located by article index and position in that article's quotes."""

    article: int
    quote: int


@fast_pickle
@dataclass(frozen=True, slots=True)
class Speaker:
    """A person quoted in the archive, and every quote attributed to them, newest first."""

    name: str
    slug: str
    quotes: tuple[QuoteRef, ...]
    entity: EntityKey | None
    """The person page of the same name, when there is one."""


def entity_key(kind: EntityKind, name: str) -> EntityKey | None:
    """The archive-wide key of an entity, or None when its name gives no slug."""
    slug = slugify(name)
    return EntityKey(kind, slug) if slug else None


def indexed_entities(article: ArticleMeta) -> dict[EntityKey, Entity]:
    """The article's entities that get pages, by archive key: the first one wherever two share a key."""
    keyed: dict[EntityKey, Entity] = {}
    for e in article.entities:
        if e.kind in INDEXED_KINDS:
            key = entity_key(e.kind, e.name)
            if key is not None and key not in keyed:
                keyed[key] = e
    return keyed


def collect_entities(articles: tuple[ArticleMeta, ...]) -> dict[EntityKey, EntityPageData]:
    """Every person, organisation and place in the archive, keyed by :class:`EntityKey`."""
    names: dict[EntityKey, Counter[str]] = defaultdict(Counter)
    aliases: dict[EntityKey, dict[str, None]] = defaultdict(dict)
    found: dict[EntityKey, list[tuple[int, int]]] = defaultdict(list)
    per_article: list[list[EntityKey]] = []
    for i, a in enumerate(articles):
        keyed = indexed_entities(a)
        for key, e in keyed.items():
            names[key][e.name] += 1
            for alias in e.aliases:
                aliases[key].setdefault(alias, None)
            found[key].append((i, e.mentions))
        per_article.append(list(keyed))
    co: dict[EntityKey, Counter[EntityKey]] = defaultdict(Counter)
    for article_keys in per_article:
        for k in article_keys:
            for other in article_keys:
                if other != k:
                    co[k][other] += 1
    out: dict[EntityKey, EntityPageData] = {}
    for key, hits in found.items():
        name = max(names[key].items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        companions = sorted(co[key].items(), key=lambda kv: (-kv[1], kv[0].slug))[:CO_MENTIONS]
        out[key] = EntityPageData(
            key=key,
            name=name,
            aliases=tuple(sorted(a for a in aliases[key] if a != name)),
            articles=tuple(i for i, _ in hits),
            mentions=tuple(m for _, m in hits),
            total_mentions=sum(m for _, m in hits),
            co_mentioned=tuple(companions),
        )
    return out


def refresh_entity(articles: tuple[ArticleMeta, ...], data: EntityPageData) -> EntityPageData:
    """``data`` with its mention counts and aliases read again from ``articles``, for an edit that kept
    which articles name the entity and by which names (so its name, articles and companions stay)."""
    aliases: dict[str, None] = {}
    mentions: list[int] = []
    for i in data.articles:
        e = indexed_entities(articles[i])[data.key]
        mentions.append(e.mentions)
        for alias in e.aliases:
            aliases.setdefault(alias, None)
    return dataclasses.replace(
        data,
        aliases=tuple(sorted(a for a in aliases if a != data.name)),
        mentions=tuple(mentions),
        total_mentions=sum(mentions),
    )


def collect_speakers(
    articles: tuple[ArticleMeta, ...], entities: dict[EntityKey, EntityPageData]
) -> tuple[Speaker, ...]:
    """Every named speaker with their quotes; alphabetical by name."""
    quotes: dict[str, list[QuoteRef]] = defaultdict(list)
    display: dict[str, str] = {}
    for i, a in enumerate(articles):
        for j, q in enumerate(a.quotes):
            if q.speaker:
                slug = slugify(q.speaker)
                if slug:
                    quotes[slug].append(QuoteRef(i, j))
                    display.setdefault(slug, q.speaker)
    speakers = []
    for slug, refs in quotes.items():
        person = EntityKey(EntityKind.PERSON, slug)
        speakers.append(Speaker(display[slug], slug, tuple(refs), person if person in entities else None))
    return tuple(sorted(speakers, key=lambda s: (s.name.casefold(), s.slug)))


def related_articles(articles: tuple[ArticleMeta, ...], limit: int = RELATED) -> tuple[tuple[int, ...], ...]:
    """For each article, the articles sharing the most (rarity-weighted) entities and tags."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    features: list[list[tuple[str, str]]] = []
    for i, a in enumerate(articles):
        found = {("tag", slugify(t)) for t in a.tags if slugify(t)}
        for e in a.entities:
            if e.kind in INDEXED_KINDS:
                found.add((e.kind.value, slugify(e.name)))
        ordered = sorted(found)
        features.append(ordered)
        for f in ordered:
            postings[f].append(i)
    n = len(articles)
    cap = MAX_POSTING
    weight = {f: math.log(1 + n / len(ids)) for f, ids in postings.items()}
    out: list[tuple[int, ...]] = []
    for i, feats in enumerate(features):  # one pass over each article's postings
        scores: dict[int, float] = defaultdict(float)
        for f in feats:
            ids = postings[f]
            if len(ids) > cap:
                continue
            w = weight[f]
            for j in ids:
                scores[j] += w
        scores.pop(i, None)  # an article is not related to itself
        # Plain tuples compare in C: no key function per candidate (this loop dominates collecting).
        best = heapq.nsmallest(limit, [(-score, j) for j, score in scores.items()])
        out.append(tuple(j for _, j in best))
    return tuple(out)
