"""Page mode: find the article body in the visible text of a whole web page.

A scraped page is one HTML block per line: menus, teasers, bylines, the article's paragraphs, share
bars, related links, comments and the site footer. Without markup or link density, the body is told
apart by how its lines read (jusText, trafilatura):

1. Score every block: running prose (long, sentence punctuation, many stopwords) scores its word
   count; a short line without sentence punctuation (a menu item or a link) scores a penalty; ad
   slots and photo credits score nothing.
2. Section breaks (``Related stories``, ``34 Comments``, ``Share this:``) split the page into
   segments; no run crosses one.
3. The body is the best-scoring contiguous run of blocks (maximum-sum subarray).
4. The run's head is trimmed: a byline or a "Published" line near its top marks where the body starts,
   and a repeat of the headline, a byline or a date line is dropped wherever it is.
"""

from __future__ import annotations

import re
from collections import Counter

from .blocks import Block
from .page_patterns import BYLINE_RE, SECTION_BREAK_RE, SKIP_LINE_RE, STOPWORDS

PROSE_MIN_WORDS = 10
"""A block with fewer words is never counted as prose on its own."""
PROSE_STOPWORD_SHARE = 0.2
"""Running prose has at least this share of stopwords; a list of names or a headline has fewer."""
CHROME_PENALTY = 5.0
"""Score of a short link-like block."""
HEAD_WINDOW = 6
"""How many blocks at the top of the run may hold the byline that marks where the body starts."""
REPEATED_MAX_CHARS = 100
"""A line shorter than this that the page shows twice is chrome (menus and share bars repeat)."""
STREAK_CAP = 4
"""The n-th chrome block in a row costs n times the penalty, up to this many times."""
AFTER_BREAK_WEIGHT = 0.5
"""Weight of block scores after a section break that follows prose."""
BREAK_MAX_CHARS = 80
"""A section break is a short line; a long one is a paragraph that happens to start with ``Comments``."""

_WORD = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?…][”\"’')\]]*$")
_INNER_SENTENCE = re.compile(r"[a-z0-9%)”\"’][.!?][”\"’]?\s+[\"“‘(]?[A-Z0-9]")


def is_section_break(text: str) -> bool:
    """True when ``text`` opens a page section that follows the article."""
    ends_sentence = text.endswith(".") and not text.endswith("..")
    return len(text) <= BREAK_MAX_CHARS and not ends_sentence and SECTION_BREAK_RE.match(text) is not None


def is_skip_line(text: str) -> bool:
    """True for an ad slot, a photo credit or a video player line inside the article."""
    return len(text) <= 200 and SKIP_LINE_RE.match(text) is not None


def is_byline(text: str) -> bool:
    """True for a byline, a publication-time line or a reading-time note."""
    return len(text) <= 160 and not _SENTENCE_END.search(text[-3:]) and BYLINE_RE.match(text) is not None


def block_score(text: str) -> float:
    """How much ``text`` reads like article prose: its word count when it does, a penalty when it is chrome."""
    words = _WORD.findall(text.casefold())
    n = len(words)
    if n == 0:
        return 0.0
    stop = sum(1 for w in words if w in STOPWORDS) / n
    sentence = bool(_SENTENCE_END.search(text) or _INNER_SENTENCE.search(text))
    if n >= PROSE_MIN_WORDS and sentence and stop >= PROSE_STOPWORD_SHARE:
        return float(n)
    if n >= 2 * PROSE_MIN_WORDS and stop >= PROSE_STOPWORD_SHARE:
        return n / 2
    if sentence and n >= 5:
        return n / 4
    if n >= 3 and _DIGIT.search(text):
        return 0.0  # a list or table row (``June 9 -- Arena, City``): neither body nor chrome on its own
    return -CHROME_PENALTY


def page_body(blocks: list[Block]) -> list[Block]:
    """The page's first block (its title) and the article body found by the cascade."""
    if not blocks:
        return []
    head, rest = blocks[0], blocks[1:]
    seen = Counter(b.text for b in rest)
    # 1. score; 2. section breaks split the page
    scores: list[float | None] = []
    for b in rest:
        if is_section_break(b.text):
            scores.append(None)
        elif is_skip_line(b.text):
            scores.append(0.0)
        elif seen[b.text] > 1 and len(b.text) < REPEATED_MAX_CHARS:
            scores.append(-CHROME_PENALTY)  # a line the page repeats is navigation or a share bar
        else:
            scores.append(block_score(b.text))
    # 3. the best run
    lo, hi = _best_run(scores)
    while hi < len(scores) and scores[hi] == 0.0:
        hi += 1  # a list that closes the article (tour dates, a table) scores nothing; keep it
    body = rest[lo:hi]
    # 4. trim the head and drop non-body lines
    return [head, *_trim(body, head.text)]


def _best_run(scores: list[float | None]) -> tuple[int, int]:
    """Maximum-sum run; consecutive chrome blocks cost more and more, so a long menu ends a run."""
    best, span = 0.0, (0, 0)
    run, start, streak = 0.0, 0, 0
    weight, prose_seen = 1.0, False
    for i, s in enumerate(scores):
        if s is None:
            # What follows "Related" or "Comments" after the prose has begun is less likely the article.
            if prose_seen:
                weight = AFTER_BREAK_WEIGHT
            run, start, streak = 0.0, i + 1, 0
            continue
        prose_seen = prose_seen or s >= PROSE_MIN_WORDS
        s *= weight
        if run <= 0:
            run, start, streak = 0.0, i, 0
        if s < 0:
            streak += 1
            s *= min(streak, STREAK_CAP)
        elif s > 0:
            streak = 0
        run += s
        if run > best:
            best, span = run, (start, i + 1)
    return span


def _trim(body: list[Block], title: str) -> list[Block]:
    start = 0
    for i, b in enumerate(body[:HEAD_WINDOW]):
        if is_byline(b.text):
            start = i + 1
    title_key = _key(title)
    kept: list[Block] = []
    done: set[str] = set()
    for b in body[start:]:
        key = _key(b.text)
        if is_skip_line(b.text) or is_byline(b.text) or (key and title_key.startswith(key)) or key in done:
            continue
        done.add(key)
        kept.append(b)
    return kept


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))
