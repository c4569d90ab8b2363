"""The extraction cascade for one document's text, stage by stage.

1. blocks       split into paragraph candidates with source lines        (``blocks.py``)
2. boilerplate  remove promo lines, share bars, footers, page chrome      (``boilerplate.py``)
3. headline     the first block that is not boilerplate                   (here)
4. tags         a trailing ``Tags: a, b`` line                            (here)
5. date line    an early block that is only a date                        (``dates.py``)
6. dateline     ``PLACE, Month D (Agency) -`` opening the first paragraph (``dateline.py``)
7. quotes       passages from opening to closing mark                     (``quotes.py``)
8. entities     mentions, clusters, kinds, counts                         (``mentions.py``, ``entities.py``)
                with ``DATELINE_NLP=1`` and the ``nlp`` extra, spaCy spans add votes and mentions (``entity_nlp.py``)
9. speakers     attribution and resolution of each quote                  (``attribution.py``, ``speakers.py``)
"""

from __future__ import annotations

from ..model import Dateline, Diagnostic, Extraction, Level
from .attribution import attribution_after, attribution_before
from .blocks import Block, collapse, split_blocks
from .boilerplate import strip_boilerplate
from .dateline import parse_dateline
from .dates import date_line, full_date
from .entities import build_entities
from .entity_nlp import nlp_enabled, nlp_evidence
from .mentions import find_mentions
from .patterns import TAGS_LINE_RE
from .quotes import find_spans
from .speakers import resolve_quotes

MAX_HEADLINE_CHARS = 300
"""A first block longer than this is body text, not a headline."""
DATE_LINE_SEARCH = 4
"""How many leading body blocks may hold a standalone date line."""


def extract_text(text: str, path: str, first_line: int = 1, title: str | None = None) -> Extraction:
    """Run the cascade over ``text``. ``title`` is given when front matter already names the headline."""
    diagnostics: list[Diagnostic] = []
    # 1. blocks
    blocks = split_blocks(text, first_line)
    # 2. boilerplate
    cleaned = list(strip_boilerplate(blocks).blocks)
    # 3. headline
    title_line = 0
    if title is None and cleaned and _is_headline(cleaned[0], cleaned[1] if len(cleaned) > 1 else None):
        title, title_line = cleaned[0].text, cleaned[0].line
        cleaned = cleaned[1:]
    # 4. tags
    tags: tuple[str, ...] = ()
    if cleaned:
        tm = TAGS_LINE_RE.match(cleaned[-1].text)
        if tm:
            tags = _split_tags(tm.group("tags"))
            cleaned = cleaned[:-1]
    # 5. date line
    date_iso: str | None = None
    for i, b in enumerate(cleaned[:DATE_LINE_SEARCH]):
        found = date_line(b.text)
        if found:
            date_iso = found
            del cleaned[i]
            break
    # 6. dateline
    dateline: Dateline | None = None
    if cleaned:
        dateline, rest = parse_dateline(cleaned[0].text)
        if dateline is not None:
            if rest:
                cleaned[0] = Block(rest, cleaned[0].line)
            else:
                cleaned = cleaned[1:]
    paragraphs = tuple(b.text for b in cleaned)
    if not paragraphs:
        diagnostics.append(Diagnostic(path, first_line, Level.WARNING, "no body paragraphs found", code="no-body"))
    # 7. quotes
    spans = find_spans(paragraphs)
    speakers = _speaker_phrases(spans, paragraphs)
    # 8. entities
    mentions = find_mentions(paragraphs)
    if nlp_enabled():
        mentions, evidence = nlp_evidence(paragraphs, mentions)
        index = build_entities(paragraphs, mentions, speakers, evidence.votes_for)
    else:
        index = build_entities(paragraphs, mentions, speakers)
    # 9. speakers
    quotes = resolve_quotes(spans, paragraphs, index)
    for q in quotes:
        if q.unclosed:
            line = cleaned[q.paragraph].line if q.paragraph < len(cleaned) else 0
            diagnostics.append(Diagnostic(path, line, Level.INFO, "quotation mark not closed", code="unclosed-quote"))
    date = full_date(dateline.date if dateline else None) or full_date(date_iso)
    return Extraction(
        title=collapse(title) if title else None,
        dateline=dateline,
        date=date,
        paragraphs=paragraphs,
        quotes=quotes,
        entities=index.entities,
        tags=tags,
        diagnostics=tuple(diagnostics),
        title_line=title_line,
    )


def _is_headline(block: Block, following: Block | None) -> bool:
    if len(block.text) > MAX_HEADLINE_CHARS:
        return False
    dl, _ = parse_dateline(block.text)
    if dl is None or (dl.place is None and dl.date is None):
        return True
    # An all-capitals headline can read like a dateline (``ROTTERDAM PORT SUBSIDY TO END JULY 1 - MINISTER``):
    # it is still the headline when it has no lower-case text or the next block opens with a real dateline.
    if not any(ch.islower() for ch in block.text):
        return True
    if following is None:
        return False
    nxt, _ = parse_dateline(following.text)
    return nxt is not None and (nxt.place is not None or nxt.date is not None)


def _split_tags(raw: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in raw.replace(";", ",").split(","):
        tag = collapse(part).strip(" .#")
        if tag:
            seen.setdefault(tag.lower(), None)
    return tuple(seen)


def _speaker_phrases(spans: list, paragraphs: tuple[str, ...]) -> set[str]:  # type: ignore[type-arg]
    found: set[str] = set()
    for s in spans:
        last, first = s.parts[-1], s.parts[0]
        att = None
        if last.close_at >= 0:
            att = attribution_after(paragraphs[last.paragraph][last.close_at + 1 :])
        if att is None and first.open_at >= 0:
            att = attribution_before(paragraphs[first.paragraph][: first.open_at])
        if att is not None:
            found.add(att.np)
    return found
