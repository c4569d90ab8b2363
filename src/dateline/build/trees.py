"""The trees a command-line build writes into: the spare tree (the build before last, kept in the cache
folder to be brought up to date) when the cache vouches for it, else a new staging folder.

Both the full build and the quick rebuild open their tree here and record the spare the switch leaves.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .cache import BuildCache
from .search import BUNDLE
from .writer import StagingWriter, output_identity

SPARE_DIR = "spare"
"""The folder in the cache folder that keeps the previous output, to be brought up to date next time."""

Tree = tuple[str, dict[str, str]]
"""(identity, fingerprints) of a tree, as the cache records it."""
Trees = tuple[Tree, Tree | None]
"""The output's tree and the spare tree (None when there is no usable one)."""


def open_tree(output: Path, cache: BuildCache | None, old: dict[str, str]) -> tuple[StagingWriter, Path | None]:
    """A writer for the next tree of ``output`` (whose files have fingerprints ``old``), and the spare
    folder it keeps the previous output in. Without a ``cache`` (a ``--no-cache`` build) there is no spare:
    the tree is a new staging folder and the previous output is removed after the switch."""
    if cache is None:
        return StagingWriter(output, old), None
    spare_dir = spare_folder(cache)
    spare = cache.spare(output_identity(spare_dir))
    if spare is None:
        shutil.rmtree(spare_dir, ignore_errors=True)  # not the tree the cache knows: start afresh
        return StagingWriter(output, old, keep_at=spare_dir), spare_dir
    return open_spare(output, spare_dir, old, spare), spare_dir


def spare_folder(cache: BuildCache) -> Path:
    """Where the spare tree of the output that ``cache`` describes is kept."""
    return cache.path.parent / SPARE_DIR


def open_spare(output: Path, spare_dir: Path, old: dict[str, str], spare: dict[str, str]) -> StagingWriter:
    """A writer that brings the spare tree in ``spare_dir`` (whose files have fingerprints ``spare``) up to
    date as the next tree of ``output`` (whose files have ``old``), and keeps the previous output there
    after the switch. The search index's folder is emptied: indexing makes it whole again."""
    return StagingWriter(output, old, spare_dir, spare, keep_at=spare_dir, fresh_dirs=(BUNDLE,))


def kept_as_spare(spare_dir: Path | None, identity: str) -> bool:
    """True when the switch moved the previous output, of ``identity``, to ``spare_dir``."""
    return spare_dir is not None and bool(identity) and output_identity(spare_dir) == identity


def spare_after(spare_dir: Path | None, old: Tree) -> Tree | None:
    """The spare tree after a switch: the previous output (``old``), when it was the tree the cache
    knew and the switch moved it to ``spare_dir``."""
    return old if old[1] and kept_as_spare(spare_dir, old[0]) else None
