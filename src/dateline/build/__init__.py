"""Stage 5: the build — load every article, collect the site, render every page, write atomically.

``build()`` reads top to bottom as the stages it runs, and records each stage's time:

1. discover and load   content files → articles (errors collected, not raised one by one)
2. collect             articles → Site (order, tags, periods, URLs; slug collisions are errors)
3. render              Site → pages → HTML through the one Jinja environment
4. write               staging folder → swapped in for the output only when everything succeeded
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field

import jinja2

from ..config import SiteConfig
from ..errors import ContentError, DatelineError, TemplateError
from ..extract.article import make_article
from ..load import discover, read_document
from ..model import Article, Diagnostic, Level
from ..render import RenderSettings, Theme, build_pages, make_environment
from ..render.context import STYLESHEET, site_view
from ..render.files import feed_files, sitemap_files
from ..render.views import Page, SiteView
from ..site import Site, UrlScheme, build_site
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


@dataclass(slots=True)
class _Timer:
    marks: list[tuple[str, float]] = field(default_factory=list)
    start: float = field(default_factory=time.perf_counter)
    last: float = field(default_factory=time.perf_counter)

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.marks.append((name, now - self.last))
        self.last = now


def load_articles(config: SiteConfig) -> tuple[list[Article], list[Diagnostic]]:
    """Every article under the content folder, plus all diagnostics (errors included, never raised)."""
    content = config.content_path
    if not content.is_dir():
        raise ContentError(f"content folder {content} does not exist", str(content))
    paths, link_errors = discover(content)
    diagnostics: list[Diagnostic] = [e.diagnostic() for e in link_errors]
    articles: list[Article] = []
    for path in paths:
        rel = path.relative_to(content).as_posix()
        try:
            article = make_article(read_document(path, rel, config.max_file_bytes), config.tz)
        except ContentError as exc:
            diagnostics.append(exc.diagnostic())
            continue
        except RecursionError:
            diagnostics.append(Diagnostic(rel, 1, Level.ERROR, "input too deeply nested to parse", 1, "recursion"))
            continue
        diagnostics.extend(d for d in article.diagnostics if d.level is not Level.INFO)
        articles.append(article)
    return articles, diagnostics


def render_page(env: jinja2.Environment, page: Page, view: SiteView) -> bytes:
    """One page's HTML. Template problems become :class:`TemplateError` with the template's file and line."""
    try:
        template = env.get_template(page.template)
        html = template.render(site=view, page=page.context, title=page.title, meta=page.meta)
        return html.encode("utf-8")
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"template syntax error: {exc.message}", exc.filename or exc.name or page.template, exc.lineno
        ) from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}", page.template) from exc
    except jinja2.UndefinedError as exc:
        filename, line = _template_position(exc, page.template)
        raise TemplateError(f"{exc.message} (while rendering /{page.path})", filename, line) from exc


def _template_position(exc: BaseException, default: str) -> tuple[str, int]:
    tb = exc.__traceback__
    found = (default, 0)
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.endswith(".html") or "<template>" in code.co_filename:
            found = (code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def source_date() -> dt.date | None:
    """The build date from ``SOURCE_DATE_EPOCH`` (reproducible builds), or None to use the newest article."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC).date()


def render_settings(config: SiteConfig) -> RenderSettings:
    """The parts of the configuration page contexts need."""
    return RenderSettings(
        title=config.title,
        description=config.description,
        base_url=config.base_url,
        language=config.language,
        page_size=config.page_size,
        publisher=config.publisher or config.title,
        author=config.author,
        entity_min_articles=config.entity_min_articles,
        search=config.search,
    )


def build(config: SiteConfig, *, drafts: bool = False, keep_going: bool = False) -> BuildReport:
    """Build the site described by ``config`` into its output folder.

    Raises :class:`BuildFailed` (with every diagnostic) when any file has an error, unless ``keep_going``
    is set, in which case the good articles are built and the bad ones listed. Raises
    :class:`~dateline.errors.OutputError` or :class:`~dateline.errors.TemplateError` for site-wide
    problems. The existing output is untouched by any failure.
    """
    timer = _Timer()
    check_output_location(config.output_path, config.content_path, config.root)
    remove_stale_staging(config.output_path)
    # 1. discover and load
    articles, diagnostics = load_articles(config)
    errors = [d for d in diagnostics if d.level is Level.ERROR]
    if errors and not keep_going:
        raise BuildFailed(tuple(diagnostics))
    published = [a for a in articles if drafts or not a.draft]
    timer.lap("load")
    # 2. collect
    urls = UrlScheme(base_path=config.base_path, **dict(config.urls))
    site: Site = build_site(published, urls, source_date())
    timer.lap("collect")
    # 3. render and 4. write
    settings = render_settings(config)
    env = make_environment(Theme.for_site(config.templates_path))
    view = site_view(site, settings)
    pages = build_pages(site, settings)
    writer = StagingWriter(config.output_path)
    try:
        for page in pages:
            writer.write(UrlScheme.file_for(page.path), render_page(env, page, view), owner=page.path)
        for rel, data in feed_files(site, settings, config.feed_items) + sitemap_files(site, settings, pages):
            writer.write(rel, data, owner=rel)
        timer.lap("render")
        static_rel = STYLESHEET.rsplit("/", 1)[0]
        for theme_dir in reversed(Theme.for_site(config.templates_path).dirs):
            if (theme_dir / static_rel).is_dir():
                writer.copy_tree(theme_dir / static_rel, static_rel)
        if config.search:
            build_search_index(writer.staging)
            timer.lap("search")
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    timer.lap("write")
    return BuildReport(
        articles=len(published),
        pages=len(pages),
        files=writer.files,
        seconds=time.perf_counter() - timer.start,
        diagnostics=tuple(diagnostics),
        timings=tuple(timer.marks),
        drafts_skipped=len(articles) - len(published),
    )


__all__ = ["BuildFailed", "BuildReport", "build", "load_articles"]
