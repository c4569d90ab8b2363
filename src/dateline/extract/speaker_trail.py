"""The trail of named sources a pronoun speaker can refer back to.

A ``he`` or ``she`` that attributes a quote names the last person the story put forward as a source:
the subject of an earlier sentence (``Mr. Obama said in his interview.``) or the named speaker of an
earlier quote. The trail keeps both in reading order.

1. Sentence subjects and names right before a speech verb (``…, Mr. Obama said``) or right after one
   closing the sentence (``…, noted NBC’s Dante Chinni.``) that name a person
   (or an organisation, for ``it``/``they``) are laid down once, unless they stand inside quotation
   marks: there the speaker names someone they talk about (``“Trump is making us less safe,” he said``).
2. Each quote whose speaker resolved to a name adds itself as it is read.
3. ``pronoun`` walks back from the quote's position to the nearest source that fits: a person whose
   gender, when known, agrees with ``he``/``she`` and whose name does not end in an organisation word
   (``ORG_WORDS``); an organisation for ``it``; anyone for ``they``.
4. When no source fits a ``he``/``she``, the last person of that gender mentioned before the quote
   (outside quotation marks).
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass

from ..model import EntityKind
from .entities import EntityIndex
from .patterns import ORG_WORDS, PRONOUNS_FEMALE, PRONOUNS_MALE
from .quotes import inside, quoted_ranges
from .speaker_gender import text_genders
from .speaker_subjects import Subject

_PERSON_GENDER = {p.lower(): "male" for p in PRONOUNS_MALE} | {p.lower(): "female" for p in PRONOUNS_FEMALE}


@dataclass(frozen=True, slots=True, order=True)
class Source:
    """One named source at a position in the text."""

    where: tuple[int, int]
    """(paragraph, offset) where the source is put forward."""
    name: str
    entity: int | None
    """Index of the person entity, or None for an organisation or an unlisted name."""
    kind: EntityKind


class SourceTrail:
    """Named sources in reading order, for resolving pronoun speakers."""

    def __init__(
        self,
        index: EntityIndex,
        paragraphs: tuple[str, ...],
        subjects: list[Subject],
        reported: list[tuple[int, int, str]],
    ) -> None:
        self._index = index
        # A name inside the marks is someone the speaker talks about (``“Trump is making us less safe,”
        # he said``): it is no source of the story's and no evidence of anyone's gender.
        quoted = self._quoted = quoted_ranges(paragraphs)
        subjects = [s for s in subjects if not inside(quoted.get(s.paragraph, ()), s.end - 1)]
        reported = [r for r in reported if not inside(quoted.get(r[0], ()), r[1])]
        self._genders = text_genders(index, paragraphs, subjects, reported, quoted)
        self._sources: list[Source] = []
        for s in subjects:
            found = self._named(s.np)
            if found is not None:
                self._sources.append(Source((s.paragraph, s.offset), *found))
        for para, offset, np in reported:
            found = self._named(np)
            if found is not None:
                self._sources.append(Source((para, offset), *found))
        self._sources.sort()

    def _named(self, np: str) -> tuple[str, int | None, EntityKind] | None:
        idx = self._index.person_for(np)
        if idx is not None:
            return self._index.entities[idx].name, idx, EntityKind.PERSON
        ent = self._index.by_surface.get(np)
        if ent is not None and self._index.entities[ent].kind is EntityKind.ORGANIZATION:
            return self._index.entities[ent].name, None, EntityKind.ORGANIZATION
        return None

    def add(self, where: tuple[int, int], name: str, entity: int | None) -> None:
        """Record a quote's resolved named speaker."""
        kind = EntityKind.PERSON if entity is not None else EntityKind.OTHER
        if entity is None:
            ent = self._index.by_surface.get(name)
            if ent is not None:
                kind = self._index.entities[ent].kind
        insort(self._sources, Source(where, name, entity, kind))

    def recent_person(self, where: tuple[int, int], first_paragraph: int) -> str | None:
        """The last named person source before ``where`` and at or after ``first_paragraph``, if any."""
        for s in reversed(self._sources):
            if s.where >= where:
                continue
            if s.where[0] < first_paragraph:
                return None
            if s.kind is EntityKind.PERSON:
                return s.name
        return None

    def pronoun(self, pron: str, where: tuple[int, int]) -> tuple[str | None, int | None]:
        """The source ``pron`` (lower case) refers back to from ``where``, if any."""
        want = _PERSON_GENDER.get(pron)
        for s in reversed(self._sources):
            if s.where >= where:
                continue
            if want is not None:
                if s.kind is EntityKind.ORGANIZATION or s.name.rsplit(None, 1)[-1] in ORG_WORDS:
                    continue  # (``Carol Creek Elementary School`` typed a person is no ``he``)
                if s.entity is not None and self._genders.get(s.entity, want) != want:
                    continue
                return s.name, s.entity
            if pron == "it" and s.kind is EntityKind.ORGANIZATION:
                return s.name, s.entity
            if pron == "they":
                return s.name, s.entity
        if want is not None:
            # 4. No source fits: the most recent person of that gender named anywhere before.
            for para, offset, idx in reversed(self._index.person_positions):
                if (
                    (para, offset) < where
                    and self._genders.get(idx, want) == want
                    and not inside(self._quoted.get(para, ()), offset)
                ):
                    return self._index.entities[idx].name, idx
        return None, None
