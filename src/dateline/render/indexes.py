"""Contexts of the who-and-where pages: entity pages, A–Z indexes per kind, speakers and their quotes."""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict

from ..model import EntityKind
from ..site import EntityPageData, Site
from ..site.people import EntityKey, Speaker
from .context import KIND_LABELS, SEARCH_PATH, PageMaker, RenderSettings, card, list_pages, page_meta, speaker_href
from .views import EntityInfo, KindIndexPage, Link, Page, QuoteView, SearchPage, SpeakerPage, SpeakersPage

KIND_NAMES = {EntityKind.PERSON: "person", EntityKind.ORGANIZATION: "organisation", EntityKind.PLACE: "place"}
TOP_ON_OVERVIEW = 60
"""Most-mentioned entities listed on a kind's A–Z overview."""
QUOTES_PER_PAGE_FACTOR = 2
"""Speaker pages list this many times ``page_size`` quotes."""


def letter_of(name: str) -> str:
    """The index letter of a name: its first letter without accents, ``0`` for digits, ``_`` otherwise."""
    first = unicodedata.normalize("NFKD", name.strip()[:1]).encode("ascii", "ignore").decode().lower()
    if first.isalpha():
        return first
    return "0" if first.isdigit() else "_"


def _listed(site: Site, s: RenderSettings) -> dict[EntityKind, list[EntityPageData]]:
    by_kind: dict[EntityKind, list[EntityPageData]] = defaultdict(list)
    for data in site.entities.values():
        if len(data.articles) >= s.entity_min_articles:
            by_kind[data.key.kind].append(data)
    for items in by_kind.values():
        items.sort(key=lambda d: (d.name.casefold(), d.key.slug))
    return by_kind


def _href(site: Site, key: EntityKey) -> str:
    return site.urls.href(site.urls.entity_path(key.kind.value, key.slug))


def entity_makers(site: Site, s: RenderSettings) -> list[PageMaker]:
    """Per kind: the A–Z overview and its letter pages, then one paginated page per listed entity."""
    listed = _listed(site, s)
    speakers = {sp.entity: sp for sp in site.speakers if sp.entity is not None}
    makers: list[PageMaker] = []
    for kind, label in KIND_LABELS:
        items = listed.get(kind, [])
        makers.append(functools.partial(_kind_index_pages, site, s, listed, kind, label))
        makers += [functools.partial(_one_entity_pages, site, s, d, label, speakers.get(d.key)) for d in items]
    return makers


def _kind_index_pages(
    site: Site, s: RenderSettings, listed: dict[EntityKind, list[EntityPageData]], kind: EntityKind, label: str
) -> list[Page]:
    u = site.urls
    kinds = tuple(Link(lb, u.href(u.kind_index_path(k.value)), len(listed.get(k, []))) for k, lb in KIND_LABELS)
    items = listed.get(kind, [])
    by_letter: dict[str, list[EntityPageData]] = defaultdict(list)
    for d in items:
        by_letter[letter_of(d.name)].append(d)
    letters = tuple(
        Link(letter.upper(), u.href(u.letter_path(kind.value, letter)), len(ds))
        for letter, ds in sorted(by_letter.items())
    )
    top = sorted(items, key=lambda d: (-len(d.articles), d.name.casefold()))[:TOP_ON_OVERVIEW]
    entries = tuple(Link(d.name, _href(site, d.key), len(d.articles)) for d in top)
    index_rel = u.kind_index_path(kind.value)
    ctx = KindIndexPage(kind.value, label, letters, entries, "", kinds)
    pages = [Page(index_rel, "entity_index.html", ctx, label, page_meta(s, index_rel, f"{label} named in the archive"))]
    for letter, ds in sorted(by_letter.items()):
        rel = u.letter_path(kind.value, letter)
        entries = tuple(Link(d.name, _href(site, d.key), len(d.articles)) for d in ds)
        ctx = KindIndexPage(kind.value, f"{label}: {letter.upper()}", letters, entries, letter, kinds)
        pages.append(Page(rel, "entity_index.html", ctx, f"{label}: {letter.upper()}", page_meta(s, rel, label)))
    return pages


