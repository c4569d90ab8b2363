"""Stage 5: the build — load every article, collect the site, render every page, write atomically.

``build()`` reads top to bottom as the stages it runs, and records each stage's time:

1. load      content files → compact article records, through the cache          ``loading.load_articles``
2. collect   records → Site (order, tags, periods, entities; URL collisions)     ``engine.SiteBuilder.collect``
3. render    Site → pages, feeds, sitemaps, static assets, each written into a   ``stream.write_site``
             staging folder as it is made (bodies are read from the cache then)
4. write     the staging folder, indexed for search, swapped in only on success ``writer.StagingWriter``

``serve`` and ``publish`` build in memory instead, with :class:`~dateline.build.engine.SiteBuilder`.

Before those, a rebuild stamps its inputs (``stamp.py``) and stops when nothing changed, or takes the
quick rebuild (``quick.py``) when only some articles' words did. Those paths must start fast, so the
modules only a full build needs are imported inside :func:`build` when it gets there.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import SiteConfig
from ..errors import DatelineError
from ..model import Diagnostic, Level
from .cache import CACHE_DIR, BuildCache, LastRun
from .parallel import Progress
from .stamp import Stamp, build_today, extractor_fingerprint, input_stamp
from .writer import check_output_location, output_identity, remove_stale_staging

if TYPE_CHECKING:
    from ..site import Site
    from .stream import Outcome
    from .trees import Trees


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
    bundle: int = 0
    """Of ``files``, how many are the search index's."""


