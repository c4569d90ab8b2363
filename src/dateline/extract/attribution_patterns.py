"""The attribution patterns: speaker phrases, speech cues and the anchored expressions built from them.

Every pattern :mod:`.attribution` matches is built here from the named tables in :mod:`.patterns`
(honorifics, role nouns, speech verbs, …), compiled once, and anchored where it is applied at a fixed
place, so a window full of quotation marks and no cue costs linear time.
"""

from __future__ import annotations

from .compiled import compile_kept
from .patterns import (
    ACCORDING_TO,
    AGENT_SUFFIXES,
    CLAUSE_WORDS,
    HONORIFICS,
    LOWER,
    MONTHS,
    NAME_CONNECTORS,
    NAMING_VERBS,
    OBJECT_PREPOSITIONS,
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

CAP = rf"(?:{UPPER}(?:[{LOWER[1:-1]}{UPPER[1:-1]}'’]|-(?=[^\W\d_]))*\.?)"
INITIAL = rf"(?:{UPPER}\.)"
PARTICLE = alternation(w for w in NAME_CONNECTORS if w.islower() and w not in {"of", "for", "and", "the", "on", "in"})
HON = alternation(HONORIFICS)
ROLE = alternation(ROLE_NOUNS)
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
TITLE_WORD = alternation(TITLE_MODIFIERS)
NAME_PART = rf"(?:(?:{HON}|{ROLE}|{TITLE_WORD})(?:\s+(?:of|for)(?:\s+the)?)?|{INITIAL}|{CAP})"
NAME_NP = (
    rf"(?:{NAME_PART}\s+){{0,6}}(?:{INITIAL}\s*)*{CAP}"
    rf"(?:\s+(?:{PARTICLE}\s+)?(?:{INITIAL}|{CAP})){{0,4}}"
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
TITLED_NP = rf"(?:[Tt]he\s+{HON}\s+{NAME_NP})"
"""``the Rev. Peter Wherry``: a determiner before an honorific and a name is still the name."""
NP = rf"(?P<np>{PRONOUN_NP}|{NAME_NP}|{TITLED_NP}|{DESCR_NP}|{BARE_PLURAL_NP})"
VERB = alternation(SPEECH_VERBS)
ADVERBS = word_table(
    "also|later|then|again|once|previously|recently|earlier|further|simply|flatly|repeatedly|quietly|bluntly|just"
    "|has|had|have|would|will|had been|has been|has long|had long|has repeatedly|never|often|frequently|once"
)
ADV = rf"(?:\s+{alternation(ADVERBS)})?"
PARTICIPLES = word_table(
    "saying|calling|adding|telling|noting|arguing|asking|writing|warning|declaring|insisting|describing|tweeting"
    "|stating|suggesting|explaining|claiming|chanting|remarking|urging|vowing|promising|replying|shouting"
    "|yelling|joking|quipping|boasting|complaining|responding|proclaiming|announcing|answering|recalling"
    "|admitting|acknowledging|conceding|predicting|pleading|lamenting|reminding|repeating|mocking|scoffing"
)
"""``…, saying “…”``: participles that introduce speech after a name."""
POSTMOD = (
    rf"(?:,\s+(?P<appos>[^,“”\"]{{2,90}}),"
    rf"|\s+(?:of|from|at|with)\s+(?:the\s+)?{CAP}(?:\s+(?:of\s+|for\s+|and\s+)?{CAP}){{0,6}})?"
)
"""What may stand between a name and its verb: an apposition or an ``of the WHO`` phrase."""

APPOS_NAME_RE = rf"(?:{UPPER}\.\s*)*{CAP}(?:\s+(?:{PARTICLE}\s+)?(?:{INITIAL}|{CAP})){{1,4}}"
"""A bare personal name in apposition: at least two capitalised words, no title or role."""
FULL_NAME_NP = APPOS_NAME_RE
"""Two to five capitalised words and initials, with no title: ``Ada Lin``, ``Marc H. Morial``."""
AGENT_TITLE = rf"(?:{TITLE_WORD}|[a-z][a-z-]{{2,}}{alternation(AGENT_SUFFIXES)})"
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
    rf"[\s,.!?;:—–-]*(?P<cue>{VERB}){ADV}\s+"
    rf"(?P<np>{PRONOUN_NP}|{NAME_NP}|{TITLED_NP}|{DESCR_NAMED_NP}|{DESCR_CLAUSE_NP}|{DESCR_NP}|{BARE_PLURAL_NP})"
    rf"(?:(?:[’']s)?(?:\s+[\w’'-]+){{0,4}}?,\s+(?P<appos>{APPOS_NAME_RE})(?=[,.;]|\s+(?:on|in|at|who)\b|\s*$))?"
)
"""``,” said Gov. Schwarzenegger`` / ``,” said the bureau’s director, James B. Comey,``."""
AFTER_PLAIN = compile_anchored(rf"[\s,.!?;:—–-]*{NP}{POSTMOD}{ADV},?\s+(?P<cue>{VERB})\b")
AFTER_LONG_APPOS = compile_anchored(
    rf"[\s,.!?;:—–-]*(?!{alternation(w.title() for w in OBJECT_PREPOSITIONS | SCENE_PREPOSITIONS)}\s)"
    rf"(?P<np>{NAME_NP}),\s+(?P<appos>[^,“”\"]{{1,90}}(?:,\s+[^,“”\"]{{1,60}}){{1,3}}),"
    rf"{ADV}\s+(?P<cue>{VERB})\b"
)
"""``,” Ada Lin, 30, of Dayton, Ohio, said`` / ``,” Ada Lin, the mayor, one of the founders, said``: right after
the closing mark, a name whose apposition holds commas of its own (not ``Of Carson, Lin, who …, said``)."""
AFTER_DASH = compile_anchored(rf"[\s,.!?]*(?P<cue>[―—])\s*(?P<np>{NAME_NP})[\s.]*$")
"""A byline-style attribution closing a paragraph: ``.” ― Carla Sanchez``."""
AFTER_ACCORDING = compile_anchored(rf"[\s,.!?;:—–-]*(?P<cue>{ACCORDING_TO})\s+{NP}")
TAIL_REST = r"(?:[\s,][^“”\"]{0,100})?$"
TAIL_TIME = (
    rf"(?:,?\s+(?:on\s+)?{alternation(w.title() for w in WEEKDAYS)}(?:\s+(?:morning|afternoon|evening|night))?)?"
)
SENTENCE_TAIL = compile_kept(
    rf",\s+{NP}{ADV}\s+(?P<cue>{VERB}){TAIL_TIME}[.!?]?\s*$"
    rf"|,\s+(?P<cue2>{VERB})\s+(?P<np2>{NAME_NP}|{DESCR_NAMED_NP}|{DESCR_NP},\s+(?P<appos2>{APPOS_NAME_RE}),?)"
    rf"(?:,\s+[^,“”\"]{{2,90}})?{TAIL_TIME}[.!?]?\s*$"
)
"""``“…” to grow the field, Schutte said.`` / ``…, said the bureau’s director, Jo Pike, on Monday.`` / ``…, said
Jo Pike, an analyst at the Cook Report.``: an attribution closing the sentence the passage sits in."""
VERB_CAP = alternation(w[:1].upper() + w[1:] for w in SPEECH_VERBS)
BEFORE_INVERTED = compile_kept(rf"(?:^|[\s(])(?P<cue>{VERB_CAP}|{VERB})\s+(?P<np>{NAME_NP}|{DESCR_NP})\s*[:,]\s*$")
"""``Said Ellis: “…”``: an inverted attribution opening the sentence or a clause (``INVERSION_OPENERS``)."""
BEFORE_PARTICIPLE = compile_kept(rf"(?:^|[\s(])(?P<np>{NAME_NP})\s+(?P<cue>{alternation(PARTICIPLES)})[,:]?\s*$")
"""``footage of Ada Lin asking, “…”``: a name right before a participle that introduces speech."""
BEFORE_LABEL = compile_kept(
    rf"(?:^|[\s—–-]|\bfrom\s)(?P<np>(?:{UPPER}\.\s*)*{CAP}(?:\s+(?:{INITIAL}|{CAP})){{1,3}}):\s*$"
)
"""``Pollsters agree - Ada Lin: “…”``: a full name as a label before the passage."""
AFTER_LOOSE = compile_anchored(
    rf"[\s,.!?;:—–-]*(?P<np>(?:(?:[a-z][\w’'-]*|{CAP})\s+){{0,4}}[a-z][\w’'-]*\s+{CAP}(?:\s+(?:{INITIAL}|{CAP})){{1,3}}){ADV}\s+(?P<cue>{VERB})\b"
)
"""``,” conservative radio host Ada Lin said`` / ``,” Tulsa police Chief Ada Lin said``: title words no table
lists (capitalised ones too, as long as a lower-case word comes right before the name), then a full name."""
AFTER_INVERTED_LOOSE = compile_anchored(
    rf"[\s,.!?;:—–-]*(?P<cue>{VERB})\s+(?P<np>(?:[a-z0-9][\w/’'-]*\s+){{1,5}}{CAP}(?:\s+(?:{INITIAL}|{CAP})){{1,3}})"
)
"""``,” said 9/11 widow Ada Lin``: the inverted form of ``AFTER_LOOSE``."""
BEFORE_WHAT_CALLED = compile_kept(
    rf"\b(?:what|which)\s+(?P<np>{NAME_NP})(?:,\s+[^,“”\"]{{2,90}},)?\s+(?P<cue>{alternation(NAMING_VERBS)})\s*$"
)
"""``in what Ada Lin, a party treasurer, called “…”``: the name right before the naming verb said it."""
NAMING_VERB_ENDS = tuple(sorted({v.split()[-1] for v in NAMING_VERBS}))
"""Last words of ``NAMING_VERBS``: a window that ends in none of them skips ``BEFORE_WHAT_CALLED``."""
BEFORE_POSSESSIVE = compile_kept(
    rf"(?:^|[\s(])(?P<np>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|{NAME_NP}[’']s)(?:\s+[a-z-]+){{0,2}}?"
    rf"\s+(?P<cue>{alternation(SPEECH_NOUNS)})\b[^“”\".!?;:]{{0,60}}:?\s*$"
)
"""``his call for “a total and complete ban”`` / ``Trump’s promise to be “neutral”``: the owner of what
was said is its speaker."""
CUE_WORD = compile_kept(rf"\b(?:{VERB}|{alternation(NAMING_VERBS)}|{alternation(PARTICIPLES)})\b")
BEFORE_ACCORDING = compile_kept(rf"(?P<cue>[Aa]ccording to)\s+{NP}\s*,?\s*$")
ACCORDING_CLAUSE = compile_kept(
    rf"\b(?P<cue>[Aa]ccording to)\s+(?P<np>{NAME_NP}|{DESCR_NP}"
    rf"|(?:[\w’'.-]+\s+){{0,5}}?{CAP}(?:\s+(?:{INITIAL}|{CAP})){{1,3}})"
    rf"(?:\s+(?:of|at|from|with)\s+(?:the\s+)?{CAP}(?:\s+{CAP}){{0,4}})?\s*,\s"
)
"""``According to Ada Lin of the Tribune, the plan reeks of “fear”``: an ``according to`` phrase earlier in
the sentence is the source of a passage that no speech verb attributes."""
BEFORE_PLAIN = compile_kept(rf"(?:^|[\s(])({NP}){POSTMOD}{ADV},?\s+(?P<cue>{VERB})\b")
INTRO_END = compile_kept(rf"{NP}{POSTMOD}{ADV}\s+(?P<cue>{VERB})\b[^.!?“”\"]{{0,80}}:\s*$")
INTRO_INVERTED = compile_anchored(rf"(?P<cue>{VERB_CAP})\s+(?P<np>{NAME_NP}):\s*$")
"""``Continued Stone:`` opening a sentence at the end of the previous paragraph."""
BYLINE_PARAGRAPH = compile_anchored(rf"\s*(?P<cue>[-–—―])\s*(?P<np>{NAME_NP})\s*\.?\s*$")
"""``- Bernie Sanders.``: a paragraph that only names who spoke the quote above it (fact-check style)."""
SENTENCE_END = compile_kept(r"[.!?][”\"’)]*\s+(?=[“\"A-Z])")
INITIALS = compile_kept(r"^\(?(?:[A-Z]\.)+$")


GO_ON_CUES = word_table("went on|goes on")
GO_ON_SPEECH = compile_anchored(r"\s*(?:[,:]|about\b|to\s+(?:say|add|note|argue)\b|$)")
"""What follows ``went on`` when it means speaking: ``went on:``, ``went on about``, ``went on to say``."""
PLACE_PREPOSITIONS = word_table("on|in|at|to|into|onto|toward|towards|via|through")
"""Prepositions after which a name before a participle is a place or medium, not the participle's subject."""
INVERSION_OPENERS = (",", ";", "—", "–", "(")
"""What may come right before an inverted cue other than the sentence start (``…, added Ellis:``)."""
OPENERS = word_table(
    "But|And|So|Yet|Then|Now|Still|However|Though|Although|While|When|Also|Instead|Meanwhile|Later|Earlier|Indeed"
)
"""Sentence openers that the name pattern can take for the first word of a name."""
CAPITAL_PRONOUNS = word_table("He|She|They|We|It|I")
DESCRIPTOR_HEADS = word_table("the|a|an|one|another|his|her|their|its|our")
APPOS_NAME = compile_kept(APPOS_NAME_RE)
NOT_SPEAKER_WORDS = frozenset(
    w.title() for w in (*MONTHS, *WEEKDAYS) if len(w) > 3 and w not in ("april", "may", "june", "august")
) | word_table("Today|Yesterday|Tomorrow|Tonight|Meanwhile|Earlier|Later|Then|Now")
"""Capitalised words that never speak on their own: months (not those that are also names: ``May``,
``June``), weekdays and other times."""
NP_NEVER_ENDS = word_table("and|or|but|to|from|of|in|on|at|for|with|by|that|than|as")
"""Function words a speaker phrase never ends in; a match ending in one has run over a verb phrase."""
RELATIVE_PRONOUNS = word_table("who|which")
BAD_NP_START = word_table(
    "That|This|These|Those|There|It's|What|Which|When|Where|Why|How|If|As|And|But|Or|So|Then|Also"
)
