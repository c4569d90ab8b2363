"""Stage 8b: group mentions into entities, type each one, and count its mentions.

1. Acronym definitions link a short form to its long form: ``Long Name (ABBR)``, ``Long Name, or ABBR``.
2. Each mention joins an existing entity when it is the same surface, a linked acronym, the initials of
   an organisation (``UN`` → United Nations), a person's family name (``Mr. Ban`` → Ban Ki-moon, any
   token, so family-name-first names work), or a title held by a person (``the Secretary-General``).
3. Each entity's kind is a vote over the evidence of all its mentions (honorifics and titles, speech
   cues, organisation and place words, the GeoNames gazetteer, first names, demonyms): one kind per
   entity per document.
4. Mentions are counted over the paragraphs, longest name first, so a name inside a longer listed name
   does not count and ``Full Name (ABBR)`` counts once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Entity, EntityKind
from . import gazetteer, lexicon
from .mentions import Mention
from .patterns import NATIONALITY_SUFFIXES, ORG_WORDS, PLACE_WORDS, word_table

DEMONYMS = word_table(
    """
    Serb|Serbs|Croat|Croats|Bosniak|Bosniaks|Kosovar|Kosovars|Briton|Britons|Brit|Brits|Swiss|French|Dutch
    Thai|Greek|Greeks|Czech|Czechs|Slovak|Pole|Poles|Turk|Turks|Dane|Danes|Swede|Swedes|Finn|Finns|Scot|Scots
    Welsh|Irish|Yugoslav|Arab|Arabs|Jew|Jews|Kurd|Kurds|Uzbek|Uzbeks|Kazakh|Afghan|Afghans|Filipino|Sikh
    Hindu|Muslim|Muslims|Christian|Christians|Catholic|Catholics|Shia|Shiite|Sunni|Jewish|Islamic|Buddhist
    Israeli|Israelis|Iraqi|Iraqis|Pakistani|Pakistanis|Saudi|Saudis|Kuwaiti|Yemeni|Omani|Qatari|Emirati
    Bangladeshi|Nepali|Somali|Somalis|English|Spanish|Danish|Swedish|Finnish|Polish|Turkish|Scottish|Basque
    Republican|Republicans|Democrat|Democrats|Democratic|Conservative|Conservatives|Labour|Liberal|Tory
    Tories|Socialist|Socialists|Communist|Communists|Olympic|Olympics|Internet|Web|Christmas|Easter|Ramadan
    """
)
"""Nationalities, groups and other ``other``-kind words that no suffix rule catches."""

ORG_SUFFIXES = word_table("Inc|Inc.|Corp|Corp.|Ltd|Ltd.|LLC|PLC|Plc|plc|AG|SA|S.A.|GmbH|NV|N.V.|Co.|LLP|Group")
PLACE_ACRONYMS = word_table("US|U.S.|USA|U.S.A.|UK|U.K.|UAE|DRC|PRC|ROK|DPRK|NYC|LA|EU")
"""Acronyms that name places (``EU`` is typed by context: it is a union of states, scored as either)."""
PLACE_PREPOSITIONS = word_table("in|at|near|from|to|into|across|outside|inside|toward|towards|around")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.-]{1,11}$")
_ACR_PAREN = re.compile(r"\s*\(\s*(?P<acr>[A-Z][A-Za-z0-9&.-]{1,11})\s*\)")
_ACR_OR = re.compile(r",?\s+or\s+(?:the\s+)?(?P<acr>[A-Z][A-Z0-9&.-]{1,11})\b")


def is_acronym(word: str) -> bool:
    """Two or more capitals, perhaps with digits, dots or a lower-case letter (``UNMIK``, ``U.S.``)."""
    letters = [c for c in word if c.isalpha()]
    return bool(_ACRONYM.match(word)) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


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


def initials(name: str) -> str:
    """The capital initials of a multi-word name (``United Nations`` → ``UN``)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def is_demonym(word: str) -> bool:
    """``Albanian``, ``Serbs``, ``Japanese``: a nationality or group, typed ``other``."""
    if word in DEMONYMS or word.rstrip("s") in DEMONYMS:
        return True
    if gazetteer.is_place(word):
        return False
    lower = word.lower()
    for suffix in NATIONALITY_SUFFIXES:
        stem = lower[: -len(suffix)]
        if (
            lower.endswith(suffix)
            and len(stem) >= 3
            and any(gazetteer.is_place(stem + end) for end in ("", "a", "ia", "e", "y", "an", "o", "land", "stan"))
        ):
            return True
    return False


