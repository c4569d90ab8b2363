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
import os
import pickle
import zlib
from dataclasses import dataclass

from ..config import SiteConfig
from ..model import ArticleMeta
from ..render.env import Theme, make_environment
from ..render.feeds import FeedItem, FeedRecipe
from ..render.views import with_body
from .articles import extract_row
from .cache import TEMPLATES_DIR, BodyReader, BuildCache, Details, LastRun, Row, TreeState, loads
from .parallel import fingerprint
from .rendering import render_page
from .search import index_search
from .stamp import Stamp
from .trees import kept_as_spare, open_spare, open_tree, spare_folder
from .writer import output_identity

QUICK_MAX = 32
"""More changed files than this take the full build: past a few, collecting the site is the cheaper way."""


@dataclass(frozen=True, slots=True)
class Quick:
    """What a quick rebuild did, for the cache to record (see :meth:`BuildCache.save_switch`)."""

    output: str
    """Identity of the new output tree."""
    spare: str | None
    """Identity of the new spare tree (the previous output), None when it is not usable."""
    written: dict[str, str]
    """Files written → their fingerprints."""
    carried: set[str] | None
    """Files brought over from the previous output into the spare tree (None: every file)."""
    details: Details
    bundle: int
    """Files in the search bundle."""


def quick_build(config: SiteConfig, cache: BuildCache, stamp: Stamp, previous: LastRun, force: bool) -> Quick | None:
    """Rebuild after edits that change only article bodies, or None when the edits need a full build."""
    output = config.output_path
    old_id = output_identity(output)
    if previous.env != stamp.env or previous.output != old_id or not stamp.links_ok:
        return None
    state = cache.tree_state()
    if state is None or state.output != old_id:
        return None
    changed = _changed_files(cache, stamp, previous)
    if not changed or len(changed) > QUICK_MAX or cache.pending():
        return None  # nothing changed, too much, or an extraction that no output shows yet
    bases = cache.bases()
    if bases is None:
        return None
    before = {rel: cache.record(rel) for rel in changed}
    rows: list[Row] = []
    for rel, digest in changed.items():
        row = extract_row(config.content_path / rel, rel, config.max_file_bytes, config.timezone, digest)
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
    written: dict[str, str] = {}
    expected: dict[str, str] = {}
    shells: dict[str, tuple[str, str, bytes]] = {}
    env = make_environment(Theme.for_site(config.templates_path), cache.folder / TEMPLATES_DIR)
    for path in edits:
        shell = cache.shell(path)
        if shell is None:
            return None  # unpublished (draft, future)
        rel, expected[rel], blob = shell  # the fingerprint it had: checked against the output below
        page = with_body(pickle.loads(zlib.decompress(blob)), bodies(path))  # only ever our own cache
        written[rel] = fingerprint(page_base, page)
        files[rel] = render_page(env, page, view)
        shells[path] = (rel, written[rel], blob)
    feeds: dict[str, tuple[str, FeedRecipe]] = {}
    for rel, printed, stored in cache.feeds_of(list(edits)):
        expected[rel] = printed
        recipe = _redigested(stored, edits)
        items = [FeedItem(url, edits.get(path) or _meta(cache, path), bodies(path)) for url, path, _ in recipe.entries]
        files[rel] = recipe.make(items)
        written[rel] = fingerprint(feed_base, recipe.key)
        feeds[rel] = (written[rel], recipe)
    known = cache.prints_of(expected.keys())
    if any(known.get(rel, (None, None))[0] != printed for rel, printed in expected.items()):
        return None  # a stored shell or recipe is not the file in the output
    switched = _switch(config, cache, state, files, force)
    if switched is None:
        return None
    identity, spare, carried, bundle = switched
    return Quick(identity, spare, written, carried, Details(bases, shells, feeds), bundle)


def _changed_files(cache: BuildCache, stamp: Stamp, previous: LastRun) -> dict[str, str] | None:
    """Content file → cached digest of each file whose size or time differs from the cache, or None when
    files were added or removed. Only the folders whose stamp differs from the last build's are looked at."""
    if previous.folders:
        if previous.folders.keys() != stamp.folders.keys():
            return None  # a folder of content came or went
        folders = [folder for folder, digest in stamp.folders.items() if previous.folders[folder] != digest]
    else:
        folders = list(stamp.files)  # the last stamp was not trusted: look at every folder
    known = cache.files_in(folders)
    changed: dict[str, str] = {}
    count = 0
    for folder in folders:
        for rel, st in stamp.files[folder].items():
            count += 1
            cached = known.get(rel)
            if cached is None:
                return None  # a new file
            if cached[:2] != st:
                changed[rel] = cached[2]
    return changed if count == len(known) else None  # else a file was removed


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
    config: SiteConfig, cache: BuildCache, state: TreeState, files: dict[str, bytes], force: bool
) -> tuple[str, str | None, set[str] | None, int] | None:
    """Make the next tree, the previous output with ``files`` written, and swap it in.

    When the spare tree is the one the cache knows, only the files in which it differs from the output
    (the delta) are brought over and ``files`` written into it; otherwise a new staging folder gets every
    file. Returns the new output's identity, the new spare's (the previous output), the files carried over
    (None: all) and the search bundle's size; None (nothing changed) when a file the output should hold
    is missing, so the full build must write it.
    """
    output = config.output_path
    spare_dir = spare_folder(cache)
    carried: set[str] | None = None
    if kept_as_spare(spare_dir, state.spare):
        carried = set(state.delta) - files.keys()
        in_output = cache.prints_of(carried)
        writer = open_spare(output, spare_dir, {}, {})  # only the delta is touched: no fingerprint is looked up
        gone = sorted(rel for rel in carried if in_output.get(rel, (None, None))[0] is None)
        kept = sorted(carried.difference(gone))
    else:
        old = cache.pages(state.output)
        writer, _ = open_tree(output, cache, old)  # no usable spare: a new staging folder
        gone, kept = [], sorted(old.keys() - files.keys())
    try:
        for rel in gone:
            writer.remove(rel)
        for rel in kept:
            if not os.path.isfile(output / rel):
                writer.abort()
                return None  # removed from the output by hand: the full build writes it again
            writer.keep(rel)
        for rel, data in files.items():
            writer.write(rel, data, owner=rel)
        bundle = index_search(writer, output, True) if config.search else 0
        writer.commit(keep_foreign=force)
    except BaseException:
        writer.abort()
        raise
    spare = state.output if kept_as_spare(spare_dir, state.output) else None
    return writer.identity, spare, carried, bundle
