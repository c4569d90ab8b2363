"""The in-memory build engine of ``serve`` and ``publish``: load, collect and render, redoing only what changed.

The command-line build shares its :meth:`SiteBuilder.collect` and streams pages to disk instead
(``stream.py``). A :class:`SiteBuilder` holds every article whole and remembers what it did last time:

* articles by source path, with the file's size, mtime and content digest, so an unchanged file is not
  read again and a changed file is re-extracted alone;
* every page's typed context and rendered bytes, so a page whose context (and templates) did not change
  is not rendered again;
* the last site and which pages show each article's card, so an edit that moves nothing (same
  :func:`~dateline.site.collection_key`) re-renders only the article's page and the pages showing a
  changed card, without collecting the site or building every page's context again (``serve``).

A clean build is simply a fresh builder's first run, so an incremental result is byte-identical to a
clean build of the same input by construction.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..config import SiteConfig
from ..errors import CollisionError, ContentError
from ..load.discover import discover_relative
from ..model import Article, ArticleMeta, Diagnostic, Level
from ..render.context import build_pages, site_view
from ..render.deps import card_users, patched_pages, renamed
from ..render.env import Theme, make_environment, theme_fingerprint
from ..render.files import feed_files, news_sitemap_file, sitemap_files
from ..render.views import Page, SiteView
from ..site import Site, UrlScheme, build_site
from .articles import PARALLEL_MIN_FILES, FileRecord, extract_batch, extract_file
from .parallel import follow_parent
from .patch import Patch, plan_patch
from .rendering import render_page, render_settings, static_files
from .stamp import build_today, source_date


@dataclass(frozen=True, slots=True)
class RenderResult:
    """Every output file of one build, and what it took."""

    files: dict[str, bytes]
    """Relative output path → bytes, pages, feeds, sitemaps and static assets."""
    articles: int
    pages: int
    drafts_skipped: int
    rendered: int
    """How many pages were actually rendered (the rest came from the page cache)."""
    extracted: int
    """How many content files were read and extracted (the rest came from the article cache)."""
    diagnostics: tuple[Diagnostic, ...]
    patched: bool = False
    """True when the last site was updated in place instead of collected afresh (see ``patch.py``)."""


@dataclass(slots=True)
class SiteBuilder:
    """Builds one site again and again, redoing only what changed since the last run."""

    config: SiteConfig
    drafts: bool = False
    keep_going: bool = False
    future: bool = False
    """Publish articles dated after today (``SOURCE_DATE_EPOCH``'s date, else the clock in the site zone)."""
    jobs: int = 1
    """Worker processes for extraction and, on the command line, rendering (1: in-process)."""
    _articles: dict[str, FileRecord] = field(default_factory=dict)
    _pages: dict[str, tuple[Page, bytes]] = field(default_factory=dict)
    _theme_key: str = ""
    _view_key: SiteView | None = None
    _site: Site | None = None
    """The last site rendered in full (every page in ``_pages``), for edits patched in place."""
    _today: dt.date | None = None
    _extra: dict[str, bytes] = field(default_factory=dict)
    """Feeds, sitemaps and static files of the last render."""
    _users: dict[str, list[str]] | None = None
    """Card href → output files showing it; kept with ``_site``."""
    _env: tuple[str, jinja2.Environment] | None = None

    def load(self) -> tuple[list[Article], list[Diagnostic], int]:
        """Every article (from the cache when the file is unchanged), all diagnostics, and how many were read."""
        content = self.config.content_path
        if not content.is_dir():
            raise ContentError(f"content folder {content} does not exist", str(content))
        found, link_errors = discover_relative(content)
        diagnostics: list[Diagnostic] = [e.diagnostic() for e in link_errors]
        articles: list[Article] = []
        extracted = 0
        stats: dict[str, os.stat_result] = {}
        for rel, path in found:
            try:
                stats[rel] = path.stat()
            except OSError:
                continue  # deleted between discovery and now
        fresh = self._extract_changed(found, stats)
        for rel, path in found:
            st = stats.get(rel)
            cached = fresh[rel] if rel in fresh else (self._load_one(path, rel, st) if st is not None else None)
            if cached is None:
                continue
            if cached is not self._articles.get(rel):
                extracted += 1
                self._articles[rel] = cached
            diagnostics.extend(cached.diagnostics)
            if cached.article is not None:
                articles.append(cached.article)
        for gone in self._articles.keys() - stats.keys():
            del self._articles[gone]
        return articles, diagnostics, extracted

    def _extract_changed(
        self, found: list[tuple[str, Path]], stats: dict[str, os.stat_result]
    ) -> dict[str, FileRecord | None]:
        """Extract, across ``jobs`` processes, every file whose size or mtime differs from the cache."""
        if self.jobs <= 1:
            return {}
        todo: list[tuple[str, str]] = []
        for rel, path in found:
            old = self._articles.get(rel)
            st = stats.get(rel)
            if st is not None and (old is None or (old.size, old.mtime_ns) != (st.st_size, st.st_mtime_ns)):
                todo.append((str(path), rel))
        if len(todo) < PARALLEL_MIN_FILES:
            return {}
        from concurrent.futures import ProcessPoolExecutor

        size = max(16, len(todo) // (self.jobs * 8))
        batches = [todo[i : i + size] for i in range(0, len(todo), size)]
        out: dict[str, FileRecord | None] = {}
        args = (self.config.max_file_bytes, self.config.timezone)
        with ProcessPoolExecutor(max_workers=self.jobs, initializer=follow_parent, initargs=(os.getpid(),)) as pool:
            for result in pool.map(extract_batch, batches, *[[a] * len(batches) for a in args]):
                out.update(result)
        return out

    def _load_one(self, path: Path, rel: str, st: os.stat_result) -> FileRecord | None:
        old = self._articles.get(rel)
        if old is not None and (old.size, old.mtime_ns) == (st.st_size, st.st_mtime_ns):
            return old
        return extract_file(path, rel, self.config.max_file_bytes, self.config.timezone, old)

    def future_notes(self, articles: Sequence[ArticleMeta]) -> list[Diagnostic]:
        """An info line for each article held back because it is dated in the future."""
        if self.future:
            return []
        today = self.today()
        return [
            Diagnostic(
                a.source.path,
                0,
                Level.INFO,
                f"dated {a.date.isoformat()}, in the future: not published (use --future)",
                code="future",
            )
            for a in articles
            if a.date > today and (self.drafts or not a.draft)
        ]

    def today(self) -> dt.date:
        """The build's today: ``SOURCE_DATE_EPOCH``'s date, else the clock in the site's zone."""
        return build_today(self.config)

    def collect(self, articles: Sequence[ArticleMeta]) -> Site:
        """The site's collections for the published articles."""
        today = self.today()
        self._today = today
        published = [a for a in articles if (self.drafts or not a.draft) and (self.future or a.date <= today)]
        urls = UrlScheme(base_path=self.config.base_path, **dict(self.config.urls))
        return build_site(published, urls, source_date())

    def bodies(self, source: str) -> str:
        """The body HTML of the article from content file ``source`` (see :data:`~dateline.render.Bodies`)."""
        record = self._articles.get(source)
        return record.article.body_html if record is not None and record.article is not None else ""

    def render(self, site: Site) -> tuple[dict[str, bytes], int, int]:
        """Every output file, how many pages there are, and how many were rendered.

        A page comes from the in-memory page cache when its context and the theme are unchanged.
        """
        theme = Theme.for_site(self.config.templates_path)
        key = theme_fingerprint(theme)
        if key != self._theme_key:
            self._pages.clear()
            self._theme_key = key
        settings = render_settings(self.config)
        env = self._environment(theme, key)
        view = site_view(site, settings)
        pages = build_pages(site, settings, self.bodies)
        files: dict[str, bytes] = {}
        fresh: dict[str, tuple[Page, bytes]] = {}
        rendered = 0
        for page in pages:
            rel = UrlScheme.file_for(page.path)
            if rel in files:
                raise CollisionError(f"two pages write {rel}", rel)
            old = self._pages.get(rel)
            if old is not None and old[0] == page and self._view_key == view:
                data = old[1]
            else:
                data = render_page(env, page, view)
                rendered += 1
            files[rel] = data
            fresh[rel] = (page, data)
        self._pages = fresh
        self._view_key = view
        extra = feed_files(site, settings, self.config.feed_items, self.bodies)
        extra += sitemap_files(site, settings, (page.path for page in pages)) + static_files(theme)
        files.update(extra)
        self._site = site
        self._extra = dict(extra)
        # Which pages show each card, ready for the first edit (a tenth of a second at 10,000 articles).
        self._users = card_users((rel, page) for rel, (page, _) in self._pages.items())
        return files, len(pages), rendered

    def _plan_patch(self, before: dict[str, Article | None], articles: list[Article]) -> Patch | None:
        if self._site is None or self._today != self.today():
            return None
        if theme_fingerprint(Theme.for_site(self.config.templates_path)) != self._theme_key:
            return None
        return plan_patch(self._site, before, articles, self._pages.keys())

    def _environment(self, theme: Theme, key: str) -> jinja2.Environment:
        # One environment per theme state: its compiled templates are reused across rebuilds.
        if self._env is None or self._env[0] != key:
            self._env = (key, make_environment(theme))
        return self._env[1]

    def _render_patch(self, patch: Patch) -> int:
        """Re-render the pages an in-place edit changes; returns how many were rendered."""
        old = self._site
        assert old is not None and self._env is not None and self._view_key is not None and self._users is not None
        settings = render_settings(self.config)
        if patch.moved:
            # Keep build order (the sitemap lists pages in it): rename in place, not delete and append.
            self._pages = {patch.moved.get(rel, rel): v for rel, v in self._pages.items()}
        site = patch.site
        file_for = {i: UrlScheme.file_for(site.article_paths[i]) for i in patch.changed}
        rendered = 0
        page_of = lambda rel: self._pages[rel][0]  # noqa: E731
        updated = patched_pages(
            old,
            site,
            settings,
            patch.changed,
            page_of,
            self._users,
            file_for,
            patch.moved,
            self.bodies,
            patch.entities,
            patch.speakers,
        )
        for rel, page in updated.items():
            if page != self._pages[rel][0]:
                self._pages[rel] = (page, render_page(self._env[1], page, self._view_key))
                rendered += 1
        self._extra.update(feed_files(site, settings, self.config.feed_items, self.bodies))
        if patch.moved:
            self._extra.update(sitemap_files(site, settings, (page.path for page, _ in self._pages.values())))
            hrefs = {
                site.urls.href(old.article_paths[i]): site.urls.href(site.article_paths[i])
                for i in patch.changed
                if old.article_paths[i] != site.article_paths[i]
            }
            self._users = renamed(self._users, hrefs, patch.moved)
        else:
            self._extra.update([news_sitemap_file(site, settings)])
        self._site = site
        return rendered

    def run(self) -> RenderResult:
        """Load, collect and render. Raises BuildFailed on content errors unless ``keep_going``."""
        from . import BuildFailed

        before = {rel: c.article for rel, c in self._articles.items()}
        articles, diagnostics, extracted = self.load()
        diagnostics += self.future_notes(articles)
        errors = [d for d in diagnostics if d.level is Level.ERROR]
        if errors and not self.keep_going:
            raise BuildFailed(tuple(diagnostics))
        patch = self._plan_patch(before, articles)
        if patch is not None:
            site = patch.site
            rendered = self._render_patch(patch) if patch.changed else 0
            files = {rel: data for rel, (_, data) in self._pages.items()} | self._extra
            pages = len(self._pages)
        else:
            site = self.collect(articles)
            files, pages, rendered = self.render(site)
        return RenderResult(
            files=files,
            articles=len(site.articles),
            pages=pages,
            drafts_skipped=len(articles) - len(site.articles),
            rendered=rendered,
            extracted=extracted,
            diagnostics=tuple(diagnostics),
            patched=patch is not None,
        )
