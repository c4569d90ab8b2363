"""Find the content files under a folder, in a stable order, skipping editor and OS litter."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from ..errors import ContentError

CONTENT_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".markdown"})
"""File extensions that hold articles."""

IGNORED_NAMES: tuple[str, ...] = (
    ".*",  # dotfiles: .DS_Store, .#emacs-lock, ._AppleDouble
    "*~",  # editor backups
    "*.swp",
    "*.swo",
    "*.tmp",
    "*.bak",
    "#*#",
)
"""Glob patterns of file and folder names that are never content."""


def is_ignored(name: str) -> bool:
    """True when a file or folder name matches the ignore list."""
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in IGNORED_NAMES)


def discover(content: Path) -> tuple[list[Path], list[ContentError]]:
    """All content files under ``content``, sorted by relative path, plus errors for unsafe links.

    Symbolic links that resolve outside the content folder are reported, never followed.
    """
    root = content.resolve()
    found: list[Path] = []
    problems: list[ContentError] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not is_ignored(d))
        here = Path(folder)
        for d in list(dirs):
            if (here / d).is_symlink():
                dirs.remove(d)
                problems.append(_link_error(root, here / d))
        for name in sorted(files):
            if is_ignored(name) or Path(name).suffix.lower() not in CONTENT_SUFFIXES:
                continue
            path = here / name
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root) or not target.is_file():
                    problems.append(_link_error(root, path))
                    continue
            found.append(path)
    found.sort(key=lambda p: p.relative_to(root).as_posix())
    return found, problems


def _link_error(root: Path, path: Path) -> ContentError:
    rel = path.relative_to(root).as_posix()
    return ContentError("symbolic link points outside the content folder; not followed", rel, 0, 0, "symlink")
