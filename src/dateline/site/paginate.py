"""Split an ordered list into numbered pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

PathFor = Callable[[int], str]
"""Maps a 1-based page number to that page's relative folder."""


@dataclass(frozen=True, slots=True)
class Pager:
    """One page of a paginated list."""

    number: int
    """1-based page number."""
    total: int
    """How many pages the list has."""
    items: tuple[int, ...]
    """Article indices on this page."""
    path: str
    """Relative folder of this page."""
    prev_path: str | None
    next_path: str | None
    first_path: str


def paginate(items: tuple[int, ...], page_size: int, path_for: PathFor) -> tuple[Pager, ...]:
    """Pages of ``page_size`` items; an empty list still gets one (empty) page."""
    chunks = [items[i : i + page_size] for i in range(0, len(items), page_size)] or [()]
    total = len(chunks)
    paths = [path_for(n) for n in range(1, total + 1)]
    return tuple(
        Pager(
            number=n,
            total=total,
            items=chunk,
            path=paths[n - 1],
            prev_path=paths[n - 2] if n > 1 else None,
            next_path=paths[n] if n < total else None,
            first_path=paths[0],
        )
        for n, chunk in enumerate(chunks, start=1)
    )
