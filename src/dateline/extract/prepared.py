"""Prepared word tables, kept on disk so a process that extracts one article does not rebuild them.

The gazetteer, the first-name list and the word frequencies come from data packages that are slow to
read (JSON and compressed files, about one second together), while a pickle of the finished table loads
in a few hundredths of that. A build that re-extracts one edited article is dominated by this start-up,
so each table is saved once in the user's cache folder (``$DATELINE_TABLES``, else
``$XDG_CACHE_HOME/dateline``, else ``~/.cache/dateline``) under a key made of dateline's version and the
size and time of the module that makes it; a new package or an edited module makes a new key.
Any problem with the folder (read-only, missing, a damaged file) falls back to building the table.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .. import __version__

T = TypeVar("T")

TABLES_ENV = "DATELINE_TABLES"
"""Environment variable naming the folder for prepared tables; ``off`` disables them."""


def tables_folder() -> Path | None:
    """Where prepared tables live, or None when they are disabled."""
    chosen = os.environ.get(TABLES_ENV)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dateline"


def source_key(package: str, module: str) -> str:
    """A digest of what a table is made from: the installed version of the data ``package`` (a
    distribution name) and the size and time of the ``module`` file (importable name, not imported here)
    that makes it."""
    from importlib import metadata

    try:
        version = metadata.version(package)
    except metadata.PackageNotFoundError:
        version = "missing"
    h = hashlib.sha256(f"{__version__}\0{package}\0{version}\n".encode())
    spec = importlib.util.find_spec(module)
    if spec is not None and spec.origin is not None:
        st = os.stat(spec.origin)
        h.update(f"{spec.origin}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:24]


def prepared(name: str, key: str, build: Callable[[], T]) -> T:
    """The table ``name`` for ``key`` from the tables folder, or ``build()`` saved there for next time."""
    found = load_store(name, key)
    if found is not None:
        return found  # type: ignore[return-value]  # what save_store kept for this name and key
    value = build()
    save_store(name, key, value)
    return value


def load_store(name: str, key: str) -> object | None:
    """What :func:`save_store` kept as ``name`` for ``key``, or None (disabled, missing or damaged)."""
    folder = tables_folder()
    if folder is None:
        return None
    try:
        with open(folder / f"{name}-{key}.pickle", "rb") as f:
            found: object = pickle.load(f)  # written by save_store only, in the user's own cache folder
        return found
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, ImportError):
        return None


def save_store(name: str, key: str, value: object) -> None:
    """Keep ``value`` as ``name`` for ``key``, replacing any other key's ``name``; silent on failure."""
    folder = tables_folder()
    if folder is None:
        return
    path = folder / f"{name}-{key}.pickle"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{name}-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)  # readers see the whole table or none
        finally:
            Path(temp).unlink(missing_ok=True)
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk only costs the next process the build
