"""Render a build's pages on several processes.

Rendering is per page and shares nothing, so a ``dateline build`` with many pages forks ``jobs``
workers after the page contexts are built. The workers inherit the contexts, the Jinja environment and
the reuse test through ``fork`` (nothing is pickled on the way in), and each renders a run of pages and
sends back, per page, its input fingerprint and its bytes, or None when the file already in the output
is still right. Results come back in page order, so the output is the same bytes as rendering in one
process (tested).

A page that fails to render is reported back as failed, and the caller renders it again in its own
process to raise the same :class:`~dateline.errors.TemplateError` it would have raised alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import pickle
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass

import jinja2

from ..errors import CollisionError, DatelineError
from ..render.views import Page, SiteView
from ..site import UrlScheme

PARALLEL_MIN_PAGES = 2000
"""Fewer pages than this are rendered in-process: forking would cost more than it saves."""
CHUNKS_PER_JOB = 8
"""Runs of pages per worker: small enough to balance the load, large enough to amortise each hand-off."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """One page's result from a worker."""

    fingerprint: str
    data: bytes | None
    """The page's bytes; None when the output's file is still right (or when ``failed``)."""
    failed: bool = False


@dataclass(frozen=True, slots=True)
class _Job:
    pages: list[Page]
    env: jinja2.Environment
    view: SiteView
    base: bytes
    """Digest of everything every page depends on (site view, theme, version)."""
    reuse: Callable[[str, str], bool]


_JOB: _Job | None = None
"""The job of the current fork: set in the parent just before the pool starts, read by the workers."""


def fingerprint(base: bytes, inputs: object) -> str:
    """A digest of everything an output's bytes depend on: ``base`` (what every output shares) and its own
    ``inputs`` (a page, a feed's key)."""
    return hashlib.sha256(base + pickle.dumps(inputs, protocol=5)).hexdigest()


def follow_parent(parent: int) -> None:
    """Worker start-up: die with the build, so a killed build leaves no idle workers behind.

    Forked workers hold their task pipe's write end themselves, so they would never see it close.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)  # the build died before the line above took effect


def _render_run(bounds: tuple[int, int]) -> list[Rendered]:
    from .rendering import render_page

    job = _JOB
    assert job is not None, "workers are forked after the job is set"
    out: list[Rendered] = []
    for k in range(*bounds):
        page = job.pages[k]
        printed = fingerprint(job.base, page)
        if job.reuse(UrlScheme.file_for(page.path), printed):
            out.append(Rendered(printed, None))
            continue
        try:
            out.append(Rendered(printed, render_page(job.env, page, job.view)))
        except (DatelineError, RecursionError):
            out.append(Rendered(printed, None, failed=True))
    return out


def render_parallel(
    pages: list[Page],
    env: jinja2.Environment,
    view: SiteView,
    base: bytes,
    reuse: Callable[[str, str], bool],
    jobs: int,
    progress: Callable[[int], None] | None = None,
) -> list[Rendered]:
    """Each page's :class:`Rendered`, in page order, from ``jobs`` forked workers."""
    global _JOB
    for name in sorted({p.template for p in pages}):
        # Compile once here, not once per worker; errors are reported with file and line per page.
        with contextlib.suppress(jinja2.TemplateError):
            env.get_template(name)
    size = max(64, -(-len(pages) // (jobs * CHUNKS_PER_JOB)))
    bounds = [(i, min(i + size, len(pages))) for i in range(0, len(pages), size)]
    results: list[Rendered] = []
    _JOB = _Job(pages, env, view, base, reuse)
    try:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs, initializer=follow_parent, initargs=(os.getpid(),)) as pool:
            for run in pool.imap(_render_run, bounds):
                results.extend(run)
                if progress is not None:
                    progress(len(results))
    finally:
        _JOB = None
    return results


def render_all(
    pages: list[Page],
    env: jinja2.Environment,
    view: SiteView,
    base: bytes,
    reuse: Callable[[str, str], bool],
    jobs: int,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[dict[str, bytes | None], dict[str, str], int]:
    """Render ``pages`` on ``jobs`` processes: (output file → bytes or None when the file on disk is
    still right, output file → fingerprint, pages rendered). Raises what rendering alone would raise."""
    from .rendering import render_page

    rels = [UrlScheme.file_for(page.path) for page in pages]
    seen: set[str] = set()
    for rel in rels:  # collisions are reported before any work, as the serial loop would
        if rel in seen:
            raise CollisionError(f"two pages write {rel}", rel)
        seen.add(rel)

    def report(done: int) -> None:
        if progress is not None:
            progress("rendering", done, len(pages))

    files: dict[str, bytes | None] = {}
    prints: dict[str, str] = {}
    rendered = 0
    results = render_parallel(pages, env, view, base, reuse, jobs, report)
    for rel, page, result in zip(rels, pages, results, strict=True):
        prints[rel] = result.fingerprint
        data = result.data
        if result.failed:
            data = render_page(env, page, view)  # raises the worker's error here, with file and line
        if data is not None:
            rendered += 1
        files[rel] = data
    return files, prints, rendered
