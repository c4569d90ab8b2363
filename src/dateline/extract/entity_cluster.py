"""The entity stage's working record: one entity being assembled from a document's mentions.

Besides what becomes the :class:`~dateline.model.Entity` (names, surfaces, kind votes), a cluster keeps
tables of its names' words (``add_name``) because clustering asks, for every new mention, which earlier
cluster has a name with that word, those leading words or those initials.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model import EntityKind
from .entity_kinds import is_acronym


def initials(name: str) -> str:
    """The capital initials of a multi-word name (``United Nations`` → ``UN``)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


@dataclass(slots=True)
class Cluster:
    """An entity being assembled (mutable, used only while ``entities.py`` clusters one document's mentions;
    frozen into ``Entity`` at the end)."""

    names: list[str] = field(default_factory=list)
    """Bare names seen, in order (no titles)."""
    surfaces: list[str] = field(default_factory=list)
    """Every distinct surface seen, in order."""
    votes: dict[EntityKind, float] = field(default_factory=lambda: defaultdict(float))
    roles: set[str] = field(default_factory=set)
    gender: str = ""
    first: tuple[int, int] = (1 << 30, 0)
    words: set[str] = field(default_factory=set)
    """Every word of every name (``Ban``, ``Ki-moon``): clustering asks about these for every mention."""
    later_words: set[str] = field(default_factory=set)
    """Every word of every name but its first (family names)."""
    heads: set[tuple[str, ...]] = field(default_factory=set)
    """The leading words of every name, short of the whole name, from none up."""
    initials: set[str] = field(default_factory=set)
    """The initials of every name with a space in it."""

    def add_name(self, name: str) -> None:
        """Add a bare name, with its words, heads and initials."""
        self.names.append(name)
        words = name.split()
        self.words.update(words)
        self.later_words.update(words[1:])
        self.heads.update(tuple(words[:n]) for n in range(len(words)))
        if " " in name:
            self.initials.add(initials(name))

    def forget_names(self) -> None:
        """Empty the cluster (its names moved to another)."""
        self.names, self.surfaces, self.votes = [], [], defaultdict(float)
        self.words, self.later_words, self.heads, self.initials = set(), set(), set(), set()

    @property
    def name(self) -> str:
        full = [n for n in self.names if not is_acronym(n)] or self.names
        return max(full, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))

    @property
    def kind(self) -> EntityKind:
        """The kind with the most votes; a tie goes to the kind earlier in ``_KIND_ORDER``."""
        votes = self.votes
        if not votes:
            return EntityKind.OTHER
        # A plain loop, not max() with a key: clustering asks every cluster's kind for every new mention.
        best, top = EntityKind.OTHER, 0.0
        for i, kind in enumerate(_KIND_ORDER):
            weight = votes[kind]  # the defaultdict fills in every kind, as it always has here
            if i == 0 or weight > top:
                best, top = kind, weight
        return best


_KIND_ORDER = (EntityKind.ORGANIZATION, EntityKind.PLACE, EntityKind.PERSON, EntityKind.OTHER)
