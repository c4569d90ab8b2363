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

from .attribution_patterns import (
    ACCORDING_CLAUSE,
    AFTER_ACCORDING,
    AFTER_DASH,
    AFTER_INVERTED,
    AFTER_INVERTED_LOOSE,
    AFTER_LONG_APPOS,
    AFTER_LOOSE,
    AFTER_PLAIN,
    APPOS_NAME,
    BAD_NP_START,
    BEFORE_ACCORDING,
    BEFORE_INVERTED,
    BEFORE_LABEL,
    BEFORE_PARTICIPLE,
    BEFORE_PLAIN,
    BEFORE_POSSESSIVE,
    BEFORE_WHAT_CALLED,
    BYLINE_PARAGRAPH,
    CAPITAL_PRONOUNS,
    CUE_WORD,
    DESCRIPTOR_HEADS,
    GO_ON_CUES,
    GO_ON_SPEECH,
    INITIALS,
    INTRO_END,
    INTRO_INVERTED,
    INVERSION_OPENERS,
    NAMING_VERB_ENDS,
    NOT_SPEAKER_WORDS,
    NP_NEVER_ENDS,
    OPENERS,
    PARTICIPLES,
    PLACE_PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SENTENCE_END,
    SENTENCE_TAIL,
    WINDOW,
)
from .patterns import (
    ADDRESSEE_VERBS,
    CLAUSE_OPENERS,
    EMBEDDED_SUBJECTS,
    HONORIFICS,
    OBJECT_PREPOSITIONS,
    POSSESSIVE_PRONOUNS,
    SPEECH_VERBS,
)


def sentence_ends(text: str, start: int = 0) -> list[int]:
    """Offsets just after each sentence end in ``text``, ignoring ``Mr.``, ``Gov.``, ``U.S.`` and initials."""
    from .mentions import ABBREVIATIONS  # mentions owns the abbreviation table

    ends = []
    for m in SENTENCE_END.finditer(text, start):
        if text[m.start()] == ".":
            word = text[: m.start() + 1].rsplit(None, 1)[-1]
            if word in ABBREVIATIONS or word in HONORIFICS or INITIALS.match(word):
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
    while rest and rest[0] in NOT_SPEAKER_WORDS:
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
    m = BEFORE_WHAT_CALLED.search(window) if window.rstrip().endswith(NAMING_VERB_ENDS) else None
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
            elif not window[: m.start("cue")].strip() or window[: m.start("cue")].rstrip().endswith(INVERSION_OPENERS):
                return Attribution(trim_np(m.group("np")), cue, "before")
            # (``He explained the headline by saying: “``: mid-clause, the phrase after the cue is its object)
    if last_word in PARTICIPLES:
        m = BEFORE_PARTICIPLE.search(window)
        if m and _good_np(m.group("np")):
            before = window[: m.start("np")].split()
            if before and before[-1] in PLACE_PREPOSITIONS:
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
        if m.group("cue") in GO_ON_CUES and not GO_ON_SPEECH.match(window, m.end("cue")):
            continue  # ``once the Senate goes on recess``: not the speech sense of ``go on``
        if len(np.split()) > 1 and np.split()[-1] in RELATIVE_PRONOUNS:
            antecedent = trim_np(np.rsplit(None, 1)[0])
            if antecedent.split()[-1][:1].isupper():
                # ``the Harbour Authority which reported “…”``: a named antecedent speaks.
                found = Attribution(antecedent, m.group("cue"), "before")
            else:
                # ``… forced to defend not paying an architect who said he was stiffed, saying, “…”``: a
                # clause on an unnamed object is an aside; the sentence's subject speaks.
                found = Attribution("", m.group("cue"), "coordinated")
        elif np.split()[-1] in NP_NEVER_ENDS or _object_position(window, m):
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
        if m and _good_np(m.group("np")) and not CUE_WORD.search(window, 0, m.start()):
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
    descriptor = words[0] in DESCRIPTOR_HEADS or words[0].lower() in DESCRIPTOR_HEADS
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


def _good_np(np: str) -> bool:
    words = _strip_openers(np.split())
    if len(words) == 1 and words[0].rstrip(",.") in NOT_SPEAKER_WORDS:
        return False  # ``… in February, blasted`` / ``On Monday, said``: a date, not a speaker
    return bool(words) and words[0] not in BAD_NP_START


def _strip_openers(words: list[str]) -> list[str]:
    """``But Flynn`` → ``Flynn``; ``U.S. He`` → ``He``: sentence openers caught at the front of a name."""
    if len(words) > 1 and words[-1] in CAPITAL_PRONOUNS:
        return words[-1:]
    while len(words) > 1 and words[0] in OPENERS:
        words = words[1:]
    return words


def _pick_np(m: re.Match[str]) -> str:
    """The speaker phrase of a match: a name in apposition to a descriptor wins (``her adviser, Jo Pike,``)."""
    np = trim_np(m.group("np"))
    appos = m.groupdict().get("appos")
    if appos and np.split()[0].lower() in DESCRIPTOR_HEADS and APPOS_NAME.fullmatch(appos.strip()):
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
