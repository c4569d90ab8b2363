"""The persistent build cache: an SQLite file beside the output (``.dateline-cache/cache.sqlite``).

It keeps, across runs,

* ``articles``: each content file's extraction (keyed by path, with size, mtime and sha256 of the bytes,
  valid only for one extractor version and config key), split in two columns: the compact record the
  site is collected from (:class:`~dateline.model.ArticleMeta` and its diagnostics) and the body HTML,
  which is read back one article at a time while its page or a feed entry is rendered. A row stored
  since the last successful build is ``pending``: no output shows it yet (a build was killed or failed
  after extracting it), so a quick rebuild must not take it for what the output was built from;
* ``prints``: a fingerprint of every output file's inputs in two trees, the output and the spare (the
  tree of the build before last, which the next build brings up to date in place of writing a whole
  new tree), one column each; ``meta`` says which column is the output's, each tree's identity (its
  marker file), and the ``delta``, the files in which the two trees differ. A full build compares every
  fingerprint, so an unchanged page is neither rendered nor written again; a quick rebuild touches only
  the rows of the files it writes and of the delta, and swaps the columns' roles as it swaps the trees.
  Fingerprints describe only the trees whose identities are saved beside them; any other tree (a build
  killed after its switch, a folder replaced by hand) is not trusted;
* ``shells``: each article page's context without its body, ``feeds``: every feed's recipe (and in
  ``feed_entries`` which articles it lists), and in ``meta`` the fingerprint bases, so that an edit to
  one article's words alone is rebuilt without collecting the site (``quick.py``).

SQLite commits atomically, so a killed build leaves a consistent cache: extractions are committed as
soon as they are made (each is a fact about a file's bytes, right whatever happens to the build), page
fingerprints only after the output they describe is in place, together with the end of every row's
pending state. A cache that cannot be read (corrupt, from another version) is deleted and rebuilt, with
a warning.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..pickling import fast_pickle

CACHE_DIR = ".dateline-cache"
TEMPLATES_DIR = "templates"
"""In the cache folder: the theme's templates as compiled Python (see ``make_environment``)."""
SCHEMA = 8
"""Bump when the cache layout or any cached record changes shape."""
RUN_KEYS = ("stamp", "env", "output", "report", "folders")
"""The ``meta`` rows that describe the last successful build (see :meth:`BuildCache.last_run`)."""
TREE_KEYS = (*RUN_KEYS, "out_col", "pages_of", "spare_of", "delta", "bases")
"""Every ``meta`` row a build replaces: the run, which ``prints`` column is the output's, each tree's
identity, the files in which the trees differ, the fingerprint bases."""
COLUMNS = ("a", "b")
"""The two fingerprint columns of ``prints``; ``meta`` ``out_col`` names the output's, the other is the spare's."""


@dataclass(frozen=True, slots=True)
class LastRun:
    """The last successful build, as :meth:`BuildCache.last_run` returns it."""

    stamp: str
    """Its input stamp (see ``stamp.py``)."""
    env: str
    """The part of the stamp that is not content files."""
    output: str
    """The identity of the output it wrote."""
    report: bytes
    """Its pickled report."""
    folders: dict[str, str]
    """Content folder → digest of its files' names, sizes and times, when the stamp was trusted (see
    ``stamp.py``); empty otherwise."""


@dataclass(frozen=True, slots=True)
class TreeState:
    """Which trees the ``prints`` table describes, as :meth:`BuildCache.tree_state` returns it."""

    output: str
    """Identity of the output tree."""
    spare: str
    """Identity of the spare tree; empty when there is none."""
    delta: tuple[str, ...]
    """The files whose fingerprints differ between the two trees (each may be absent from one)."""


@dataclass(frozen=True, slots=True)
class Details:
    """What a quick rebuild needs from the last full one, beside the trees' fingerprints."""

    bases: tuple[bytes, bytes, Any]
    """What every page's and every feed's fingerprint starts from, and the site view pages render with."""
    shells: dict[str, tuple[str, str, bytes]]
    """Source path → (output file, fingerprint, blob) of article page shells to store."""
    feeds: dict[str, tuple[str, Any]]
    """Feed file → (fingerprint, recipe) of feeds to store (recipes are ``render.feeds.FeedRecipe``)."""
    feeds_kept: set[str] | None = None
    """Every feed file of the build, when it is a full one: stored feeds not among them are dropped."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class Row:
    """One content file's cache row, as extraction makes it."""

    path: str
    size: int
    mtime_ns: int
    digest: str
    """sha256 of the file's bytes; empty when it could not be read."""
    record: bytes | None
    """``dumps((ArticleMeta | None, diagnostics))``; None when the bytes are those already cached (only the
    file's time moved), so the cached record stands."""
    body: str = ""
    """The article's body HTML."""


