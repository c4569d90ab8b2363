"""Kind evidence for one mention: how much it says the entity is a person, organisation, place or other.

Each rule adds weight to one kind; ``entities.py`` sums the weights over all of an entity's mentions and
takes the heaviest kind. The rules, in order:

1. Titles and honorifics, speech cues and a first-name initial (``G. Thorpe``) say person.
2. Company suffixes and organisation words (``Corp``, ``Ministry``) say organisation.
3. The gazetteer and place words (``Province``, ``Lake``) say place; a preposition before adds to it.
4. Acronyms lean to organisation, unless they name a place (``U.S.``).
5. Demonyms (``German``, ``Bosnian Serbs``) and events (``World Cup``, ``U.S. Open``) are other.
6. A team: a city or region followed by a score (``Seattle 5``) or named with a nickname or club
   (``Seattle Mariners``, ``Ajax Amsterdam``) is an organisation.
7. Weak defaults: a first name says person, a common first word says organisation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..model import EntityKind
from . import gazetteer, lexicon
from .entity_demonyms import is_demonym
from .mentions import Mention, is_initial
from .patterns import ORG_WORDS, PLACE_WORDS, word_table

ORG_SUFFIXES = word_table("Inc|Inc.|Corp|Corp.|Ltd|Ltd.|LLC|PLC|Plc|plc|AG|SA|S.A.|GmbH|NV|N.V.|Co.|LLP|Group")
PLACE_ACRONYMS = word_table("US|U.S.|USA|U.S.A.|UK|U.K.|UAE|DRC|PRC|ROK|DPRK|NYC|LA|EU")
"""Acronyms that name places (``EU`` is typed by context: it is a union of states, scored as either)."""
PLACE_PREPOSITIONS = word_table("in|at|near|from|to|into|across|outside|inside|toward|towards|around")
EVENT_WORDS = word_table(
    """
    Cup|Open|Championship|Championships|Games|Olympics|Olympiad|Series|Prix|Tour|Rally|Classic|Stakes|Trophy
    Prize|Award|Awards|War|Festival|Marathon|Derby|Invitational|Tournament|Expo|Grand Slam|Masters|Plate
    Handicap|Regatta|Biennale|Fair|Oscars|Grammys|Emmys|Revolution|Uprising|Crisis|Accord|Accords|Treaty|Day
    """
)
"""Last words of events, contests and awards (``World Cup``, ``Hong Kong Open``, ``Gulf War``): kind other."""
MATCH_VERBS = word_table(
    """
    beat|beats|beating|drew|draws|defeated|defeating|thrashed|routed|edged|trounced|downed
    outscored|whipped|crushed|hammered|humbled|swept|v|v.|vs|vs.|versus
    """
)
"""Words around a team in a match report (``Lens beat Metz``, ``Leeds v Chelsea``): a city there is a club."""
SHOUTED_PLACE_LETTERS = 4
"""An all-capitals place name this long (``BONN``) is the place, not an acronym (``ANC``, ``IMF``)."""
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.-]{1,11}$")
_MINUTE = re.compile(r"^\d{1,3}(?:st|nd|rd|th)\b")
"""The minute of a goal after a scorer's name (``Smicer 52nd``)."""
_PERSON_SHAPE = re.compile(r"^(?:[A-Z][a-z]+-(?:ul|ur|ud|us|al|el|ud-din|bin|ibn)-[A-Z][a-z]+|O'[A-Z][a-z]+)$")
"""Shapes only personal names take: a lower-case particle between hyphens, an Irish ``O'``."""
_SCORE = re.compile(r"^\d{1,3}[.,;)]?$")
"""A result or standings figure right after a team (``Seattle 5``, ``Surrey 13 6 1``), not a year or date."""


@lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """Two or more capitals, perhaps with digits, dots or a lower-case letter (``UNMIK``, ``U.S.``)."""
    if not _ACRONYM.match(word):
        return False
    letters = [c for c in word if c.isalpha()]
    if sum(c.isupper() for c in letters) < max(2, len(letters) - 1):
        return False
    # A known place written in capitals (``LONDON``, ``IRAN``) is a shouted word, not initials.
    return len(letters) < SHOUTED_PLACE_LETTERS or not gazetteer.is_place(word)


