"""Sentence subjects: who the text is about, sentence by sentence, for speaker resolution.

A pronoun speaker (``“…,” he said``) refers back to the last person the story made the subject of a
sentence — ``Mr. Obama said in his interview.`` or ``Scott responded with logic.`` — far more often than
to the last person merely mentioned (``… blasted Clinton``). And a partial quote with no speech verb
(``Cruz called Trump a “pathological liar”``) belongs to the subject of its sentence.

1. Split each paragraph into sentences (``attribution.sentence_ends``).
2. Match, anchored at each sentence start: an optional introductory phrase of up to 100 characters
   ending in a comma (``In an August speech,``, ``Repeating from his much-praised convention speech last
   week,``), the subject noun phrase (a name or a pronoun), an optional apposition
   (``, a medical doctor,``), optional auxiliaries, then a lower-case verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attribution import sentence_ends, trim_np
from .attribution_patterns import AGENT_TITLE, FULL_NAME_NP, NAME_NP, PRONOUN_NP
from .compiled import compile_kept
from .patterns import (
    AGENT_SUFFIXES,
    CLAUSE_WORDS,
    NON_NAME_CAPITALS,
    OBJECT_PREPOSITIONS,
    SCENE_PREPOSITIONS,
    SPEECH_VERBS,
    WEEKDAYS,
    alternation,
    compile_anchored,
    word_table,
)

_NOT_VERBS = word_table(
    "of|and|or|in|on|at|for|to|from|with|by|the|a|an|who|whose|which|that|as|than|nor|but|if|when|while|where"
    "|some|many|most|all|any|each|every|both|few|several|this|these|those|his|her|their|its|our|my|your"
)
"""Lower-case words that, right after a capitalised phrase, show it was not a subject."""
NAME_PARTICLES = word_table("de|del|della|der|den|van|von|da|di|du|la|le|el|al|bin|ibn")
PRONOUNS = word_table("he|she|they|we|I|it|He|She|They|We|It")
_DETERMINERS = word_table("The|A|An|This|That|These|Those|Some|Many|Most|Other|Another|One|Each|Every|All|No|Both")
"""Capitalised openers that make a descriptor, not a name (``The Republican nominee``)."""
_AUXILIARIES = word_table(
    """
    has|have|had|is|was|are|were|will|would|could|should|can|may|might|must|did|does|do|also|then|again
    later|earlier|still|now|once|already|never|often|just|repeatedly|recently|quickly|even|only|had been
    has been|have been|is also|was also|has also|had also
    """
)
"""Auxiliaries and adverbs skipped between a subject and its main verb."""

POSSESSIVES = word_table("his|her|their|its|our|my|your")
_RELATIVES = word_table("who|whose")
_SUBORDINATORS = word_table("But|And|So|Yet|Though|Although|While|When|If|As|After|Since|Because|Still|Then")
"""Words that open a sentence before its subject without a comma (``Though she called it “…”``)."""
_INTRO = (
    rf"(?:(?:[^\s,“”\"][^,“”\".!?;:]{{0,100}},\s+(?!{alternation(_RELATIVES)}\b)){{1,2}}"
    rf"|{alternation(_SUBORDINATORS)}\s+)?"
)
"""An introductory phrase ending in a comma (``In an August speech,``); one followed by ``who``
(``Ada Lin, who lost her seat in May,``) is the subject itself, not an introduction."""
_TIME_WORDS = word_table(
    "week|month|year|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|winter|past|time"
)
_TIME_ADJUNCT = (
    rf"(?:\s+(?:(?:on|late|early|earlier|later)\s+)?{alternation(w.title() for w in WEEKDAYS)}"
    rf"(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|\s+(?:this|last|earlier\s+this|later\s+this|at\s+the)(?:\s+{alternation(_TIME_WORDS)}){{1,2}}"
    r"|\s+(?:today|yesterday|tonight))?"
)
"""When the subject did it, between subject and verb: ``Ada Lin on Monday said``, ``Lin this past week
announced``, ``Lin at the time said``."""
_VERB_WORD = rf"(?!{alternation(_NOT_VERBS)}\b)(?P<verb>[a-z][a-z’'-]+)"
_VERB = r"\s+" + _VERB_WORD
"""The main verb: a lower-case word that is not a function word. Refusing ``of`` or ``and`` here, rather
than after the match, lets the pattern backtrack: in ``Jo Lin, director of the Arts Council, said`` an
introductory phrase ``Jo Lin,`` would otherwise leave ``director of the Arts`` as the subject of ``and``."""
_NOT_POSSESSIVE = r"(?<![’'])(?<![’']s)"
"""A name subject does not end in a possessive (``Carson’s longtime friend``): the owner is no subject."""
_CONTRACTED_PRONOUN = r"(?:[Hh]e|[Ss]he|[Ii]t)[’']s(?!\w)"
"""``He’s claiming``: a pronoun with a contracted auxiliary is a subject (``_checked`` drops the ``’s``)."""
SUBJECT_RE = compile_anchored(
    _INTRO + rf"(?P<np>{_CONTRACTED_PRONOUN}|{NAME_NP}{_NOT_POSSESSIVE}|{PRONOUN_NP})"
    r"(?:,\s+[^“”\"]{2,160}?,)?" + _TIME_ADJUNCT + rf"(?:\s+{alternation(_AUXILIARIES)}\b)*" + _VERB
)
"""A sentence opening: ``[Intro,] Subject [, apposition,] [time] [aux] verb``."""
APPOS_SUBJECT_RE = compile_anchored(
    _INTRO + r"(?:[Aa]nother|[Tt]he|[Aa]n?|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)(?:\s+[\w’'-]+){1,4},\s+"
    rf"(?P<np>{NAME_NP}),"
    rf"(?:\s+{alternation(_AUXILIARIES)}\b)*" + _VERB
)
"""``Another critic, Ada Lin, likened …``: a descriptor subject with the name in apposition."""
_NOT_IN_TITLES = (
    CLAUSE_WORDS
    | POSSESSIVES
    | OBJECT_PREPOSITIONS
    | SCENE_PREPOSITIONS
    | word_table("the|a|an|this|these|those|and|or|but|not|no")
)
"""Lower-case words that end a title rather than go on inside one: ``who lost her daughter Ada Lin``,
``an interview with journalist Ada Lin``. An article may only open the title (``the former member Ada Lin``)."""
_TITLE_PART = rf"(?!{alternation(_NOT_IN_TITLES)}\s)[a-z][\w’'-]*"
"""A lower-case word inside a title before a name."""
TITLED_SUBJECT_RE = compile_anchored(
    _INTRO + rf"(?P<np>(?:(?:the|a|an)\s+)?(?:{NAME_NP}\s+)?(?:{_TITLE_PART}\s+){{0,3}}{AGENT_TITLE}\s+{FULL_NAME_NP})"
    r"(?:,\s+[^“”\"]{2,160}?,)?"
    rf"(?:\s+{alternation(_AUXILIARIES)}\b)*"
    rf"\s+(?![a-z]+{alternation(AGENT_SUFFIXES)}\b)" + _VERB_WORD
)
"""``Florida developer Ada Lin expressed …`` / ``Radio talk host Ada Lin used …``: a title that the name
pattern does not know (lower-case words ending in a title word or an agent noun) before a full name. The word
after it is no agent noun: in ``the former Harbor Board customer`` the name is part of the title."""


@dataclass(frozen=True, slots=True)
class Subject:
    """The subject of one sentence."""

    paragraph: int
    offset: int
    """Offset of the sentence start in its paragraph."""
    end: int
    """Offset just past the verb."""
    np: str
    verb: str


def sentence_subjects(paragraphs: tuple[str, ...]) -> list[Subject]:
    """The subject of every sentence that opens with a name or a pronoun and a verb, in reading order."""
    found: list[Subject] = []
    for p, text in enumerate(paragraphs):
        for start in (0, *sentence_ends(text)):
            subject = subject_at(text, start)
            if subject is not None:
                found.append(Subject(p, start, subject[2], subject[0], subject[1]))
    return found


_TITLE_AHEAD = compile_anchored(rf"(?:\s+[a-z][\w’'-]*){{1,4}}\s+{FULL_NAME_NP}")
"""Lower-case words and then a full name right after a subject: the subject may be the start of a title
(``Florida`` in ``Florida developer Ada Lin``), so ``TITLED_SUBJECT_RE`` is worth trying."""


_TITLE_NAME = compile_kept(r"[a-z] [A-Z][^\s]* [A-Z]")
"""A lower-case word before a full name: without one (or without an introductory comma, when the plain
pattern found no subject) a sentence has no titled subject to find."""
_TITLE_REACH = 260
"""How far into a sentence a titled subject can end (two introductory phrases, a title and a name)."""


def subject_at(text: str, start: int) -> tuple[str, str, int] | None:
    """``(np, verb, end)`` for the sentence that starts at ``start`` in ``text``, if it opens with one.

    ``TITLED_SUBJECT_RE`` is the slowest pattern, so it runs only where the plain one fails or stops at a
    word that a title and a name follow."""
    plain = SUBJECT_RE.match(text, start)
    if (
        plain is None
        and ", " in text[start : start + _TITLE_REACH]
        and _TITLE_NAME.search(text, start, start + _TITLE_REACH)
    ) or (plain is not None and _TITLE_AHEAD.match(text, plain.end("np"))):
        found = _found(TITLED_SUBJECT_RE.match(text, start))
        if found is not None:
            return found
    found = _found(plain)
    return found if found is not None else _found(APPOS_SUBJECT_RE.match(text, start))


def _found(m: re.Match[str] | None) -> tuple[str, str, int] | None:
    if m is None:
        return None
    found = _checked(m.group("np"), m.group("verb"))
    return None if found is None else (found[0], found[1], m.end())


_CLAUSE_START = compile_kept(r"(?:,\s+|\s+)(?:while|whereas|but|and)\s+(?=[A-Z])")
"""A coordinated or contrasting clause with a subject of its own (``…, while Ada Lin, the mayor, proposed``)."""


def clause_subject(text: str, start: int) -> tuple[str, str, int] | None:
    """The named subject of the last clause that opens after ``start`` with ``while``, ``but`` or ``and``.

    In ``Bo Lund on Monday signed an order, while Ada Lin proposed “…”`` the passage is Lin's, the subject
    of its own clause, not Lund's."""
    found = None
    for m in _CLAUSE_START.finditer(text, start):
        subject = subject_at(text, m.end())
        if subject is not None and subject[0] not in PRONOUNS:
            found = subject
    return found


