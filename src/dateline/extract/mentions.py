"""Stage 8a: find name mentions — runs of capitalised words — and clean each into a surface form.

For each capitalised run in a paragraph, in order:

1. Cut it at a lower-case hyphen suffix (``NATO-led`` → ``NATO``) and at a possessive ``’s`` (but not
   ``People's Daily``); cut listed names apart (``entity_splits.py``: ``A and the B``, ``David Rikl of
   the Czech Republic``, ``U.S. President Bill Clinton``, ``Dead Sea on Sunday``).
2. Drop leading words that never begin a name (``The``, ``Last``, ``GMT``, ``I'm``) and a
   sentence-opening word that is an everyday English word; a first-name initial (``G. Thorpe``) stays.
3. Drop a descriptor before a first name (``Austrian Judith Wiesner``, ``Midfielder Paulo Sousa``) and
   give up on table headers (``W L PCT GB``) and a bare company suffix (``Co``).
4. Split at ``and``/``of``/``for`` unless an organisation or place word holds the parts together
   (``Bank of England`` stays whole, ``Pristina and Belgrade`` becomes two).
5. Peel off honorifics and role titles (``Secretary-General``, ``Mr.``) into the mention's ``role``.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import gazetteer, lexicon
from .compiled import compile_kept
from .entity_demonyms import is_demonym
from .entity_splits import ROLE_ADJECTIVES, inner_possessive, split_listed
from .patterns import (
    FEMALE_HONORIFICS,
    HONORIFICS,
    LOWER,
    MALE_HONORIFICS,
    MONTH_RE,
    NAME_CONNECTORS,
    NON_NAME_CAPITALS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_LINKS,
    ROLE_NOUNS,
    UPPER,
    alternation,
    word_table,
)

HYPHEN_SUFFIXES = word_table(
    """
    led|based|backed|majority|owned|run|born|style|era|speaking|funded|linked|related|controlled|dominated
    affiliated|friendly|bound|wide|level|like|type|made|sponsored|allied|held|focused|occupied|administered
    designated|registered|listed|built|brokered|imposed|aligned|supported|centric|inspired|American|born
    """
)
"""Lower-case words after a hyphen that end a name (``NATO-led``, ``Kosovo Serb-majority``)."""

ABBREVIATIONS = word_table(
    """
    Mr.|Mrs.|Ms.|Dr.|Prof.|Rev.|Fr.|Sr.|Jr.|Mx.|Gov.|Sen.|Rep.|Gen.|Lt.|Col.|Capt.|Sgt.|Adm.|Maj.|Cmdr.
    Supt.|Insp.|Det.|Pres.|Amb.|Hon.|Atty.|St.|Mt.|Ft.|Corp.|Inc.|Co.|Ltd.|Bros.|Cos.|No.|Gov.|Messrs.
    """
)
"""Capitalised words that end in a full stop without ending a sentence."""

_LETTERS = f"{LOWER[1:-1]}{UPPER[1:-1]}"
_ABBREV = alternation(ABBREVIATIONS)
_NOT_AFTER_INITIAL = alternation(NON_NAME_CAPITALS)
NAME_PARTICLES = word_table("al|el|ad|ash|as|at|az|ar|an|bin|ibn|ben|abu|bou|ould|da|de|del|della|di|du|van|von")
"""Lower-case particles hyphened to a family name (``al-Kabariti``, ``el-Sisi``) that begin a name word."""
_PARTICLE = alternation(NAME_PARTICLES)
_CAPWORD = (
    rf"(?:{_ABBREV}(?=\s)|(?:{UPPER}\.){{2,}}|{UPPER}\.(?=\s+(?!{_NOT_AFTER_INITIAL}\b){UPPER})"
    rf"|(?:{UPPER}|{_PARTICLE}-(?={UPPER}))(?:[{_LETTERS}0-9'’&]|-(?=[{_LETTERS}]))*)"
)
_JOIN = alternation(NAME_CONNECTORS)
CANDIDATE_RE = compile_kept(rf"(?<![\w’'-]){_CAPWORD}(?:\s+(?:{_JOIN}\s+){{0,2}}{_CAPWORD})*")
"""A run of capitalised words, with lower-case connectors allowed between them."""
_SENTENCE_START = compile_kept(r"(?:^|[.!?:;][”\"’)]*\s+|[“\"(]\s*|—\s*|–\s*)$")
_SPLIT_CONNECTORS = frozenset({"and", "&", "of", "for", "the", "on", "in"})
_ROLE_WORDS = frozenset(w for r in ROLE_NOUNS for w in r.split())
_MULTI_ROLES = sorted((r for r in ROLE_NOUNS if " " in r), key=len, reverse=True)
_MULTI_ROLES_BY_FIRST: dict[str, list[str]] = {}
for _role in _MULTI_ROLES:
    _MULTI_ROLES_BY_FIRST.setdefault(_role.split(" ", 1)[0], []).append(_role)
"""``_MULTI_ROLES`` (in the same order) by the text before their first space: only those can open a run."""
SINGLE_COMMON_ZIPF = 3.0
"""A lone capitalised sentence-opener this frequent in lower case (``Groundwater`` 3.1) is not a name."""
_LOWER_WORD = compile_kept(rf"(?<![\w’'-]){LOWER}[{LOWER[1:-1]}]+")
NAMED_SOURCES = word_table("Reuters|Reuter|Bloomberg|Xinhua|Interfax|Kyodo|Yonhap|Itar-Tass|Tass|Bernama")
"""Wire services: ``told Reuters`` names an organisation even though ``Reuters`` opens no name run."""
NON_ENTITY_CAPITALS = word_table(
    """
    GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|GDP|GNP|CPI|PPI|TV|MP|MPs|CEO|CEOs|CFO|COO|AM|PM|Fax|Tel|Tel.
    Email|E-mail|Web|Internet|Online|Page|Pages|Table|Figure|Chapter|Section|Article|Paragraph|Note|Notes|Source
    Q1|Q2|Q3|Q4|H1|H2|FY|YTD|YoY|PCT|Pct|NET|Shr|Shrs|Vs|No|Nos|Ref|Attn|Re|Fwd|Cc|OK|PhD|MBA|BSc|MSc
    """
)
"""Capitalised abbreviations and labels that are never an entity on their own (``GMT``, ``GDP``, ``Fax``)."""
SENTENCE_OPENERS_AFTER_ABBREVIATION = word_table("He|She|They|It|We|The|This|That|These|Those")
"""Words that end a capitalised run: after ``U.S.`` or ``Inc.`` they open the next sentence, never a name."""
_DROP_WORDS = (NON_NAME_CAPITALS - NAMED_SOURCES) | NON_ENTITY_CAPITALS
_CONTRACTIONS = ("'m", "’m", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "n't", "n’t")
_SHORT_CAPS = compile_kept(r"^[A-Z]{1,3}\.?$")
"""A table-header cell (``W``, ``PCT``, ``GB``): a run made only of these is a header, not a name."""
_DATELINE_REST = compile_kept(
    rf"(?:,\s+{UPPER}[\w.]*(?:\s+{UPPER}[\w.]*)?)?,?\s+(?:\d{{4}}-\d\d-\d\d|{MONTH_RE}\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?)\s*$"
)
"""The rest of a paragraph that is only a dateline the dateline stage left in (``, Ohio 1996-08-22``)."""
UPPERCASE_MIN_LETTERS = 12
"""Shorter paragraphs are too short to tell a shouted line from a name (``BRUSSELS 1996-08-22``)."""
UPPERCASE_SHARE = 0.7
"""A paragraph whose letters are this much upper case is a headline or table, not prose."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One cleaned name occurrence."""

    name: str
    """The name without honorific or title (``Ban Ki-moon``); empty for a role-only mention."""
    surface: str
    """The text as it appears, title included (``Secretary-General Ban Ki-moon``, ``the Secretary-General``)."""
    paragraph: int
    start: int
    """Offset of ``surface`` in its paragraph."""
    role: str = ""
    """The honorific or title before the name, if any."""
    gender: str = ""
    """``male``/``female`` when the honorific tells, else empty."""
    sentence_start: bool = False
    after_word: str = ""
    """The lower-case word right before the mention (``in``, ``of``), for context rules."""
    next_word: str = ""
    """The word right after the mention (``said``, ``5``), for context rules."""
    dateline: bool = False
    """The mention opens a paragraph that is only a place and a date (``BRUSSELS 1996-08-22``)."""


