"""The quick rebuild: a few articles' words changed and nothing else, so only their pages and feeds change.

Most edits to a published archive fix words: a typo, a sentence, a correction. When the edited file's
new record equals its old one in everything but the body (same title, date, tags, entities, quotes,
summary and diagnostics), every collection, list, card, index and sitemap of the site is as it was;
what shows the body is the article's own page, the feeds that carry it and the search index. A full
build would find exactly that after collecting the site and fingerprinting every page (seconds at
10,000 articles); this module goes there directly from what the last full build left in the cache:

1. The build's environment (code, configuration, options, date, theme) is the last build's, the output
   is the tree it wrote, the content files are the same set, and at most :data:`QUICK_MAX` changed.
2. Each changed file is extracted; its record must equal the cached one but for the source digest.
3. Its article page is rendered again from the stored shell (the page's context without its body, see
   :func:`~dateline.build.stream.shell_blob`) with the new body; each feed listing it, from its stored
   recipe. Each gets the fingerprint a full build would give it, so later builds agree with this one.
4. The spare tree is brought up to date as in a full build and swapped in.

Whenever a condition fails, :func:`quick_build` returns None before touching the output, and the caller
runs the full build; the result is byte-identical either way (tested).
"""

from __future__ import annotations

import dataclasses
import pickle
import zlib
from dataclasses import dataclass

from ..config import SiteConfig
from ..model import ArticleMeta
from ..render import Theme, make_environment
from ..render.context import with_body
from ..render.feeds import FeedItem
from ..render.files import FeedRecipe
from .articles import extract_row
from .cache import TEMPLATES_DIR, BodyReader, BuildCache, Details, LastRun, Row, loads
from .parallel import fingerprint
from .rendering import render_page
from .search import index_search
from .stamp import Stamp
from .trees import Tree, Trees, open_tree, spare_after
from .writer import output_identity

QUICK_MAX = 32
"""More changed files than this take the full build: past a few, collecting the site is the cheaper way."""


@dataclass(frozen=True, slots=True)
class Quick:
    """What a quick rebuild did."""

    trees: Trees
    details: Details
    bundle: int
    """Files in the search bundle."""


def quick_build(config: SiteConfig, cache: BuildCache, stamp: Stamp, previous: LastRun, force: bool) -> Quick | None:
    """Rebuild after edits that change only article bodies, or None when the edits need a full build."""
    output = config.output_path
    old_id = output_identity(output)
    if previous.env != stamp.env or previous.output != old_id or not stamp.links_ok:
        return None
    known = cache.files()
    if known.keys() != stamp.files.keys():
        return None  # a file added or removed moves lists, neighbours and counts
    changed = [rel for rel, st in stamp.files.items() if known[rel][:2] != st]
    if not changed or len(changed) > QUICK_MAX:
        return None
    old = cache.pages(old_id)
    bases = cache.bases()
    if not old or bases is None:
        return None
    before = {rel: cache.record(rel) for rel in changed}
    rows: list[Row] = []
    for rel in changed:
        row = extract_row(config.content_path / rel, rel, config.max_file_bytes, config.timezone, known[rel][2])
        if row is None:
            return None  # vanished since it was listed
        rows.append(row)
    cache.put(rows)  # each extraction is a fact about the file's bytes, whatever this build does next
    edits = _body_edits(rows, before)
    if edits is None:
        return None
    page_base, feed_base, view = bases
    bodies = BodyReader(cache.path)
    files: dict[str, bytes] = {}
    prints = dict(old)
    shells: dict[str, tuple[str, str, bytes]] = {}
    env = make_environment(Theme.for_site(config.templates_path), cache.folder / TEMPLATES_DIR)
    for path in edits:
        shell = cache.shell(path)
        if shell is None or old.get(shell[0]) != shell[1]:
            return None  # unpublished (draft, future), or the stored shell is not the page in the output
        rel, _, blob = shell
        page = with_body(pickle.loads(zlib.decompress(blob)), bodies(path))  # only ever our own cache
        prints[rel] = fingerprint(page_base, page)
        files[rel] = render_page(env, page, view)
        shells[path] = (rel, prints[rel], blob)
    feeds: dict[str, tuple[str, FeedRecipe]] = {}
    for rel, printed, recipe in cache.feeds_of(list(edits)):
        if old.get(rel) != printed:
            return None  # the stored recipe is not the feed in the output
        recipe = _redigested(recipe, edits)
        items = [FeedItem(url, edits.get(path) or _meta(cache, path), bodies(path)) for url, path, _ in recipe.entries]
        files[rel] = recipe.make(items)
        prints[rel] = fingerprint(feed_base, recipe.key)
        feeds[rel] = (prints[rel], recipe)
    written = _switch(config, cache, (old_id, old), prints, files, force)
    if written is None:
        return None
    trees, bundle = written
    return Quick(trees, Details(bases, shells, feeds), bundle)


def _body_edits(rows: list[Row], before: dict[str, bytes | None]) -> dict[str, ArticleMeta] | None:
    """Source path → new record of each file whose body alone changed, or None when any other part of a
    record (or its diagnostics) changed."""
    edits: dict[str, ArticleMeta] = {}
    for row in rows:
        if row.record is None:
            continue  # the bytes are the same; only the file's time moved
        old_blob = before[row.path]
        if old_blob is None:
            return None
        new, new_diags = loads(row.record)
        was, was_diags = loads(old_blob)
        if new is None or was is None or new_diags != was_diags:
            return None
        if dataclasses.replace(new, source=was.source) != was:
            return None
        edits[row.path] = new
    return edits


def _meta(cache: BuildCache, path: str) -> ArticleMeta:
    blob = cache.record(path)
    meta: ArticleMeta | None = loads(blob)[0] if blob is not None else None
    if meta is None:
        raise LookupError(f"no cached record for {path}")  # the cache lost a row the recipes name
    return meta


def _redigested(recipe: FeedRecipe, edits: dict[str, ArticleMeta]) -> FeedRecipe:
    entries = tuple(
        (url, path, edits[path].source.digest if path in edits else digest) for url, path, digest in recipe.entries
    )
    return dataclasses.replace(recipe, entries=entries)


def _switch(
    config: SiteConfig,
    cache: BuildCache,
    old: Tree,
    prints: dict[str, str],
    files: dict[str, bytes],
    force: bool,
) -> tuple[Trees, int] | None:
    """Bring the spare tree (or a new staging folder) to ``prints``, writing ``files`` and keeping the rest,
    and swap it in place of the output (whose tree is ``old``). Returns the trees the cache records and the
    search bundle's size; None (nothing changed) when a file the output should hold is missing."""
    output = config.output_path
    writer, spare_dir = open_tree(output, cache, old[1])
    try:
        for rel, printed in prints.items():
            data = files.get(rel)
            if data is not None:
                writer.write(rel, data, owner=rel)
            elif not writer.reuse(rel, printed):
                writer.abort()
                return None  # removed from the output by hand: the full build writes it again
        writer.drop_others(set(prints))
        bundle = index_search(writer, output, True) if config.search else 0
        writer.commit(keep_foreign=force)
    except BaseException:
        writer.abort()
        raise
    return ((writer.identity, prints), spare_after(spare_dir, old)), bundle
