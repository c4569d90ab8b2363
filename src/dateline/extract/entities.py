"""Stage 8b: group mentions into entities, type each one, and count its mentions.

1. Acronym definitions link a short form to its long form: ``Long Name (ABBR)``, ``Long Name, or ABBR``.
2. Each mention joins an existing entity when it is the same surface, a linked acronym, the initials of
   an organisation (``UN`` → United Nations), a person's family name (``Mr. Ban`` → Ban Ki-moon, any
   token, so family-name-first names work), or a title held by a person (``the Secretary-General``).
   A full name also takes over its family name seen alone before it (``Croft`` … ``R. Croft``).
3. Each entity's kind is a vote over the evidence of all its mentions (``entity_kinds.py``: titles,
   speech cues, organisation and place words, the GeoNames gazetteer, first names, demonyms, events,
   sports teams): one kind per entity per document. A family name repeated alone adds nothing.
4. Mentions are counted over the paragraphs, longest name first, so a name inside a longer listed name
   does not count and ``Full Name (ABBR)`` counts once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..model import Entity, EntityKind
from . import lexicon
from .entity_cluster import Cluster
from .entity_demonyms import is_demonym
from .entity_kinds import is_acronym, kind_votes
from .mentions import Mention, is_initial
from .name_search import find_names_by_paragraph
from .patterns import ORG_WORDS

WEAK_VOTES = 1.0
"""A cluster whose best kind has no more weight than this was typed on defaults, not evidence."""
_ACR_PAREN = re.compile(r"\s*\(\s*(?P<acr>[A-Z][A-Za-z0-9&.-]{1,11})\s*\)")
_ACR_OR = re.compile(r",?\s+or\s+(?:the\s+)?(?P<acr>[A-Z][A-Z0-9&.-]{1,11})\b")
_ORG_WORD_TUPLE = tuple(ORG_WORDS)
_SAME_NAME_GAP = re.compile(r"\s*\(\s*|,?\s+or\s+(?:the\s+)?")
"""What lies between ``Long Name`` and its acronym when both name the entity once (used with ``fullmatch``)."""


def acronym_fits(long: str, acr: str) -> bool:
    """True when ``acr`` can abbreviate ``long``: same first letter, letters in order, few skipped words."""
    letters = [c.lower() for c in acr if c.isalpha()]
    words = [w for w in re.split(r"[\s-]+", long) if w]
    if not letters or not words or letters[0] != words[0][0].lower():
        return False
    text = "".join(w.lower() for w in words)
    pos = 0
    for c in letters:
        pos = text.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return len(letters) >= 2


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """Entities of one document, with lookups the speaker stage needs."""

    entities: tuple[Entity, ...]
    by_surface: dict[str, int]
    """Surface or name → index into ``entities``."""
    person_positions: tuple[tuple[int, int, int], ...]
    """(paragraph, offset, entity index) of every person mention, in reading order."""
    roles: dict[str, int]
    """Lower-cased title word (``secretary-general``, ``minister``) → person entity index."""
    genders: dict[int, str]
    _person_words: dict[str, int] = field(init=False, repr=False, compare=False)
    """Each word of a person's name → the first person entity whose name has it."""
    _person_for: dict[str, int | None] = field(init=False, repr=False, compare=False)
    """Answers of :meth:`person_for` given so far (the speaker stage asks about the same phrases often)."""

    def __post_init__(self) -> None:
        words: dict[str, int] = {}
        for i, ent in enumerate(self.entities):
            if ent.kind is EntityKind.PERSON:
                for word in ent.name.split():
                    words.setdefault(word, i)
        object.__setattr__(self, "_person_words", words)
        object.__setattr__(self, "_person_for", {})

    def person_for(self, np: str) -> int | None:
        """The person entity a name-like noun phrase refers to, if any."""
        if np in self._person_for:
            return self._person_for[np]
        found = self._find_person(np)
        self._person_for[np] = found
        return found

    def _find_person(self, np: str) -> int | None:
        key = np.strip()
        idx = self.by_surface.get(key)
        if idx is not None and self.entities[idx].kind is EntityKind.PERSON:
            return idx
        tokens = [t for t in key.replace(".", ". ").split() if t[:1].isupper() and not t.endswith(".")]
        for tok in reversed(tokens):
            if tok in self._person_words:
                return self._person_words[tok]
        return None

    def role_holder(self, np: str) -> int | None:
        """The person who holds the title in ``the Secretary-General`` / ``the minister``."""
        words = [w.strip(",.").lower() for w in np.split()[1:]]
        for w in reversed(words):
            if w in self.roles:
                return self.roles[w]
        return None


