"""Stage 5: the build — load every article, collect the site, render every page, write atomically.

``build()`` reads top to bottom as the stages it runs, and records each stage's time:

1. load      content files → articles (errors collected, not raised one by one)   ``engine.SiteBuilder.load``
2. collect   articles → Site (order, tags, periods, entities; URL collisions)    ``engine.SiteBuilder.collect``
3. render    Site → pages, feeds, sitemaps, static assets                         ``engine.SiteBuilder.render``
4. write     a staging folder, indexed for search, swapped in only on success     ``writer.StagingWriter``
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..config import SiteConfig
from ..errors import DatelineError
from ..model import Diagnostic, Level
from .engine import RenderResult, SiteBuilder, render_page, render_settings, source_date
from .search import build_search_index
from .writer import StagingWriter, check_output_location, remove_stale_staging


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


class BuildFailed(DatelineError):
    """The build found errors; the existing output was left untouched."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        errors = [d for d in diagnostics if d.level is Level.ERROR]
        super().__init__(f"build failed with {len(errors)} error(s); the existing output was not changed")
        self.diagnostics = diagnostics


def write_output(config: SiteConfig, files: dict[str, bytes], force: bool = False) -> int:
    """Write ``files`` into a staging folder, index it for search, and swap it in for the output."""
    writer = StagingWriter(config.output_path)
    try:
        for rel in sorted(files):
            writer.write(rel, files[rel], owner=rel)
        if config.search:
            build_search_index(writer.staging)
        writer.commit(keep_foreign=force)
    except BaseException:
        writer.abort()
        raise
    return writer.files


def build(
    config: SiteConfig, *, drafts: bool = False, keep_going: bool = False, future: bool = False, force: bool = False
) -> BuildReport:
    """Build the site described by ``config`` into its output folder.

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
    builder = SiteBuilder(config, drafts=drafts, keep_going=keep_going, future=future)
    # 1. load
    articles, diagnostics, _ = builder.load()
    diagnostics += builder.future_notes(articles)
    if any(d.level is Level.ERROR for d in diagnostics) and not keep_going:
        raise BuildFailed(tuple(diagnostics))
    lap("load")
    # 2. collect
    site = builder.collect(articles)
    lap("collect")
    # 3. render
    files, pages, _ = builder.render(site)
    lap("render")
    # 4. write
    written = write_output(config, files, force=force)
    lap("write")
    return BuildReport(
        articles=len(site.articles),
        pages=pages,
        files=written,
        seconds=time.perf_counter() - start,
        diagnostics=tuple(diagnostics),
        timings=tuple(timings),
        drafts_skipped=len(articles) - len(site.articles),
    )


__all__ = [
    "BuildFailed",
    "BuildReport",
    "RenderResult",
    "SiteBuilder",
    "build",
    "render_page",
    "render_settings",
    "source_date",
    "write_output",
]
