"""Client-side search: index the built pages with Pagefind (the ``pagefind`` package ships its binary).

The article template marks what to index (``data-pagefind-body``), the filters (tag, year, entity kind)
and the sort key (date). Indexing runs on the staging folder, before it is swapped in.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ..errors import OutputError

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