@dataclass(slots=True)
class _Cluster:
    """An entity being assembled (private, mutable; frozen into ``Entity`` at the end)."""

    names: list[str] = field(default_factory=list)
    """Bare names seen, in order (no titles)."""
    surfaces: list[str] = field(default_factory=list)
    """Every distinct surface seen, in order."""
    votes: dict[EntityKind, float] = field(default_factory=lambda: defaultdict(float))
    roles: set[str] = field(default_factory=set)
    gender: str = ""
    first: tuple[int, int] = (1 << 30, 0)

    @property
    def name(self) -> str:
        full = [n for n in self.names if not is_acronym(n)] or self.names
        return max(full, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))

    @property
    def kind(self) -> EntityKind:
        if not self.votes:
            return EntityKind.OTHER
        order = [EntityKind.ORGANIZATION, EntityKind.PLACE, EntityKind.PERSON, EntityKind.OTHER]
        return max(order, key=lambda k: (self.votes[k], -order.index(k)))


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

    def person_for(self, np: str) -> int | None:
        """The person entity a name-like noun phrase refers to, if any."""
        key = np.strip()
        idx = self.by_surface.get(key)
        if idx is not None and self.entities[idx].kind is EntityKind.PERSON:
            return idx
        tokens = [t for t in key.replace(".", ". ").split() if t[:1].isupper() and not t.endswith(".")]
        for tok in reversed(tokens):
            for i, ent in enumerate(self.entities):
                if ent.kind is EntityKind.PERSON and tok in ent.name.split():
                    return i
        return None

    def role_holder(self, np: str) -> int | None:
        """The person who holds the title in ``the Secretary-General`` / ``the minister``."""
        words = [w.strip(",.").lower() for w in np.split()[1:]]
        for w in reversed(words):
            if w in self.roles:
                return self.roles[w]
        return None


def build_entities(paragraphs: tuple[str, ...], mentions: list[Mention], speakers: set[str]) -> EntityIndex:
    """Cluster, type and count ``mentions``; ``speakers`` are noun phrases seen as quote speakers."""
    acronyms = _acronym_links(paragraphs, mentions)
    clusters: list[_Cluster] = []
    by_key: dict[str, int] = {}
    role_only: list[Mention] = []
    for m in mentions:
        if not m.name:
            role_only.append(m)
            continue
        idx = _find_cluster(m, clusters, by_key, acronyms)
        if idx is None:
            clusters.append(_Cluster())
            idx = len(clusters) - 1
        c = clusters[idx]
        if m.name not in c.names:
            c.names.append(m.name)
        if m.surface not in c.surfaces:
            c.surfaces.append(m.surface)
        by_key.setdefault(m.name, idx)
        if m.role:
            c.roles.update(w.lower() for w in m.role.split())
        if m.gender and not c.gender:
            c.gender = m.gender
        c.first = min(c.first, (m.paragraph, m.start))
        _vote(c, m, acronyms, speakers)
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


def _find_cluster(m: Mention, clusters: list[_Cluster], by_key: dict[str, int], acronyms: dict[str, str]) -> int | None:
    if m.name in by_key:
        return by_key[m.name]
    for variant in (m.name + "s", m.name[:-1] if m.name.endswith("s") else ""):
        if variant and variant in by_key and is_demonym(m.name.split()[-1]):
            return by_key[variant]
    target = acronyms.get(m.name)
    if target and target in by_key:
        return by_key[target]
    if is_acronym(m.name):
        for i, c in enumerate(clusters):
            if c.kind is not EntityKind.PERSON and any(initials(n) == m.name for n in c.names if " " in n):
                return i
    tokens = m.name.split()
    # A short form of an organisation named earlier ("Aurora Grid", "Kestrel Institute", "Northwind").
    if not is_acronym(m.name):
        for i, c in enumerate(clusters):
            if c.kind is EntityKind.ORGANIZATION and any(
                len(n.split()) > len(tokens) and n.split()[: len(tokens)] == tokens for n in c.names
            ):
                return i
    # A person's name repeated in part: "Mr. Ban", "Merkel", "Ki-moon".
    if len(tokens) == 1 and not is_acronym(m.name):
        for i in range(len(clusters) - 1, -1, -1):
            c = clusters[i]
            if c.kind is EntityKind.PERSON and any(m.name in n.split() for n in c.names):
                return i
    # A full name after its family name alone ("Merkel" then "Angela Merkel").
    if len(tokens) >= 2 and not m.role.startswith(tuple(ORG_WORDS)):
        for i, c in enumerate(clusters):
            if c.kind is EntityKind.PERSON and len(c.names) == 1 and c.names[0] == tokens[-1]:
                return i
    return None


