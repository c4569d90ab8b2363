"""Markdown bodies that are nothing but plain prose paragraphs, rendered without the Markdown engine.

Most press releases written in Markdown use none of its syntax: paragraphs of words and ordinary
punctuation separated by blank lines. For such a body Python-Markdown (with the ``extra`` and
``sane_lists`` extensions) and the sanitiser give ``<p>`` elements holding each paragraph's lines as
they are, so :func:`plain_html` writes them directly. A body qualifies only when every line is
:data:`PLAIN_LINE`: no character that Markdown, its extensions or HTML treat specially anywhere (no
``* _ ` [ ] < > & # | \\ { } ~ = + ^``, no tab or unusual space), no leading or trailing space, and no
line that opens with a list number or with punctuation other than an opening quote or parenthesis.
Anything else goes to the engine, which stays the reference: ``tests/unit/test_markup_plain.py``
compares the two on generated bodies.
"""

from __future__ import annotations

import re

PLAIN_PUNCTUATION = " .,;:'\"?!()%/$@€£–—“”‘’…-"
"""Characters besides letters and digits a plain line may hold: none means anything to Markdown mid-line."""
PLAIN_OPENERS = "“‘("
"""Characters besides letters and digits a plain line may open with."""

_ALNUM = r"[^\W_]"  # re's \w is letters, digits and "_" (Unicode): this is letters and digits
_ANY = rf"(?:{_ALNUM}|[{re.escape(PLAIN_PUNCTUATION)}])"
_NOT_SPACE = rf"(?:{_ALNUM}|[{re.escape(PLAIN_PUNCTUATION.replace(' ', ''))}])"
PLAIN_LINE = rf"(?!\d+[.)])(?:{_ALNUM}|[{re.escape(PLAIN_OPENERS)}])(?:{_ANY}*{_NOT_SPACE})?"
"""One line of plain prose. ``1.`` or ``1)`` opening a line would start a list, hence the look-ahead."""
PLAIN_BODY_RE = re.compile(rf"\n*{PLAIN_LINE}(?:\n+{PLAIN_LINE})*\n*")
"""A body (used with ``fullmatch``) made only of plain lines and blank lines, with at least one line."""
_BLANK_LINES = re.compile(r"\n\n+")


def plain_blocks(text: str) -> list[str] | None:
    """The paragraphs of ``text`` (their lines kept) when the whole body is plain prose, else None."""
    if not PLAIN_BODY_RE.fullmatch(text):
        return None
    return _BLANK_LINES.split(text.strip("\n"))


def plain_html(blocks: list[str]) -> str:
    """What Markdown and the sanitiser make of plain paragraphs."""
    return "\n".join(f"<p>{block}</p>" for block in blocks)


def plain_paragraphs(blocks: list[str]) -> list[str]:
    """What ``markup.html_paragraphs`` reads back from :func:`plain_html`: each paragraph, whitespace collapsed."""
    return [" ".join(block.split()) for block in blocks]