_UPPER_CHAR = compile_kept(UPPER)
_LOWER_CHAR = compile_kept(LOWER)


def _is_upper_paragraph(text: str) -> bool:
    # Counted by the regex engine (subn), not a Python loop: this runs on every paragraph.
    uppers = _UPPER_CHAR.subn("", text)[1]
    if uppers < UPPERCASE_MIN_LETTERS * UPPERCASE_SHARE:
        return False
    lowers = _LOWER_CHAR.subn("", text)[1]
    letters = uppers + lowers
    return letters >= UPPERCASE_MIN_LETTERS and uppers / letters >= UPPERCASE_SHARE


def find_mentions(paragraphs: tuple[str, ...] | list[str]) -> list[Mention]:
    """Every cleaned name mention in reading order."""
    out: list[Mention] = []
    runs = [(idx, m.start(), m.group(0)) for idx, text in enumerate(paragraphs) for m in CANDIDATE_RE.finditer(text)]
    # Capitalised words seen mid-sentence are names in this document even when they open a sentence.
    mid: set[str] = set()
    # One search over all paragraphs: a line break bounds a word just as the edge of a paragraph does.
    lower_words = set(_LOWER_WORD.findall("\n".join(paragraphs)))
    for idx, start, run in runs:
        text = paragraphs[idx]
        if start and not _SENTENCE_START.search(text[max(0, start - 4) : start]):
            mid.update(run.split())
    upper = [_is_upper_paragraph(p) for p in paragraphs]
    for idx, start0, run in runs:
        if run in _DROP_WORDS:
            continue  # one word that never names anything ("The", "Officials"): _clean would drop it
        text = paragraphs[idx]
        for start, words in _pieces(text, start0, run):
            mention = _clean(text, idx, start, words, mid, lower_words)
            if mention is None:
                continue
            if upper[idx] and not (gazetteer.is_place(mention.name) or mention.role):
                continue
            out.append(mention)
    return out


