"""The one Jinja environment: autoescape on everywhere, undefined variables are errors, site templates
override the default theme file by file."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2.sandbox import is_internal_attribute, modifies_known_mutable

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""English month names, independent of the machine's locale so output is the same everywhere."""


def default_theme_dir() -> Path:
    """The packaged default theme (``dateline/_theme`` in a wheel, the repo's ``templates/`` otherwise)."""
    packaged = Path(__file__).resolve().parent.parent / "_theme"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


@dataclass(frozen=True, slots=True)
class Theme:
    """Where templates and static assets come from, site folder first."""

    dirs: tuple[Path, ...]

    @classmethod
    def for_site(cls, site_templates: Path) -> Theme:
        """The site's own templates (if the folder exists) in front of the default theme."""
        dirs = [site_templates] if site_templates.is_dir() else []
        default = default_theme_dir()
        if default not in dirs:
            dirs.append(default)
        return cls(tuple(dirs))


def theme_files(theme: Theme) -> list[tuple[Path, os.stat_result]]:
    """Every template and static file in the theme folders, with its ``stat``, in a stable order."""
    return [(path, path.stat()) for d in theme.dirs if d.is_dir() for path in sorted(d.rglob("*")) if path.is_file()]


def theme_fingerprint(theme: Theme, files: list[tuple[Path, os.stat_result]] | None = None) -> str:
    """A digest of every template and static file in the theme folders (names, sizes, mtimes);
    ``files`` is :func:`theme_files` when the caller already has it."""
    h = hashlib.sha256()
    for path, st in theme_files(theme) if files is None else files:
        h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def long_date(value: dt.date) -> str:
    """``5 October 2009``."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def month_name(month: int) -> str:
    """``October`` for 10."""
    return MONTH_NAMES[month - 1]


_BLOCKED: dict[tuple[type, str], bool] = {}
"""(type, attribute name) → whether templates are refused that attribute, as the checks below answer."""


class GuardedEnvironment(jinja2.Environment):
    """An environment whose templates cannot reach Python internals or change data.

    The checks of Jinja's sandbox that matter for site templates — no ``_``-prefixed or internal
    attributes (the ``cycler.__init__.__globals__`` route to ``os``), no calls that mutate lists or
    dicts — applied on attribute and item access only, which costs a fraction of the full sandbox's
    per-access work. Templates get only the globals they need.
    """

    def getattr(self, obj: object, attribute: str) -> object:
        # Both checks depend only on the object's type and the name, and templates name few of either:
        # answer each pair once (rendering a page asks thousands of times).
        key = (type(obj), attribute)
        blocked = _BLOCKED.get(key)
        if blocked is None:
            blocked = _BLOCKED[key] = (
                attribute.startswith("_")
                or is_internal_attribute(obj, attribute)
                or modifies_known_mutable(obj, attribute)
            )
        if blocked:
            return self.undefined(obj=obj, name=attribute)
        try:
            return getattr(obj, attribute)
        except AttributeError:
            return super().getattr(obj, attribute)  # Jinja's fallback: the item of that name, or undefined

    def getitem(self, obj: object, argument: object) -> object:
        if isinstance(argument, str) and (argument.startswith("_") or is_internal_attribute(obj, argument)):
            return self.undefined(obj=obj, name=argument)
        return super().getitem(obj, argument)


SAFE_GLOBALS = ("range", "dict", "namespace")
"""Jinja globals kept; ``cycler``, ``joiner`` and ``lipsum`` are dropped (objects with reachable internals)."""


def make_environment(theme: Theme, compiled: Path | None = None) -> jinja2.Environment:
    """The environment every page is rendered with.

    With ``compiled`` (a folder in the build cache), templates compiled to Python are kept there and
    reused while their source is unchanged: a rebuild that renders one page skips compiling its
    templates. The folder is named after the Jinja and dateline versions, since the environment's
    options (which the kept code depends on) are part of dateline's code.
    """
    bytecode = None
    if compiled is not None:
        from .. import __version__

        folder = compiled / f"jinja-{jinja2.__version__}-{__version__}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            bytecode = jinja2.FileSystemBytecodeCache(str(folder))
        except OSError:
            bytecode = None  # an unwritable cache only costs the compile
    env = GuardedEnvironment(
        bytecode_cache=bytecode,
        loader=jinja2.FileSystemLoader([str(d) for d in theme.dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals = {k: v for k, v in env.globals.items() if k in SAFE_GLOBALS}
    env.filters["long_date"] = long_date
    env.filters["month_name"] = month_name
    return env
