"""Plan an in-place update of the last built site when edits move nothing.

Most edits in a preview loop change an article's words, not where it is filed: its tags, entities,
quotes and date stay, and so does every collection of the site. :func:`plan_patch` recognises such
edits (same :func:`~dateline.site.collection_key`, same place in the archive order) and returns the
last site with the new article records swapped in, so only the pages that show them are rendered
again. Anything else — a file added or removed, a tag or entity changed, a new date — returns None and
the caller collects the site afresh. A changed title may change the article's URL (its slug); that is
still patched, provided the new URL is free.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass

from ..model import Article
from ..site import Site, UrlScheme, collection_key, order_key


@dataclass(frozen=True, slots=True)
class Patch:
    """The last site with edited articles swapped in."""

    site: Site
    changed: tuple[int, ...]
    """Indices of the edited, published articles."""
    moved: dict[str, str]
    """Old output file → new output file of article pages whose URL changed."""


def plan_patch(
    site: Site, before: dict[str, Article | None], articles: list[Article], files: Collection[str]
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
    new = dataclasses.replace(site, articles=tuple(swapped), article_paths=tuple(paths))
    return Patch(new, tuple(changed), moved)
