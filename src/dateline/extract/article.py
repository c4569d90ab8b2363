"""Turn a :class:`RawDocument` into a complete :class:`Article`, or a :class:`ContentError` saying why not.

The date comes from a fallback chain, first hit wins:

1. front matter ``date`` (Markdown),
2. the dateline or a standalone date line, when it states the year,
3. a ``YYYY-MM-DD-`` (or ``YYYY-MM-DD_``) prefix of the file name,
4. otherwise an error naming the file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from ..errors import ContentError
from ..load.decode import clean_text
from ..load.raw import RawDocument
from ..model import Article, Diagnostic, Extraction, Level
from ..slug import fallback_slug, slugify
from .markup import MarkdownTooComplex, paragraphs_html, render_markdown_paragraphs
from .pipeline import extract_text

FRONT_MATTER_KEYS: frozenset[str] = frozenset({"title", "date", "tags", "place", "summary", "draft", "slug", "author"})
"""Keys a Markdown article's front matter may hold."""
FILE_DATE_RE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[-_]|$)")
ISO_DATE_RE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?P<tz>Z|[+-]\d{2}:?\d{2})?)?$"
)
TRUE_WORDS = frozenset({"true", "yes", "on", "1"})
FALSE_WORDS = frozenset({"false", "no", "off", "0", ""})
SUMMARY_CHARS = 240


def file_name_date(path: str) -> dt.date | None:
    """The date in a ``YYYY-MM-DD-slug`` file name, if any and valid."""
    m = FILE_DATE_RE.match(PurePosixPath(path).name)
    if not m:
        return None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def make_article(raw: RawDocument, tz: ZoneInfo) -> Article:
    """Build the article for ``raw`` in site time zone ``tz``. Raises ContentError when it cannot."""
    if raw.source.kind == "md":
        return _from_markdown(raw, tz)
    return _from_text(raw)


def _from_text(raw: RawDocument) -> Article:
    path = raw.source.path
    ex = extract_text(raw.body, path, raw.body_line)
    if ex.title is None:
        raise ContentError("no headline found", path, 1, 1, "no-headline")
    if not ex.paragraphs:
        raise ContentError("article has no body", path, ex.title_line or 1, 1, "no-body")
    date, source = _date_chain(None, ex, path)
    html = paragraphs_html(ex.paragraphs)
    return _assemble(raw, ex, ex.title, date, source, html, ex.tags, None, _summary(ex.paragraphs), False, None)


def _from_markdown(raw: RawDocument, tz: ZoneInfo) -> Article:
    path = raw.source.path
    fm = raw.front_matter
    values: dict[str, Any] = dict(fm.values) if fm else {}
    lines: dict[str, int] = dict(fm.lines) if fm else {}
    warnings: list[Diagnostic] = []
    for key in values:
        if key not in FRONT_MATTER_KEYS:
            hint = difflib.get_close_matches(key, sorted(FRONT_MATTER_KEYS), n=1)
            extra = f" — did you mean '{hint[0]}'?" if hint else ""
            warnings.append(
                Diagnostic(path, lines.get(key, 0), Level.WARNING, f"unknown key '{key}'{extra}", code="unknown-key")
            )
    title = _text_value(values, "title", path, lines)
    if not title:
        raise ContentError("missing required field 'title'", path, 1, 1, "missing-title")
    try:
        html, paragraphs = render_markdown_paragraphs(raw.body)
    except MarkdownTooComplex as exc:
        raise ContentError(str(exc), path, raw.body_line + exc.line - 1, 1, "markdown-too-complex") from exc
    if not paragraphs:
        raise ContentError("article has no body", path, max(raw.body_line - 1, 1), 1, "no-body")
    ex = extract_text("\n\n".join(paragraphs), path, raw.body_line, title=title)
    fm_date = _front_matter_date(values, path, lines, tz)
    date, source = _date_chain(fm_date, ex, path)
    tags = _tags(values, path, lines, warnings)
    place = _text_value(values, "place", path, lines)
    summary = _text_value(values, "summary", path, lines) or _summary(ex.paragraphs)
    draft = _bool_value(values, "draft", path, lines)
    slug = _text_value(values, "slug", path, lines)
    article = _assemble(raw, ex, title, date, source, html, tags or ex.tags, place, summary, draft, slug)
    if warnings:
        from dataclasses import replace

        article = replace(article, diagnostics=article.diagnostics + tuple(warnings))
    return article


