"""Stage 4: find and parse the dateline that opens the first body paragraph.

A match of ``DATELINE_RE`` is accepted only when it carries enough evidence to be a dateline rather
than a sentence that happens to start with capitals and a dash (``NATO - the alliance …``):

1. a date, or
2. a wire agency, or
3. an all-capitals place with a region (``HAVANA, Cuba —``), or
4. an all-capitals place known to the gazetteer (``GENEVA —``).
"""

from __future__ import annotations

from ..model import Dateline
from . import gazetteer
from .dates import month_day
from .patterns import AGENCIES, DATELINE_RE, MONTHS, NOT_PLACE_WORDS

MAX_DATELINE_CHARS = 160
"""A dateline longer than this is a sentence, not a dateline."""


def parse_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """The dateline at the start of ``paragraph`` (or None) and the paragraph with it removed."""
    m = DATELINE_RE.match(paragraph[: MAX_DATELINE_CHARS + 40])
    if not m or m.end() > MAX_DATELINE_CHARS:
        return None, paragraph
    place = m.group("place")
    date_text = m.group("date")
    agency = m.group("agency") or m.group("agency_s") or m.group("agency_d") or m.group("agency_c")
    rest = paragraph[m.end() :]
    if not rest.strip() and not date_text:
        return None, paragraph
    if place is not None and not _plausible_place(place, has_date=bool(date_text), has_agency=bool(agency)):
        if not date_text:
            return None, paragraph
        # A date with an implausible "place" in front: the capitals were a headline fragment.
        return None, paragraph
    if not (place or date_text):
        return None, paragraph
    if agency and not _plausible_agency(agency):
        return None, paragraph
    date: str | None = None
    if date_text:
        date = month_day(m)
        if date is None:
            return None, paragraph
    raw = paragraph[: m.end()].rstrip()
    return Dateline(raw=raw, place=place.strip(" ,") if place else None, date=date, agency=agency), rest.lstrip()


def _plausible_agency(agency: str) -> bool:
    if agency in AGENCIES:
        return True
    # An unknown agency must look like a name, not a parenthetical remark: short, capitalised.
    words = agency.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _plausible_place(place: str, *, has_date: bool, has_agency: bool) -> bool:
    head = place.split(",")[0].strip()
    if not head or head in NOT_PLACE_WORDS or head.lower() in MONTHS:
        return False
    if any(ch.isdigit() for ch in head):
        return False
    if has_date or has_agency:
        return True
    # Without a date or agency only the wire style counts: capitals, then a region or a known place.
    if not head.isupper() or len(head) < 3:
        return False
    return "," in place or gazetteer.is_place(head)
