"""Plan an in-place update of the last built site when edits move nothing.

Most edits in a preview loop change an article's words, not where it is filed: its tags, the names it
mentions, who it quotes and its date stay, and so does every collection of the site. :func:`plan_patch` recognises such
edits (same :func:`~dateline.site.collection_key`, same place in the archive order) and returns the
last site with the new article records swapped in, so only the pages that show them are rendered
again. Anything else — a file added or removed, a tag or entity changed, a new date — returns None and
the caller collects the site afresh. A changed title may change the article's URL (its slug); that is
still patched, provided the new URL is free.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from ..model import ArticleMeta
from ..site import EntityKey, Site, UrlScheme, collection_key, entity_key, order_key, refresh_entity
from ..slug import slugify


@dataclass(frozen=True, slots=True)
class Patch:
    """The last site with edited articles swapped in."""

    site: Site
    changed: tuple[int, ...]
    """Indices of the edited, published articles."""
    moved: dict[str, str]
    """Old output file → new output file of article pages whose URL changed."""
    entities: tuple[EntityKey, ...] = ()
    """Entities whose mention counts or aliases changed: their pages are built again."""
    speakers: tuple[str, ...] = ()
    """Slugs of speakers whose quotes' words or cues changed: their pages are built again."""


def plan_patch(
    site: Site, before: Mapping[str, ArticleMeta | None], articles: Sequence[ArticleMeta], files: Collection[str]
) -> Patch | None:
    """A :class:`Patch` turning ``site`` (built from ``before``, path → article) into the site of
    ``articles``, or None when the edits change any collection. ``files`` are the output files of
    ``site``'s pages, to keep a moved article page from landing on another page."""
    now = {a.source.path: a for a in articles}
    if now.keys() != {rel for rel, a in before.items() if a is not None}:
        return None
    edited = [a for rel, a in now.items() if before[rel] is not a]
    if not edited:
        return Patch(site, (), {})
    index = {a.source.path: i for i, a in enumerate(site.articles)}
    swapped = list(site.articles)
    changed: list[int] = []
    for a in edited:
        old = before[a.source.path]
        if old is None or collection_key(old) != collection_key(a):
            return None
        i = index.get(a.source.path)
        if i is not None:  # unpublished (draft, future) articles show nowhere
            swapped[i] = a
            changed.append(i)
    for i in changed:
        # A new title may move the article among others of its day; then every list changes.
        key = order_key(swapped[i])
        if (i > 0 and not order_key(swapped[i - 1]) < key) or (
            i + 1 < len(swapped) and not key < order_key(swapped[i + 1])
        ):
            return None
    paths = list(site.article_paths)
    moved: dict[str, str] = {}
    for i in changed:
        path = site.urls.article_path(swapped[i].date, swapped[i].slug)
        if path == paths[i]:
            continue
        taken = {p.casefold() for n, p in enumerate(paths) if n != i}
        new_file = UrlScheme.file_for(path)
        if path.casefold() in taken or new_file in files:
            return None  # a collision: the full build reports it
        moved[UrlScheme.file_for(paths[i])] = new_file
        paths[i] = path
    entity_keys, speakers = _details(site.articles, swapped, changed)
    entities = site.entities
    if entity_keys:
        entities = dict(entities)
        for ek in entity_keys:
            if ek in entities:
                entities[ek] = refresh_entity(tuple(swapped), entities[ek])
    new = dataclasses.replace(site, articles=tuple(swapped), article_paths=tuple(paths), entities=entities)
    return Patch(new, tuple(changed), moved, entity_keys, speakers)


def _details(
    before: tuple[ArticleMeta, ...], after: list[ArticleMeta], changed: list[int]
) -> tuple[tuple[EntityKey, ...], tuple[str, ...]]:
    """Entities whose mention counts or aliases, and speakers (slugs) whose quotes' words or cues, differ
    between ``before`` and ``after`` at the ``changed`` indices (whose collection keys are equal)."""
    entity_keys: dict[EntityKey, None] = {}
    speakers: dict[str, None] = {}
    for i in changed:
        for e_old, e_new in zip(before[i].entities, after[i].entities, strict=True):
            if (e_old.mentions, e_old.aliases) != (e_new.mentions, e_new.aliases):
                ek = entity_key(e_new.kind, e_new.name)
                if ek is not None:
                    entity_keys[ek] = None
        for q_old, q_new in zip(before[i].quotes, after[i].quotes, strict=True):
            slug = slugify(q_new.speaker) if q_new.speaker else ""
            if (q_old.text, q_old.cue) != (q_new.text, q_new.cue) and slug:
                speakers[slug] = None
    return tuple(entity_keys), tuple(speakers)
