"""Rule tables joined for speed: one regular expression where a table's rules were tried one by one.

A table of rules stays the data (``patterns.py``, ``page_patterns.py``); what is built here from it must
give the same verdict on every line:

1. :func:`match_union` joins rules used with ``match``: the alternation matches at a position where one of
   them does.
2. :func:`anchored_union` joins rules used with ``search`` that open with ``^``: without ``re.MULTILINE``
   such a rule can only match at the start, so a ``match`` of the union decides.
3. :func:`ascii_fold` lets a rule that is not anchored be skipped on a line without its keywords.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .compiled import compile_kept

_CASE_ALIASES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The only characters outside ASCII that ``re.IGNORECASE`` matches with an ASCII letter: İ ı ſ K."""


def ascii_fold(text: str) -> str:
    """``text`` lower-cased, with every character ``re.IGNORECASE`` equates with an ASCII letter made that letter.

    A rule's keyword (lower case; letters only from ASCII) is in ``ascii_fold(text)`` whenever the rule
    matches ``text``.
    """
    if "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text:
        text = text.translate(_CASE_ALIASES)  # rare: a translation table is slow on every line
    return text.lower()


@cache
def opens_with_caret(rx: re.Pattern[str]) -> bool:
    """True when every match of ``rx`` must begin at ``^`` (no top-level alternative escapes it)."""
    from re import _constants, _parser  # type: ignore[attr-defined]

    items = _parser.parse(rx.pattern, rx.flags).data
    return bool(items) and items[0] == (_constants.AT, _constants.AT_BEGINNING)


def match_union(rules: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern whose ``match`` succeeds where ``match`` of any of ``rules`` succeeds (the same verdict).

    The rules must share their flags and have no capturing groups (so no back-reference can change its
    meaning when they are joined).
    """
    items = list(rules)
    flags = {rx.flags for rx in items}
    if not items or len(flags) != 1 or any(rx.groups for rx in items):
        raise ValueError("a union needs rules that share their flags and have no capturing groups")
    # Kept compiled (``compiled.py``) whatever its length: every process builds these unions at import.
    return compile_kept("|".join(f"(?:{rx.pattern})" for rx in items), items[0].flags, keep_from=0)


def anchored_union(rules: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern, used with ``match``, that matches where any of ``rules`` (each opening with ``^``) matches.

    Without ``re.MULTILINE`` a ``^`` rule can only match at the start, so one ``match`` of the alternation
    gives the verdict of a ``search`` by each rule.
    """
    items = list(rules)
    if any(rx.flags & re.M or not opens_with_caret(rx) for rx in items):
        raise ValueError("an anchored union needs rules that open with ^ (and not MULTILINE)")
    return match_union(items)