def _pieces(text: str, start: int, run: str) -> list[tuple[int, list[str]]]:
    """Split a run at hyphen suffixes and at connectors that do not hold an organisation together."""
    words: list[tuple[int, str]] = []
    pos = start
    for w in run.split():
        pos = text.index(w, pos)
        words.append((pos, w))
        pos += len(w)
    groups: list[list[tuple[int, str]]] = [[]]
    for n, (off, w) in enumerate(words):
        head, sep, tail = w.partition("-")
        if sep and tail in HYPHEN_SUFFIXES:
            groups[-1].append((off, head))
            groups.append([])
            continue
        if w.endswith(("’s", "'s", "s’", "s'")) and len(w) > 3 and not inner_possessive(w, words[n + 1 :]):
            # "Northwind’s Director-General", "United Nations' headquarters": the possessor is a name of its own.
            groups[-1].append((off, w[:-2] if w[-2] in "’'" else w[:-1]))
            groups.append([])
            continue
        groups[-1].append((off, w))
    groups = [part for g in groups for part in split_listed(g)]
    pieces: list[tuple[int, list[str]]] = []
    for g in groups:
        while g and g[-1][1] in NAME_CONNECTORS:
            g.pop()
        if not g:
            continue
        names = [w for _, w in g]
        keeps_together = any(w.rstrip(".") in ORG_WORDS or w in PLACE_WORDS for w in names)
        if keeps_together and not (len(names) > 2 and names[1] == "and" and names[0] not in ORG_WORDS):
            pieces.append((g[0][0], names))
            continue
        cur: list[tuple[int, str]] = []
        for off, w in g:
            if w in _SPLIT_CONNECTORS:
                if cur:
                    pieces.append((cur[0][0], [x for _, x in cur]))
                cur = []
            else:
                cur.append((off, w))
        if cur:
            pieces.append((cur[0][0], [x for _, x in cur]))
    return pieces


def is_initial(word: str) -> bool:
    """``G.``: a single capital and a full stop, the first-name initial of ``G. Thorpe``."""
    return len(word) == 2 and word[1] == "." and word[0].isupper()


_GENDERS = ("male", "female")
DESCRIPTOR_ZIPF = 2.5
"""A sentence-opening word this frequent in lower case before a first name is a description (``Reliever``)."""


def _looks_personal(descriptor: str, rest: list[str]) -> bool:
    """``Judith Wiesner`` after ``Austrian``: a first name, or any plain two-word name after a nationality."""
    if lexicon.first_name_gender(rest[0]):
        return True
    plain = not any(w in ORG_WORDS or w in PLACE_WORDS or w in NAME_CONNECTORS for w in rest)
    return plain and len(rest) == 2 and is_demonym(descriptor)


def _is_descriptor(word: str, at_start: bool) -> bool:
    if word in HONORIFICS or word in ROLE_NOUNS or lexicon.first_name_gender(word):
        return False
    if is_demonym(word):
        return True
    head, sep, tail = word.partition("-")
    if sep and tail.islower() and lexicon.is_common_word(head):
        return True  # "Fourth-placed", "Top-seeded"
    return at_start and lexicon.zipf(word) >= DESCRIPTOR_ZIPF


def _bare_suffix(words: list[str]) -> bool:
    """``Co``, ``Inc.``, ``Bank``: an organisation word left alone by a split is no name."""
    return len(words) == 1 and words[0].rstrip(".") in BARE_ORG_WORDS


BARE_ORG_WORDS = word_table("Co|Corp|Inc|Ltd|LLC|PLC|Plc|plc|AG|SA|GmbH|NV|Bank|Group|Company|Cos")
"""Organisation words that never name anything when they stand alone."""


