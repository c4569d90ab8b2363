"""Read and extract one content file, reusing the last result when the bytes did not change.

Used in-process and in the worker processes that extract changed files in parallel.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ContentError
from ..model import Diagnostic, Level
from ..pickling import fast_pickle

if TYPE_CHECKING:
    from ..model import Article
from .cache import Row


@fast_pickle
@dataclass(frozen=True, slots=True)
class FileRecord:
    """One content file as it was last read: its size, time and digest, and what extraction made of it."""

    size: int
    mtime_ns: int
    digest: str
    article: Article | None
    diagnostics: tuple[Diagnostic, ...]


def extract_file(
    path: Path, rel: str, max_bytes: int, tz_name: str, known: FileRecord | None = None, reuse_digest: bool = False
) -> FileRecord | None:
    """Read and extract one content file (also in worker processes for parallel builds).

    ``known`` is the file's previous record: when the bytes are unchanged (only the mtime moved) its
    article is reused instead of extracted again (with ``reuse_digest``, even when ``known`` carries no
    article: the result then has none either, and the caller keeps what it has). None when the file vanished.
    """
    from zoneinfo import ZoneInfo

    # Imported here, not above: compiling the extractor's patterns takes about half a second, which a
    # rebuild that finds nothing to extract should not pay.
    from ..extract.article import make_article
    from ..load import read_document

    try:
        st = path.stat()
    except OSError:
        return None
    try:
        raw = read_document(path, rel, max_bytes)
    except ContentError as exc:
        if exc.code == "vanished":
            return None  # deleted or renamed mid-build: the next build sees the new state
        return FileRecord(st.st_size, st.st_mtime_ns, "", None, (exc.diagnostic(),))
    if known is not None and known.digest == raw.source.digest and (known.article is not None or reuse_digest):
        return FileRecord(st.st_size, st.st_mtime_ns, known.digest, known.article, known.diagnostics)
    try:
        article = make_article(raw, ZoneInfo(tz_name))
    except ContentError as exc:
        return FileRecord(st.st_size, st.st_mtime_ns, raw.source.digest, None, (exc.diagnostic(),))
    except RecursionError:
        diag = Diagnostic(rel, 1, Level.ERROR, "input too deeply nested to parse", 1, "recursion")
        return FileRecord(st.st_size, st.st_mtime_ns, raw.source.digest, None, (diag,))
    kept = tuple(d for d in article.diagnostics if d.level is not Level.INFO)
    return FileRecord(st.st_size, st.st_mtime_ns, raw.source.digest, article, kept)


def extract_batch(items: list[tuple[str, str]], max_bytes: int, tz_name: str) -> list[tuple[str, FileRecord | None]]:
    """Extract ``(path, rel)`` pairs in one worker process."""
    return [(rel, extract_file(Path(p), rel, max_bytes, tz_name)) for p, rel in items]


PARALLEL_MIN_FILES = 64
"""Fewer changed files than this are extracted in-process: starting workers would cost more."""


def extract_row(path: Path, rel: str, max_bytes: int, tz_name: str, known_digest: str = "") -> Row | None:
    """One content file as a cache :class:`Row` (the command-line build's unit of extraction).

    When the file's bytes still have ``known_digest`` (only its time moved) the row carries no record and
    the cached one stands. None when the file vanished.
    """
    from .cache import dumps

    known = FileRecord(0, 0, known_digest, None, ()) if known_digest else None
    found = extract_file(path, rel, max_bytes, tz_name, known, reuse_digest=True)
    if found is None:
        return None
    if found.article is None and found.digest and found.digest == known_digest and not found.diagnostics:
        return Row(rel, found.size, found.mtime_ns, found.digest, None)
    meta = found.article.meta() if found.article is not None else None
    body = found.article.body_html if found.article is not None else ""
    return Row(rel, found.size, found.mtime_ns, found.digest, dumps((meta, found.diagnostics)), body)


def extract_rows(items: list[tuple[str, str, str]], max_bytes: int, tz_name: str) -> list[tuple[str, Row | None]]:
    """Extract ``(path, rel, known digest)`` triples in one worker process."""
    return [(rel, extract_row(Path(p), rel, max_bytes, tz_name, digest)) for p, rel, digest in items]
