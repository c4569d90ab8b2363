"""Stage 7: read who a quoted passage is attributed to, from the words around it.

Looked for in this order (the first that matches wins):

1. After the closing mark, inverted: ``,” said Gov. Schwarzenegger`` / ``,” says the minister``.
2. After the closing mark, plain: ``,” Mr. Ban wrote`` / ``,” he said`` / ``,” the Secretary-General
   underscored`` / ``,” Ban Ki-moon of the World Health Organization said``. When the passage ended its
   sentence (``“… timing.”``), a next sentence that reports something of its own (``Pryce said he …``)
   is not its attribution, and nor is one that opens a sentence ending in a colon (``Pryce added: “``);
   one ending in a colon yields to an attribution before the passage (``introduces_next``).
3. After the closing mark: ``” according to NP``.
4. Before the opening mark, in the same sentence: ``The minister told reporters after the talks: “``,
   ``According to NP, “`` (or, with no other cue, ``According to NP,`` anywhere earlier in the sentence), ``in what NP called “``, or ``NP called the plan “a disgrace”`` (partial
   quotes). After ``told``/``asked`` the phrase is the listener (``Mook told CBS: “``), not the speaker.
5. At the end of the previous paragraph: ``He wrote:`` or ``Continued Stone:`` followed by a paragraph
   that opens with a quote.
6. The whole of the next paragraph: ``- Bernie Sanders.`` under a quote (fact-check style).

Every window is capped (``WINDOW``) and every pattern is anchored, so a long paragraph full of quote
marks and no cue costs linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .compiled import compile_kept
from .patterns import (
    ACCORDING_TO,
    ADDRESSEE_VERBS,
    AGENT_SUFFIXES,
    CLAUSE_OPENERS,
    CLAUSE_WORDS,
    EMBEDDED_SUBJECTS,
    HONORIFICS,
    LOWER,
    MONTHS,
    NAME_CONNECTORS,
    NAMING_VERBS,
    OBJECT_PREPOSITIONS,
    POSSESSIVE_PRONOUNS,
    ROLE_NOUNS,
    SCENE_PREPOSITIONS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    UPPER,
    WEEKDAYS,
    alternation,
    compile_anchored,
    word_table,
)

WINDOW = 220
"""Characters of context read on each side of a passage."""

_CAP = rf"(?:{UPPER}(?:[{LOWER[1:-1]}{UPPER[1:-1]}'’]|-(?=[^\W\d_]))*\.?)"
_INITIAL = rf"(?:{UPPER}\.)"
_PARTICLE = alternation(w for w in NAME_CONNECTORS if w.islower() and w not in {"of", "for", "and", "the", "on", "in"})
_HON = alternation(HONORIFICS)
_ROLE = alternation(ROLE_NOUNS)
TITLE_MODIFIERS = word_table(
    """
    former|retired|acting|interim|deputy|assistant|senior|chief|top|longtime|veteran|fellow|then|current|incoming
    outgoing|presidential|vice-presidential|nominee|candidate|hopeful|front-runner|frontrunner|running|mate|rival
    president|vice|secretary|minister|senator|sen|governor|gov|congressman|congresswoman|representative|mayor
    spokesman|spokeswoman|spokesperson|press|chairman|chairwoman|chair|director|executive|manager|leader|whip
    strategist|economist|analyst|pollster|attorney|lawyer|prosecutor|judge|justice|expert|adviser|advisor|aide
    reporter|correspondent|commentator|columnist|journalist|editor|anchor|host|writer|author|blogger|critic
    professor|researcher|scientist|doctor|official|officer|chief|commissioner|ambassador|envoy|general|founder
    co-founder|owner|ceo|chief|star|actor|actress|singer|rapper|comedian|activist|organizer|pastor|widow|mother
    father|son|daughter|wife|husband|sister|brother|campaign|party|state|city|county|panel|committee|law
    election|policy|political|national|security|communications|foreign|affairs|defense|health|chapter|house
    senate|majority|minority|ranking|member|democrat|republican|conservative|liberal|independent|libertarian
    """
)
"""Lower-case words of a title before a name (``IMF chief economist Maury Obstfeld``)."""
_TITLE_WORD = alternation(TITLE_MODIFIERS)
_NAME_PART = rf"(?:(?:{_HON}|{_ROLE}|{_TITLE_WORD})(?:\s+(?:of|for)(?:\s+the)?)?|{_INITIAL}|{_CAP})"
NAME_NP = (
    rf"(?:{_NAME_PART}\s+){{0,6}}(?:{_INITIAL}\s*)*{_CAP}"
    rf"(?:\s+(?:{_PARTICLE}\s+)?(?:{_INITIAL}|{_CAP})){{0,4}}"
    r"(?:\s+\([A-Z][^()]{0,12}\))?"
)
"""A capitalised name, possibly after titles (``Foreign Minister Sergei Lavrov``, ``panel Chairman Rep. Jason
Chaffetz (R-Utah)``); it always ends in a capitalised word or a party tag."""
PRONOUN_NP = r"(?:he|she|they|we|I|it|He|She|They|We|It)(?![\w’'-])"
DESCR_NP = (
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]his|That|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
    rf"(?:\s+(?!{alternation(CLAUSE_WORDS)}(?![\w’'-]))[\w’'-]+){{1,6}}?(?:\s+(?:who|which))?"
)
"""A determiner phrase: ``the Secretary-General``, ``a spokesman for the ministry``, ``the 65-year-old diplomat``.
It holds no ``CLAUSE_WORDS``, and a lower-case ``that`` opens a clause (``said that the Senate``), not a phrase;
only a closing relative pronoun may follow (``the Harbour Authority which reported``: the antecedent speaks)."""
BARE_PLURAL_NP = r"(?:officials|sources|analysts|experts|police|authorities|witnesses|residents|critics|aides)"
TITLED_NP = rf"(?:[Tt]he\s+{_HON}\s+{NAME_NP})"
"""``the Rev. Peter Wherry``: a determiner before an honorific and a name is still the name."""
NP = rf"(?P<np>{PRONOUN_NP}|{NAME_NP}|{TITLED_NP}|{DESCR_NP}|{BARE_PLURAL_NP})"
_VERB = alternation(SPEECH_VERBS)
_ADVERBS = word_table(
    "also|later|then|again|once|previously|recently|earlier|further|simply|flatly|repeatedly|quietly|bluntly|just"
    "|has|had|have|would|will|had been|has been|has long|had long|has repeatedly|never|often|frequently|once"
)
_ADV = rf"(?:\s+{alternation(_ADVERBS)})?"
PARTICIPLES = word_table(
    "saying|calling|adding|telling|noting|arguing|asking|writing|warning|declaring|insisting|describing|tweeting"
    "|stating|suggesting|explaining|claiming|chanting|remarking|urging|vowing|promising|replying|shouting"
    "|yelling|joking|quipping|boasting|complaining|responding|proclaiming|announcing|answering|recalling"
    "|admitting|acknowledging|conceding|predicting|pleading|lamenting|reminding|repeating|mocking|scoffing"
)
"""``…, saying “…”``: participles that introduce speech after a name."""
_POSTMOD = (
    rf"(?:,\s+(?P<appos>[^,“”\"]{{2,90}}),"
    rf"|\s+(?:of|from|at|with)\s+(?:the\s+)?{_CAP}(?:\s+(?:of\s+|for\s+|and\s+)?{_CAP}){{0,6}})?"
)
"""What may stand between a name and its verb: an apposition or an ``of the WHO`` phrase."""

_APPOS_NAME_RE = rf"(?:{UPPER}\.\s*)*{_CAP}(?:\s+(?:{_PARTICLE}\s+)?(?:{_INITIAL}|{_CAP})){{1,4}}"
"""A bare personal name in apposition: at least two capitalised words, no title or role."""
FULL_NAME_NP = _APPOS_NAME_RE
"""Two to five capitalised words and initials, with no title: ``Ada Lin``, ``Marc H. Morial``."""
AGENT_TITLE = rf"(?:{_TITLE_WORD}|[a-z][a-z-]{{2,}}{alternation(AGENT_SUFFIXES)})"
"""A lower-case word that can end a title before a name: a listed title word or an agent noun."""
DESCR_NAMED_NP = (
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
    rf"(?:\s+(?!{alternation(CLAUSE_WORDS)}(?![\w’'-]))[\w’'-]+){{1,5}}?\s+{FULL_NAME_NP}(?=\s*[,;:!?]|\s*\.(?!\w)|\s*$)"
)
"""``his campaign manager Ada Lin``: a determiner phrase that ends in a full name, closing the clause. The
lazy ``DESCR_NP`` would stop at ``his campaign``."""
DESCR_CLAUSE_NP = (
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
    rf"(?:\s+(?!{alternation(CLAUSE_WORDS | OBJECT_PREPOSITIONS)}(?![\w’'-]))[\w’'-]+){{1,6}}"
    r"(?=\s*[,;:!?]|\s*\.(?!\w)|\s*$)"
)
"""``,” said the Democratic nominee.``: after an inverted cue, a determiner phrase that runs to the end of the
clause is the whole speaker phrase; the lazy ``DESCR_NP`` would stop at ``the Democratic``."""
AFTER_INVERTED = compile_anchored(
    rf"[\s,.!?;:—–-]*(?P<cue>{_VERB}){_ADV}\s+"
    rf"(?P<np>{PRONOUN_NP}|{NAME_NP}|{TITLED_NP}|{DESCR_NAMED_NP}|{DESCR_CLAUSE_NP}|{DESCR_NP}|{BARE_PLURAL_NP})"
    rf"(?:(?:[’']s)?(?:\s+[\w’'-]+){{0,4}}?,\s+(?P<appos>{_APPOS_NAME_RE})(?=[,.;]|\s+(?:on|in|at|who)\b|\s*$))?"
)
"""``,” said Gov. Schwarzenegger`` / ``,” said the bureau’s director, James B. Comey,``."""
AFTER_PLAIN = compile_anchored(rf"[\s,.!?;:—–-]*{NP}{_POSTMOD}{_ADV},?\s+(?P<cue>{_VERB})\b")
AFTER_LONG_APPOS = compile_anchored(
    rf"[\s,.!?;:—–-]*(?!{alternation(w.title() for w in OBJECT_PREPOSITIONS | SCENE_PREPOSITIONS)}\s)"
    rf"(?P<np>{NAME_NP}),\s+(?P<appos>[^,“”\"]{{1,90}}(?:,\s+[^,“”\"]{{1,60}}){{1,3}}),"
    rf"{_ADV}\s+(?P<cue>{_VERB})\b"
)
"""``,” Ada Lin, 30, of Dayton, Ohio, said`` / ``,” Ada Lin, the mayor, one of the founders, said``: right after
the closing mark, a name whose apposition holds commas of its own (not ``Of Carson, Lin, who …, said``)."""
AFTER_DASH = compile_anchored(rf"[\s,.!?]*(?P<cue>[―—])\s*(?P<np>{NAME_NP})[\s.]*$")
"""A byline-style attribution closing a paragraph: ``.” ― Carla Sanchez``."""
AFTER_ACCORDING = compile_anchored(rf"[\s,.!?;:—–-]*(?P<cue>{ACCORDING_TO})\s+{NP}")
_TAIL_REST = r"(?:[\s,][^“”\"]{0,100})?$"
_TAIL_TIME = (
    rf"(?:,?\s+(?:on\s+)?{alternation(w.title() for w in WEEKDAYS)}(?:\s+(?:morning|afternoon|evening|night))?)?"
)
SENTENCE_TAIL = compile_kept(
    rf",\s+{NP}{_ADV}\s+(?P<cue>{_VERB}){_TAIL_TIME}[.!?]?\s*$"
    rf"|,\s+(?P<cue2>{_VERB})\s+(?P<np2>{NAME_NP}|{DESCR_NAMED_NP}|{DESCR_NP},\s+(?P<appos2>{_APPOS_NAME_RE}),?)"
    rf"(?:,\s+[^,“”\"]{{2,90}})?{_TAIL_TIME}[.!?]?\s*$"
)
"""``“…” to grow the field, Schutte said.`` / ``…, said the bureau’s director, Jo Pike, on Monday.`` / ``…, said
Jo Pike, an analyst at the Cook Report.``: an attribution closing the sentence the passage sits in."""
_VERB_CAP = alternation(w[:1].upper() + w[1:] for w in SPEECH_VERBS)
BEFORE_INVERTED = compile_kept(rf"(?:^|[\s(])(?P<cue>{_VERB_CAP}|{_VERB})\s+(?P<np>{NAME_NP}|{DESCR_NP})\s*[:,]\s*$")
"""``Said Ellis: “…”``: an inverted attribution opening the sentence or a clause (``_INVERSION_OPENERS``)."""
BEFORE_PARTICIPLE = compile_kept(rf"(?:^|[\s(])(?P<np>{NAME_NP})\s+(?P<cue>{alternation(PARTICIPLES)})[,:]?\s*$")
"""``footage of Ada Lin asking, “…”``: a name right before a participle that introduces speech."""
BEFORE_LABEL = compile_kept(
    rf"(?:^|[\s—–-]|\bfrom\s)(?P<np>(?:{UPPER}\.\s*)*{_CAP}(?:\s+(?:{_INITIAL}|{_CAP})){{1,3}}):\s*$"
)
"""``Pollsters agree - Ada Lin: “…”``: a full name as a label before the passage."""
AFTER_LOOSE = compile_anchored(
    rf"[\s,.!?;:—–-]*(?P<np>(?:(?:[a-z][\w’'-]*|{_CAP})\s+){{0,4}}[a-z][\w’'-]*\s+{_CAP}(?:\s+(?:{_INITIAL}|{_CAP})){{1,3}}){_ADV}\s+(?P<cue>{_VERB})\b"
)
"""``,” conservative radio host Ada Lin said`` / ``,” Tulsa police Chief Ada Lin said``: title words no table
lists (capitalised ones too, as long as a lower-case word comes right before the name), then a full name."""
AFTER_INVERTED_LOOSE = compile_anchored(
    rf"[\s,.!?;:—–-]*(?P<cue>{_VERB})\s+(?P<np>(?:[a-z0-9][\w/’'-]*\s+){{1,5}}{_CAP}(?:\s+(?:{_INITIAL}|{_CAP})){{1,3}})"
)
"""``,” said 9/11 widow Ada Lin``: the inverted form of ``AFTER_LOOSE``."""
BEFORE_WHAT_CALLED = compile_kept(
    rf"\b(?:what|which)\s+(?P<np>{NAME_NP})(?:,\s+[^,“”\"]{{2,90}},)?\s+(?P<cue>{alternation(NAMING_VERBS)})\s*$"
)
"""``in what Ada Lin, a party treasurer, called “…”``: the name right before the naming verb said it."""
_NAMING_VERB_ENDS = tuple(sorted({v.split()[-1] for v in NAMING_VERBS}))
"""Last words of ``NAMING_VERBS``: a window that ends in none of them skips ``BEFORE_WHAT_CALLED``."""
BEFORE_POSSESSIVE = compile_kept(
    rf"(?:^|[\s(])(?P<np>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|{NAME_NP}[’']s)(?:\s+[a-z-]+){{0,2}}?"
    rf"\s+(?P<cue>{alternation(SPEECH_NOUNS)})\b[^“”\".!?;:]{{0,60}}:?\s*$"
)
"""``his call for “a total and complete ban”`` / ``Trump’s promise to be “neutral”``: the owner of what
was said is its speaker."""
_CUE_WORD = compile_kept(rf"\b(?:{_VERB}|{alternation(NAMING_VERBS)}|{alternation(PARTICIPLES)})\b")
BEFORE_ACCORDING = compile_kept(rf"(?P<cue>[Aa]ccording to)\s+{NP}\s*,?\s*$")
ACCORDING_CLAUSE = compile_kept(
    rf"\b(?P<cue>[Aa]ccording to)\s+(?P<np>{NAME_NP}|{DESCR_NP}"
    rf"|(?:[\w’'.-]+\s+){{0,5}}?{_CAP}(?:\s+(?:{_INITIAL}|{_CAP})){{1,3}})"
    rf"(?:\s+(?:of|at|from|with)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,4}})?\s*,\s"
)
"""``According to Ada Lin of the Tribune, the plan reeks of “fear”``: an ``according to`` phrase earlier in
the sentence is the source of a passage that no speech verb attributes."""
BEFORE_PLAIN = compile_kept(rf"(?:^|[\s(])({NP}){_POSTMOD}{_ADV},?\s+(?P<cue>{_VERB})\b")
INTRO_END = compile_kept(rf"{NP}{_POSTMOD}{_ADV}\s+(?P<cue>{_VERB})\b[^.!?“”\"]{{0,80}}:\s*$")
INTRO_INVERTED = compile_anchored(rf"(?P<cue>{_VERB_CAP})\s+(?P<np>{NAME_NP}):\s*$")
"""``Continued Stone:`` opening a sentence at the end of the previous paragraph."""
BYLINE_PARAGRAPH = compile_anchored(rf"\s*(?P<cue>[-–—―])\s*(?P<np>{NAME_NP})\s*\.?\s*$")
"""``- Bernie Sanders.``: a paragraph that only names who spoke the quote above it (fact-check style)."""
_SENTENCE_END = compile_kept(r"[.!?][”\"’)]*\s+(?=[“\"A-Z])")
_INITIALS = compile_kept(r"^\(?(?:[A-Z]\.)+$")


def sentence_ends(text: str, start: int = 0) -> list[int]:
    """Offsets just after each sentence end in ``text``, ignoring ``Mr.``, ``Gov.``, ``U.S.`` and initials."""
    from .mentions import ABBREVIATIONS  # mentions owns the abbreviation table

    ends = []
    for m in _SENTENCE_END.finditer(text, start):
        if text[m.start()] == ".":
            word = text[: m.start() + 1].rsplit(None, 1)[-1]
            if word in ABBREVIATIONS or word in HONORIFICS or _INITIALS.match(word):
                continue
        ends.append(m.end())
    return ends


@dataclass(frozen=True, slots=True)
class Attribution:
    """The raw attribution of one passage: the noun phrase and cue as written."""

    np: str
    cue: str
    where: str
    """``after``, ``before``, ``intro`` … — which rule found it. ``coordinated`` has a cue and no ``np``:
    the speaker is the subject of the sentence (``X called on her to resign and said``)."""


def _clip_after(text: str) -> str:
    """The attribution window after a closing mark: up to the next opening mark or sentence end."""
    window = text[:WINDOW]
    cut = len(window)
    for ch in '“"':
        pos = window.find(ch)
        if 0 <= pos < cut:
            cut = pos
    ends = sentence_ends(window, 1)
    if ends and ends[0] <= cut:
        cut = ends[0]
    return window[:cut]


def _clip_before(text: str) -> str:
    """The window before an opening mark: back to the start of its sentence."""
    window = text[-WINDOW:]
    ends = sentence_ends(window)
    last = ends[-1] if ends else 0
    # A closing mark before us ends someone else's passage; read only what follows it.
    for ch in '”"':
        pos = window.rfind(ch)
        if pos >= last:
            last = pos + 1
    return window[last:]


def attribution_after(text: str, *, after_full_stop: bool = False) -> Attribution | None:
    """Attribution in the text that follows a closing quotation mark.

    ``after_full_stop`` says the passage ended its sentence inside the marks (``“… timing.”``): a name
    and verb opening the next sentence attribute it only when the verb closes that sentence
    (``Smith said on Tuesday.``), not when it opens reported speech of its own (``Smith said he would …``).
    """
    window = _clip_after(text)
    if not window.strip() or (after_full_stop and window.rstrip().endswith(":")):
        return None  # ``“… timing.” Ada Lin added: “…”``: a new sentence that introduces the next passage
    for rx in (
        AFTER_ACCORDING,
        AFTER_INVERTED,
        AFTER_PLAIN,
        AFTER_LONG_APPOS,
        AFTER_DASH,
        AFTER_LOOSE,
        AFTER_INVERTED_LOOSE,
    ):
        m = rx.match(window)
        if m and _good_np(m.group("np")):
            if after_full_stop and _opens_own_clause(window, m):
                return None
            return Attribution(_pick_np(m), m.group("cue"), "after")
    # 2b. the rest of the sentence, closed by its attribution: ``” to grow the field, Schutte said.``
    words = window.rstrip(" .!?").rsplit(None, 1)
    m = SENTENCE_TAIL.search(window) if words and (words[-1] in SPEECH_VERBS or words[-1][:1].isupper()) else None
    if m is not None:
        np, cue = (m.group("np"), m.group("cue")) if m.group("np") else (m.group("np2"), m.group("cue2"))
        np = m.group("appos2") or np
        if _good_np(np):
            return Attribution(trim_np(np), cue, "tail")
    return None


def introduces_next(text: str) -> bool:
    """The attribution after a closing mark ends in a colon (``, Trump said: “``): it introduces what follows.

    Such a cue belongs to the next passage first; the one before it keeps it only when nothing else
    attributes it (``“A,” he said: “B.”``), while ``After Ada Lin said it was “unfair,” Bo Park said:``
    gives the passage to Ada Lin."""
    return _clip_after(text).rstrip().endswith(":")


def _opens_own_clause(window: str, m: re.Match[str]) -> bool:
    """A new sentence whose speech verb goes on to report something else: ``Netanyahu has said that …``."""
    if not window.lstrip()[:1].isupper():
        return False
    rest = [w.strip(",.;:") for w in window[m.end("cue") :].split()]
    while rest and rest[0] in _NOT_SPEAKER_WORDS:
        rest = rest[1:]  # ``said Wednesday she …``: a time word before what is reported
    if not rest:
        return False
    # ``said Ted Cruz is …``: after a verb that takes no listener, a name opens a clause too
    return rest[0] in CLAUSE_OPENERS or (rest[0][:1].isupper() and m.group("cue") not in ADDRESSEE_VERBS)


def attribution_before(text: str) -> Attribution | None:
    """Attribution in the same sentence before an opening quotation mark."""
    window = _clip_before(text)
    if not window.strip():
        return None
    listener_cue = ""
    m = BEFORE_ACCORDING.search(window)
    if m and _good_np(m.group("np")):
        return Attribution(_pick_np(m), "according to", "before")
    m = BEFORE_WHAT_CALLED.search(window) if window.rstrip().endswith(_NAMING_VERB_ENDS) else None
    if m and _good_np(m.group("np")):
        return Attribution(trim_np(m.group("np")), m.group("cue"), "before")
    # The end-anchored patterns only run when the window ends as they need (a cheap test first).
    tail = window.rstrip()
    last_word = tail.rstrip(",:").rsplit(None, 1)[-1] if tail.rstrip(",:").split() else ""
    if tail.endswith((":", ",")):
        m = BEFORE_INVERTED.search(window)
        if m and _good_np(m.group("np")):
            cue = m.group("cue").lower()
            if cue in ADDRESSEE_VERBS:
                # ``Priebus later Thursday told Fox News: “…”``: the listener follows; the sentence's subject speaks.
                listener_cue = cue
            elif not window[: m.start("cue")].strip() or window[: m.start("cue")].rstrip().endswith(_INVERSION_OPENERS):
                return Attribution(trim_np(m.group("np")), cue, "before")
            # (``He explained the headline by saying: “``: mid-clause, the phrase after the cue is its object)
    if last_word in PARTICIPLES:
        m = BEFORE_PARTICIPLE.search(window)
        if m and _good_np(m.group("np")):
            before = window[: m.start("np")].split()
            if before and before[-1] in _PLACE_PREPOSITIONS:
                # ``Ada Lin answered on Facebook writing, “…”``: the name is where, not who (unlike
                # ``footage of Ada Lin asking`` or ``with Ada Lin saying``).
                return Attribution("", m.group("cue"), "coordinated")
            return Attribution(trim_np(m.group("np")), m.group("cue"), "before")
    if tail.endswith(":") and not listener_cue:
        m = BEFORE_LABEL.search(window)
        if m and _good_np(m.group("np")):
            return Attribution(trim_np(m.group("np")), "", "before")
    found: Attribution | None = None
    for m in BEFORE_PLAIN.finditer(window):
        np = m.group("np")
        if m.group("cue") in _GO_ON_CUES and not _GO_ON_SPEECH.match(window, m.end("cue")):
            continue  # ``once the Senate goes on recess``: not the speech sense of ``go on``
        if len(np.split()) > 1 and np.split()[-1] in _RELATIVE_PRONOUNS:
            antecedent = trim_np(np.rsplit(None, 1)[0])
            if antecedent.split()[-1][:1].isupper():
                # ``the Harbour Authority which reported “…”``: a named antecedent speaks.
                found = Attribution(antecedent, m.group("cue"), "before")
            else:
                # ``… forced to defend not paying an architect who said he was stiffed, saying, “…”``: a
                # clause on an unnamed object is an aside; the sentence's subject speaks.
                found = Attribution("", m.group("cue"), "coordinated")
        elif np.split()[-1] in _NP_NEVER_ENDS or _object_position(window, m):
            # ``Trump called on her to resign and said, “…”``: the cue's subject opens the sentence.
            found = Attribution("", m.group("cue"), "coordinated")
        elif _good_np(np) and not (found is not None and found.np and np in EMBEDDED_SUBJECTS):
            found = Attribution(_pick_np(m), m.group("cue"), "before")
    if found is None and listener_cue:
        return Attribution("", listener_cue, "coordinated")
    if found is None:
        m = BEFORE_POSSESSIVE.search(window)
        # ``Stevens called Trump’s statements “childish”``: after a cue of its own the words are the
        # cue's subject's description of what the owner said, not the owner's words.
        if m and _good_np(m.group("np")) and not _CUE_WORD.search(window, 0, m.start()):
            np = m.group("np")
            return Attribution(POSSESSIVE_PRONOUNS.get(np.lower(), trim_np(np)), m.group("cue"), "before")
    if found is None and "ccording to " in window:
        m = ACCORDING_CLAUSE.search(window)
        if m and _good_np(m.group("np")):
            return Attribution(trim_np(m.group("np")), "according to", "before")
    return found


def _object_position(window: str, m: re.Match[str]) -> bool:
    """The phrase before the cue ends a clause of its own, so the sentence's subject speaks.

    ``Ada Lin, who ran against his brother in May, blasted …`` and ``a source speaking to Fox News
    said …``: a phrase straight after a preposition, or a determiner phrase that a bare comma parts from
    the cue, is an object or the end of a clause, not the cue's subject. A determiner phrase after a
    preposition that ends in a name (``In a radio interview Ada Lin said``) keeps the name, which is.
    """
    np = m.group("np")
    words = np.split()
    descriptor = words[0] in _DESCRIPTOR_HEADS or words[0].lower() in _DESCRIPTOR_HEADS
    before = window[: m.start("np")].split()
    inside_name = len(before) > 1 and before[-2][:1].isupper() and words[0][:1].isupper()
    if before and before[-1] in OBJECT_PREPOSITIONS and not inside_name:
        # (``Council on American-Islamic Relations Director Ada Lin says``: the preposition is inside a name;
        # ``Trump at the time said`` is not, since a lower-case phrase follows it)
        return not (descriptor and words[-1][:1].isupper())
    return descriptor and not m.group("appos") and "," in window[m.end("np") : m.start("cue")]


def attribution_intro(previous_paragraph: str) -> Attribution | None:
    """``He wrote:`` closing the previous paragraph introduces a paragraph that opens with a quote."""
    tail = previous_paragraph[-WINDOW:]
    ends = sentence_ends(tail)
    start = ends[-1] if ends else 0
    m = INTRO_END.search(tail, start) or INTRO_INVERTED.match(tail, start)
    if m and _good_np(m.group("np")):
        return Attribution(_pick_np(m), m.group("cue").lower(), "intro")
    return None


def attribution_byline(next_paragraph: str) -> Attribution | None:
    """``- Bernie Sanders.`` as the whole of the paragraph after a passage names its speaker."""
    m = BYLINE_PARAGRAPH.match(next_paragraph)
    if m and _good_np(m.group("np")):
        return Attribution(trim_np(m.group("np")), "", "byline")
    return None


_GO_ON_CUES = word_table("went on|goes on")
_GO_ON_SPEECH = compile_anchored(r"\s*(?:[,:]|about\b|to\s+(?:say|add|note|argue)\b|$)")
"""What follows ``went on`` when it means speaking: ``went on:``, ``went on about``, ``went on to say``."""
_PLACE_PREPOSITIONS = word_table("on|in|at|to|into|onto|toward|towards|via|through")
"""Prepositions after which a name before a participle is a place or medium, not the participle's subject."""
_INVERSION_OPENERS = (",", ";", "—", "–", "(")
"""What may come right before an inverted cue other than the sentence start (``…, added Ellis:``)."""
_OPENERS = word_table(
    "But|And|So|Yet|Then|Now|Still|However|Though|Although|While|When|Also|Instead|Meanwhile|Later|Earlier|Indeed"
)
"""Sentence openers that the name pattern can take for the first word of a name."""
_CAPITAL_PRONOUNS = word_table("He|She|They|We|It|I")
_DESCRIPTOR_HEADS = word_table("the|a|an|one|another|his|her|their|its|our")
_APPOS_NAME = compile_kept(_APPOS_NAME_RE)
_NOT_SPEAKER_WORDS = frozenset(
    w.title() for w in (*MONTHS, *WEEKDAYS) if len(w) > 3 and w not in ("april", "may", "june", "august")
) | word_table("Today|Yesterday|Tomorrow|Tonight|Meanwhile|Earlier|Later|Then|Now")
"""Capitalised words that never speak on their own: months (not those that are also names: ``May``,
``June``), weekdays and other times."""
_NP_NEVER_ENDS = word_table("and|or|but|to|from|of|in|on|at|for|with|by|that|than|as")
"""Function words a speaker phrase never ends in; a match ending in one has run over a verb phrase."""
_RELATIVE_PRONOUNS = word_table("who|which")
_BAD_NP_START = word_table(
    "That|This|These|Those|There|It's|What|Which|When|Where|Why|How|If|As|And|But|Or|So|Then|Also"
)


