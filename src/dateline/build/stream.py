"""Render every page and feed of a command-line build and write each one straight into the staging folder.

The parent holds the site (compact records) and the list of page makers and feed specs. Workers,
forked once the site is collected, take runs of them in order: each makes a run's page contexts,
fingerprints them, and either keeps the output's current file (its recorded fingerprint matches) or
renders and writes the page, then lets the run go. Only (file, page path, fingerprint) comes back to the
parent, so neither every page's context nor the site's bytes are ever held at once: memory stays with
the compact records however large the archive.

A page that fails to render is reported back as failed, and the parent renders it again in its own
process to raise the same :class:`~dateline.errors.TemplateError` it would have raised alone.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing
import os
import pickle
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import jinja2

from .. import __version__
from ..config import SiteConfig
from ..errors import CollisionError, DatelineError
from ..pickling import fast_pickle
from ..render.context import Bodies, PageMaker, page_makers, site_view
from ..render.env import Theme, make_environment, theme_fingerprint
from ..render.feeds import FeedRecipe
from ..render.files import FeedSpec, feed_specs, sitemap_files
from ..render.views import ArticlePage, Page, SiteView, with_body
from ..site import Site, UrlScheme
from . import parallel
from .parallel import CHUNKS_PER_JOB, Progress, fingerprint, follow_parent
from .rendering import render_page, render_settings, static_files
from .stamp import code_fingerprint


class Sink(Protocol):
    """Where a build's files go: a staging folder that becomes the output."""

    def reuse(self, rel: str, printed: str) -> bool:
        """Place the file ``rel`` already built with fingerprint ``printed``, if one is at hand; False
        when it must be rendered."""

    def write(self, rel: str, data: bytes, owner: str = "") -> None:
        """Write ``data`` as the file ``rel``."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class Written:
    """One output file of the build."""

    rel: str
    path: str | None
    """The page's path (``2009/10/slug/``) for the sitemap; None for a feed."""
    fingerprint: str
    rendered: bool
    """False when a file already built was reused."""
    failed: int = -1
    """When the page did not render: the index of its maker, so the parent can render it again and raise
    the error; otherwise -1."""
    shell: tuple[str, bytes] | None = None
    """For an article page the cache holds no shell of yet: (source path, :func:`shell_blob` of the page)."""


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a run of pages and feeds needs; workers inherit it through ``fork``."""

    makers: list[PageMaker]
    feeds: list[FeedSpec]
    env: jinja2.Environment
    view: SiteView
    page_base: bytes
    """Digest of what every page depends on (site view, theme, version)."""
    feed_base: bytes
    """Digest of what every feed depends on (the same, and dateline's own code)."""
    sink: Sink
    articles: int = 0
    """The first ``articles`` makers make article pages (one each)."""
    shells: Mapping[str, str] = field(default_factory=dict)
    """Source path → fingerprint of the article page whose shell the cache holds."""


def shell_blob(page: Page) -> bytes:
    """An article page without its body, compressed: what the cache keeps so that an edit to the body
    alone re-renders that page without collecting the site (see ``quick.py``)."""
    return zlib.compress(pickle.dumps(with_body(page, ""), protocol=5), 1)


_JOB: Job | None = None
"""The job of the current fork: set in the parent just before the pool starts, read by the workers."""


def _run(bounds: tuple[int, int], job: Job | None = None) -> list[Written]:
    """Make, fingerprint and render or keep units ``bounds`` of the job (makers first, then feeds)."""
    job = job or _JOB
    assert job is not None, "workers are forked after the job is set"
    out: list[Written] = []
    pages = len(job.makers)
    for k in range(*bounds):
        if k >= pages:
            spec = job.feeds[k - pages]
            printed = fingerprint(job.feed_base, spec.key)
            if job.sink.reuse(spec.rel, printed):
                out.append(Written(spec.rel, None, printed, False))
            else:
                job.sink.write(spec.rel, spec.make(), owner=spec.rel)
                out.append(Written(spec.rel, None, printed, True))
            continue
        for page in job.makers[k]():
            rel = UrlScheme.file_for(page.path)
            printed = fingerprint(job.page_base, page)
            shell = None
            if k < job.articles and isinstance(page.context, ArticlePage):
                source = page.context.source
                if job.shells.get(source) != printed:
                    shell = (source, shell_blob(page))
            if job.sink.reuse(rel, printed):
                out.append(Written(rel, page.path, printed, False, shell=shell))
                continue
            try:
                data = render_page(job.env, page, job.view)
            except (DatelineError, RecursionError):
                out.append(Written(rel, page.path, printed, True, failed=k))
                continue
            job.sink.write(rel, data, owner=rel)
            out.append(Written(rel, page.path, printed, True, shell=shell))
    return out


def write_all(job: Job, jobs: int, progress: Progress | None = None) -> list[Written]:
    """Every page and feed of ``job`` made, fingerprinted and written or kept, in order, on ``jobs``
    processes. Raises what rendering alone would raise, and :class:`CollisionError` when two pages
    would write one file."""
    global _JOB
    units = len(job.makers) + len(job.feeds)
    results: list[Written] = []
    if jobs <= 1 or units < parallel.PARALLEL_MIN_PAGES:
        step = parallel.PROGRESS_EVERY
        for start in range(0, units, step):
            results += _run((start, min(start + step, units)), job)
            if progress is not None:
                progress("rendering", min(start + step, units), units)
    else:
        for name in job.env.list_templates(filter_func=lambda n: n.endswith(".html")):
            # Compile once here, not once per worker; errors are reported with file and line per page.
            with contextlib.suppress(jinja2.TemplateError):
                job.env.get_template(name)
        size = max(32, -(-units // (jobs * CHUNKS_PER_JOB)))
        bounds = [(i, min(i + size, units)) for i in range(0, units, size)]
        _JOB = job
        # Objects that exist before the fork are never freed by the workers: keep the collector off them,
        # or its passes would touch (and so copy) every page of the parent's memory in each worker.
        gc.freeze()
        try:
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(jobs, initializer=follow_parent, initargs=(os.getpid(),)) as pool:
                for done, run in enumerate(pool.imap(_run, bounds), start=1):
                    results.extend(run)
                    if progress is not None:
                        progress("rendering", min(done * size, units), units)
        finally:
            _JOB = None
            gc.unfreeze()
    seen: set[str] = set()
    for w in results:
        key = w.rel.casefold()  # case-insensitive file systems would merge these
        if key in seen:
            raise CollisionError(f"two pages write {w.rel}", w.rel)
        seen.add(key)
    for w in results:
        if w.failed >= 0:
            for page in job.makers[w.failed]():
                if UrlScheme.file_for(page.path) == w.rel:
                    render_page(job.env, page, job.view)  # raises the worker's error here, with file and line
    return results


@dataclass(frozen=True, slots=True)
class Outcome:
    """What :func:`write_site` wrote."""

    prints: dict[str, str]
    """Every output file (pages, feeds, sitemaps, static files) → the fingerprint of its inputs."""
    pages: int
    rendered: int
    """Files rendered or written afresh (the rest were already built)."""
    bases: tuple[bytes, bytes, SiteView | None] = (b"", b"", None)
    """What every page's and every feed's fingerprint starts from (see :class:`Job`), and the site view."""
    shells: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)
    """Source path → (output file, fingerprint, :func:`shell_blob`) of article pages whose shell is new."""
    recipes: tuple[FeedRecipe, ...] = ()
    """Every feed's recipe."""


def write_site(
    site: Site,
    config: SiteConfig,
    sink: Sink,
    bodies: Bodies,
    jobs: int,
    progress: Progress | None = None,
    shells: Mapping[str, str] | None = None,
    compiled: Path | None = None,
) -> Outcome:
    """Write every output file of ``site`` into ``sink``, which reuses each file already built with the
    fingerprint it would get now. ``shells`` (source path → fingerprint) names the article page shells
    already kept: the others come back in :attr:`Outcome.shells`. ``compiled`` is where compiled templates
    are kept between builds."""
    theme = Theme.for_site(config.templates_path)
    settings = render_settings(config)
    view = site_view(site, settings)
    base = hashlib.sha256(pickle.dumps((view, theme_fingerprint(theme), __version__), protocol=5)).digest()
    job = Job(
        makers=page_makers(site, settings, bodies),
        feeds=feed_specs(site, settings, config.feed_items, bodies),
        env=make_environment(theme, compiled),
        view=view,
        page_base=base,
        feed_base=base + code_fingerprint().encode(),
        sink=sink,
        articles=len(site.articles),
        shells=shells or {},
    )
    results = write_all(job, jobs, progress)
    prints = {w.rel: w.fingerprint for w in results}
    pages = [w.path for w in results if w.path is not None]
    rendered = sum(w.rendered for w in results)
    for rel, blob in sitemap_files(site, settings, pages) + static_files(theme):
        if rel in prints:
            raise CollisionError(f"two pages write {rel}", rel)
        prints[rel] = printed = hashlib.sha256(blob).hexdigest()
        if not sink.reuse(rel, printed):
            sink.write(rel, blob, owner=rel)
            rendered += 1
    new_shells = {w.shell[0]: (w.rel, w.fingerprint, w.shell[1]) for w in results if w.shell is not None}
    recipes = tuple(spec.recipe for spec in job.feeds)
    return Outcome(prints, len(pages), rendered, (job.page_base, job.feed_base, view), new_shells, recipes)
