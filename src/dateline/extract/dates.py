"""Stage 5: dates. Turn dateline and date-line matches into ISO dates, never inventing a year."""

from __future__ import annotations

import datetime as dt
import re

from .patterns import DATE_LINE_RE, MONTHS


def _iso(year: int | None, month: int, day: int) -> str | None:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year, so --02-29 stays valid
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def month_day(m: re.Match[str]) -> str | None:
    """ISO date (or ``--MM-DD``) from a match of ``DATE_MDY``/``DATE_DMY``/``DATE_ISO`` groups."""
    groups = m.groupdict()
    if groups.get("iy"):
        return _iso(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
    mon = groups.get("mon") or groups.get("mon2")
    day = groups.get("day") or groups.get("day2")
    year = groups.get("year") or groups.get("year2")
    if not mon or not day:
        return None
    key = mon.lower().rstrip(".")
    # A truncated month (``Marc``) is known by its first three letters, which no two months share.
    month = MONTHS.get(key) or MONTHS.get(key[:3])
    if month is None:
        return None
    return _iso(int(year) if year else None, month, int(day))


def full_date(iso: str | None) -> dt.date | None:
    """A ``date`` for a full ISO string; None for ``--MM-DD`` or None."""
    if not iso or iso.startswith("--"):
        return None
    return dt.date.fromisoformat(iso)


def date_line(block: str) -> str | None:
    """The ISO date when ``block`` is nothing but a date (``Published: March 5, 2018``), else None."""
    if len(block) > 80:
        return None
    m = DATE_LINE_RE.match(block.strip())
    if not m:
        return None
    return month_day(m)