def _strip_possessive(word: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def _clean(
    text: str, paragraph: int, start: int, words: list[str], mid: set[str], lower_words: set[str]
) -> Mention | None:
    while len(words) > 1 and words[-1] in SENTENCE_OPENERS_AFTER_ABBREVIATION and words[-2].endswith("."):
        words = words[:-1]  # ``… in the U.S. He says``: the run crossed a sentence end hidden by ``U.S.``
    words = [*words[:-1], _strip_possessive(words[-1])]
    at_start = bool(_SENTENCE_START.search(text[max(0, start - 4) : start])) or start == 0
    lead_removed = ""
    # 2. words that never begin a name; an everyday word opening a sentence
    while words and (
        words[0] in _DROP_WORDS
        or words[0].endswith(_CONTRACTIONS)
        or (
            at_start
            and not lead_removed
            and words[0] not in HONORIFICS
            and words[0] not in _ROLE_WORDS
            and not (len(words) > 1 and is_initial(words[0]))
            and words[0] not in mid
            and (
                lexicon.is_common_word(words[0])
                or words[0].lower() in lower_words
                or (len(words) == 1 and lexicon.zipf(words[0]) >= SINGLE_COMMON_ZIPF)
            )
            and not any(w in ORG_WORDS for w in words[1:])
            and not gazetteer.is_place(" ".join(words))
            and not (len(words) > 1 and gazetteer.is_major_place(words[0]))
            and not (len(words) > 1 and lexicon.first_name_gender(words[0]))
        )
    ):
        lead_removed = words.pop(0)
        start = text.index(words[0], start) if words else start
    # 3. a descriptor before a first name ("Austrian Judith Wiesner", "Midfielder Paulo Sousa")
    if len(words) >= 3 and _is_descriptor(words[0], at_start) and _looks_personal(words[0], words[1:]):
        words.pop(0)
        start = text.index(words[0], start)
    while words and words[0] in NAME_CONNECTORS:
        words.pop(0)
        start = text.index(words[0], start) if words else start
    if not words or (len(words) > 2 and all(_SHORT_CAPS.match(w) for w in words)) or _bare_suffix(words):
        return None
    # 5. honorifics and titles, after any adjectives in front of them ("German Chancellor", "Acting Mayor")
    role_words: list[str] = []
    if any(w in ORG_WORDS for w in words[1:]):
        # "United Nations General Assembly", "General Motors Corp": the title word names a body here.
        return _mention(text, paragraph, start, words, [], at_start and not lead_removed)
    for k in range(1, min(3, len(words) - 1)):
        if words[k] in HONORIFICS or words[k] in ROLE_NOUNS:
            if all(lexicon.is_common_word(w) or w in ROLE_ADJECTIVES or is_demonym(w) for w in words[:k]):
                role_words.extend(words[:k])
                words = words[k:]
            break
    while words:
        joined = " ".join(words)
        multi = next(
            (r for r in _MULTI_ROLES_BY_FIRST.get(words[0], ()) if joined.startswith(r + " ") or joined == r), None
        )
        if multi:
            role_words.extend(multi.split())
            words = words[len(multi.split()) :]
        elif words[0] in HONORIFICS or words[0] in ROLE_NOUNS:
            role_words.append(words.pop(0))
        else:
            break
    if role_words and len(words) > 1 and words[0] in ROLE_LINKS:
        # ``Secretary of State Colin Powell``: the ``of`` phrase belongs to the title, up to a first name.
        while len(words) > 1 and not (words[0] not in ROLE_LINKS and lexicon.first_name_gender(words[0])):
            role_words.append(words.pop(0))
    return _mention(text, paragraph, start, words, role_words, at_start and not lead_removed)


def _mention(
    text: str, paragraph: int, start: int, words: list[str], role_words: list[str], sentence_start: bool
) -> Mention | None:
    name = " ".join(words)
    role = " ".join(role_words)
    surface = " ".join(role_words + words)
    if not name and not role:
        return None
    if name and (len(name) < 2 or name.isdigit() or not any(c.isalpha() for c in name)):
        return None
    if role and not name:
        # A bare title stands for a person only as "the Title" (the Secretary-General said).
        before = text[max(0, start - 4) : start]
        if not before.lower().endswith("the "):
            return None
        surface = before[-4:] + surface
        start -= 4
    gender = ""
    if role_words and role_words[0] in MALE_HONORIFICS:
        gender = "male"
    elif role_words and role_words[0] in FEMALE_HONORIFICS:
        gender = "female"
    prev = text[max(0, start - 12) : start].split()
    after_word = prev[-1].lower() if prev else ""
    following = text[start + len(surface) : start + len(surface) + 12].split()
    next_word = following[0] if following else ""
    dateline = start == 0 and bool(_DATELINE_REST.match(text, len(surface)))
    return Mention(name, surface, paragraph, start, role, gender, sentence_start, after_word, next_word, dateline)
