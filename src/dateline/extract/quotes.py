"""Stage 6: find quoted passages — opening mark to closing mark — across paragraphs.

The scan, per paragraph, left to right:

1. Curly marks pair directly: ``“`` opens, ``”`` closes. A second ``“`` while open ends the first
   passage (unclosed) and opens another. Single curly marks are apostrophes or nested quotes: ignored.
2. Straight ``"`` marks are read from context: after a space, an opening bracket, a dash or the start
   of the paragraph a mark opens; otherwise it closes. ``5'10"`` (a digit before, nothing open) is an
   inch mark, not a quote.
3. A passage still open at the end of a paragraph continues when the next paragraph opens with a
   quotation mark (the newspaper convention for multi-paragraph quotes); otherwise it is closed at the
   paragraph end and flagged ``unclosed``.
4. A transcript line (``"WALLACE: Let's start …``) opens with a speaker label in capitals; a straight
   mark before the label is the transcript's own framing, not a quotation mark.
5. Passages that are names, titles or scare quotes are dropped later, once attribution is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import CLOSE_QUOTES, OPEN_QUOTES, STRAIGHT_QUOTE

_OPEN_CONTEXT = " \t([{—–-/\u00a0"
"""Characters after which a straight quote mark opens a passage."""
_MARK_RE = re.compile("[" + re.escape(OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE) + "]")
"""Any quotation mark; the scan visits only these positions."""
_CLOSE_AFTER = ".,;:!?)"
"""Characters after which a mark closes rather than opens a passage."""
TRANSCRIPT_LABEL_RE = re.compile(
    r"^[\"“]?\s*(?:\([A-Z][A-Za-z .,'’-]{0,30}\)\s*)?(?:(?P<label>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,2}):\s|$)"
)
"""The speaker label that opens a transcript line (``WALLACE:``, ``"(CROSSTALK.) PENCE:``) or a stage direction."""
MAX_QUOTES_PER_PARAGRAPH = 200
"""A guard against pathological input: more marks than this in one paragraph are not dialogue."""


@dataclass(frozen=True, slots=True)
class Part:
    """One paragraph's piece of a passage: inner text offsets (marks excluded)."""

    paragraph: int
    start: int
    end: int
    open_at: int
    """Offset of the opening mark (== start - 1), or -1 for a continuation without one."""
    close_at: int
    """Offset of the closing mark, or -1 when the passage runs on or is unclosed."""


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted passage as located in the paragraphs."""

    parts: tuple[Part, ...]
    unclosed: bool
    straight: bool

    @property
    def paragraph(self) -> int:
        """Index of the paragraph where the passage starts."""
        return self.parts[0].paragraph

    def text(self, paragraphs: tuple[str, ...] | list[str]) -> str:
        """The passage text, pieces joined with a space, trailing attribution comma dropped."""
        pieces = [paragraphs[p.paragraph][p.start : p.end].strip() for p in self.parts]
        joined = " ".join(p for p in pieces if p)
        return joined.rstrip(" ,")


def _marks(text: str) -> list[tuple[int, str]]:
    """Quotation marks in ``text`` as (offset, 'o'|'c') after reading straight marks from context."""
    out: list[tuple[int, str]] = []
    is_open = False
    for found in _MARK_RE.finditer(text):
        i = found.start()
        ch = text[i]
        if ch in OPEN_QUOTES or ch in CLOSE_QUOTES:
            kind = "o" if ch in OPEN_QUOTES else "c"
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if kind == "o" and is_open and not before.isspace() and (after.isspace() or after in _CLOSE_AFTER):
                kind = "c"  # a typo'd close: ``“rapists“ while``
            elif kind == "c" and not is_open and before in _OPEN_CONTEXT and after.isalnum():
                kind = "o"  # a typo'd open: ``”Fear. I am afraid``
            out.append((i, kind))
            is_open = kind == "o"
        elif ch == STRAIGHT_QUOTE:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if not is_open and before.isdigit() and (after.isspace() or after in ".,;)"):
                continue  # inch mark
            if is_open:
                kind = "c"
            elif before in _OPEN_CONTEXT or i == 0:
                kind = "o"
            elif after.isspace() or after in _CLOSE_AFTER or i + 1 == len(text):
                kind = "c"
            else:
                kind = "o"
            out.append((i, kind))
            is_open = kind == "o"
        if len(out) > MAX_QUOTES_PER_PARAGRAPH:
            break
    return out


def _starts_with_open(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and (stripped[0] in OPEN_QUOTES or stripped[0] == STRAIGHT_QUOTE)


def find_spans(paragraphs: tuple[str, ...] | list[str]) -> list[Span]:
    """Every quoted passage in ``paragraphs``, in reading order."""
    spans: list[Span] = []
    carry: list[Part] = []  # parts of a passage running on from earlier paragraphs
    carry_straight = False
    for idx, text in enumerate(paragraphs):
        marks = _marks(text)
        if marks and marks[0][0] < 2 and text[marks[0][0]] == STRAIGHT_QUOTE and TRANSCRIPT_LABEL_RE.match(text):
            marks = _marks(text[: marks[0][0]] + " " + text[marks[0][0] + 1 :])  # step 4
        opened: int | None = None
        opened_straight = False
        if carry and not (marks and marks[0][1] == "o" and text[: marks[0][0]].strip() == ""):
            # The passage was not reopened: it ended, unclosed, with the previous paragraph.
            spans.append(Span(tuple(carry), True, carry_straight))
            carry = []
        for pos, kind in marks:
            if kind == "o":
                if opened is not None:
                    # Opened again while open: close the earlier passage where the new one starts.
                    part = Part(idx, opened + 1, pos, opened, -1)
                    spans.append(Span((*carry, part), True, opened_straight))
                    carry = []
                opened = pos
                opened_straight = text[pos] == STRAIGHT_QUOTE
            elif opened is not None:
                part = Part(idx, opened + 1, pos, opened, pos)
                spans.append(Span((*carry, part), False, opened_straight))
                carry = []
                opened = None
        if opened is not None:
            part = Part(idx, opened + 1, len(text), opened, -1)
            nxt = paragraphs[idx + 1] if idx + 1 < len(paragraphs) else ""
            if nxt and _starts_with_open(nxt):
                carry = [*carry, part]
                carry_straight = opened_straight
            else:
                spans.append(Span((*carry, part), True, opened_straight))
                carry = []
    if carry:
        spans.append(Span(tuple(carry), True, carry_straight))
    return [s for s in spans if any(p.end > p.start for p in s.parts)]


def quoted_ranges(paragraphs: tuple[str, ...] | list[str]) -> dict[int, list[tuple[int, int]]]:
    """Paragraph → (start, end) of each quoted piece in it: the words a speaker says, not the story."""
    found: dict[int, list[tuple[int, int]]] = {}
    for span in find_spans(paragraphs):
        for part in span.parts:
            found.setdefault(part.paragraph, []).append((part.start, part.end))
    return found


def inside(ranges: list[tuple[int, int]] | tuple[()], at: int) -> bool:
    """``at`` falls within one of ``ranges`` (from ``quoted_ranges``)."""
    return any(start <= at < end for start, end in ranges)
