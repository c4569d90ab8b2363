"""Find the content files under a folder, in a stable order, skipping editor and OS litter."""

from __future__ import annotations

import fnmatch
import os
import re
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


_SUFFIXES = tuple(sorted(CONTENT_SUFFIXES))  # for str.endswith, which splitext's answer equals here

_IGNORED_RE = re.compile("|".join(fnmatch.translate(pattern) for pattern in IGNORED_NAMES))


def is_ignored(name: str) -> bool:
    """True when a file or folder name matches the ignore list."""
    return _IGNORED_RE.match(name) is not None


def discover(content: Path) -> tuple[list[Path], list[ContentError]]:
    """All content files under ``content``, sorted by relative path, plus errors for unsafe links.

    Symbolic links that resolve outside the content folder are reported, never followed.
    """
    found, problems = discover_relative(content)
    return [path for _, path in found], problems


def discover_relative(content: Path) -> tuple[list[tuple[str, Path]], list[ContentError]]:
    """Like :func:`discover`, with each file's path relative to ``content`` (POSIX separators).

    One ``scandir`` per folder: file kinds come from the directory listing, so a 10,000-file archive is
    listed without a ``stat`` per file.
    """
    found, problems = _walk(content)
    return [(rel, Path(entry.path)) for rel, entry in found], problems


def discover_stats(content: Path) -> tuple[list[tuple[str, int, int]], list[ContentError]]:
    """Each content file's relative path, size and modification time (ns), sorted by path, plus errors for
    unsafe links: the listing :func:`discover_relative` makes, with one ``stat`` per file and no ``Path``."""
    found, problems = _walk(content)
    stats = []
    for rel, entry in found:
        st = entry.stat()  # a link's target, as reading the file would see it
        stats.append((rel, st.st_size, st.st_mtime_ns))
    return stats, problems


def _walk(content: Path) -> tuple[list[tuple[str, os.DirEntry[str]]], list[ContentError]]:
    root = content.resolve()
    found: list[tuple[str, os.DirEntry[str]]] = []
    problems: list[ContentError] = []

    def walk(folder: str, prefix: str) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            return  # vanished or unreadable mid-walk, as os.walk would skip it
        for entry in entries:
            if is_ignored(entry.name):
                continue
            if entry.is_symlink():
                path = Path(entry.path)
                if entry.is_dir():
                    problems.append(_link_error(root, path))
                    continue
                if not entry.name.lower().endswith(_SUFFIXES):
                    continue
                target = path.resolve()
                if not target.is_relative_to(root) or not target.is_file():
                    problems.append(_link_error(root, path))
                    continue
                found.append((prefix + entry.name, entry))
            elif entry.is_dir(follow_symlinks=False):
                walk(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.lower().endswith(_SUFFIXES):
                found.append((prefix + entry.name, entry))

    if root.is_dir():
        walk(str(root), "")
    found.sort(key=lambda item: item[0])
    return found, problems


def _link_error(root: Path, path: Path) -> ContentError:
    rel = path.relative_to(root).as_posix()
    return ContentError("symbolic link points outside the content folder; not followed", rel, 0, 0, "symlink")