ExtraVotes = Callable[[Mention], Mapping[EntityKind, float]]
"""Kind evidence from outside the rules for one mention (the ``nlp`` extra's model, ``entity_nlp.py``)."""


def build_entities(
    paragraphs: tuple[str, ...], mentions: list[Mention], speakers: set[str], extra_votes: ExtraVotes | None = None
) -> EntityIndex:
    """Cluster, type and count ``mentions``; ``speakers`` are noun phrases seen as quote speakers.

    ``extra_votes``, when given, adds its weights to each mention's rule votes (step 3).
    """
    acronyms = _acronym_links(paragraphs, mentions)
    clusters: list[Cluster] = []
    by_key: dict[str, int] = {}
    role_only: list[Mention] = []
    for m in mentions:
        if not m.name:
            role_only.append(m)
            continue
        idx = _find_cluster(m, clusters, by_key, acronyms)
        if idx is None:
            clusters.append(Cluster())
            idx = len(clusters) - 1
        c = clusters[idx]
        if m.name not in c.names:
            c.add_name(m.name)
        if m.surface not in c.surfaces:
            c.surfaces.append(m.surface)
        by_key.setdefault(m.name, idx)
        if m.role:
            c.roles.update(w.lower() for w in m.role.split())
        if m.gender and not c.gender:
            c.gender = m.gender
        c.first = min(c.first, (m.paragraph, m.start))
        _vote(c, m, acronyms, speakers)
        if extra_votes is not None:
            for kind, weight in extra_votes(m).items():
                c.votes[kind] += weight
    _merge_acronym_targets(clusters, by_key, acronyms)
    roles = _role_map(clusters)
    for m in role_only:
        head = m.role.split()[-1].lower()
        idx = roles.get(head)
        if idx is not None:
            c = clusters[idx]
            if m.surface not in c.surfaces:
                c.surfaces.append(m.surface)
    return _freeze(paragraphs, clusters, roles)


def _acronym_links(paragraphs: tuple[str, ...], mentions: list[Mention]) -> dict[str, str]:
    links: dict[str, str] = {}
    for m in mentions:
        if not m.name or len(m.name.split()) < 2:
            continue
        text = paragraphs[m.paragraph]
        end = m.start + len(m.surface)
        tail = text[end : end + 40]
        for rx in (_ACR_PAREN, _ACR_OR):
            am = rx.match(tail)
            if am and is_acronym(am.group("acr")) and acronym_fits(m.name, am.group("acr")):
                links.setdefault(am.group("acr"), m.name)
    return links


def _find_cluster(m: Mention, clusters: list[Cluster], by_key: dict[str, int], acronyms: dict[str, str]) -> int | None:
    if m.name in by_key:
        return by_key[m.name]
    for variant in (m.name + "s", m.name[:-1] if m.name.endswith("s") else ""):
        if variant and variant in by_key and is_demonym(m.name.split()[-1]):
            return by_key[variant]
    target = acronyms.get(m.name)
    if target and target in by_key:
        return by_key[target]
    # Each test reads the cluster's word tables first: asking a cluster's kind is the dearer part, and the
    # first cluster (in the same order) that passes both is the same.
    if is_acronym(m.name):
        for i, c in enumerate(clusters):
            if m.name in c.initials and c.kind is not EntityKind.PERSON:
                return i
    tokens = m.name.split()
    # A short form of an organisation named earlier ("Aurora Grid", "Kestrel Institute", "Northwind").
    if not is_acronym(m.name):
        head = tuple(tokens)
        for i, c in enumerate(clusters):
            if head in c.heads and c.kind is EntityKind.ORGANIZATION:
                return i
    # A person's name repeated in part: "Mr. Ban", "Merkel", "Ki-moon".
    if len(tokens) == 1 and not is_acronym(m.name):
        for i in range(len(clusters) - 1, -1, -1):
            c = clusters[i]
            if m.name in c.words and c.kind is EntityKind.PERSON:
                return i
    # A full name after its family name alone ("Merkel" then "Angela Merkel").
    if len(tokens) >= 2 and not m.role.startswith(_ORG_WORD_TUPLE):
        for i, c in enumerate(clusters):
            if len(c.names) == 1 and c.names[0] == tokens[-1] and (c.kind is EntityKind.PERSON or _weak(c, m)):
                return i
    return None


def _weak(c: Cluster, m: Mention) -> bool:
    """A lone family name typed on defaults only ("Croft"), now written as a person's ("R. Croft")."""
    tokens = m.name.split()
    person_like = bool(m.role) or is_initial(tokens[0]) or lexicon.first_name_gender(tokens[0]) in ("male", "female")
    return person_like and max(c.votes.values(), default=0.0) <= WEAK_VOTES


