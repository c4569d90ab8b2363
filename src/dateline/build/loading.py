"""The command-line build's load stage: every content file's compact record, through the cache.

Files whose size and time match the cache are not read at all; the rest are read and extracted (on
every core when there are many), and each extraction is committed to the cache at once, body and all.
What comes back is only the compact :class:`~dateline.model.ArticleMeta` of every article: bodies stay
in the cache until their page is rendered, so memory grows with the records, not with the text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..config import SiteConfig
from ..errors import ContentError
from ..load.discover import discover_relative
from ..model import ArticleMeta, Diagnostic
from .articles import PARALLEL_MIN_FILES, extract_row, extract_rows
from .cache import BuildCache, Row, loads
from .parallel import Progress, follow_parent

COMMIT_EVERY = 2000
"""Extractions stored per transaction: few enough commits to be cheap, and a killed build keeps most work."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the load stage found."""

    articles: list[ArticleMeta]
    """Every article that loaded, in content path order."""
    diagnostics: list[Diagnostic]
    extracted: int
    """How many files were read and extracted (the rest came from the cache)."""


def load_articles(config: SiteConfig, cache: BuildCache, jobs: int, progress: Progress | None = None) -> Loaded:
    """Every article's compact record, extracting only the files the cache does not hold as they are."""
    content = config.content_path
    if not content.is_dir():
        raise ContentError(f"content folder {content} does not exist", str(content))
    found, link_errors = discover_relative(content)
    known = cache.files()
    todo: list[tuple[str, str, str]] = []
    present: list[str] = []
    for rel, path in found:
        try:
            st = path.stat()
        except OSError:
            continue  # deleted between discovery and now
        present.append(rel)
        old = known.get(rel)
        if old is None or (old[0], old[1]) != (st.st_size, st.st_mtime_ns):
            todo.append((str(path), rel, old[2] if old is not None else ""))
    extracted, vanished = _extract(todo, config, cache, jobs, progress)
    wanted = set(present) - vanished
    cache.put((), sorted(known.keys() - wanted))
    records: dict[str, tuple[ArticleMeta | None, tuple[Diagnostic, ...]]] = {}
    for rel, blob in cache.records():
        if rel in wanted:
            records[rel] = loads(blob)
    diagnostics: list[Diagnostic] = [e.diagnostic() for e in link_errors]
    articles: list[ArticleMeta] = []
    for rel in present:
        if rel not in records:
            continue  # vanished while it was being read
        meta, diags = records[rel]
        diagnostics.extend(diags)
        if meta is not None:
            articles.append(meta)
    return Loaded(articles, diagnostics, extracted)


def _extract(
    todo: list[tuple[str, str, str]], config: SiteConfig, cache: BuildCache, jobs: int, progress: Progress | None
) -> tuple[int, set[str]]:
    """Extract ``todo`` (path, rel, cached digest) and store each row: how many were read, and the files
    that vanished before they could be."""
    args = (config.max_file_bytes, config.timezone)
    pending: list[Row] = []
    vanished: set[str] = set()
    done = 0

    def store(rows: list[tuple[str, Row | None]]) -> None:
        nonlocal done
        pending.extend(row for _, row in rows if row is not None)
        vanished.update(rel for rel, row in rows if row is None)
        done += len(rows)
        if len(pending) >= COMMIT_EVERY:
            cache.put(pending)
            pending.clear()
        if progress is not None:
            progress("extracting", done, len(todo))

    if jobs <= 1 or len(todo) < PARALLEL_MIN_FILES:
        for path, rel, digest in todo:
            store([(rel, extract_row(Path(path), rel, *args, digest))])
    else:
        from concurrent.futures import ProcessPoolExecutor

        size = max(16, len(todo) // (jobs * 8))
        batches = [todo[i : i + size] for i in range(0, len(todo), size)]
        with ProcessPoolExecutor(max_workers=jobs, initializer=follow_parent, initargs=(os.getpid(),)) as pool:
            for rows in pool.map(extract_rows, batches, *[[a] * len(batches) for a in args]):
                store(rows)
    cache.put(pending)
    return done - len(vanished), vanished
