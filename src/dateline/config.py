"""The site configuration: one YAML file (``dateline.yaml``) parsed once into a typed, frozen object.

Functions take the fields they need from :class:`SiteConfig`; nothing passes a settings dict around.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .errors import ConfigError
from .model import Diagnostic, Level

CONFIG_NAME = "dateline.yaml"
_URL_RE = re.compile(r"^https?://[^\s/?#]+(?::\d+)?(?:/[^\s?#]*)?$")


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """Everything a build needs to know about a site, validated."""

    root: Path
    """The site folder: the folder that holds ``dateline.yaml`` (or the current folder)."""
    title: str = "News archive"
    """The site's name, shown in every page header and in feeds."""
    description: str = ""
    """One sentence about the archive, for the home page and feeds."""
    base_url: str = "http://localhost:8000/"
    """Absolute URL of the site's root, ending in ``/``; may be a sub-path (``https://example.org/archive/``)."""
    content_dir: Path = Path("content")
    """Where the articles live (``.txt`` and ``.md``), relative to ``root``."""
    output_dir: Path = Path("public")
    """Where the built site is written, relative to ``root``."""
    templates_dir: Path = Path("templates")
    """Site templates that override the default theme's files of the same name."""
    page_size: int = 10
    """Articles per list page (home, tags, archives)."""
    timezone: str = "UTC"
    """IANA time zone of the newsroom; naive dates and times are read in it."""
    language: str = "en"
    """The ``lang`` of every page."""
    author: str = ""
    """Default author named in feeds and structured data."""
    feed_items: int = 20
    """How many newest articles a feed carries."""
    max_file_bytes: int = 5_000_000
    """Content files larger than this are refused rather than read."""
    publisher: str = ""
    """The organisation that publishes the archive (structured data, feeds); defaults to ``title``."""
    entity_min_articles: int = 1
    """An entity gets a page and an index entry only when named in at least this many articles."""
    search: bool = True
    """Build the Pagefind search index and the search page."""
    urls: tuple[tuple[str, str], ...] = ()
    """URL pattern overrides, e.g. ``article: "{year}/{slug}/"`` (see README)."""

    @property
    def content_path(self) -> Path:
        """Absolute content folder."""
        return (self.root / self.content_dir).resolve()

    @property
    def output_path(self) -> Path:
        """Absolute output folder."""
        return (self.root / self.output_dir).resolve()

    @property
    def templates_path(self) -> Path:
        """Absolute site templates folder (may not exist)."""
        return (self.root / self.templates_dir).resolve()

    @property
    def base_path(self) -> str:
        """The path part of ``base_url``, always starting and ending with ``/``."""
        rest = self.base_url.split("://", 1)[-1]
        path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
        return path if path.endswith("/") else path + "/"

    @property
    def tz(self) -> ZoneInfo:
        """The configured time zone object."""
        return ZoneInfo(self.timezone)


_KEYS: dict[str, str] = {
    "title": "title",
    "description": "description",
    "base_url": "base_url",
    "content": "content_dir",
    "output": "output_dir",
    "templates": "templates_dir",
    "page_size": "page_size",
    "timezone": "timezone",
    "language": "language",
    "author": "author",
    "feed_items": "feed_items",
    "max_file_bytes": "max_file_bytes",
    "publisher": "publisher",
    "entity_min_articles": "entity_min_articles",
    "search": "search",
    "urls": "urls",
}
URL_KEYS: dict[str, tuple[str, ...]] = {
    "article": ("{slug}",),
    "tag": ("{slug}",),
    "year": ("{year}",),
    "month": ("{year}", "{month}"),
    "day": ("{year}", "{month}", "{day}"),
    "person": ("{slug}",),
    "organization": ("{slug}",),
    "place": ("{slug}",),
    "speaker": ("{slug}",),
}
"""URL patterns a site may override, with the placeholders each must contain."""


def _fail(path: Path, key: str, message: str, line: int = 0) -> ConfigError:
    return ConfigError(f"{key}: {message}", str(path), line)


