"""Which pages show which article, and how one edited article changes the pages that show it.

An article reaches pages other than its own only through its list card (:class:`Card`): on list pages,
as a neighbour or related article on other article pages, and beside its quotes on speaker pages. When
an edit leaves the article's :func:`~dateline.site.collection_key` unchanged, every collection stays as
it was and those pages differ only in that card, so they are updated by swapping the card in place
instead of building every page's context again.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from ..site import EntityKey, Site, UrlScheme
from .context import Bodies, RenderSettings, article_page, card
from .indexes import one_entity_pages, one_speaker_pages
from .views import ArticlePage, Card, ListPage, Page, SpeakerPage


def cards_in(context: object) -> Iterator[Card]:
    """Every article card a page context shows."""
    if isinstance(context, ListPage):
        yield from context.cards
    elif isinstance(context, ArticlePage):
        if context.newer is not None:
            yield context.newer
        if context.older is not None:
            yield context.older
        yield from context.related
    elif isinstance(context, SpeakerPage):
        for q in context.quotes:
            if q.article is not None:
                yield q.article


def card_users(pages: Iterable[tuple[str, Page]]) -> dict[str, list[str]]:
    """Card href → output files (``rel``) of the pages that show that card."""
    users: dict[str, list[str]] = defaultdict(list)
    for rel, page in pages:
        for c in cards_in(page.context):
            found = users[c.href]
            if not found or found[-1] != rel:
                found.append(rel)
    return dict(users)


def renamed(users: dict[str, list[str]], hrefs: dict[str, str], files: dict[str, str]) -> dict[str, list[str]]:
    """``users`` (:func:`card_users`) after article pages moved: card ``hrefs`` old → new, and the pages
    showing cards, ``files`` old → new."""
    return {hrefs.get(h, h): [files.get(rel, rel) for rel in rels] for h, rels in users.items()}


def with_card(context: object, href: str, new: Card) -> object:
    """``context`` with every card linking to ``href`` replaced by ``new`` (each keeping its list note)."""

    def swap(c: Card | None) -> Card | None:
        if c is None or c.href != href:
            return c
        return new if c.note == new.note else dataclasses.replace(new, note=c.note)

    if isinstance(context, ListPage):
        return dataclasses.replace(context, cards=tuple(swap(c) or c for c in context.cards))
    if isinstance(context, ArticlePage):
        return dataclasses.replace(
            context,
            newer=swap(context.newer),
            older=swap(context.older),
            related=tuple(swap(c) or c for c in context.related),
        )
    if isinstance(context, SpeakerPage):
        quotes = tuple(dataclasses.replace(q, article=swap(q.article)) for q in context.quotes)
        return dataclasses.replace(context, quotes=quotes)
    return context


def patched_pages(
    old: Site,
    new: Site,
    s: RenderSettings,
    changed: Iterable[int],
    page_of: Callable[[str], Page],
    users: dict[str, list[str]],
    file_for: dict[int, str],
    moved: dict[str, str],
    bodies: Bodies,
    entities: Iterable[EntityKey] = (),
    speakers: Iterable[str] = (),
) -> dict[str, Page]:
    """The pages that differ when articles ``changed`` of ``old`` are replaced as in ``new``.

    ``new`` must equal ``old`` except for those articles, each with an unchanged collection key.
    ``page_of`` gives the current page of an output file and ``users`` is :func:`card_users` of them all;
    ``file_for`` maps an article index to its page's (new) output file, and ``moved`` maps the old output
    file of each article page whose URL changed to its new one. Returns output file → new page.
    """
    out: dict[str, Page] = {}
    for i in changed:
        out[file_for[i]] = article_page(new, s, i, bodies(new.articles[i].source.path))
    for i in changed:
        before, after = card(old, i), card(new, i)
        if before == after:
            continue
        for rel in users.get(before.href, ()):
            rel = moved.get(rel, rel)
            page = out.get(rel) or page_of(rel)
            out[rel] = dataclasses.replace(page, context=with_card(page.context, before.href, after))
    # Entity pages whose counts or aliases changed, and speaker pages whose quotes changed, are built
    # again from ``new`` (after the swaps above, which they supersede).
    rebuilt = [page for key in entities for page in one_entity_pages(new, s, key)]
    wanted = set(speakers)
    rebuilt += [page for sp in new.speakers if sp.slug in wanted for page in one_speaker_pages(new, s, sp)]
    for page in rebuilt:
        out[UrlScheme.file_for(page.path)] = page
    return out
