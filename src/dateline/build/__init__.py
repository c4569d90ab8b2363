"""Stage 5: the build — load every article, collect the site, render every page, write atomically.

``build()`` reads top to bottom as the stages it runs, and records each stage's time:

1. load      content files → articles (errors collected, not raised one by one)   ``engine.SiteBuilder.load``
2. collect   articles → Site (order, tags, periods, entities; URL collisions)    ``engine.SiteBuilder.collect``
3. render    Site → pages, feeds, sitemaps, static assets                         ``engine.SiteBuilder.render``
4. write     a staging folder, indexed for search, swapped in only on success     ``writer.StagingWriter``
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import time
from dataclasses import dataclass

from ..config import SiteConfig
from ..errors import DatelineError
from ..model import Diagnostic, Level
from .cache import CACHE_DIR, BuildCache, CachedFile
from .engine import Progress, RenderResult, SiteBuilder, source_date
from .rendering import render_page, render_settings
from .search import build_search_index
from .stamp import input_stamp, output_identity
from .writer import MARKER, StagingWriter, check_output_location, list_files, remove_stale_staging

SEARCH_BUNDLE = "pagefind/"
"""The search index folder Pagefind writes into the output."""


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did."""

    articles: int
    pages: int
    files: int
    seconds: float
    diagnostics: tuple[Diagnostic, ...]
    timings: tuple[tuple[str, float], ...] = ()
    drafts_skipped: int = 0
    up_to_date: bool = False
    """True when no input changed since the last build, so nothing was done (see ``stamp.py``)."""


class BuildFailed(DatelineError):
    """The build found errors; the existing output was left untouched."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        errors = [d for d in diagnostics if d.level is Level.ERROR]
        super().__init__(f"build failed with {len(errors)} error(s); the existing output was not changed")
        self.diagnostics = diagnostics


def write_incremental(config: SiteConfig, files: dict[str, bytes | None], force: bool = False) -> tuple[int, int]:
    """Make the output hold exactly ``files``; None means "the file already in the output is right".

    Returns (files in the new output, files actually written). When nothing changed — every value None
    and no file to remove — nothing is written at all. Otherwise a staging folder is filled (unchanged
    files hard-linked from the current output, the rest written), indexed for search, and swapped in.
    """
    output = config.output_path
    have_output = (output / MARKER).is_file()
    old_files = set(list_files(output)) if have_output else set()
    old_pages = {p for p in old_files if not p.startswith(SEARCH_BUNDLE) and p != MARKER}
    changed = [rel for rel, data in files.items() if data is not None]
    removed = sorted(old_pages - set(files))
    if have_output and not changed and not removed:
        return len(old_files) - 1, 0
    html_changed = any(rel.endswith(".html") for rel in changed) or bool(removed)
    # Even a one-file change builds a whole new tree (unchanged files hard-linked, not copied) and switches
    # it in atomically: a build killed at any moment leaves the previous output byte-identical.
    writer = StagingWriter(output)
    try:
        for rel in sorted(files):
            data = files[rel]
            if data is None:
                writer.link(rel, output / rel)
            else:
                writer.write(rel, data, owner=rel)
        if config.search and (html_changed or not any(p.startswith(SEARCH_BUNDLE) for p in old_files)):
            build_search_index(writer.staging)
        elif config.search:
            for rel in sorted(old_files):
                if rel.startswith(SEARCH_BUNDLE):
                    writer.link(rel, output / rel)
        writer.commit(keep_foreign=force)
    except BaseException:
        writer.abort()
        raise
    return writer.files, len(changed)


def build(
    config: SiteConfig,
    *,
    drafts: bool = False,
    keep_going: bool = False,
    future: bool = False,
    force: bool = False,
    jobs: int = 0,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the site described by ``config`` into its output folder.

    ``jobs`` worker processes extract changed files (0: one per core). With ``use_cache`` the persistent
    cache beside the output lets a rebuild skip unchanged files and pages; the result is the same bytes.
    Raises :class:`BuildFailed` (with every diagnostic) when any file has an error, unless ``keep_going``
    is set, in which case the good articles are built and the bad ones listed. Raises
    :class:`~dateline.errors.OutputError` or :class:`~dateline.errors.TemplateError` for site-wide
    problems. The existing output is untouched by any failure.
    """
    start = last = time.perf_counter()
    timings: list[tuple[str, float]] = []

    def lap(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        timings.append((name, now - last))
        last = now

    check_output_location(config.output_path, config.content_path, config.root, force=force)
    remove_stale_staging(config.output_path)
    builder = SiteBuilder(
        config, drafts=drafts, keep_going=keep_going, future=future, jobs=jobs or os.cpu_count() or 1, progress=progress
    )
    cache: BuildCache | None = None
    notes: list[Diagnostic] = []
    stamp: tuple[str, bool] | None = None
    if use_cache:
        cache = BuildCache(config.output_path.parent / CACHE_DIR, f"{config.timezone}/{config.max_file_bytes}")
        if cache.warning:
            notes.append(Diagnostic(str(cache.path), 0, Level.WARNING, cache.warning, code="cache"))
        options = f"drafts={drafts} future={future} keep_going={keep_going}"
        stamp = input_stamp(config, options, builder.today().isoformat(), time.time_ns())
        previous = cache.last_run()
        if (
            not force
            and previous is not None
            and previous[0] == stamp[0]
            and previous[1] == output_identity(config.output_path, MARKER)
        ):
            # Nothing the output depends on changed and the output is the one the last build wrote.
            cache.close()
            lap("check")
            done: BuildReport = pickle.loads(previous[2])  # only ever our own cache file
            return dataclasses.replace(
                done, seconds=time.perf_counter() - start, timings=tuple(timings), up_to_date=True
            )
        builder.preload({rel: (c.size, c.mtime_ns, c.digest, c.payload) for rel, c in cache.articles().items()})
    try:
        # 1. load
        articles, diagnostics, _ = builder.load()
        diagnostics += notes + builder.future_notes(articles)
        if any(d.level is Level.ERROR for d in diagnostics) and not keep_going:
            raise BuildFailed(tuple(diagnostics))
        lap("load")
        # 2. collect
        site = builder.collect(articles)
        lap("collect")
        # 3. render (pages whose inputs are unchanged since the last build are neither rendered nor written)
        old_pages = cache.pages() if cache else {}
        output = config.output_path
        trusted = cache is not None and (output / MARKER).is_file()

        def reuse(rel: str, fingerprint: str) -> bool:
            return trusted and old_pages.get(rel) == fingerprint and (output / rel).is_file()

        files, pages, _, prints = builder.render(site, reuse if cache else None)
        lap("render")
        # 4. write
        written, _ = write_incremental(config, files, force=force)
        lap("write")
        report = BuildReport(
            articles=len(site.articles),
            pages=pages,
            files=written,
            seconds=0.0,
            diagnostics=tuple(diagnostics),
            drafts_skipped=len(articles) - len(site.articles),
        )
        if cache is not None:
            run = None
            if stamp is not None and stamp[1]:
                run = (stamp[0], output_identity(config.output_path, MARKER), pickle.dumps(report, protocol=5))
            cache.save({rel: CachedFile(*record) for rel, record in builder.cached_records().items()}, prints, run)
    finally:
        if cache is not None:
            cache.close()
    return dataclasses.replace(report, seconds=time.perf_counter() - start, timings=tuple(timings))


__all__ = [
    "BuildFailed",
    "BuildReport",
    "RenderResult",
    "SiteBuilder",
    "build",
    "render_page",
    "render_settings",
    "source_date",
    "write_incremental",
]
