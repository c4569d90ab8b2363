"""Stage 9: turn passages and their raw attributions into ``Quote`` records with resolved speakers.

For each passage, in reading order:

1. Drop it when it is a name, a title or a scare quote (``the so-called “peace dividend”``,
   ``the film “Iron Man”``) rather than speech.
2. Take its own attribution (after, then before the marks).
3. Otherwise inherit: from another passage of the same sentence or paragraph (split quotes, runs of
   quotes), from a ``He wrote:`` ending the previous paragraph, or — for a paragraph that is nothing but
   a quote — from the previous paragraph's speaker.
4. Resolve the noun phrase: a name → the person entity it names; ``the Secretary-General`` → the person
   who holds that title; ``he``/``she`` → the most recent speaker (else person) of that gender;
   descriptors (``a spokesman``, ``the report``, ``officials``) → unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import EntityKind, Quote
from .attribution import Attribution, attribution_after, attribution_before, attribution_intro
from .entities import EntityIndex
from .patterns import SPEAKER_PRONOUNS, UNNAMED_SPEAKER_HEADS, word_table
from .quotes import Span

NAMING_CUES = word_table(
    """
    so-called|so called|dubbed|nicknamed|titled|entitled|named|headlined|branded|labelled|labeled|known as
    film|movie|book|novel|song|album|show|series|documentary|play|programme|program|report|campaign|slogan
    magazine|newspaper|column|article|hashtag|term|word|phrase|operation|initiative|project|motto|poem|the
    """
)
"""Words right before a passage that make it a name or title rather than speech."""
MAX_TITLE_WORDS = 6


@dataclass(frozen=True, slots=True)
class _Located:
    span: Span
    text: str
    attribution: Attribution | None


def _attribute(span: Span, paragraphs: tuple[str, ...]) -> Attribution | None:
    last, first = span.parts[-1], span.parts[0]
    after = None
    if last.close_at >= 0:
        after = attribution_after(paragraphs[last.paragraph][last.close_at + 1 :])
    if after:
        return after
    if first.open_at >= 0:
        return attribution_before(paragraphs[first.paragraph][: first.open_at])
    return None


def _is_speech(span: Span, text: str, paragraphs: tuple[str, ...], attribution: Attribution | None) -> bool:
    words = text.split()
    if not words:
        return False
    first = span.parts[0]
    before = paragraphs[first.paragraph][max(0, first.open_at - 30) : max(0, first.open_at)].lower()
    prev_word = before.split()[-1] if before.split() else ""
    if prev_word in ("so-called", "dubbed", "nicknamed", "titled", "entitled", "headlined", "branded"):
        return False
    plain = re.sub(r"[,;:]", "", text)
    if len(words) <= MAX_TITLE_WORDS and not re.search(r"[.!?]", text):
        small = ("of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "&")
        title_case = all(w[:1].isupper() or w.lower() in small or not w[:1].isalpha() for w in plain.split())
        if title_case and (attribution is None or attribution.where != "after"):
            return False
        if prev_word in NAMING_CUES and attribution is None:
            return False
        if len(words) <= 2 and (attribution is None or attribution.where != "after"):
            return False
    return True


def resolve_quotes(spans: list[Span], paragraphs: tuple[str, ...], index: EntityIndex) -> tuple[Quote, ...]:
    """Quotes with speakers resolved against the document's entities."""
    located = []
    for s in spans:
        text = s.text(paragraphs)
        att = _attribute(s, paragraphs)
        if _is_speech(s, text, paragraphs, att):
            located.append(_Located(s, text, att))
    quotes: list[Quote] = []
    last_speaker: dict[str, str | None] = {"any": None}
    last_by_para: dict[int, tuple[str | None, str | None]] = {}
    recent_speakers: list[int] = []
    for i, item in enumerate(located):
        att = item.attribution
        para = item.span.paragraph
        speaker: str | None = None
        cue: str | None = None
        if att is None:
            att = _inherited(i, located, paragraphs)
        if att is not None:
            cue = att.cue
            speaker, ent = _resolve(att.np, para, item.span.parts[0].start, index, recent_speakers)
            if ent is not None:
                recent_speakers.append(ent)
        else:
            # 3. same paragraph, else a quote-only paragraph following a quoted speaker
            if para in last_by_para:
                speaker, cue = last_by_para[para]
            elif _quote_only(item.span, paragraphs) and para - 1 in last_by_para:
                speaker, cue = last_by_para[para - 1]
        quotes.append(Quote(item.text, speaker, cue, para, item.span.unclosed))
        end_para = item.span.parts[-1].paragraph
        for p in range(para, end_para + 1):
            last_by_para[p] = (speaker, cue)
        last_speaker["any"] = speaker
    return tuple(quotes)


def _inherited(i: int, located: list[_Located], paragraphs: tuple[str, ...]) -> Attribution | None:
    item = located[i]
    para = item.span.paragraph
    # A later passage in the same paragraph with its own attribution ("“A,” he said, “B.”" reads back).
    for other in located[i + 1 :]:
        if other.span.paragraph != para:
            break
        if other.attribution is not None and other.attribution.where == "after":
            return other.attribution
    first = item.span.parts[0]
    if para > 0 and paragraphs[para][: max(first.open_at, 0)].strip() == "":
        return attribution_intro(paragraphs[para - 1])
    return None


def _quote_only(span: Span, paragraphs: tuple[str, ...]) -> bool:
    first = span.parts[0]
    return first.open_at >= 0 and paragraphs[first.paragraph][: first.open_at].strip() == ""


def _resolve(np: str, para: int, offset: int, index: EntityIndex, recent: list[int]) -> tuple[str | None, int | None]:
    words = np.split()
    head = words[0] if words else ""
    if np in SPEAKER_PRONOUNS or (head in SPEAKER_PRONOUNS and len(words) == 1):
        return _pronoun(np.lower(), para, offset, index, recent)
    possessive = head.endswith(("’s", "'s"))
    if possessive or head.lower() in ("the", "a", "an", "one", "another", "this", "that", "his", "her", "their", "its"):
        idx = index.role_holder(np) if head.lower() == "the" or possessive else None
        if idx is not None:
            return index.entities[idx].name, idx
        return None, None
    if np.lower() in UNNAMED_SPEAKER_HEADS:
        return None, None
    idx = index.person_for(np)
    if idx is not None:
        return index.entities[idx].name, idx
    ent = index.by_surface.get(np)
    if ent is not None and index.entities[ent].kind is EntityKind.ORGANIZATION:
        return index.entities[ent].name, None
    return _strip_titles(np), None


def _pronoun(pron: str, para: int, offset: int, index: EntityIndex, recent: list[int]) -> tuple[str | None, int | None]:
    want = {"he": "male", "she": "female"}.get(pron)
    if want is None:
        return None, None
    for idx in reversed(recent):
        if index.genders.get(idx, want) == want:
            return index.entities[idx].name, idx
    for p, o, idx in reversed(index.person_positions):
        if (p, o) < (para, offset) and index.genders.get(idx, want) == want:
            return index.entities[idx].name, idx
    return None, None


def _strip_titles(np: str) -> str | None:
    from .patterns import HONORIFICS, ROLE_NOUNS

    words = np.split()
    while len(words) > 1 and (words[0] in HONORIFICS or words[0] in ROLE_NOUNS):
        words.pop(0)
    name = " ".join(words)
    return name or None
