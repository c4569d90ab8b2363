"""The records that cross stage boundaries: every one frozen, slotted and complete when made.

Data flows ``load → extract → site → render → build``. Each stage returns new values of these types;
nothing is filled in later. Collections inside records are tuples so records stay hashable and safe to
share between pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import PurePosixPath

from .pickling import fast_pickle


class Level(StrEnum):
    """How serious a diagnostic is. ``error`` stops an article; ``warning`` does not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class EntityKind(StrEnum):
    """The kinds of named entity the extractor tells apart."""

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    OTHER = "other"


@fast_pickle
@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in one input file, reported as ``path:line:col: level: message``."""

    path: str
    """The file, as the user named it (relative to the site root where possible)."""
    line: int
    """1-based line in the source file; 0 when the problem concerns the whole file."""
    level: Level
    """Error or warning."""
    message: str
    """One sentence, no trailing full stop needed."""
    column: int = 0
    """1-based column, or 0 when not meaningful."""
    code: str = ""
    """A short stable identifier, e.g. ``empty-file``; empty when none applies."""

    def format(self) -> str:
        """The one-line form printed by the CLI."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.line and self.column:
            where += f":{self.column}"
        code = f"[{self.code}]" if self.code else ""
        return f"{where}: {self.level.value}{code}: {self.message}"


@fast_pickle
@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline that opens a wire story or press release (``NEW YORK, March 2 (Reuters) -``)."""

    raw: str
    """The exact dateline text, closing dash included."""
    place: str | None = None
    """The place as written (``NEW YORK``, ``HOUSTON, Texas``), or None for a date-only dateline."""
    date: str | None = None
    """ISO ``YYYY-MM-DD``, or ``--MM-DD`` when the dateline states no year. Never an invented year."""
    agency: str | None = None
    """The wire service when named (``Reuters``, ``PRNewswire``)."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted passage: opening mark to closing mark, possibly over several paragraphs."""

    text: str
    """The words between the marks, verbatim."""
    speaker: str | None
    """The resolved speaker's name (an entity name when known), or None when unknown or unnamed."""
    cue: str | None
    """The speech verb or phrase (``said``, ``wrote``, ``according to``)."""
    paragraph: int
    """0-based index of the paragraph where the passage starts."""
    unclosed: bool = False
    """True when the passage never closed and was cut at the end of its paragraph."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world person, organisation or place named in an article, aliases merged."""

    name: str
    """The fullest name used in the text."""
    kind: EntityKind
    """Person, organisation, place or other."""
    aliases: tuple[str, ...] = ()
    """Other names used for it in the text (``Mr. Ban``, ``UNMIK``)."""
    mentions: int = 0
    """How often it is named in the body by its name or an alias (pronouns excluded)."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extractor understood of one document's text, before site-level decisions."""

    title: str | None
    dateline: Dateline | None
    date: dt.date | None
    """Publication date when the text states a full date; None otherwise."""
    paragraphs: tuple[str, ...]
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]
    tags: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    title_line: int = 0
    """1-based line of the headline in the text given to the extractor (0 when none)."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where an article came from."""

    path: str
    """The path relative to the content folder, POSIX separators (``2009/ban-extols.txt``)."""
    kind: str
    """``txt`` or ``md``."""
    digest: str = ""
    """sha256 of the file's bytes, for caches and change detection."""

    @property
    def stem(self) -> str:
        """The file name without its extension."""
        return PurePosixPath(self.path).stem


@fast_pickle
@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """An article as the site's collections, lists and feeds index it: everything but its body text.

    Builds hold one of these per article in memory and fetch a body only to render that article's own
    page or a feed entry, so memory grows with this compact record, not with the archive's text.
    """

    source: SourceRef
    slug: str
    """URL-safe name, unique within its date bucket."""
    title: str
    date: dt.date
    date_source: str
    """Which link of the fallback chain gave the date: ``front matter``, ``dateline``, ``file name``."""
    dateline: Dateline | None
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]
    tags: tuple[str, ...]
    summary: str
    place: str | None = None
    """Where the story is filed from: front matter ``place`` or the dateline place."""
    draft: bool = False
    diagnostics: tuple[Diagnostic, ...] = field(default=())


@fast_pickle
@dataclass(frozen=True, slots=True, kw_only=True)
class Article(ArticleMeta):
    """A fully loaded article: its :class:`ArticleMeta` and its body, as plain text and as HTML."""

    paragraphs: tuple[str, ...]
    """Plain-text body paragraphs (what extraction ran on)."""
    body_html: str
    """Sanitised HTML of the body, ready to place in a page."""

    def meta(self) -> ArticleMeta:
        """The compact record of this article, without its body."""
        return ArticleMeta(*(getattr(self, name) for name in META_FIELDS))


META_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ArticleMeta))
"""Field names of :class:`ArticleMeta`, in order."""
