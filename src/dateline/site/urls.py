"""Where each page lives: output paths and the URLs that point at them, from one scheme."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..pickling import fast_pickle


@fast_pickle
@dataclass(frozen=True, slots=True)
class UrlScheme:
    """URL patterns, all relative to the site root and ending in ``/`` (a folder with ``index.html``)."""

    base_path: str = "/"
    """The site's path under its host, from ``base_url`` (``/archive/``)."""
    article: str = "{year}/{month}/{slug}/"
    tag: str = "tags/{slug}/"
    year: str = "{year}/"
    month: str = "{year}/{month}/"
    day: str = "{year}/{month}/{day}/"
    person: str = "people/{slug}/"
    organization: str = "organisations/{slug}/"
    place: str = "places/{slug}/"
    speaker: str = "quotes/{slug}/"
    page: str = "page/{n}/"
    """Suffix added to a list's own URL for its page ``n`` (n ≥ 2)."""

    def article_path(self, date: dt.date, slug: str) -> str:
        """Relative folder of an article page."""
        return self.article.format(year=f"{date.year:04d}", month=f"{date.month:02d}", day=f"{date.day:02d}", slug=slug)

    def tag_path(self, slug: str) -> str:
        """Relative folder of a tag's first page."""
        return self.tag.format(slug=slug)

    def year_path(self, year: int) -> str:
        """Relative folder of a year archive."""
        return self.year.format(year=f"{year:04d}")

    def month_path(self, year: int, month: int) -> str:
        """Relative folder of a month archive."""
        return self.month.format(year=f"{year:04d}", month=f"{month:02d}")

    def day_path(self, date: dt.date) -> str:
        """Relative folder of a day archive."""
        return self.day.format(year=f"{date.year:04d}", month=f"{date.month:02d}", day=f"{date.day:02d}")

    def entity_path(self, kind: str, slug: str) -> str:
        """Relative folder of an entity page (``person``, ``organization`` or ``place``)."""
        pattern = {"person": self.person, "organization": self.organization, "place": self.place}[kind]
        return pattern.format(slug=slug)

    def kind_index_path(self, kind: str) -> str:
        """Relative folder of the A–Z index of one entity kind (the pattern's first segment)."""
        return self.entity_path(kind, "x").split("/")[0] + "/"

    def letter_path(self, kind: str, letter: str) -> str:
        """Relative folder of one letter of an entity kind's A–Z index."""
        return f"{self.kind_index_path(kind)}by-letter/{letter}/"

    def speaker_path(self, slug: str) -> str:
        """Relative folder of a speaker's quotes page."""
        return self.speaker.format(slug=slug)

    def speakers_index_path(self) -> str:
        """Relative folder of the index of speakers."""
        return self.speaker.format(slug="x").split("/")[0] + "/"

    def paged(self, first: str, n: int) -> str:
        """Relative folder of older page ``n`` (counted from the oldest) of the list at ``first``; 0 is ``first``."""
        return first if n <= 0 else first + self.page.format(n=n)

    def href(self, rel: str) -> str:
        """Root-relative link to a relative folder or file (``/archive/2009/10/slug/``)."""
        return self.base_path + rel

    @staticmethod
    def file_for(rel: str) -> str:
        """The output file that serves a relative URL (folders get ``index.html``)."""
        return rel + "index.html" if rel == "" or rel.endswith("/") else rel
