"""Find whole-name occurrences of a document's entity names in a paragraph, without compiling a regex.

Counting mentions (``entities.py``) needs, per document, the matches of
``(?<![\\w-])(?:NAME1|NAME2|…)(?![\\w])`` with the names longest first. Building that pattern costs more
than everything else the count does (``re`` parses a pattern in pure Python, and every document has its
own names), so :func:`find_names` gives the same matches from ``str.find``:

1. every place a name occurs with no word character or hyphen before it and no word character after it;
2. in reading order, at each place the first name of the list (the regex tries them in order), and the
   next search begins where that match ends (``finditer`` does not overlap matches).
"""

from __future__ import annotations

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
