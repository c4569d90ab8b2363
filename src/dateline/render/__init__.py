"""Stage 4: turn site collections into HTML with one Jinja environment and typed page contexts."""

from __future__ import annotations

from .context import RenderSettings, build_pages
from .env import Theme, make_environment

__all__ = ["RenderSettings", "Theme", "build_pages", "make_environment"]