def _good_np(np: str) -> bool:
    words = _strip_openers(np.split())
    if len(words) == 1 and words[0].rstrip(",.") in _NOT_SPEAKER_WORDS:
        return False  # ``… in February, blasted`` / ``On Monday, said``: a date, not a speaker
    return bool(words) and words[0] not in _BAD_NP_START


def _strip_openers(words: list[str]) -> list[str]:
    """``But Flynn`` → ``Flynn``; ``U.S. He`` → ``He``: sentence openers caught at the front of a name."""
    if len(words) > 1 and words[-1] in _CAPITAL_PRONOUNS:
        return words[-1:]
    while len(words) > 1 and words[0] in _OPENERS:
        words = words[1:]
    return words


def _pick_np(m: re.Match[str]) -> str:
    """The speaker phrase of a match: a name in apposition to a descriptor wins (``her adviser, Jo Pike,``)."""
    np = trim_np(m.group("np"))
    appos = m.groupdict().get("appos")
    if appos and np.split()[0].lower() in _DESCRIPTOR_HEADS and _APPOS_NAME.fullmatch(appos.strip()):
        return trim_np(appos)
    return np


_LEADING_CONJUNCTIONS = ("and ", "or ", "but ", "while ", "as ")


def trim_np(np: str) -> str:
    """A speaker phrase without edge punctuation, sentence openers, leading conjunctions or a possessive."""
    np = " ".join(_strip_openers(np.strip(" ,.;:").split()))
    for lead in _LEADING_CONJUNCTIONS:
        if np.startswith(lead):
            np = np[len(lead) :]
    for suffix in ("’s", "'s"):
        if np.endswith(suffix):
            np = np[: -len(suffix)]
    return np