class BuildCache:
    """Read and update the cache. ``key`` ties entries to one extractor version and configuration."""

    def __init__(self, folder: Path, key: str) -> None:
        self.path = folder / "cache.sqlite"
        self.folder = folder
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
            for table in ("articles", "prints", "shells", "feeds", "feed_entries"):
                db.execute(f"DROP TABLE IF EXISTS {table}")
            db.execute("DELETE FROM meta")
            db.execute("INSERT INTO meta VALUES ('key', ?)", (self.key,))
        db.execute(
            "CREATE TABLE IF NOT EXISTS articles"
            " (path TEXT PRIMARY KEY, size INT, mtime_ns INT, digest TEXT, record BLOB, body TEXT, pending INT)"
        )
        db.execute("CREATE INDEX IF NOT EXISTS articles_pending ON articles (pending) WHERE pending = 1")
        db.execute("CREATE TABLE IF NOT EXISTS prints (rel TEXT PRIMARY KEY, a TEXT, b TEXT) WITHOUT ROWID")
        db.execute("CREATE TABLE IF NOT EXISTS shells (source TEXT PRIMARY KEY, rel TEXT, print TEXT, page BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS feeds (rel TEXT PRIMARY KEY, print TEXT, recipe BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS feed_entries (source TEXT, rel TEXT)")
        db.execute("CREATE INDEX IF NOT EXISTS feed_entries_source ON feed_entries (source)")
        db.execute("SELECT count(*) FROM articles").fetchone()  # touch the file: corrupt ones fail here
        return db

    def files(self) -> dict[str, tuple[int, int, str]]:
        """Every cached content file: path → (size, mtime, digest); no records are read."""
        return {p: (s, m, d) for p, s, m, d in self.db.execute("SELECT path, size, mtime_ns, digest FROM articles")}

    def files_in(self, folders: Iterable[str]) -> dict[str, tuple[int, int, str]]:
        """Like :meth:`files`, for the files directly in the given content ``folders`` ("" is the top)."""
        found: dict[str, tuple[int, int, str]] = {}
        for folder in folders:
            if folder:
                # '/' sorts just before '0': this range is every path under the folder, sub-folders too.
                rows = self.db.execute(
                    "SELECT path, size, mtime_ns, digest FROM articles WHERE path >= ? AND path < ?",
                    (folder + "/", folder + "0"),
                )
            else:
                rows = self.db.execute("SELECT path, size, mtime_ns, digest FROM articles WHERE instr(path, '/') = 0")
            depth = len(folder) + 1 if folder else 0
            found.update({p: (s, m, d) for p, s, m, d in rows if "/" not in p[depth:]})
        return found

    def pending(self) -> bool:
        """True when some file's extraction was stored after the last successful build (which therefore
        does not show it)."""
        return self.db.execute("SELECT 1 FROM articles WHERE pending = 1 LIMIT 1").fetchone() is not None

    def records(self) -> Iterator[tuple[str, bytes]]:
        """Every cached file's path and record (see :attr:`Row.record`), one at a time."""
        yield from self.db.execute("SELECT path, record FROM articles")

    def record(self, path: str) -> bytes | None:
        """The cached record of one content file (see :attr:`Row.record`), or None."""
        row = self.db.execute("SELECT record FROM articles WHERE path=?", (path,)).fetchone()
        return bytes(row[0]) if row is not None else None

    def shell_prints(self) -> dict[str, str]:
        """Source path → fingerprint of every stored article page shell."""
        return dict(self.db.execute("SELECT source, print FROM shells"))

    def shell(self, source: str) -> tuple[str, str, bytes] | None:
        """(output file, fingerprint, blob) of the stored shell of ``source``'s article page, or None."""
        row = self.db.execute("SELECT rel, print, page FROM shells WHERE source=?", (source,)).fetchone()
        return (str(row[0]), str(row[1]), bytes(row[2])) if row is not None else None

    def bases(self) -> tuple[bytes, bytes, Any] | None:
        """The last build's fingerprint bases (see :class:`Details`)."""
        rows = self._meta("bases")
        return loads(rows["bases"]) if "bases" in rows else None

    def feed_prints(self) -> dict[str, str]:
        """Feed file → fingerprint of every stored feed recipe."""
        return dict(self.db.execute("SELECT rel, print FROM feeds"))

    def feeds_of(self, sources: list[str]) -> list[tuple[str, str, Any]]:
        """(feed file, fingerprint, recipe) of every stored feed with an entry from one of ``sources``."""
        marks = ",".join("?" * len(sources))
        rows = self.db.execute(
            f"SELECT rel, print, recipe FROM feeds WHERE rel IN"
            f" (SELECT rel FROM feed_entries WHERE source IN ({marks})) ORDER BY rel",
            sources,
        )
        return [(str(rel), str(printed), loads(blob)) for rel, printed, blob in rows]

    def put(self, rows: Iterable[Row], gone: Iterable[str] = ()) -> None:
        """Store fresh extractions and forget files that are ``gone``, in one committed transaction."""
        with self.db:
            self.db.execute("BEGIN")
            for r in rows:
                if r.record is None:
                    self.db.execute("UPDATE articles SET size=?, mtime_ns=? WHERE path=?", (r.size, r.mtime_ns, r.path))
                else:
                    self.db.execute(
                        "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, 1)",
                        (r.path, r.size, r.mtime_ns, r.digest, r.record, r.body),
                    )
            self.db.executemany("DELETE FROM articles WHERE path=?", ((p,) for p in gone))

    def pages(self, output: str) -> dict[str, str]:
        """Output path → fingerprint of its inputs, for the output of identity ``output`` (empty for any
        other output: its files are not known to be the ones fingerprinted)."""
        return self._prints(output, spare=False) or {}

    def spare(self, identity: str) -> dict[str, str] | None:
        """The same for the spare tree, or None when the tree of that identity is not the one recorded."""
        return self._prints(identity, spare=True)

    def _meta(self, *names: str) -> dict[str, Any]:
        marks = ",".join("?" * len(names))
        return dict(self.db.execute(f"SELECT name, value FROM meta WHERE name IN ({marks})", names))

    def _columns(self) -> tuple[str, str]:
        """The output's and the spare's column of ``prints``."""
        out = self._meta("out_col").get("out_col", COLUMNS[0])
        return (COLUMNS[0], COLUMNS[1]) if out == COLUMNS[0] else (COLUMNS[1], COLUMNS[0])

    def _prints(self, identity: str, spare: bool) -> dict[str, str] | None:
        rows = self._meta("pages_of", "spare_of")
        if not identity or rows.get("spare_of" if spare else "pages_of") != identity:
            return None
        column = self._columns()[1 if spare else 0]
        return dict(self.db.execute(f"SELECT rel, {column} FROM prints WHERE {column} IS NOT NULL"))

    def tree_state(self) -> TreeState | None:
        """The trees the fingerprints describe, or None when no build recorded them."""
        rows = self._meta("pages_of", "spare_of", "delta")
        if "pages_of" not in rows:
            return None
        delta: tuple[str, ...] = loads(rows["delta"]) if "delta" in rows else ()
        return TreeState(str(rows["pages_of"]), str(rows.get("spare_of", "")), delta)

    def prints_of(self, rels: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        """Output file → its fingerprint in the output and in the spare tree (None where it is absent),
        for the given files only."""
        out, spare = self._columns()
        found: dict[str, tuple[str | None, str | None]] = {}
        wanted = list(rels)
        for i in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
            part = wanted[i : i + 500]
            query = f"SELECT rel, {out}, {spare} FROM prints WHERE rel IN ({','.join('?' * len(part))})"
            found.update({rel: (o, s) for rel, o, s in self.db.execute(query, part)})
        return found

    def last_run(self) -> LastRun | None:
        """The last successful build, if saved."""
        rows = self._meta(*RUN_KEYS)
        if not set(RUN_KEYS) <= rows.keys():
            return None
        folders: dict[str, str] = loads(rows["folders"])
        return LastRun(str(rows["stamp"]), str(rows["env"]), str(rows["output"]), bytes(rows["report"]), folders)

    def save_trees(
        self,
        output: tuple[str, dict[str, str]],
        spare: tuple[str, dict[str, str]] | None,
        run: LastRun | None = None,
        details: Details | None = None,
    ) -> None:
        """Record (identity, fingerprints) of the output and of the spare tree (None: there is no usable
        one) after a full build, with ``run`` what :meth:`last_run` returns next (None: the next build
        checks every file), and the ``details`` a quick rebuild reads. Every stored extraction is now
        shown by the output: none is pending any more."""
        out, spare_prints = output[1], spare[1] if spare is not None else {}
        delta = sorted(rel for rel in out.keys() | spare_prints.keys() if out.get(rel) != spare_prints.get(rel))
        values: list[tuple[str, object]] = [("out_col", COLUMNS[0]), ("pages_of", output[0]), ("delta", dumps(delta))]
        if spare is not None:
            values.append(("spare_of", spare[0]))
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM prints")
            self.db.executemany(
                "INSERT INTO prints VALUES (?, ?, ?)",
                ((rel, out.get(rel), spare_prints.get(rel)) for rel in out.keys() | spare_prints.keys()),
            )
            self._finish(values, run, details)

    def save_switch(
        self,
        output: str,
        spare: str | None,
        written: dict[str, str],
        carried: Iterable[str] | None,
        run: LastRun | None = None,
        details: Details | None = None,
    ) -> None:
        """Record a quick rebuild, which brought the spare tree up to date and swapped it with the output:
        the new output (identity ``output``) is the old one with the files ``written`` (file →
        fingerprint) and the files ``carried`` over from the old output (None: every file), and the new
        spare (identity ``spare``, None when there is none) is the old output. Only those rows change;
        the columns swap roles; the new delta is the written files whose fingerprints changed."""
        old_out, new_out = self._columns()
        with self.db:
            self.db.execute("BEGIN")
            if carried is None:
                self.db.execute(f"UPDATE prints SET {new_out} = {old_out}")
                self.db.execute("DELETE FROM prints WHERE a IS NULL AND b IS NULL")
            else:
                self.db.executemany(
                    f"UPDATE prints SET {new_out} = {old_out} WHERE rel = ?", ((rel,) for rel in carried)
                )
                self.db.executemany(
                    f"DELETE FROM prints WHERE rel = ? AND {old_out} IS NULL", ((rel,) for rel in carried)
                )
            before = self.prints_of(written)
            self.db.executemany(
                f"INSERT INTO prints (rel, {new_out}) VALUES (?, ?) ON CONFLICT (rel) DO UPDATE SET {new_out} = ?",
                ((rel, printed, printed) for rel, printed in written.items()),
            )
            delta = sorted(rel for rel, printed in written.items() if before.get(rel, (None, None))[0] != printed)
            values: list[tuple[str, object]] = [("out_col", new_out), ("pages_of", output), ("delta", dumps(delta))]
            if spare is not None:
                values.append(("spare_of", spare))
            self._finish(values, run, details)

    def _finish(self, values: list[tuple[str, object]], run: LastRun | None, details: Details | None) -> None:
        """The rest of recording a build, inside its transaction: the run, the trees' ``meta`` rows, the
        quick rebuild's details, and no extraction pending any more."""
        if run is not None:
            values += [("stamp", run.stamp), ("env", run.env), ("output", run.output), ("report", run.report)]
            values.append(("folders", dumps(run.folders)))
        if details is not None:
            values.append(("bases", dumps(details.bases)))
        self.db.execute(f"DELETE FROM meta WHERE name IN ({','.join('?' * len(TREE_KEYS))})", TREE_KEYS)
        self.db.executemany("INSERT INTO meta VALUES (?, ?)", values)
        self.db.execute("UPDATE articles SET pending = 0 WHERE pending = 1")
        if details is not None:
            self.db.executemany(
                "INSERT OR REPLACE INTO shells VALUES (?, ?, ?, ?)",
                ((src, rel, printed, blob) for src, (rel, printed, blob) in details.shells.items()),
            )
            if details.feeds_kept is not None:  # a full build, which may follow removed files: drop their shells
                self.db.execute("DELETE FROM shells WHERE source NOT IN (SELECT path FROM articles)")
            self._save_feeds(details)

    def _save_feeds(self, details: Details) -> None:
        gone: list[str] = []
        if details.feeds_kept is not None:
            gone = [rel for (rel,) in self.db.execute("SELECT rel FROM feeds") if rel not in details.feeds_kept]
        for rel in [*gone, *details.feeds]:
            self.db.execute("DELETE FROM feeds WHERE rel=?", (rel,))
            self.db.execute("DELETE FROM feed_entries WHERE rel=?", (rel,))
        for rel, (printed, recipe) in details.feeds.items():
            self.db.execute("INSERT INTO feeds VALUES (?, ?, ?)", (rel, printed, dumps(recipe)))
            sources = {path for _, path, _ in recipe.entries}
            self.db.executemany("INSERT INTO feed_entries VALUES (?, ?)", ((src, rel) for src in sorted(sources)))

    def close(self) -> None:
        """Close the database."""
        self.db.close()


class BodyReader:
    """Reads article bodies from a cache file, one connection per process (workers are forked, and an
    SQLite connection must not cross a fork). The last few bodies are kept: feeds share their items."""

    KEEP = 512

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._recent: dict[str, str] = {}

    def __call__(self, source: str) -> str:
        """The body HTML of the article from content file ``source``."""
        found = self._recent.get(source)
        if found is not None:
            return found
        if self._db is None or self._pid != os.getpid():
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        row = self._db.execute("SELECT body FROM articles WHERE path=?", (source,)).fetchone()
        body = str(row[0]) if row is not None else ""
        if len(self._recent) >= self.KEEP:
            self._recent.clear()
        self._recent[source] = body
        return body


def dumps(value: Any) -> bytes:
    """Serialise a cached record."""
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> Any:
    """Read back a record written by :func:`dumps` (only ever from our own cache file)."""
    return pickle.loads(data)  # only ever our own cache file, never downloaded or shared data
