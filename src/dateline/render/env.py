"""The one Jinja environment: autoescape on everywhere, undefined variables are errors, site templates
override the default theme file by file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

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


def long_date(value: dt.date) -> str:
    """``5 October 2009``."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def month_name(month: int) -> str:
    """``October`` for 10."""
    return MONTH_NAMES[month - 1]


def make_environment(theme: Theme) -> jinja2.Environment:
    """The environment every page is rendered with."""
    # The sandbox keeps templates from reaching Python internals (no os, no subprocess, no globals).
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(d) for d in theme.dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["long_date"] = long_date
    env.filters["month_name"] = month_name
    return env
