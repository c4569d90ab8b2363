"""The JSON record of one document, exactly as the extraction contract (``dateline extract``) specifies."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..errors import ContentError
from ..load.raw import read_document
from ..model import Article, Dateline, Diagnostic, Extraction
from .article import make_article
from .pipeline import extract_text


def _dateline(d: Dateline | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"place": d.place, "date": d.date, "agency": d.agency, "raw": d.raw}


def _common(ex: Extraction | Article) -> dict[str, Any]:
    return {
        "dateline": _dateline(ex.dateline),
        "paragraphs": list(ex.paragraphs),
        "quotes": [{"text": q.text, "speaker": q.speaker, "cue": q.cue, "paragraph": q.paragraph} for q in ex.quotes],
        "entities": [
            {"name": e.name, "kind": e.kind.value, "aliases": list(e.aliases), "mentions": e.mentions}
            for e in ex.entities
        ],
        "tags": list(ex.tags),
    }


def record_for_file(path: str, max_bytes: int = 5_000_000) -> tuple[dict[str, Any], tuple[Diagnostic, ...]]:
    """The contract record for the file at ``path`` (echoed as given), and its diagnostics.

    A plain-text file reports only what its text states (a date only when a year is written). A
    Markdown file reports its front matter's title and date. Raises :class:`ContentError` on bad input.
    """
    raw = read_document(Path(path), path, max_bytes)
    if raw.source.kind == "md":
        article = make_article(raw, ZoneInfo("UTC"))
        date = article.date.isoformat() if article.date_source != "file name" else None
        return {"source": path, "title": article.title, "date": date, **_common(article)}, article.diagnostics
    ex = extract_text(raw.body, path, raw.body_line)
    rec = {"source": path, "title": ex.title, "date": ex.date.isoformat() if ex.date else None, **_common(ex)}
    return rec, raw.diagnostics + ex.diagnostics


def error_record(path: str, error: ContentError) -> dict[str, Any]:
    """The contract's record for a file that could not be read or parsed."""
    return {"source": path, "error": error.diagnostic().format()}
