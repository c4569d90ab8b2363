"""Client-side search: index the built pages with Pagefind (the ``pagefind`` package ships its binary).

The article template marks what to index (``data-pagefind-body``), the filters (tag, year, entity kind)
and the sort key (date). Indexing runs on the staging folder, before it is swapped in.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import OutputError

if TYPE_CHECKING:
    from .writer import StagingWriter

PAGEFIND_TIMEOUT = 600


def pagefind_available() -> bool:
    """True when the Pagefind binary can be run from this Python environment."""
    try:
        import pagefind  # noqa: F401
    except ImportError:
        return shutil.which("pagefind") is not None
    return True


def build_search_index(site_dir: Path) -> None:
    """Write the Pagefind bundle into ``site_dir/pagefind``. Raises OutputError when indexing fails."""
    cmd = [sys.executable, "-m", "pagefind"]
    try:
        import pagefind  # noqa: F401
    except ImportError:
        found = shutil.which("pagefind")
        if found is None:
            raise OutputError("search is enabled but Pagefind is not installed (pip install 'pagefind[bin]')") from None
        cmd = [found]
    cmd += ["--site", str(site_dir), "--output-subdir", "pagefind", "--quiet"]
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OutputError(f"Pagefind could not run: {exc}") from exc
    if run.returncode != 0:
        detail = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["no output"]
        raise OutputError(f"Pagefind failed: {detail[0]}")


BUNDLE = "pagefind"
"""The search index folder Pagefind writes into the output."""


def search_bundle(output: Path) -> list[str]:
    """The files of ``output``'s search bundle, relative to ``output``."""
    from .writer import list_files

    return [f"{BUNDLE}/{rel}" for rel in list_files(output / BUNDLE)]


def index_search(writer: StagingWriter, output: Path, pages_changed: bool) -> int:
    """Give the staging tree its search bundle: indexed afresh when any page changed (or the output has
    none), else the output's own bundle linked in. Returns how many files the bundle has."""
    old = search_bundle(output)
    if pages_changed or not old:
        build_search_index(writer.staging)
        return len(search_bundle(writer.staging))
    for rel in old:
        writer.keep(rel)
    return len(old)