def _checked(np: str, verb: str) -> tuple[str, str] | None:
    if " " in np and not np.endswith(("’s", "'s")):
        np = trim_np(np)
    if np[:-2] in PRONOUNS and np.endswith(("’s", "'s")):
        np = np[:-2]  # ``He’s claiming``
    first = np.split()[0]
    if verb in _NOT_VERBS or np.endswith(("’s", "'s", "’", "'")) or first in _DETERMINERS:
        return None
    if first not in PRONOUNS and (first in NON_NAME_CAPITALS or first.rstrip(".") in NON_NAME_CAPITALS):
        return None
    return np, verb


_SPEECH_VERB_RE = compile_kept(rf"\b{alternation(SPEECH_VERBS)}\b")
_LOOKBACK = 80
"""Characters read back from a speech verb for the name before it."""


def reported_sources(paragraphs: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(paragraph, offset, name) of names right before a speech verb (``…, Mr. Obama said in his interview.``)
    or right after one that follows a comma and closes the sentence (``…, noted NBC’s Dante Chinni.``)."""
    found: list[tuple[int, int, str]] = []
    for p, text in enumerate(paragraphs):
        for m in _SPEECH_VERB_RE.finditer(text):
            words = text[max(0, m.start() - _LOOKBACK) : m.start()].split()
            name: list[str] = []
            for w in reversed(words):
                if not name and w in PRONOUNS:
                    break  # ``… in the U.S. He says``: a pronoun speaks, not the capitals before it
                if (w[:1].isupper() and not w.endswith((",", "”", '"'))) or (w in NAME_PARTICLES and name):
                    name.append(w)
                else:
                    break
            while name and name[-1] in NON_NAME_CAPITALS:
                name.pop()
            if name and name[0].endswith(("’s", "'s")):
                continue  # ``Trump’s continued appeal``: a possessive owns the noun; it does not speak
            if name:
                found.append((p, m.start(), " ".join(reversed(name))))
            elif text[max(0, m.start() - 2) : m.start()] == ", ":
                after = _inverted_name(text[m.end() : m.end() + _LOOKBACK])
                if after:
                    found.append((p, m.start(), after))
    return found


def _inverted_name(text: str) -> str | None:
    """``…, noted NBC’s Dante Chinni.``: the name right after a speech verb that closes its sentence."""
    name: list[str] = []
    for w in text.split():
        bare = w.rstrip(".,;")
        if not bare[:1].isupper() or bare in NON_NAME_CAPITALS:
            return None
        if bare.endswith(("’s", "'s")):
            name = []  # ``NBC’s``: the outlet owns the name that follows
        else:
            name.append(bare)
        if w != bare:
            return " ".join(name) if name and w[-1] in ".," else None
    return None