class BuildFailed(DatelineError):
    """The build found errors; the existing output was left untouched."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        errors = [d for d in diagnostics if d.level is Level.ERROR]
        super().__init__(f"build failed with {len(errors)} error(s); the existing output was not changed")
        self.diagnostics = diagnostics


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

    ``jobs`` worker processes extract changed files and render pages (0: one per core). With
    ``use_cache`` the persistent cache beside the output lets a rebuild skip unchanged files and pages;
    the result is the same bytes. Without it a private cache is used for this build alone (bodies wait
    there for their pages) and removed after. Raises :class:`BuildFailed` (with every diagnostic) when
    any file has an error, unless ``keep_going`` is set, in which case the good articles are built and
    the bad ones listed. Raises :class:`~dateline.errors.OutputError` or
    :class:`~dateline.errors.TemplateError` for site-wide problems. The existing output is untouched by
    any failure.
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
    jobs = jobs or os.cpu_count() or 1
    key = f"{config.timezone}/{config.max_file_bytes}/{extractor_fingerprint()}"
    private = None if use_cache else Path(tempfile.mkdtemp(prefix="dateline-build-"))
    cache = BuildCache(private or config.output_path.parent / CACHE_DIR, key)
    notes: list[Diagnostic] = []
    if cache.warning:
        notes.append(Diagnostic(str(cache.path), 0, Level.WARNING, cache.warning, code="cache"))
    try:
        stamp: Stamp | None = None
        if use_cache:
            options = f"drafts={drafts} future={future} keep_going={keep_going}"
            stamp = input_stamp(config, options, build_today(config).isoformat(), time.time_ns())
            previous = cache.last_run()
            if previous is not None and not force:
                done: BuildReport = pickle.loads(previous.report)  # only ever our own cache file
                if previous.stamp == stamp.whole and previous.output == output_identity(config.output_path):
                    # Nothing the output depends on changed and the output is the one the last build wrote.
                    lap("check")
                    return dataclasses.replace(
                        done, seconds=time.perf_counter() - start, timings=tuple(timings), up_to_date=True
                    )
                from .quick import quick_build

                quick = quick_build(config, cache, stamp, previous, force)
                if quick is not None:
                    lap("quick")
                    report = dataclasses.replace(
                        done, files=done.files - done.bundle + quick.bundle, bundle=quick.bundle
                    )
                    run = _run(stamp, quick.output, report)
                    cache.save_switch(quick.output, quick.spare, quick.written, quick.carried, run, quick.details)
                    return dataclasses.replace(report, seconds=time.perf_counter() - start, timings=tuple(timings))
        from .cache import Details
        from .engine import SiteBuilder
        from .loading import load_articles

        builder = SiteBuilder(config, drafts=drafts, keep_going=keep_going, future=future, jobs=jobs)
        # 1. load
        loaded = load_articles(config, cache, jobs, progress)
        diagnostics = notes + loaded.diagnostics + builder.future_notes(loaded.articles)
        if any(d.level is Level.ERROR for d in diagnostics) and not keep_going:
            raise BuildFailed(tuple(diagnostics))
        lap("load")
        # 2. collect
        site = builder.collect(loaded.articles)
        lap("collect")
        # 3. render, writing each page as it is made, and 4. switch the new tree in
        outcome, bundle, trees = _write(site, config, cache, use_cache, jobs, progress, force, lap)
        lap("write")
        report = BuildReport(
            articles=len(site.articles),
            pages=outcome.pages,
            files=len(outcome.prints) + bundle,
            seconds=0.0,
            diagnostics=tuple(diagnostics),
            drafts_skipped=len(loaded.articles) - len(site.articles),
            bundle=bundle,
        )
        if stamp is not None:
            stored = cache.feed_prints()
            feeds = {
                r.rel: (outcome.prints[r.rel], r) for r in outcome.recipes if stored.get(r.rel) != outcome.prints[r.rel]
            }
            details = Details(outcome.bases, outcome.shells, feeds, {r.rel for r in outcome.recipes})
            cache.save_trees(*trees, _run(stamp, trees[0][0], report), details)
    finally:
        cache.close()
        if private is not None:
            shutil.rmtree(private, ignore_errors=True)
    return dataclasses.replace(report, seconds=time.perf_counter() - start, timings=tuple(timings))


def _run(stamp: Stamp, output: str, report: BuildReport) -> LastRun:
    """What the cache records of a successful build that wrote the output of identity ``output``. A stamp
    with racily new inputs is not saved (the next build then checks every file), but its environment is:
    that is what a quick rebuild needs."""
    whole, folders = (stamp.whole, stamp.folders) if stamp.trusted else ("", {})
    return LastRun(whole, stamp.env, output, pickle.dumps(report, protocol=5), folders)


def _write(
    site: Site,
    config: SiteConfig,
    cache: BuildCache,
    use_cache: bool,
    jobs: int,
    progress: Progress | None,
    force: bool,
    lap: Callable[[str], None],
) -> tuple[Outcome, int, Trees]:
    """Render and write every file of ``site`` into a tree and switch it in: the spare tree (the build
    before last) brought up to date when the cache vouches for it, else a new staging folder. Returns what
    was written, the search bundle's file count, and the output and spare trees as the cache records them."""
    from .cache import TEMPLATES_DIR, BodyReader
    from .search import index_search, search_bundle
    from .stream import write_site
    from .trees import open_tree, spare_after

    output = config.output_path
    old_id = output_identity(output)
    old = cache.pages(old_id) if use_cache else {}
    writer, spare_dir = open_tree(output, cache if use_cache else None, old)
    try:
        shells = cache.shell_prints() if use_cache else {}
        outcome = write_site(
            site, config, writer, BodyReader(cache.path), jobs, progress, shells, cache.folder / TEMPLATES_DIR
        )
        lap("render")
        writer.drop_others(set(outcome.prints))
        if outcome.prints == old:
            writer.settle()  # nothing changed: the output stays, and a spare now equals it
            bundle = len(search_bundle(output)) if config.search else 0
            return outcome, bundle, ((old_id, old), (writer.identity, outcome.prints) if writer.identity else None)
        changed = {rel for rel, printed in outcome.prints.items() if old.get(rel) != printed} | (
            old.keys() - outcome.prints.keys()
        )
        pages_changed = any(rel.endswith(".html") for rel in changed)
        bundle = index_search(writer, output, pages_changed) if config.search else 0
        writer.commit(keep_foreign=force)
    except BaseException:
        writer.abort()
        raise
    return outcome, bundle, ((writer.identity, outcome.prints), spare_after(spare_dir, (old_id, old)))


__all__ = ["BuildFailed", "BuildReport", "build"]
