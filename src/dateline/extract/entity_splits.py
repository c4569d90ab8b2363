"""Where one capitalised run holds several names, and where it holds one name with a possessive inside.

Stage 8a (``mentions.py``) calls these before cleaning each piece:

1. ``U.S. President Bill Clinton``: a country before a title is a name of its own.
2. ``Turkish Foreign Ministry``: a nationality before a state body only describes it.
3. ``Reserve Bank of India Governor Chakravarty Rangarajan``: a body, then its officer.
4. ``East Jerusalem and the Dead Sea``, ``Mexico City and Kansas City``: two listed names.
5. ``Dead Sea on Sunday``: a weekday or month after ``on``/``in`` ends the name.
6. ``Shares in Harbour Foods Co``: an everyday word before ``in``/``on``/``at`` is no part of it.
7. ``David Rikl of the Czech Republic``: a person and where they come from.

``People's Daily`` and ``Children's Hospital`` keep their inner possessive; ``Northwind's Director``
does not (``inner_possessive``).
"""

from __future__ import annotations

from . import gazetteer, lexicon
from .entity_demonyms import is_demonym
from .patterns import HONORIFICS, NAME_CONNECTORS, NON_NAME_CAPITALS, ORG_WORDS, PLACE_WORDS, ROLE_NOUNS, word_table

Piece = list[tuple[int, str]]
"""Words of a run with their offsets in the paragraph."""

ROLE_ADJECTIVES = word_table(
    "Acting|Former|Deputy|Interim|Chief|Senior|Vice|Assistant|Associate|Executive|Outgoing|Incoming"
)
"""Words that qualify a title without being part of a name (``Acting Mayor``)."""
_GENDERS = ("male", "female")

STATE_BODIES = word_table("Ministry|Government|Army|Navy|Police|Embassy|Parliament|Cabinet|Consulate")
"""Organs of a state named after a nationality word that is not part of their name (``German Foreign Ministry``)."""


def _person_after(rest: list[str]) -> bool:
    """``Maria Estrada`` after a title, not ``Assembly`` (``United Nations General Assembly``)."""
    if any(w in ORG_WORDS or w in PLACE_WORDS or w in NAME_CONNECTORS for w in rest):
        return False
    return lexicon.first_name_gender(rest[0]) in _GENDERS or (len(rest) >= 2 and not lexicon.is_common_word(rest[0]))


def _place_before_title(names: list[str]) -> bool:
    title = names[2] if names[1] in ROLE_ADJECTIVES else names[1]
    return (title in ROLE_NOUNS or title in HONORIFICS) and gazetteer.is_place(names[0]) and len(names[0]) > 1


def split_listed(group: Piece) -> list[Piece]:
    """The names in one run, cut by rules 1–7 above, before any organisation or place word holds them together."""
    names = [w for _, w in group]
    if len(names) > 2 and _place_before_title(names):
        return [group[:1], group[1:]]  # "U.S. President Bill Clinton": the country, then the person
    if len(names) > 2 and is_demonym(names[0]) and names[-1] in STATE_BODIES:
        return [group[1:]]  # "Turkish Foreign Ministry": the nationality describes the ministry
    for i in range(2, len(names) - 1):
        if names[i] in ROLE_NOUNS and any(w in ORG_WORDS for w in names[:i]) and _person_after(names[i + 1 :]):
            # "Reserve Bank of India Governor Chakravarty Rangarajan": the body, then its officer
            return [*split_listed(group[:i]), group[i:]]
    for i, w in enumerate(names[1:-1], 1):
        if w == "and" and names[i + 1] == "the":
            return [group[:i], *split_listed(group[i + 2 :])]
        if w == "and" and gazetteer.is_place(" ".join(names[:i])) and gazetteer.is_place(" ".join(names[i + 1 :])):
            return [group[:i], group[i + 1 :]]  # "Mexico City and Kansas City"
        if w in ("on", "in") and names[i + 1] in NON_NAME_CAPITALS:
            return split_listed(group[:i])  # "Dead Sea on Sunday", "Tiananmen Square in June"
        if w in ("in", "on", "at") and i == 1 and lexicon.is_common_word(names[0]) and names[0] not in ORG_WORDS:
            return split_listed(group[2:])  # "Shares in Harbour Foods Co"
        if w == "of" and i >= 2 and lexicon.first_name_gender(names[0]) in _GENDERS:
            rest = names[i + 2 :] if names[i + 1] == "the" else names[i + 1 :]
            if rest and gazetteer.is_place(" ".join(rest)):
                # "David Rikl of the Czech Republic": a person and where they are from.
                return [group[:i], group[len(names) - len(rest) :]]
    return [group]


def inner_possessive(word: str, rest: Piece) -> bool:
    """``People's Daily``, ``Children's Hospital``: an everyday noun's possessive inside one name."""
    owner = word[:-2] if word[-2] in "’'" else word[:-1]
    if not rest or not lexicon.is_common_word(owner) or gazetteer.is_place(owner) or owner in HONORIFICS:
        return False
    following = rest[0][1]
    return following in ORG_WORDS or (lexicon.is_common_word(following) and not is_demonym(following))