def _vote(c: _Cluster, m: Mention, acronyms: dict[str, str], speakers: set[str]) -> None:
    tokens = m.name.split()
    last = tokens[-1]
    if m.role:
        c.votes[EntityKind.PERSON] += 3
    if m.surface in speakers or m.name in speakers:
        c.votes[EntityKind.PERSON] += 2
    if last in ORG_SUFFIXES or last.rstrip(".") in ORG_SUFFIXES:
        c.votes[EntityKind.ORGANIZATION] += 4
    elif any(t in ORG_WORDS or t.rstrip(".") in ORG_WORDS for t in tokens):
        c.votes[EntityKind.ORGANIZATION] += 3.5 if last in ORG_WORDS else 2
    if gazetteer.is_place(m.name) and (not is_acronym(m.name) or m.name in PLACE_ACRONYMS):
        c.votes[EntityKind.PLACE] += 2.5 if len(tokens) > 1 or m.after_word in PLACE_PREPOSITIONS else 2
    elif last in PLACE_WORDS:
        c.votes[EntityKind.PLACE] += 3
    if m.name in acronyms.values() and not gazetteer.is_place(m.name):
        c.votes[EntityKind.ORGANIZATION] += 2
    if is_acronym(m.name) and m.name not in PLACE_ACRONYMS:
        c.votes[EntityKind.ORGANIZATION] += 1.5
    if (len(tokens) == 1 and is_demonym(last)) or (len(tokens) > 1 and is_demonym(last)):
        c.votes[EntityKind.OTHER] += 3
    if len(tokens) >= 2 and lexicon.first_name_gender(tokens[0]):
        c.votes[EntityKind.PERSON] += 1.5
        gender = lexicon.first_name_gender(tokens[0])
        if gender in ("male", "female") and not c.gender:
            c.gender = gender
    if m.after_word in PLACE_PREPOSITIONS:
        c.votes[EntityKind.PLACE] += 0.6
    if len(tokens) >= 2:
        if lexicon.is_common_word(tokens[0]) and not lexicon.first_name_gender(tokens[0]):
            c.votes[EntityKind.ORGANIZATION] += 0.4  # "Lower Ashby", "Direct Bean": not a first name
        else:
            c.votes[EntityKind.PERSON] += 0.5
    else:
        c.votes[EntityKind.ORGANIZATION] += 0.3
        c.votes[EntityKind.PERSON] += 0.2


def _merge_acronym_targets(clusters: list[_Cluster], by_key: dict[str, int], acronyms: dict[str, str]) -> None:
    """An acronym used before its definition formed its own cluster: fold it into the long form's."""
    for acr, long in acronyms.items():
        a, b = by_key.get(acr), by_key.get(long)
        if a is None or b is None or a == b:
            continue
        src, dst = clusters[a], clusters[b]
        for n in src.names:
            if n not in dst.names:
                dst.names.append(n)
        for s in src.surfaces:
            if s not in dst.surfaces:
                dst.surfaces.append(s)
        for kind, score in src.votes.items():
            dst.votes[kind] += score
        dst.first = min(dst.first, src.first)
        src.names, src.surfaces, src.votes = [], [], defaultdict(float)
        for k, v in list(by_key.items()):
            if v == a:
                by_key[k] = b


def _role_map(clusters: list[_Cluster]) -> dict[str, int]:
    holders: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        if c.names and c.kind is EntityKind.PERSON:
            for r in c.roles:
                holders[r].append(i)
    # A title held by two people in one story is ambiguous: leave it unresolved.
    return {r: ids[0] for r, ids in holders.items() if len(ids) == 1}


def _freeze(paragraphs: tuple[str, ...], clusters: list[_Cluster], roles: dict[str, int]) -> EntityIndex:
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


def _count(paragraphs: tuple[str, ...], clusters: list[_Cluster]) -> tuple[dict[int, int], list[tuple[int, int, int]]]:
    owner: dict[str, _Cluster] = {}
    for c in clusters:
        for s in (*c.surfaces, *c.names):
            owner.setdefault(s, c)
    if not owner:
        return {}, []
    alts = sorted(owner, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    counts: dict[int, int] = defaultdict(int)
    positions: list[tuple[int, int, int]] = []
    for p, text in enumerate(paragraphs):
        prev_end, prev_owner = -100, None
        for m in rx.finditer(text):
            c = owner[m.group(0)]
            gap = text[prev_end : m.start()]
            # "Long Name (ABBR)" and "Long Name, or ABBR" name the entity once.
            if c is prev_owner and re.fullmatch(r"\s*\(\s*|,?\s+or\s+(?:the\s+)?", gap):
                prev_end = m.end()
                continue
            counts[id(c)] += 1
            positions.append((p, m.start(), id(c)))
            prev_end, prev_owner = m.end(), c
    return counts, positions
