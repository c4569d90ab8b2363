"""Find whole-name occurrences of a document's entity names in a paragraph, without compiling a regex.

Counting mentions (``entities.py``) needs, per document, the matches of
``(?<![\\w-])(?:NAME1|NAME2|…)(?![\\w])`` with the names longest first. Building that pattern costs more
than everything else the count does (``re`` parses a pattern in pure Python, and every document has its
own names), so :func:`find_names` gives the same matches from ``str.find``:

1. every place a name occurs with no word character or hyphen before it and no word character after it;
2. in reading order, at each place the first name of the list (the regex tries them in order), and the
   next search begins where that match ends (``finditer`` does not overlap matches).

:func:`find_names_by_paragraph` does this for all of a document's paragraphs in one pass.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence


def is_word_char(ch: str) -> bool:
    """``re``'s ``\\w`` for one character of a ``str`` pattern: alphanumeric (Unicode) or the underscore."""
    return ch.isalnum() or ch == "_"


def find_names(text: str, names: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of each match, as ``finditer`` of the alternation of ``names`` (in that order)
    between ``(?<![\\w-])`` and ``(?![\\w])`` gives them. Every name must be non-empty."""
    if not all(names):
        raise ValueError("an empty name matches everywhere")
    found: list[tuple[int, int, int]] = []
    size = len(text)
    for order, name in enumerate(names):
        n = len(name)
        at = text.find(name)
        while at >= 0:
            end = at + n
            if (at == 0 or not (is_word_char(text[at - 1]) or text[at - 1] == "-")) and (
                end == size or not is_word_char(text[end])
            ):
                found.append((at, order, end))
            at = text.find(name, at + 1)
    if not found:
        return []
    found.sort()
    out: list[tuple[int, int, str]] = []
    resume = 0
    for at, order, end in found:
        if at >= resume:
            out.append((at, end, names[order]))
            resume = end
    return out


def find_names_by_paragraph(paragraphs: tuple[str, ...], names: list[str]) -> dict[int, list[tuple[int, int, str]]]:
    """:func:`find_names` of each paragraph (by index; none for a paragraph without a name).

    One search over the paragraphs joined by line breaks instead of one per paragraph: a line break is
    neither a word character nor a hyphen, so each paragraph's edges bound names as the text's ends do,
    and no name (or paragraph) holds one, so no match crosses from one paragraph into the next.
    """
    found: dict[int, list[tuple[int, int, str]]] = {}
    if any("\n" in text for text in paragraphs) or any("\n" in name for name in names):
        for p, text in enumerate(paragraphs):
            found[p] = find_names(text, names)
        return found
    starts: list[int] = []
    at = 0
    for text in paragraphs:
        starts.append(at)
        at += len(text) + 1
    for start, end, name in find_names("\n".join(paragraphs), names):
        p = bisect_right(starts, start) - 1
        found.setdefault(p, []).append((start - starts[p], end - starts[p], name))
    return found
