"""Read one content file into a :class:`RawDocument`: decoded text, front matter, and where the body starts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError
from ..model import Diagnostic, SourceRef
from .decode import decode_bytes
from .frontmatter import FrontMatter, split_front_matter


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A content file, read and split but not yet interpreted."""

    source: SourceRef
    body: str
    """The text after any front matter, line endings normalised."""
    body_line: int
    """1-based line of the file where ``body`` starts (for error positions)."""
    front_matter: FrontMatter | None
    diagnostics: tuple[Diagnostic, ...] = ()


def source_kind(path: Path) -> str:
    """``md`` for Markdown files, ``txt`` for everything else."""
    return "md" if path.suffix.lower() in (".md", ".markdown") else "txt"


def read_document(path: Path, rel: str, max_bytes: int = 5_000_000) -> RawDocument:
    """Read and decode ``path`` (reported as ``rel``). Raises :class:`ContentError` on bad input."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            mb = size / 1_000_000
            raise ContentError(f"file too large ({mb:.1f} MB > {max_bytes / 1_000_000:g} MB)", rel, 0, 0, "too-large")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ContentError("file disappeared while reading", rel, 0, 0, "vanished") from exc
    except OSError as exc:
        raise ContentError(f"cannot read file: {exc.strerror or exc}", rel, 0, 0, "unreadable") from exc
    return parse_document(data, rel, source_kind(path))


def parse_document(data: bytes, rel: str, kind: str) -> RawDocument:
    """Turn a file's bytes into a RawDocument; the pure core of :func:`read_document`."""
    text, warnings = decode_bytes(data, rel)
    source = SourceRef(rel, kind, hashlib.sha256(data).hexdigest())
    if kind == "md":
        fm, body = split_front_matter(text, rel)
        body_line = fm.body_line if fm else 1
        return RawDocument(source, body, body_line, fm, warnings)
    return RawDocument(source, text, 1, None, warnings)