def _assemble(
    raw: RawDocument,
    ex: Extraction,
    title: str,
    date: dt.date,
    date_source: str,
    html: str,
    tags: tuple[str, ...],
    place: str | None,
    summary: str,
    draft: bool,
    slug: str | None,
) -> Article:
    final_slug = slugify(slug or title) or fallback_slug(raw.source.path, date.isoformat())
    diags = raw.diagnostics + ex.diagnostics
    if not slugify(slug or title):
        diags += (
            Diagnostic(
                raw.source.path, 1, Level.WARNING, f"title gives an empty slug; using '{final_slug}'", code="empty-slug"
            ),
        )
    return Article(
        source=raw.source,
        slug=final_slug,
        title=title,
        date=date,
        date_source=date_source,
        dateline=ex.dateline,
        paragraphs=ex.paragraphs,
        body_html=html,
        quotes=ex.quotes,
        entities=ex.entities,
        tags=tags,
        summary=summary,
        place=place or (ex.dateline.place if ex.dateline else None),
        draft=draft,
        diagnostics=diags,
    )


def _date_chain(fm_date: dt.date | None, ex: Extraction, path: str) -> tuple[dt.date, str]:
    if fm_date is not None:
        return fm_date, "front matter"
    if ex.date is not None:
        return ex.date, "dateline"
    from_name = file_name_date(path)
    if from_name is not None:
        return from_name, "file name"
    hint = "add a date to the dateline, a 'date:' in front matter, or name the file YYYY-MM-DD-slug"
    raise ContentError(f"no date found ({hint})", path, ex.title_line or 1, 1, "no-date")


def _text_value(values: dict[str, Any], key: str, path: str, lines: dict[str, int]) -> str | None:
    if key not in values or values[key] is None:
        return None
    value = values[key]
    if not isinstance(value, str):
        raise ContentError(f"'{key}' must be text", path, lines.get(key, 1), 1, "bad-type")
    value = " ".join(clean_text(value).split())
    return value or None


def _bool_value(values: dict[str, Any], key: str, path: str, lines: dict[str, int]) -> bool:
    value = values.get(key)
    if value is None:
        return False
    if isinstance(value, str) and value.strip().lower() in TRUE_WORDS | FALSE_WORDS:
        return value.strip().lower() in TRUE_WORDS
    raise ContentError(f"'{key}' must be true or false", path, lines.get(key, 1), 1, "bad-type")


def _front_matter_date(values: dict[str, Any], path: str, lines: dict[str, int], tz: ZoneInfo) -> dt.date | None:
    value = values.get("date")
    if value is None:
        return None
    line = lines.get("date", 1)
    text = value.strip() if isinstance(value, str) else ""
    m = ISO_DATE_RE.match(text)
    if not m:
        raise ContentError("date must be ISO 8601 (YYYY-MM-DD[THH:MM[:SS][±HH:MM]])", path, line, 1, "bad-date")
    try:
        day = dt.date.fromisoformat(m["date"])
    except ValueError as exc:
        raise ContentError(f"invalid date {m['date']}: {_date_reason(exc)}", path, line, 1, "bad-date") from exc
    if m["time"] and m["tz"]:
        stamp = dt.datetime.fromisoformat(f"{m['date']}T{m['time']}{m['tz'].replace('Z', '+00:00')}")
        return stamp.astimezone(tz).date()
    return day


def _date_reason(exc: ValueError) -> str:
    text = str(exc)
    if "day is out of range" in text:
        return "day out of range"
    if "month must be" in text:
        return "month out of range"
    if "year" in text:
        return "year out of range"
    return text


def _tags(values: dict[str, Any], path: str, lines: dict[str, int], warnings: list[Diagnostic]) -> tuple[str, ...]:
    raw = values.get("tags")
    if raw is None:
        return ()
    items: list[Any] = raw if isinstance(raw, list) else str(raw).split(",") if isinstance(raw, str) else [raw]
    out: dict[str, None] = {}
    for item in items:
        if not isinstance(item, str) or not " ".join(item.split()) or item.strip().lower() in ("null", "~"):
            warnings.append(
                Diagnostic(path, lines.get("tags", 0), Level.WARNING, "empty or non-text tag dropped", code="bad-tag")
            )
            continue
        tag = " ".join(clean_text(item).split()).lower()
        if not slugify(tag):
            warnings.append(
                Diagnostic(
                    path,
                    lines.get("tags", 0),
                    Level.WARNING,
                    f"tag '{tag}' has no usable characters; dropped",
                    code="bad-tag",
                )
            )
            continue
        out.setdefault(tag, None)
    return tuple(out)


def _summary(paragraphs: tuple[str, ...]) -> str:
    if not paragraphs:
        return ""
    first = paragraphs[0]
    if len(first) <= SUMMARY_CHARS:
        return first
    cut = first.rfind(" ", 0, SUMMARY_CHARS)
    return first[: cut if cut > 0 else SUMMARY_CHARS].rstrip(",;:") + "…"