def _is_team(m: Mention, tokens: list[str]) -> bool:
    """A city or region used as a sports team name (countries play as themselves: place)."""
    if gazetteer.is_country(m.name):
        return False
    if gazetteer.is_place(m.name):
        return bool(_SCORE.match(m.next_word)) or m.next_word in MATCH_VERBS or m.after_word in MATCH_VERBS
    if len(tokens) < 2 or tokens[-1] in PLACE_WORDS or tokens[-1] in ORG_WORDS or is_initial(tokens[0]):
        return False
    # "San Francisco Giants", "Seattle Mariners": a place and a nickname.
    for k in range(min(3, len(tokens) - 1), 0, -1):
        head = " ".join(tokens[:k])
        if gazetteer.is_place(head) and not gazetteer.is_country(head) and not is_demonym(tokens[-1]):
            if k > 1 or not lexicon.first_name_gender(head):
                return True
            return tokens[-1].endswith("s") and not lexicon.first_name_gender(tokens[1])
    # "PSV Eindhoven", "Ajax Amsterdam": a club name and its town.
    tail = tokens[-1]
    return (
        len(tokens) == 2
        and gazetteer.is_place(tail)
        and not gazetteer.is_country(tail)
        and not lexicon.first_name_gender(tokens[0])
        and not lexicon.is_common_word(tokens[0])
    )


def kind_votes(m: Mention, acronyms: dict[str, str], speakers: set[str]) -> dict[EntityKind, float]:
    """The weight this mention gives each kind."""
    votes: dict[EntityKind, float] = defaultdict(float)
    tokens = m.name.split()
    last = tokens[-1]
    first_name = lexicon.first_name_gender(tokens[0]) if len(tokens) >= 2 else None
    # 1. people
    if m.role:
        votes[EntityKind.PERSON] += 3
    if len(tokens) >= 2 and is_initial(tokens[0]) and not is_acronym(last):
        votes[EntityKind.PERSON] += 2.5
    if _MINUTE.match(m.next_word):
        votes[EntityKind.PERSON] += 1.5  # a goal scorer: "(Smicer 52nd)"
    if _PERSON_SHAPE.match(m.name):
        votes[EntityKind.PERSON] += 2  # "Inzamam-ul-Haq", "O'Meara"
    if len(tokens) == 1 and lexicon.first_name_gender(last) in ("male", "female") and not gazetteer.is_place(last):
        votes[EntityKind.PERSON] += 0.5  # a first name alone: "Ian"
    if m.surface in speakers or m.name in speakers:
        votes[EntityKind.PERSON] += 2
    # 2. organisations
    known_place = gazetteer.is_place(m.name) and (
        not is_acronym(m.name) or m.name in PLACE_ACRONYMS or m.name.endswith(".")
    )
    if last in ORG_SUFFIXES or last.rstrip(".") in ORG_SUFFIXES:
        votes[EntityKind.ORGANIZATION] += 4
    elif known_place and len(tokens) > 1:
        pass  # "Mexico City", "Soviet Union": the gazetteer knows the whole name as a place
    elif any(t in ORG_WORDS or t.rstrip(".") in ORG_WORDS for t in tokens):
        votes[EntityKind.ORGANIZATION] += 3.5 if last in ORG_WORDS else 2
    # 3. places
    if known_place:
        votes[EntityKind.PLACE] += 2.5 if len(tokens) > 1 or m.after_word in PLACE_PREPOSITIONS else 2
    elif last in PLACE_WORDS:
        votes[EntityKind.PLACE] += 3
    if m.after_word in PLACE_PREPOSITIONS:
        votes[EntityKind.PLACE] += 0.6
    if m.dateline:
        votes[EntityKind.PLACE] += 4
    # 4. acronyms
    if m.name in acronyms.values() and not gazetteer.is_place(m.name):
        votes[EntityKind.ORGANIZATION] += 2
    if is_acronym(m.name) and not known_place and not m.dateline:
        votes[EntityKind.ORGANIZATION] += 1.5
    # 5. groups and events
    if is_demonym(last):
        votes[EntityKind.OTHER] += 3
    personal = len(tokens) == 2 and first_name and not gazetteer.is_place(tokens[0])  # "Jason Day", not an event
    if last in EVENT_WORDS and not personal and (len(tokens) >= 2 or m.after_word == "the"):
        votes[EntityKind.OTHER] += 4
    if len(tokens) >= 2 and " ".join(tokens[-2:]) in EVENT_WORDS:
        votes[EntityKind.OTHER] += 4
    # 6. teams
    if _is_team(m, tokens):
        votes[EntityKind.ORGANIZATION] += 3
    # 7. weak defaults
    if first_name:
        votes[EntityKind.PERSON] += 1.5
    if len(tokens) >= 2:
        if lexicon.is_common_word(tokens[0]) and not first_name:
            votes[EntityKind.ORGANIZATION] += 0.4  # "Lower Ashby", "Direct Bean": not a first name
        else:
            votes[EntityKind.PERSON] += 0.5
    else:
        votes[EntityKind.ORGANIZATION] += 0.3
        votes[EntityKind.PERSON] += 0.2
    return votes
