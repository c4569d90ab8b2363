"""Word lists and line patterns for page mode (``page_body.py``): the visible text of a whole web page.

Kept apart from ``patterns.py`` because they only make sense on scraped pages, where one line is one
HTML block: a menu item, a teaser, a byline or a paragraph. Every regex is anchored at both ends or
bounded in length.
"""

from __future__ import annotations

import re

from .patterns import word_table
from .rule_union import match_union


def _anchored(*patterns: str) -> tuple[re.Pattern[str], ...]:
    if not patterns or not all(patterns):
        raise ValueError("empty pattern")
    return tuple(re.compile(p, re.I) for p in patterns)


STOPWORDS = word_table(
    """
    a|about|after|all|also|an|and|any|are|as|at|be|because|been|before|being|but|by|can|could|did|do|does
    for|from|had|has|have|he|her|here|him|his|how|i|if|in|into|is|it|its|just|like|more|most|my|no|not|now
    of|on|one|only|or|other|our|out|over|she|so|some|than|that|the|their|them|then|there|these|they|this
    those|through|to|too|up|us|was|we|were|what|when|where|which|while|who|will|with|would|you|your|said
    der|die|das|und|ist|nicht|sich|mit|dem|den|ein|eine|einen|auch|auf|für|von|zu|im|es|sie|wir|ich|aber
    le|la|les|et|est|un|une|des|du|que|qui|dans|pour|pas|sur|au|aux|ce|il|elle|nous|vous|avec|mais|ou
    el|los|las|y|es|en|del|por|con|para|una|lo|se|su|sus|como|más|pero|muy|ya|fue|ha|son|este|esta
    o|os|as|e|é|um|uma|do|da|dos|das|no|na|nos|não|com|ao|mais|mas|foi|tem|seu|sua|isso|ela|ele|você
    il|di|che|non|per|sono|nel|della|anche|ma|lo|gli|het|een|van|niet|op|zijn|ook|maar
    """
)
"""Function words of the languages news pages are most often written in (English, German, French,
Spanish, Portuguese, Italian, Dutch). Running prose is a third or more stopwords; menus far fewer."""

SECTION_BREAK_RES = _anchored(
    r"^(?:related|more|recommended|trending|popular|latest|top|further|similar|other|featured|sponsored)"
    r"(?: [\w’'&-]+){0,4}:?$",
    r"^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|read (?:more|next|also)|see also|also read)"
    r"\b.{0,60}$",
    r"^(?:most (?:read|popular|viewed|shared|emailed|watched|commented)|what to read next|don'?t miss)\b.{0,40}$",
    r"^(?:our |the )?(?:latest|top|trending|related|recommended|popular|more) (?:stories|articles|news|posts|videos|"
    r"headlines|reads|content|coverage|links)\b.{0,40}$",
    r"^(?:\d+ )?(?:comments?|responses?|replies|reactions)\b.{0,80}$",
    r"^(?:leave|post|add|write|view|show|load|join) (?:a |the |your |all )?"
    r"(?:comments?|reply|responses?|discussion)\b.{0,40}$",
    r"^(?:share|share this|share this (?:article|story|post|page)|share on|tweet this|spread the word)\b.{0,40}$",
    r"^click to (?:share|email|print)\b.{0,60}$",
    r"^(?:about the authors?|more (?:from|by) (?:the )?authors?|author'?s? bio|tags?|topics?|filed under"
    r"|categories)\b.{0,60}$",
    r"^(?:sign up|subscribe|get our|newsletter)\b.{0,80}$",
    r"^[\w ’'.-]{1,40} (?:says|said|wrote):$",
    r"^(?:want|get|looking for) more\b.{0,60}\?$",
    r"^(?:stay (?:up to date|informed|in touch|connected|tuned)|never miss)\b.{0,80}$",
    r"(?-i:^(?:About|Sobre|Über|À propos de|Acerca de) (?:the |us|[A-Z])[\w&.'’ -]{0,50}:?$)",
    r"^(?:você pode gostar|leia também|veja também|relacionad[oa]s|coment[aá]rios?|lesen sie auch|mehr zum thema"
    r"|mehr|weitere artikel|kommentare?|lire aussi|à lire aussi|sur le même sujet|commentaires?|ver también"
    r"|te puede interesar|noticias relacionadas|comentarios?|leggi anche|articoli correlati|commenti)"
    r"(?:[\s:.…!]*|\s*\(\d+\)|:.{1,60})$",
)
"""Lines that open a page section after the article: related links, comments, share bars, author boxes."""
SECTION_BREAK_RE = match_union(SECTION_BREAK_RES)
"""``SECTION_BREAK_RES`` as one pattern for ``match`` (the same verdict, one call)."""

SKIP_LINE_RES = _anchored(
    r"^(?:advertisement|advertisment|ad|ads|sponsored|story continues below(?: advertisement)?|continue reading"
    r"(?: below| the main story)?|scroll to continue|article continues below)\b.{0,30}$",
    r"^(?:image|photo|picture|video|graphic)(?: \d+ of \d+)?(?: credit)?s?\s*[:|].{0,120}$",
    r"^(?:\(|\[)?(?:getty images|ap photo|reuters|afp|shutterstock|file photo)\b.{0,80}$",
    r"^.{0,120}\((?:photo|image|picture|credit)s?\s*:.{0,80}\)$",
    r"^.{10,300}\b(?:credits?|photo|image|picture|source|foto|bild|crédito)\s*:\s.{1,80}$",
    r"^(?:play|watch|listen)(?: now| video| the video| live)?$",
    r"^(?:\d{1,2}:)?\d{1,2}:\d\d$",
    r"^(?:https?://|www\.)\S{1,300}$",
    r"^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?$",
    r"^[\d\s.,:;/|+-]{1,40}$",
)
"""Lines inside the article that are not part of it: ad slots, photo credits, video players."""
SKIP_LINE_RE = match_union(SKIP_LINE_RES)
"""``SKIP_LINE_RES`` as one pattern for ``match``."""

BYLINE_RES = _anchored(
    r"^(?:by|written by|words by|posted by|published by|story by|reporting by)\s+\S.{0,140}$",
    r"^(?:published|updated|posted|last updated|first published|modified|created)\b.{0,80}$",
    r"^.{0,60}\b(?:staff writer|correspondent|contributor|reporter|editor|staff)$",
    r"^.{0,80}\b\d+ min(?:ute)?s? read$",
    r"^(?:reading time|tempo de leitura|lesezeit|temps de lecture|tiempo de lectura)\b.{0,40}$",
    r"^@\w{1,30}$",
)
"""Lines that open the article body from above: bylines, datelines of the page, reading-time notes."""
BYLINE_RE = match_union(BYLINE_RES)
"""``BYLINE_RES`` as one pattern for ``match``."""
