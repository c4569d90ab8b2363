"""Stage 9: turn passages and their raw attributions into ``Quote`` records with resolved speakers.

For each passage, in reading order:

1. Drop it when it is a name, a title or a scare quote (``the so-called “peace dividend”``,
   ``the film “Iron Man”``) rather than speech.
2. Take its own attribution (after, then before the marks, then a ``- Name.`` paragraph below it).
3. Otherwise inherit: from another passage of the same sentence or paragraph (split quotes, runs of
   quotes), from a ``He wrote:`` ending the previous paragraph, from the person subject of the
   passage's own sentence (``Kasich resisted: “…”``), or — for a paragraph that is nothing but a quote —
   from the previous paragraph's speaker.
4. Resolve the noun phrase: a name → the person entity it names; ``the Secretary-General`` → the person
   who holds that title; ``he``/``she`` → the most recent speaker (else person) of that gender;
   descriptors (``a spokesman``, ``the report``, ``officials``) → unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import EntityKind, Quote
from .attribution import (
    Attribution,
    attribution_after,
    attribution_before,
    attribution_byline,
    attribution_intro,
    introduces_next,
    sentence_ends,
)
from .attribution_patterns import PARTICIPLES
from .compiled import compile_kept
from .entities import EntityIndex
from .entity_demonyms import is_demonym
from .patterns import (
    CLOSE_QUOTES,
    HONORIFICS,
    NON_NAME_CAPITALS,
    OBJECT_PREPOSITIONS,
    OPEN_QUOTES,
    ROLE_NOUNS,
    SCENE_PREPOSITIONS,
    SPEAKER_PRONOUNS,
    STRAIGHT_QUOTE,
    UNNAMED_PERSON_HEADS,
    UNNAMED_SPEAKER_HEADS,
    alternation,
    word_table,
)
from .quotes import TRANSCRIPT_LABEL_RE, Span
from .speaker_subjects import clause_subject, reported_sources, sentence_subjects, subject_at
from .speaker_trail import SourceTrail

NAMING_CUES = word_table(
    """
    so-called|so called|dubbed|nicknamed|titled|entitled|named|headlined|branded|labelled|labeled|known as
    film|movie|book|novel|song|album|show|series|documentary|play|programme|program|report|campaign|slogan
    magazine|newspaper|column|article|hashtag|term|word|phrase|operation|initiative|project|motto|poem|the
    """
)
"""Words right before a passage that make it a name or title rather than speech."""
SHOW_CUES = word_table("on|in|of|from|to|via|at")
"""Words right before a title-case passage that make it a programme or publication name."""
TRAILING_PARTICIPLE = compile_kept(rf"\b(?P<cue>{alternation(PARTICIPLES)})\b[^,.;:“”\"]{{0,30}}[,:]?\s*$")
"""``…, calling him “`` / ``…, saying, “``: the participle is the cue, though the subject's verb came first."""
QUOTE_MARKS = OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE
MAX_TITLE_WORDS = 6
SUBJECT_WINDOW = 300
"""Characters before a quote searched for the start of its sentence."""
DETERMINERS = word_table("the|a|an|one|another|this|that|his|her|their|its")
NAME_PARTICLES = word_table("de|del|della|der|den|van|von|da|di|du|la|le|el|al|bin|ibn")
ROLE_WORDS_LOWER = frozenset(w.lower() for w in (*ROLE_NOUNS, *HONORIFICS))


@dataclass(frozen=True, slots=True)
class _Located:
    span: Span
    text: str
    attribution: Attribution | None


def _attribute(span: Span, paragraphs: tuple[str, ...]) -> Attribution | None:
    last, first = span.parts[-1], span.parts[0]
    after = None
    weak = False  # the cue after the passage ends in a colon: it introduces the next one
    if last.close_at >= 0:
        text = paragraphs[last.paragraph]
        full_stop = text[: last.close_at].rstrip().endswith(".")
        after = attribution_after(text[last.close_at + 1 :], after_full_stop=full_stop)
        weak = after is not None and introduces_next(text[last.close_at + 1 :])
    if after and not weak:
        return after
    before = attribution_before(paragraphs[first.paragraph][: first.open_at]) if first.open_at >= 0 else None
    if before is None and after is not None:
        return after
    if (
        before is None
        and last.close_at >= 0
        and last.paragraph + 1 < len(paragraphs)
        and not paragraphs[last.paragraph][last.close_at + 1 :].strip(" .,!?")
    ):
        return attribution_byline(paragraphs[last.paragraph + 1])
    return before


