"""Stage 1: split text into blocks (paragraph candidates) that remember their source line.

Blank lines separate blocks. Inside a run of non-blank lines the lines are either a hard-wrapped
paragraph (wire copy at 60–80 columns: joined, end-of-line hyphenation undone) or separate one-line
blocks (a scraped page's text, a footer's link list): :func:`_is_hard_wrapped` tells which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OTHER_SPACE = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
"""Horizontal white space besides the plain space (a regex class body): tab, no-break and typographic spaces."""
_WS = re.compile(rf"[ {OTHER_SPACE}]{{2,}}|[{OTHER_SPACE}]")
"""What :func:`collapse` turns into one space: a run of two or more, or one character that is not a plain
space. A lone space is left alone rather than replaced by itself: most spaces in prose are lone, and
replacing each one cost a third of the time."""
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-$")
_TERMINAL = '.!?:;”"’)'
WRAP_MIN, WRAP_MAX, WRAP_SPREAD = 35, 100, 45
"""Line lengths of hard-wrapped text: every line but the last within [MIN, MAX], spread at most SPREAD."""


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph candidate."""

    text: str
    """Whitespace-collapsed text."""
    line: int
    """1-based source line where the block starts (relative to the text given)."""


def collapse(text: str) -> str:
    """Collapse runs of horizontal whitespace to one space and trim."""
    return _WS.sub(" ", text).strip()


def split_blocks(text: str, first_line: int = 1) -> list[Block]:
    """Split ``text`` into blocks; ``first_line`` is the source line of ``text``'s first line."""
    blocks: list[Block] = []
    group: list[tuple[int, str]] = []
    lines = text.split("\n")
    for i, raw in enumerate([*lines, ""]):
        line = collapse(raw)
        if line:
            group.append((first_line + i, line))
            continue
        if group:
            blocks.extend(_group_blocks(group))
            group = []
    return blocks


def _group_blocks(group: list[tuple[int, str]]) -> list[Block]:
    if len(group) == 1 or not _is_hard_wrapped([t for _, t in group]):
        return [Block(t, n) for n, t in group]
    out = group[0][1]
    for _, nxt in group[1:]:
        # "commu-" + "nity" was one word broken at the margin.
        out = out[:-1] + nxt if _HYPHEN_BREAK.search(out) and nxt[:1].islower() else out + " " + nxt
    return [Block(out, group[0][0])]


def _is_hard_wrapped(lines: list[str]) -> bool:
    body = lines[:-1]
    lengths = [len(t) for t in body]
    if min(lengths) < WRAP_MIN or max(lengths) > WRAP_MAX or max(lengths) - min(lengths) > WRAP_SPREAD:
        return False
    # Wrapped prose mostly breaks mid-sentence; a list of titles or links ends every line cleanly.
    open_ends = sum(1 for t in body if t[-1] not in _TERMINAL)
    continued = sum(1 for t in lines[1:] if t[:1].islower())
    return open_ends * 2 >= len(body) or continued * 2 >= len(body)
