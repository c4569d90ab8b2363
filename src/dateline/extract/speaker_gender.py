"""Which pronoun the text itself uses for each person, to check a ``he``/``she`` speaker against.

A first-name list guesses gender from ``Bernie`` or ``Dana`` and is often wrong or unsure; the story
is not. After a sentence makes a person its subject (``Sanders said …``) or names them beside a speech
verb, the pronouns that follow in that sentence and the next mostly refer back to them.

1. For each subject sentence and each reported source naming a person, count ``he/himself`` and
   ``she/herself`` from the end of the name to the end of the next sentence (``him``, ``his`` and ``her``
   as often name the person the subject acted on: ``Clinton attacked Trump over his taxes``). A pronoun
   that another person named in between could take (by that person's guessed gender, or any pronoun
   when it is unknown) is not counted: in ``Christie called Clinton a disgrace after she …`` it is hers.
   Nor is a pronoun inside quotation marks: a speaker's ``she`` is someone else (``Lehrich said “she
   would sign”`` is the candidate).
2. A guess from a first name that the name list only calls *mostly* one gender (``Bernie``, ``Terry``,
   ``Lindsey``) stands only when the text's pronouns lean the same way; otherwise it is dropped and any
   pronoun may take the person.
3. With no guess, a margin of ``MARGIN`` decides. Against a guess, the text must use the other
   gender's pronouns ``MARGIN`` times and ``OVERRIDE_RATIO`` times as often as the guessed one.
4. An honorific in the person's names (``Mr.``, ``Ms.``) settles the question outright.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .attribution import sentence_ends
from .entities import EntityIndex
from .lexicon import name_list_answer
from .patterns import FEMALE_HONORIFICS, GENDER_EVIDENCE_FEMALE, GENDER_EVIDENCE_MALE, MALE_HONORIFICS
from .quotes import inside
from .speaker_subjects import Subject

MARGIN = 2
"""How many more pronouns of one gender than the other the text must use to override the guess."""
OVERRIDE_RATIO = 3
"""How much more often the text must use the other gender's pronouns to overturn a first-name guess."""
READ_CHARS = 300
"""Characters read after a name for the pronouns that refer back to it."""
_WORD = re.compile(r"[A-Za-z]+")


def text_genders(
    index: EntityIndex,
    paragraphs: tuple[str, ...],
    subjects: list[Subject],
    reported: list[tuple[int, int, str]],
    quoted: dict[int, list[tuple[int, int]]],
) -> dict[int, str]:
    """Person entity index → ``male``/``female``, from the text where it speaks clearly, else the guess.
    ``quoted`` is ``quotes.quoted_ranges`` of the paragraphs: pronouns there are not counted."""
    genders = dict(index.genders)
    votes: dict[int, list[int]] = {}
    spots = [(s.paragraph, s.end, s.np) for s in subjects] + reported
    others = _person_starts(index)
    for para, offset, np in spots:
        idx = index.person_for(np)
        if idx is None:
            continue
        text = paragraphs[para]
        window = text[offset : offset + READ_CHARS]
        ends = sentence_ends(window)
        if len(ends) >= 2:
            window = window[: ends[1]]
        between = [(at - offset, other) for at, other in others.get(para, ()) if other != idx and at > offset]
        tally = votes.setdefault(idx, [0, 0])
        for m in _WORD.finditer(window):
            lw = m.group().lower()
            gender = "male" if lw in GENDER_EVIDENCE_MALE else "female" if lw in GENDER_EVIDENCE_FEMALE else None
            if gender is None or inside(quoted.get(para, ()), offset + m.start()):
                continue
            if any(at < m.start() and genders.get(other, gender) == gender for at, other in between):
                continue  # someone named in between can take this pronoun
            tally[0 if gender == "male" else 1] += 1
    for idx in [i for i in genders if _weak_guess(index.entities[i].name)]:
        male, female = votes.get(idx, [0, 0])
        if not (male > female if genders[idx] == "male" else female > male):
            del genders[idx]
    for idx, (male, female) in votes.items():
        guess = genders.get(idx)
        if guess is None:
            if male - female >= MARGIN:
                genders[idx] = "male"
            elif female - male >= MARGIN:
                genders[idx] = "female"
        elif guess == "female" and male >= MARGIN and male >= OVERRIDE_RATIO * female:
            genders[idx] = "male"
        elif guess == "male" and female >= MARGIN and female >= OVERRIDE_RATIO * male:
            genders[idx] = "female"
    for idx, ent in enumerate(index.entities):
        for name in (ent.name, *ent.aliases):
            first = name.split()[0] if name.split() else ""
            if first in MALE_HONORIFICS:
                genders[idx] = "male"
            elif first in FEMALE_HONORIFICS:
                genders[idx] = "female"
    return genders


@lru_cache(maxsize=4096)
def _weak_guess(name: str) -> bool:
    """The first word of ``name`` is a first name the name list gives only as *mostly* one gender."""
    first = name.split()[0] if name.split() else ""
    if not first.isalpha():
        return False
    return name_list_answer(first).startswith("mostly_")


def _person_starts(index: EntityIndex) -> dict[int, list[tuple[int, int]]]:
    """Paragraph → (offset, entity index) of each person mention, in order."""
    found: dict[int, list[tuple[int, int]]] = {}
    for para, offset, idx in index.person_positions:
        found.setdefault(para, []).append((offset, idx))
    return found