def _vote(c: Cluster, m: Mention, acronyms: dict[str, str], speakers: set[str]) -> None:
    if " " not in m.name and m.name in c.later_words and c.kind is EntityKind.PERSON:
        # "Clinton" after "Bill Clinton": the family name alone says nothing new (the town of Clinton).
        c.votes[EntityKind.PERSON] += 3 if m.role else 0.5
        return
    for kind, weight in kind_votes(m, acronyms, speakers).items():
        c.votes[kind] += weight
    tokens = m.name.split()
    if len(tokens) >= 2 and not c.gender:
        gender = lexicon.first_name_gender(tokens[0])
        if gender in ("male", "female"):
            c.gender = gender


def _merge_acronym_targets(clusters: list[Cluster], by_key: dict[str, int], acronyms: dict[str, str]) -> None:
    """An acronym used before its definition formed its own cluster: fold it into the long form's."""
    for acr, long in acronyms.items():
        a, b = by_key.get(acr), by_key.get(long)
        if a is None or b is None or a == b:
            continue
        src, dst = clusters[a], clusters[b]
        for n in src.names:
            if n not in dst.names:
                dst.add_name(n)
        for s in src.surfaces:
            if s not in dst.surfaces:
                dst.surfaces.append(s)
        for kind, score in src.votes.items():
            dst.votes[kind] += score
        dst.first = min(dst.first, src.first)
        src.forget_names()
        for k, v in list(by_key.items()):
            if v == a:
                by_key[k] = b


def _role_map(clusters: list[Cluster]) -> dict[str, int]:
    holders: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        if c.names and c.kind is EntityKind.PERSON:
            for r in c.roles:
                holders[r].append(i)
    # A title held by two people in one story is ambiguous: leave it unresolved.
    return {r: ids[0] for r, ids in holders.items() if len(ids) == 1}


def _freeze(paragraphs: tuple[str, ...], clusters: list[Cluster], roles: dict[str, int]) -> EntityIndex:
    live = [c for c in clusters if c.names]
    live.sort(key=lambda c: c.first)
    counted = [c for c in live if c.kind is not EntityKind.OTHER]
    counts, positions = _count(paragraphs, counted)
    # "Kosovo Serbs" must not swallow a mention of Kosovo, so other-kind names are counted on their own.
    other_counts, _ = _count(paragraphs, [c for c in live if c.kind is EntityKind.OTHER])
    counts.update(other_counts)
    entities: list[Entity] = []
    by_surface: dict[str, int] = {}
    genders: dict[int, str] = {}
    old_to_new: dict[int, int] = {}
    for c in live:
        i = len(entities)
        old_to_new[id(c)] = i
        name = c.name
        aliases = tuple(s for s in c.surfaces if s != name)
        entities.append(Entity(name, c.kind, aliases, counts.get(id(c), 0)))
        for s in (name, *c.surfaces, *c.names):
            by_surface.setdefault(s, i)
        if c.gender:
            genders[i] = c.gender
    person_positions = tuple(
        (p, o, old_to_new[cid]) for p, o, cid in positions if entities[old_to_new[cid]].kind is EntityKind.PERSON
    )
    new_roles = {r: old_to_new[id(clusters[i])] for r, i in roles.items() if id(clusters[i]) in old_to_new}
    return EntityIndex(tuple(entities), by_surface, person_positions, new_roles, genders)


def _count(paragraphs: tuple[str, ...], clusters: list[Cluster]) -> tuple[dict[int, int], list[tuple[int, int, int]]]:
    owner: dict[str, Cluster] = {}
    for c in clusters:
        for s in (*c.surfaces, *c.names):
            owner.setdefault(s, c)
    if not owner:
        return {}, []
    alts = sorted(owner, key=len, reverse=True)
    counts: dict[int, int] = defaultdict(int)
    positions: list[tuple[int, int, int]] = []
    found = find_names_by_paragraph(paragraphs, alts)
    for p, text in enumerate(paragraphs):
        prev_end, prev_owner = -100, None
        for start, end, name in found.get(p, ()):
            c = owner[name]
            gap = text[prev_end:start]
            # "Long Name (ABBR)" and "Long Name, or ABBR" name the entity once.
            if c is prev_owner and _SAME_NAME_GAP.fullmatch(gap):
                prev_end = end
                continue
            counts[id(c)] += 1
            positions.append((p, start, id(c)))
            prev_end, prev_owner = end, c
    return counts, positions
