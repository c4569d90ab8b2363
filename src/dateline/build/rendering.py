"""Render one page with the theme's templates, and fingerprint the theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

import jinja2

from ..config import SiteConfig
from ..errors import TemplateError
from ..render.env import Theme
from ..render.views import Page, SiteView

if TYPE_CHECKING:
    from ..render.context import RenderSettings


def render_settings(config: SiteConfig) -> RenderSettings:
    """The parts of the configuration page contexts need."""
    from ..render.context import RenderSettings  # here: a quick rebuild renders without the page contexts

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


def render_page(env: jinja2.Environment, page: Page, view: SiteView) -> bytes:
    """One page's HTML. Template problems become :class:`TemplateError` with the template's file and line."""
    try:
        template = env.get_template(page.template)
        html = template.render(site=view, page=page.context, title=page.title, meta=page.meta)
        return html.encode("utf-8")
    except jinja2.TemplateSyntaxError as exc:
        name = exc.filename or exc.name or page.template
        raise TemplateError(f"template syntax error: {exc.message}", name, exc.lineno) from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}", page.template) from exc
    except jinja2.UndefinedError as exc:
        filename, line = _template_position(exc, page.template)
        raise TemplateError(f"{exc.message} (while rendering /{page.path})", filename, line) from exc
    except (TypeError, ValueError, AttributeError) as exc:
        filename, line = _template_position(exc, page.template)
        raise TemplateError(f"{exc} (while rendering /{page.path})", filename, line) from exc


def _template_position(exc: BaseException, default: str) -> tuple[str, int]:
    tb = exc.__traceback__
    found = (default, 0)
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.endswith(".html") or "<template>" in code.co_filename:
            found = (code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def static_files(theme: Theme) -> list[tuple[str, bytes]]:
    """The theme's static files (stylesheet, scripts) as output files; a site's theme overrides the default."""
    from ..render.context import STYLESHEET

    static_rel = STYLESHEET.rsplit("/", 1)[0]
    out: dict[str, bytes] = {}
    for theme_dir in reversed(theme.dirs):
        folder = theme_dir / static_rel
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    out[f"{static_rel}/{path.relative_to(folder).as_posix()}"] = path.read_bytes()
    return list(out.items())