def one_entity_pages(site: Site, s: RenderSettings, key: EntityKey) -> list[Page]:
    """The paginated pages of one listed entity (none when it is under the listing threshold)."""
    d = site.entities.get(key)
    if d is None or len(d.articles) < s.entity_min_articles:
        return []
    label = dict(KIND_LABELS)[key.kind]
    speaker = next((sp for sp in site.speakers if sp.entity == key), None)
    return _one_entity_pages(site, s, d, label, speaker)


def _one_entity_pages(
    site: Site, s: RenderSettings, d: EntityPageData, label: str, speaker: Speaker | None
) -> list[Page]:
    u = site.urls
    kind = d.key.kind
    companions = tuple(
        Link(
            site.entities[k].name,
            _href(site, k) if len(site.entities[k].articles) >= s.entity_min_articles else "",
            n,
        )
        for k, n in d.co_mentioned
    )
    quotes = Link(f"{len(speaker.quotes)} quotes", u.href(u.speaker_path(speaker.slug))) if speaker else None
    info = EntityInfo(kind.value, KIND_NAMES[kind], d.aliases, d.total_mentions, companions, quotes)
    notes = {i: f"{m} mention{'s' if m != 1 else ''}" for i, m in zip(d.articles, d.mentions, strict=True)}
    rel = u.entity_path(kind.value, d.key.slug)
    feed = Link(f"Atom feed for {d.name}", s.absolute(rel + "feed.xml"))
    return list_pages(
        site, s, d.articles, rel, "entity", d.name, up=Link(label, u.href(u.kind_index_path(kind.value))),
        notes=notes, feed=feed, entity=info,
    )  # fmt: skip


def speaker_makers(site: Site, s: RenderSettings) -> list[PageMaker]:
    """The index of speakers, then each speaker's paginated quotes."""
    makers: list[PageMaker] = [functools.partial(_speakers_index, site, s)]
    return makers + [functools.partial(one_speaker_pages, site, s, sp) for sp in site.speakers]


def _speakers_index(site: Site, s: RenderSettings) -> list[Page]:
    u = site.urls
    index_rel = u.speakers_index_path()
    links = tuple(Link(sp.name, u.href(u.speaker_path(sp.slug)), len(sp.quotes)) for sp in site.speakers)
    total = sum(len(sp.quotes) for sp in site.speakers)
    return [
        Page(index_rel, "speakers.html", SpeakersPage(links, total), "Quotes", page_meta(s, index_rel, "Who said what"))
    ]


def one_speaker_pages(site: Site, s: RenderSettings, sp: Speaker) -> list[Page]:
    """The paginated quotes of one speaker."""
    u = site.urls
    index_rel = u.speakers_index_path()
    pages: list[Page] = []
    size = s.page_size * QUOTES_PER_PAGE_FACTOR
    first = u.speaker_path(sp.slug)
    chunks = [sp.quotes[i : i + size] for i in range(0, len(sp.quotes), size)]
    paths = [u.paged(first, n) for n in range(len(chunks))]
    person = (
        Link(sp.name, _href(site, sp.entity))
        if sp.entity and sp.entity in site.entities and len(site.entities[sp.entity].articles) >= s.entity_min_articles
        else None
    )
    for n, chunk in enumerate(chunks):
        quotes = []
        for ref in chunk:
            q = site.articles[ref.article].quotes[ref.quote]
            quotes.append(QuoteView(q.text, q.speaker, q.cue, speaker_href(site, q.speaker), card(site, ref.article)))
        ctx = SpeakerPage(
            name=sp.name,
            quotes=tuple(quotes),
            total=len(sp.quotes),
            number=n + 1,
            total_pages=len(chunks),
            prev_href=u.href(paths[n - 1]) if n > 0 else None,
            next_href=u.href(paths[n + 1]) if n + 1 < len(chunks) else None,
            person=person,
            up=Link("Everyone quoted", u.href(index_rel)),
        )
        title = f"Quotes of {sp.name}" + (f" — page {n + 1}" if n else "")
        pages.append(
            Page(
                paths[n],
                "speaker.html",
                ctx,
                title,
                page_meta(s, paths[n], f"Everything {sp.name} is quoted saying"),
            )
        )
    return pages


def search_page(site: Site, s: RenderSettings) -> Page:
    """The search page, which loads the Pagefind UI from the built bundle."""
    ctx = SearchPage(site.urls.href("pagefind/"))
    return Page(SEARCH_PATH, "search.html", ctx, "Search", page_meta(s, SEARCH_PATH, "Search the archive"))