def _is_speech(span: Span, text: str, paragraphs: tuple[str, ...], attribution: Attribution | None) -> bool:
    words = text.split()
    if not words:
        return False
    first = span.parts[0]
    before = paragraphs[first.paragraph][max(0, first.open_at - 30) : max(0, first.open_at)].lower()
    prev_word = before.split()[-1] if before.split() else ""
    if prev_word in ("so-called", "dubbed", "nicknamed", "titled", "entitled", "headlined", "branded"):
        return False
    plain = re.sub(r"[,;:]", "", text)
    small = ("of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "&")
    if len(words) <= MAX_TITLE_WORDS and (prev_word in SHOW_CUES or prev_word.endswith(("’s", "'s"))):
        # ``on “Fox News Sunday,”`` / ``ABC’s “This Week.”``: a programme or work title, whatever follows
        bare = plain.rstrip(".!?")
        if all(w[:1].isupper() or w.lower() in small or not w[:1].isalpha() for w in bare.split()):
            return False
    if len(words) <= MAX_TITLE_WORDS and not re.search(r"[.!?]", text):
        title_case = all(w[:1].isupper() or w.lower() in small or not w[:1].isalpha() for w in plain.split())
        if title_case and (attribution is None or attribution.where != "after"):
            return False
        if prev_word in NAMING_CUES and attribution is None:
            return False
    return True


def resolve_quotes(spans: list[Span], paragraphs: tuple[str, ...], index: EntityIndex) -> tuple[Quote, ...]:
    """Quotes with speakers resolved against the document's entities."""
    located = []
    for s in spans:
        text = s.text(paragraphs)
        att = _attribute(s, paragraphs)
        if _is_speech(s, text, paragraphs, att):
            located.append(_Located(s, text, att))
    trail = SourceTrail(index, paragraphs, sentence_subjects(paragraphs), reported_sources(paragraphs))
    quotes: list[Quote] = []
    last_by_para: dict[int, tuple[str | None, str | None]] = {}
    for i, item in enumerate(located):
        att = item.attribution
        para = item.span.paragraph
        first = item.span.parts[0]
        where = (para, first.open_at if first.open_at >= 0 else first.start)
        speaker: str | None = None
        cue: str | None = None
        if att is not None and att.where == "coordinated":
            att = _with_subject(att, item.span, paragraphs, index)
        if att is None:
            att = _inherited(i, located, paragraphs)
        if att is None:
            att = _transcript_label(paragraphs[para])
        if att is None:
            att = _subject_of_sentence(item.span, paragraphs, index, own_sentence=para in last_by_para)
        if att is not None:
            cue = att.cue or None
            speaker, ent = _resolve(att.np, where, index, trail)
            if speaker is not None and not _is_pronoun(att.np):
                trail.add(where, speaker, ent)
        else:
            # 3. same paragraph, else a quote-only paragraph following a quoted speaker
            if para in last_by_para:
                speaker, cue = last_by_para[para]
            elif _quote_only(item.span, paragraphs) and para - 1 in last_by_para:
                speaker, cue = last_by_para[para - 1]
            elif _opens_sentence(item.span, paragraphs):
                # 3b. an unattributed quote opening a sentence: the person the story just put forward
                speaker = trail.recent_person(where, para - 1)
        quotes.append(Quote(item.text, speaker, cue, para, item.span.unclosed))
        end_para = item.span.parts[-1].paragraph
        for p in range(para, end_para + 1):
            last_by_para[p] = (speaker, cue)
    return tuple(quotes)


def _subject_of_sentence(
    span: Span, paragraphs: tuple[str, ...], index: EntityIndex, *, own_sentence: bool = False
) -> Attribution | None:
    """``Cruz called Trump a “liar”``: a quote inside a sentence belongs to that sentence's subject.

    With ``own_sentence`` (an earlier passage of the paragraph already has a speaker), only a sentence
    that quotes nothing before this passage and whose subject names a person counts: ``Kasich resisted: “…”``.
    """
    first = span.parts[0]
    if first.open_at < 0:
        return None
    text = paragraphs[first.paragraph]
    head = text[max(0, first.open_at - SUBJECT_WINDOW) : first.open_at]
    ends = sentence_ends(head)
    start = ends[-1] if ends else 0
    if not head[start:].strip():
        return None
    if own_sentence and any(mark in head[start:] for mark in QUOTE_MARKS):
        return None
    found = subject_at(head, start)
    if found is None:
        return None
    np, verb, verb_end = found
    clause = clause_subject(head, verb_end)
    if clause is not None and index.person_for(clause[0]) is not None:
        np, verb, _ = clause
    if own_sentence and index.person_for(np) is None:
        return None
    if (
        np not in SPEAKER_PRONOUNS
        and len(np.split()) < 2
        and index.person_for(np) is None
        and np not in index.by_surface
    ):
        return None
    participle = TRAILING_PARTICIPLE.search(head, start)
    return Attribution(np, participle.group("cue") if participle else verb, "subject")


def _with_subject(att: Attribution, span: Span, paragraphs: tuple[str, ...], index: EntityIndex) -> Attribution:
    """A cue with no subject of its own (``… and said, “…”``) takes the subject of its sentence, if any."""
    subject = _subject_of_sentence(span, paragraphs, index)
    return Attribution(subject.np if subject is not None else "", att.cue, "before")


def _inherited(i: int, located: list[_Located], paragraphs: tuple[str, ...]) -> Attribution | None:
    item = located[i]
    para = item.span.paragraph
    # A later passage in the same paragraph with its own attribution ("“A,” he said, “B.”" reads back).
    for other in located[i + 1 :]:
        if other.span.paragraph != para:
            break
        if other.attribution is not None and other.attribution.where == "after":
            return other.attribution
        if (
            other.attribution is not None
            and other.attribution.where == "tail"
            and _same_sentence(item, other, paragraphs)
        ):
            # ``… did not find “ties of any consequence,” aside from “casually” …, said Jo Pike.``
            return other.attribution
    first = item.span.parts[0]
    if para > 0 and paragraphs[para][: max(first.open_at, 0)].strip() == "":
        return attribution_intro(paragraphs[para - 1])
    return None


def _same_sentence(first: _Located, later: _Located, paragraphs: tuple[str, ...]) -> bool:
    """No sentence ends between the close of ``first`` and the opening of ``later`` (same paragraph)."""
    close, start = first.span.parts[-1].close_at, later.span.parts[0].open_at
    if close < 0 or start < close or first.span.parts[-1].paragraph != later.span.parts[0].paragraph:
        return False
    return not sentence_ends(paragraphs[later.span.paragraph][close + 1 : start] + "“")


def _quote_only(span: Span, paragraphs: tuple[str, ...]) -> bool:
    first = span.parts[0]
    return first.open_at >= 0 and paragraphs[first.paragraph][: first.open_at].strip() == ""


def _transcript_label(paragraph: str) -> Attribution | None:
    """``PENCE: Well, look …``: in a transcript line the label names who speaks."""
    m = TRANSCRIPT_LABEL_RE.match(paragraph)
    if m is None or m.group("label") is None or len(m.group("label")) < 3:
        return None
    return Attribution(m.group("label").title(), "", "label")


def _opens_sentence(span: Span, paragraphs: tuple[str, ...]) -> bool:
    first = span.parts[0]
    if first.open_at < 0:
        return False
    head = paragraphs[first.paragraph][max(0, first.open_at - SUBJECT_WINDOW) : first.open_at]
    if not head.strip():
        return True
    ends = sentence_ends(head)
    return bool(ends) and not head[ends[-1] :].strip()


def _is_pronoun(np: str) -> bool:
    return np in SPEAKER_PRONOUNS


def _resolve(np: str, where: tuple[int, int], index: EntityIndex, trail: SourceTrail) -> tuple[str | None, int | None]:
    words = np.split()
    head = words[0] if words else ""
    if _is_pronoun(np):
        return trail.pronoun(np.lower(), where)
    possessive = head.endswith(("’s", "'s"))
    if possessive or head.lower() in DETERMINERS:
        last = words[-1].strip(",.")
        named_head = last[:1].isupper() and last.lower() not in ROLE_WORDS_LOWER
        # ``the Chicago Police Department``: a capitalised head is a name, not a title someone holds
        idx = index.role_holder(np) if (head.lower() == "the" or possessive) and not named_head else None
        if idx is not None:
            return index.entities[idx].name, idx
        return _named_in_descriptor(words[1:], index)
    if np.lower() in UNNAMED_SPEAKER_HEADS:
        return None, None
    found = _entity_speaker(np, index)
    return found if found[0] is not None else (_strip_titles(np), None)


def _entity_speaker(name: str, index: EntityIndex) -> tuple[str | None, int | None]:
    """The person ``name`` refers to, else the organisation of that name, else (None, None)."""
    idx = index.person_for(name)
    if idx is not None:
        return index.entities[idx].name, idx
    ent = index.by_surface.get(name)
    if ent is not None and index.entities[ent].kind is EntityKind.ORGANIZATION:
        return index.entities[ent].name, None
    return None, None


def _named_in_descriptor(words: list[str], index: EntityIndex) -> tuple[str | None, int | None]:
    """``her adviser, Jake Sullivan`` and ``The Hill`` end in a name; ``the IMF report`` is the IMF's."""
    runs: list[list[str]] = [[]]
    previous = ""
    skipping = False  # inside a capitalised run that is a scene or an object, not the speaker
    bares = [w.strip(",.;:") for w in words]
    for i, bare in enumerate(bares):
        following = bares[i + 1] if i + 1 < len(bares) else ""
        # ``the Marlow County Police Department``: a word that never starts a name can go on one
        inside = bool(runs[-1]) and following[:1].isupper() and following not in NON_NAME_CAPITALS
        capital = bare[:1].isupper() and bare.lower() not in ROLE_WORDS_LOWER
        if capital and not runs[-1] and (previous in SCENE_PREPOSITIONS or _object_of_participle(bares[:i])):
            skipping = True
        skipping = skipping and capital
        if capital and not skipping and (bare not in NON_NAME_CAPITALS or inside):
            runs[-1].append(bare)
        elif runs[-1]:
            runs.append([])
        previous = bare.lower()
    at_end = bool(runs[-1])
    run = runs[-1] or (runs[-2] if len(runs) > 1 else [])
    if not run:
        return None, None
    name = " ".join(run)
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    head = bares[-1].lower() if bares else ""
    if not at_end and (head in ROLE_WORDS_LOWER or head in UNNAMED_PERSON_HEADS or all(is_demonym(w) for w in run)):
        # ``a senior Cruz adviser`` / ``the Democratic nominee``: the capitals qualify a person the phrase
        # leaves unnamed (``the IMF report`` is the IMF's; ``the IMF chief`` is not the IMF)
        return None, None
    found = _entity_speaker(name, index)
    if found[0] is not None:
        return found
    if at_end:
        return name, None  # the capitalised words are the head: ``The New York Post``
    return None, None


def _object_of_participle(before: list[str]) -> bool:
    """``a source speaking to the Harbour Gazette``: the name after ``-ing`` + preposition is spoken to."""
    words = [w.lower() for w in before[-3:]]
    if words and words[-1] in DETERMINERS:
        words = words[:-1]
    return len(words) >= 2 and words[-1] in OBJECT_PREPOSITIONS and words[-2].endswith("ing")


def _strip_titles(np: str) -> str | None:
    """The name at the end of an unlisted titled phrase: ``IMF chief economist Maury Obstfeld`` → Maury Obstfeld."""
    head = np.split(",")[0].split("(")[0]
    words = [w for w in head.split() if w]
    taken: list[str] = []
    caps = 0
    for w in reversed(words):
        is_cap = w[:1].isupper() and not (w.endswith(".") and len(w) <= 4)
        if is_cap and (w in HONORIFICS or w in ROLE_NOUNS or w.lower() in ROLE_WORDS_LOWER):
            break
        if is_cap:
            if caps == 2:
                break
            caps += 1
            taken.append(w)
        elif w[:1].isupper() or (w in NAME_PARTICLES and taken):
            taken.append(w)  # an initial or a particle inside the name
        else:
            break
    while taken and not (taken[-1][:1].isupper() and not taken[-1].endswith(".")) and len(taken) > 1:
        taken.pop()
    name = " ".join(reversed(taken))
    return name or None