def load_config(path: Path | None = None, cwd: Path | None = None) -> tuple[SiteConfig, tuple[Diagnostic, ...]]:
    """Read ``dateline.yaml`` (or defaults when there is none) and validate every key.

    Returns the config and warnings (unknown keys). Raises :class:`ConfigError` naming the file, line
    and key for anything invalid.
    """
    here = (cwd or Path.cwd()).resolve()
    if path is None:
        candidate = here / CONFIG_NAME
        if not candidate.exists():
            return SiteConfig(root=here), ()
        path = candidate
    path = path.resolve()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror}", str(path)) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError("config is not UTF-8", str(path)) from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"invalid YAML: {problem}", str(path), line) from exc
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 1
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("config must be a mapping of keys to values", str(path), 1)
    return _from_mapping(data, path, lines)


def _from_mapping(data: dict[Any, Any], path: Path, lines: dict[str, int]) -> tuple[SiteConfig, tuple[Diagnostic, ...]]:
    warnings: list[Diagnostic] = []
    values: dict[str, Any] = {}
    types = {f.name: f.type for f in fields(SiteConfig)}
    for raw_key, value in data.items():
        key = str(raw_key)
        line = lines.get(key, 0)
        if key not in _KEYS:
            hint = difflib.get_close_matches(key, list(_KEYS), n=1)
            extra = f" (did you mean '{hint[0]}'?)" if hint else ""
            warnings.append(Diagnostic(str(path), line, Level.WARNING, f"unknown key '{key}'{extra}"))
            continue
        name = _KEYS[key]
        kind = types[name]
        if kind == "bool":
            if not isinstance(value, bool):
                raise _fail(path, key, "must be true or false", line)
            values[name] = value
        elif name == "urls":
            values[name] = _url_patterns(value, path, line)
        elif kind in ("int",):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise _fail(path, key, "must be a positive whole number", line)
            values[name] = value
        elif kind == "Path":
            if not isinstance(value, str) or not value.strip():
                raise _fail(path, key, "must be a folder path", line)
            values[name] = Path(value).expanduser()
        else:
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                raise _fail(path, key, "must be text", line)
            values[name] = str(value)
    if "base_url" in values and not values["base_url"].endswith("/"):
        values["base_url"] += "/"
    config = replace(SiteConfig(root=path.parent), **values)
    _validate(config, path, lines)
    return config, tuple(warnings)


def _url_patterns(value: Any, path: Path, line: int) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise _fail(path, "urls", "must be a mapping of page kind to pattern", line)
    out = []
    for kind, pattern in value.items():
        if kind not in URL_KEYS:
            raise _fail(path, "urls", f"unknown page kind '{kind}' (one of {', '.join(URL_KEYS)})", line)
        if not isinstance(pattern, str) or not all(p in pattern for p in URL_KEYS[kind]):
            need = " and ".join(URL_KEYS[kind])
            raise _fail(path, "urls", f"pattern for '{kind}' must be text containing {need}", line)
        if pattern.startswith("/") or ".." in pattern.split("/") or "\\" in pattern:
            raise _fail(path, "urls", f"pattern for '{kind}' must be a relative path", line)
        out.append((str(kind), pattern if pattern.endswith("/") else pattern + "/"))
    return tuple(out)


def _validate(config: SiteConfig, path: Path, lines: dict[str, int]) -> None:
    if not _URL_RE.match(config.base_url):
        raise _fail(path, "base_url", "must be an absolute http(s) URL", lines.get("base_url", 0))
    try:
        ZoneInfo(config.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise _fail(path, "timezone", f"unknown time zone '{config.timezone}'", lines.get("timezone", 0)) from exc


def with_overrides(config: SiteConfig, output: Path | None = None) -> SiteConfig:
    """The config with command-line overrides applied (paths relative to the current folder)."""
    if output is None:
        return config
    return replace(config, output_dir=Path(os.path.abspath(output)))
