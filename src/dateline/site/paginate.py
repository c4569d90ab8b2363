"""Split a newest-first list into pages whose URLs stay put as the list grows.

Older pages are counted from the oldest end: page 1 is the oldest ``page_size`` items, page 2 the next,
and the list's own URL shows the newest items (between ``page_size`` and ``2 × page_size − 1`` of them).
A new article therefore changes only the first page and, once in ``page_size`` additions, adds one new
older page; every existing older page keeps its URL and its content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..pickling import fast_pickle

PathFor = Callable[[int], str]
"""Maps an oldest-anchored page number (0 for the list's own URL) to that page's relative folder."""


@fast_pickle
@dataclass(frozen=True, slots=True)
class Pager:
    """One page of a paginated list."""

    number: int
    """1-based position from the newest page (for display)."""
    total: int
    """How many pages the list has."""
    items: tuple[int, ...]
    """Article indices on this page, newest first."""
    path: str
    """Relative folder of this page."""
    prev_path: str | None
    """The next newer page, if any."""
    next_path: str | None
    """The next older page, if any."""
    first_path: str


def paginate(items: tuple[int, ...], page_size: int, path_for: PathFor) -> tuple[Pager, ...]:
    """Pages of a newest-first list; an empty list still gets one (empty) page."""
    n = len(items)
    older = max(n // page_size - 1, 0)
    first_len = n - older * page_size
    chunks: list[tuple[int, tuple[int, ...]]] = [(0, items[:first_len])]
    for j in range(older, 0, -1):  # newest older page first
        start = n - j * page_size
        chunks.append((j, items[start : start + page_size]))
    paths = [path_for(j) for j, _ in chunks]
    total = len(chunks)
    return tuple(
        Pager(
            number=pos + 1,
            total=total,
            items=chunk,
            path=paths[pos],
            prev_path=paths[pos - 1] if pos > 0 else None,
            next_path=paths[pos + 1] if pos + 1 < total else None,
            first_path=paths[0],
        )
        for pos, (_, chunk) in enumerate(chunks)
    )
