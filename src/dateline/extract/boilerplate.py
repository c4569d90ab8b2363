"""Stage 2: remove site chrome (promo lines, share bars, footers, copyright, page navigation).

The cascade, in order:

1. Line rules: a block matching a ``BOILERPLATE_LINE_RES`` pattern is chrome wherever it is.
2. Footer cut: after the body has begun, a ``FOOTER_START_RES`` line ends the article.
3. Page mode: text scraped from a whole web page (many short link-like lines) keeps only the article
   body found by ``page_body.py``. It runs first, because a page's menus hold footer-like lines
   (``More news``, ``About us``) long before the body begins.
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import Block
from .page_body import page_body
from .patterns import BOILERPLATE_LINE_FREE, BOILERPLATE_LINE_START_RE, FOOTER_START_RE
from .rule_union import ascii_fold

SHORT_BLOCK = 45
"""A block shorter than this with no sentence punctuation is link- or menu-like."""
PAGE_MODE_MIN_BLOCKS = 25
PAGE_MODE_SHORT_SHARE = 0.40
TABLE_ROW_SHARE = 0.5
"""Share of short lines with digits at which a many-line text is a table rather than a page."""
TABLE_ROW_MAX_CHARS = 80
"""Lines shorter than this are the candidate menu items or table rows."""


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The blocks that remain after boilerplate removal, and how many were removed."""

    blocks: tuple[Block, ...]
    removed: int
    page_mode: bool


def is_boilerplate_line(text: str) -> bool:
    """True when a single block is chrome by the line rules (``BOILERPLATE_LINE_RES``)."""
    # The same verdict as searching with every rule, for a fraction of the cost: the rules anchored at the
    # start are one ``match``, and the others run only on a line that holds a keyword of each of their groups.
    if BOILERPLATE_LINE_START_RE.match(text):
        return True
    # Plain loops rather than all()/any() over generators: this runs on every line and they cost double.
    folded = ascii_fold(text)
    for rx, groups in BOILERPLATE_LINE_FREE:
        for words in groups:
            for word in words:
                if word in folded:
                    break
            else:
                break  # no word of this group: the rule cannot match
        else:
            if rx.search(text):
                return True
    return False


def _is_footer_start(text: str) -> bool:
    return FOOTER_START_RE.match(text) is not None


def _is_short(text: str) -> bool:
    return len(text) < SHORT_BLOCK and not any(p in text for p in ".!?")


def _is_table_row(text: str) -> bool:
    """A line of a results table or listing (``68 Ada Lin``, ``Rovers 2 United 1``): it carries a number."""
    return any(ch.isdigit() for ch in text)


def looks_like_page(blocks: list[Block]) -> bool:
    """True when the text reads like a whole scraped web page rather than an article.

    A wire table (sports results, standings, listings) is many short lines too, but most of them carry
    numbers and all of them are body: when lines with digits make up ``TABLE_ROW_SHARE`` of the lines
    shorter than ``TABLE_ROW_MAX_CHARS``, the text is a table, not a page. (Scraped pages sit far below:
    their short lines are menu items and teasers, a few with a date or a count.)
    """
    if len(blocks) < PAGE_MODE_MIN_BLOCKS:
        return False
    lines = [b.text for b in blocks if len(b.text) < TABLE_ROW_MAX_CHARS]
    if lines and sum(1 for t in lines if _is_table_row(t)) / len(lines) >= TABLE_ROW_SHARE:
        return False
    short = sum(1 for b in blocks if _is_short(b.text))
    return short / len(blocks) >= PAGE_MODE_SHORT_SHARE


def strip_boilerplate(blocks: list[Block]) -> Cleaned:
    """Apply the cascade to a document's blocks."""
    total = len(blocks)
    chrome = [is_boilerplate_line(b.text) for b in blocks]
    # 3 first: on a whole page, menus hold "More news" and "About us" long before the body begins.
    if looks_like_page(blocks):
        kept = page_body([b for b, is_chrome in zip(blocks, chrome, strict=True) if not is_chrome])
        if len(kept) > 1:  # no prose at all (a wire table): fall through to the article rules
            return Cleaned(tuple(kept), total - len(kept), True)
    # 2 before 1: a footer marker is itself a chrome line, so find it before the line rules drop it.
    content_seen = 0
    end = len(blocks)
    for i, b in enumerate(blocks):
        if content_seen >= 2 and _is_footer_start(b.text):
            end = i
            break
        if not chrome[i]:
            content_seen += 1
    # 1. line rules
    kept = [b for b, is_chrome in zip(blocks[:end], chrome, strict=False) if not is_chrome]
    return Cleaned(tuple(kept), total - len(kept), False)
