"""The persistent build cache: an SQLite file beside the output (``.dateline-cache/cache.sqlite``).

It keeps, across runs,

* ``articles``: each content file's extraction (keyed by path, with size, mtime and sha256 of the bytes,
  valid only for one extractor version and config key), so an unchanged file is never re-extracted;
* ``pages``: a fingerprint of every output file's inputs, so an unchanged page is neither rendered
  nor written again.

SQLite commits atomically, so a killed build leaves the previous cache intact. A cache that cannot be
read (corrupt, from another version) is deleted and rebuilt, with a warning.
"""

from __future__ import annotations

import pickle
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__

CACHE_DIR = ".dateline-cache"
SCHEMA = 3
"""Bump when the cache layout or any cached record changes shape."""


@dataclass(frozen=True, slots=True)
class CachedFile:
    """One content file as it was last seen."""

    size: int
    mtime_ns: int
    digest: str
    payload: bytes
    """The pickled extraction result."""


class BuildCache:
    """Read and update the cache. ``key`` ties entries to one extractor version and configuration."""

    def __init__(self, folder: Path, key: str) -> None:
        self.path = folder / "cache.sqlite"
        self.key = f"{__version__}/{SCHEMA}/{key}"
        self.warning = ""
        folder.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            self.warning = f"build cache {self.path} was unreadable ({exc}); rebuilt from scratch"
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE name='key'").fetchone()
        if row is None or row[0] != self.key:
            # Another extractor version, schema or configuration: nothing cached is valid any more, and the
            # tables may have another layout, so they are made anew.
            db.execute("DROP TABLE IF EXISTS articles")
            db.execute("DROP TABLE IF EXISTS pages")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('key', ?)", (self.key,))
        db.execute(
            "CREATE TABLE IF NOT EXISTS articles (path TEXT PRIMARY KEY, size INT, mtime_ns INT, digest TEXT, payload BLOB)"
        )
        db.execute("CREATE TABLE IF NOT EXISTS pages (path TEXT PRIMARY KEY, fingerprint TEXT)")
        db.execute("SELECT count(*) FROM articles").fetchone()  # touch the file: corrupt ones fail here
        return db

    def articles(self) -> dict[str, CachedFile]:
        """Every cached content file."""
        return {
            path: CachedFile(size, mtime, digest, payload)
            for path, size, mtime, digest, payload in self.db.execute(
                "SELECT path, size, mtime_ns, digest, payload FROM articles"
            )
        }

    def pages(self) -> dict[str, str]:
        """Output path → fingerprint of its inputs."""
        return dict(self.db.execute("SELECT path, fingerprint FROM pages"))

    def last_run(self) -> tuple[str, str, bytes] | None:
        """The last successful build's input stamp, output identity and pickled report, if saved."""
        rows = dict(self.db.execute("SELECT name, value FROM meta WHERE name IN ('stamp', 'output', 'report')"))
        if not {"stamp", "output", "report"} <= rows.keys():
            return None
        return str(rows["stamp"]), str(rows["output"]), bytes(rows["report"])

    def save(
        self, articles: dict[str, CachedFile], pages: dict[str, str], run: tuple[str, str, bytes] | None = None
    ) -> None:
        """Replace the cache's contents in one transaction; ``run`` is what :meth:`last_run` returns next
        (None forgets it, so the next build checks every file)."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM meta WHERE name IN ('stamp', 'output', 'report')")
            if run is not None:
                self.db.executemany(
                    "INSERT INTO meta VALUES (?, ?)", zip(("stamp", "output", "report"), run, strict=True)
                )
            self.db.execute("DELETE FROM articles")
            self.db.executemany(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
                ((p, c.size, c.mtime_ns, c.digest, c.payload) for p, c in articles.items()),
            )
            self.db.execute("DELETE FROM pages")
            self.db.executemany("INSERT INTO pages VALUES (?, ?)", pages.items())

    def close(self) -> None:
        """Close the database."""
        self.db.close()


def dumps(value: Any) -> bytes:
    """Serialise a cached record."""
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> Any:
    """Read back a record written by :func:`dumps` (only ever from our own cache file)."""
    return pickle.loads(data)  # only ever our own cache file, never downloaded or shared data
