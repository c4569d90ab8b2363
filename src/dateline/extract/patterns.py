"""Every pattern the extractor uses, as named data: month names, dashes, speech verbs, honorifics,
organisation words, boilerplate phrases and the regular expressions built from them.

Rules live here so they can be read, tested and extended in one place. Helpers refuse empty tables and
empty alternations, because an empty alternative in a regex matches everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .compiled import compile_kept
from .rule_union import anchored_union, opens_with_caret

# --------------------------------------------------------------------------------------------------
# Builders


def word_table(text: str) -> frozenset[str]:
    """A set of entries, one per line or separated by ``|``; blank entries are ignored, none allowed empty."""
    items = frozenset(e.strip() for line in text.strip().splitlines() for e in line.split("|") if e.strip())
    if not items:
        raise ValueError("empty word table")
    return items


def alternation(words: Iterable[str], *, escape: bool = True) -> str:
    """A regex alternation of ``words``, longest first so that ``said in a statement`` beats ``said``."""
    items = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not items:
        raise ValueError("empty alternation")
    return "(?:" + "|".join(re.escape(w) if escape else w for w in items) + ")"


def compile_anchored(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern that must be used with ``match`` (anchored at a position), never ``search``."""
    if not pattern:
        raise ValueError("empty pattern")
    return compile_kept(pattern, flags)


# --------------------------------------------------------------------------------------------------
# Characters

_CASED_BLOCKS: tuple[tuple[int, int], ...] = ((0x41, 0x24F), (0x370, 0x52F), (0x1E00, 0x1FFF))
"""Latin, Greek and Cyrillic code points, the cased scripts news names are written in."""


def case_class(upper: bool) -> str:
    """A regex character class of every upper-case (or lower-case) letter in the cased blocks.

    Python's ``re`` has no ``\\p{Lu}``; an ASCII ``[A-Z]`` would break Erdoğan, Élodie and Şanlıurfa.
    """
    ranges: list[tuple[int, int]] = []
    for lo, hi in _CASED_BLOCKS:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if (ch.isupper() or ch.istitle()) if upper else ch.islower():
                if ranges and ranges[-1][1] == cp - 1:
                    ranges[-1] = (ranges[-1][0], cp)
                else:
                    ranges.append((cp, cp))
    parts = (re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return "[" + "".join(parts) + "]"


UPPER = case_class(upper=True)
"""One upper-case letter (Latin, Greek, Cyrillic)."""
LOWER = case_class(upper=False)
"""One lower-case letter (Latin, Greek, Cyrillic)."""

DASHES = "-–—"
DATELINE_DASH = r"(?:\s*--+\s*|\s+[-–—]+\s+|\s*[–—]\s*|\s+-(?=\S)|\s*-\s+)"
"""A dateline's closing dash: ``--``, a spaced hyphen, or an en/em dash (spaced or not)."""

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
STRAIGHT_QUOTE = '"'

# --------------------------------------------------------------------------------------------------
# Dates

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
"""Month names and the abbreviations wire services use, lower-case."""

WEEKDAYS = word_table("monday|tuesday|wednesday|thursday|friday|saturday|sunday")

MONTH_RE = r"(?:" + "|".join(sorted((re.escape(m.title()) for m in MONTHS), key=len, reverse=True)) + r")"
MONTH_ANYCASE = r"(?i:" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")"
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])"
YEAR_RE = r"(?:1[89]\d\d|20\d\d)"

DATE_MDY = rf"(?P<mon>{MONTH_ANYCASE})\.?\s+(?P<day>{DAY_RE})(?:st|nd|rd|th)?(?:,?\s+(?P<year>{YEAR_RE}))?"
DATE_DMY = rf"(?P<day2>{DAY_RE})(?:st|nd|rd|th)?\s+(?P<mon2>{MONTH_ANYCASE})\.?(?:,?\s+(?P<year2>{YEAR_RE}))?"
MONTH_LOOSE = (
    r"(?i:"
    + "|".join(
        sorted(
            {m[:n] for m in MONTHS if len(m) > 4 for n in range(4, len(m) + 1)} - set(MONTHS),
            key=lambda m: (-len(m), m),  # ties in a fixed order: the pattern is the same in every process
        )
    )
    + r")"
)
"""Truncated month names (``Marc``, ``Septem``) that wire copy mistypes; only datelines accept them."""
DATE_MDY_LOOSE = (
    rf"(?P<mon>{MONTH_ANYCASE}|{MONTH_LOOSE})(?:[a-z](?=\s))?\.?\s+(?P<day>{DAY_RE})(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?P<year>{YEAR_RE}))?"
)
"""``DATE_MDY`` that also takes a truncated month or one stray letter after it (``Marchg 12``)."""
DATE_ISO = rf"(?P<iy>{YEAR_RE})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
DATE_ANY = rf"(?:{DATE_MDY}|{DATE_DMY}|{DATE_ISO})"

DATE_LINE_RE = compile_anchored(
    rf"^(?:(?:published|updated|posted|date|released?)\s*:?\s*(?:on\s+)?)?"
    rf"(?:(?i:{'|'.join(sorted(WEEKDAYS))}),?\s+)?{DATE_ANY}"
    r"(?:\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*[.|]?$",
    re.I,
)
"""A block that is nothing but a date (``March 5, 2018``, ``Published: 12 Jan 2019 10:30 GMT``)."""

# --------------------------------------------------------------------------------------------------
# Datelines

AGENCIES = word_table(
    """
    Reuters|REUTERS|Reuter|AP|AFP|UPI|dpa|DPA|Xinhua|XINHUA|IANS|PTI|ANI|Bloomberg|BUSINESS WIRE|Business Wire
    PRNewswire|PRNewswire-USNewswire|PRNewswire-FirstCall|GLOBE NEWSWIRE|GlobeNewswire|Marketwired
    CNN|ANSA|EFE|Kyodo|KYODO|Yonhap|TASS|Itar-Tass|Interfax|BERNAMA|Bernama|NNA|APA|IRNA|Anadolu|MENA|SPA
    The Associated Press|Associated Press|CP|AAP|NPA|Meridian Wire|UNI|Agence France-Presse
    """
)
"""Wire services that appear in datelines. Unknown agencies in parentheses are accepted by shape too."""

PLACE_WORD = rf"(?:{UPPER}(?:{UPPER}|[.'’])*|{UPPER}\.?(?:{UPPER}\.)+|(?:ST|FT|MT)\.)"
PLACE_CAPS = rf"(?:{PLACE_WORD}(?:[ /-]{PLACE_WORD}){{0,4}})"
"""An all-capitals place name (``NEW YORK``, ``WINSTON-SALEM``, ``ST. LOUIS``)."""
PLACE_TITLE = (
    rf"(?:{UPPER}{LOWER}+(?:[ -](?:{UPPER}{LOWER}+|de|del|la|es|am|upon|on)){{0,3}}|{UPPER}{LOWER}+ {LOWER}{{3,}})"
)
"""A title-case place name (``Washington``, ``Rio de Janeiro``) used in press-release datelines."""
REGION = (
    rf"(?:{UPPER}\.(?:\s?{UPPER}\.)+|{UPPER}\.\s?{UPPER}{LOWER}{{1,3}}\.|{UPPER}{LOWER}{{1,4}}\."
    rf"|{UPPER}(?:{LOWER}|{UPPER})+\.?(?:\s{UPPER}(?:{LOWER}|{UPPER})+)?)"
)
"""A state, region or country after the place (``Texas``, ``Va.``, ``D.C.``, ``W. Va.``, ``MICH.``, ``UK``).

Wire copy mistypes the case (``TExas``, ``FLa``), so letters after the first may be of either case."""

AGENCY_PAREN = r"\((?P<agency>[A-Z][\w.&' -]{0,40}?|[A-Za-z]{2,12})\)"
AGENCY_SLASH = r"/(?P<agency_s>[A-Z][\w.-]{1,40}(?:\s[A-Z][\w.-]+){0,2})/"
AGENCY_DASHED = r"--\s*\((?P<agency_d>[A-Z][\w .&'-]{1,40})\)\s*--"
AGENCY_COMMA = r",\s*(?P<agency_c>Reuters?|REUTERS?)\b"
"""``March 11, Reuter -``: the agency after the date with a comma and no parentheses."""

DATELINE_RE = compile_anchored(
    rf"^(?P<lead>(?:\*+\s*|RPT\s*-+\s*|UPDATE\s+\d+\s*-+\s*|[a-z]\s+(?={UPPER}{{2}}))?)"
    rf"(?:(?P<place>(?:{PLACE_CAPS}|{PLACE_TITLE})"
    rf"(?:(?:\s?,\s*|\s(?={UPPER}{LOWER}{{1,4}}\.,))(?!{MONTH_ANYCASE}\b){REGION}){{0,2}})\s*)?"
    rf"(?:,?\s*(?:-\s+(?=\S+\s+\d{{1,2}}\s*-))?"
    rf"(?P<date>(?:(?i:{'|'.join(sorted(WEEKDAYS))}),?\s+)?{DATE_MDY_LOOSE}|{DATE_DMY}))?"
    rf"\s*(?:{AGENCY_PAREN}|{AGENCY_SLASH}|{AGENCY_COMMA})?,?"
    rf"(?P<dash>{AGENCY_DASHED}|{DATELINE_DASH})"
)
"""The dateline at the start of a first paragraph. Which parts are required is decided in ``dateline.py``."""

NOT_PLACE_WORDS = word_table(
    """
    NATO|EU|UN|US|U.S.|USA|UK|IMF|WHO|OPEC|CEO|FBI|CIA|GOP|NASA|UPDATE|BRIEF|CORRECTED|REFILE|URGENT|FLASH
    EXCLUSIVE|ANALYSIS|FACTBOX|TIMELINE|INTERVIEW|COLUMN|BREAKING|WATCH|VIDEO|PHOTOS|LIVE|NOTE|EDITORS|NEW
    THE|A|AN|IN|ON|BY|FOR|AND|BUT|AT|TO|OF|WITH|FROM|AS|IT|HE|SHE|WE|THEY|I|THIS|THAT|MORE|PLUS|Q|QTR|SHR
    NET|REVS|AVG|SHRS|OPER|MTHS|QTLY|DIV|PAY|RECORD|NOTES|NINE|SIX|YEAR|NOV|DEC|CTS|VS|MLN|BILLION|NOTE
    """
)
"""All-capitals words that open a sentence or a table row but are never a dateline place by themselves."""

# --------------------------------------------------------------------------------------------------
# Boilerplate

BOILERPLATE_LINE_RES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.I)
    for p in (
        r"\bjoin now\b",
        r"\s[-–—|]\s*(?:JOIN|SIGN UP|SUBSCRIBE|REGISTER|APPLY|LEARN MORE|DONATE|BUY|SHOP|GET)(?: [A-Z]+){0,3}!?$",
        r"^skip to (?:main )?(?:content|navigation)$",
        r"^join (?:the|our) (?:mailing|e-?mail|newsletter)",
        r"^(?:sign up|subscribe)\b.{0,80}$",
        r"\b(?:sign up|subscribe) (?:for|to) (?:our|the) (?:newsletter|mailing list|updates)",
        r"^(?:share|share this(?: article| story| page)?|tweet|email|print|save)(?:\s*[|:/•·]\s*\w+){0,6}$",
        r"^share (?:this|on) ",
        r"^(?:tweet|share|e-?mail|print|save) this(?: (?:article|story|page|release))?$",
        r"^(?:related|more) (?:stories|articles|news|coverage|content|links)\b",
        r"^read (?:more|next|also)\b.{0,80}$",
        r"^(?:©|\(c\)|copyright\b).{0,160}$",
        r"all rights reserved\.?$",
        r"^(?:reporting|additional reporting|writing|editing|compiled) by\b.{0,200}$",
        r"^(?:media|press) (?:contact|inquiries|enquiries)\b",
        r"^(?:###|-30-|- ?ends? ?-|ends)$",
        r"\b(?:we|site|website) uses? cookies\b|\bcookie (?:policy|settings|preferences)\b|\baccept (?:all )?cookies\b",
        r"^(?:privacy overview|(?:strictly )?necessary(?: cookies)?(?: always enabled)?|non-necessary)$",
        r"^(?:advertisement|sponsored content|story continues below.*|continue reading.*)$",
        r"^(?:follow us|like us|connect with us)\b",
        r"^(?:home|news|about)\s*(?:>|›|»|/)\s*\S.{0,120}$",
        r"^enter your e-?mail",
        r"^click here\b",
        r"^(?:privacy policy|terms of (?:use|service)|contact us|site map|sitemap)\b.{0,80}$",
        r"^(?:this (?:article|story) (?:was|has been) (?:updated|corrected)).{0,200}$",
        r"^(?:play|watch)\s+(?:facebook|video)\b",
        r"^(?:photo|image|video|credit)s?\s*:\s*.{0,80}$",
    )
)
"""Lines that are site chrome wherever they appear in a plain-text release."""

FOOTER_START_RES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.I)
    for p in (
        r"^enter your e-?mail",
        r"^join the mailing list",
        r"^(?:related|more) (?:stories|articles|news|coverage)\b",
        r"^(?:###|-30-)$",
        r"^(?:media|press) (?:contact|inquiries|enquiries)\b",
        r"^about (?:the )?[A-Z].{0,60}$",
    )
)
"""Lines after which everything to the end of the file is a footer block."""

BOILERPLATE_LINE_KEYWORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    r"\bjoin now\b": (("join now",),),
    r"\s[-–—|]\s*(?:JOIN|SIGN UP|SUBSCRIBE|REGISTER|APPLY|LEARN MORE|DONATE|BUY|SHOP|GET)(?: [A-Z]+){0,3}!?$": (
        ("-", "–", "—", "|"),
        ("join", "sign up", "subscribe", "register", "apply", "learn more", "donate", "buy", "shop", "get"),
    ),
    r"\b(?:sign up|subscribe) (?:for|to) (?:our|the) (?:newsletter|mailing list|updates)": (("sign up", "subscribe"),),
    r"all rights reserved\.?$": (("all rights reserved",),),
    r"\b(?:we|site|website) uses? cookies\b|\bcookie (?:policy|settings|preferences)\b|\baccept (?:all )?cookies\b": (
        ("cookie",),
    ),
}  # fmt: skip
"""For each ``BOILERPLATE_LINE_RES`` rule not anchored at the line start: what a line must hold for the rule
to match it, after :func:`.rule_union.ascii_fold` — one word (or character) of every group. Most lines fail at once,
and then the rule need not run."""

BOILERPLATE_LINE_START_RE = anchored_union(rx for rx in BOILERPLATE_LINE_RES if opens_with_caret(rx))
"""The ``BOILERPLATE_LINE_RES`` rules anchored at the line start, as one pattern for ``match``."""
BOILERPLATE_LINE_FREE: tuple[tuple[re.Pattern[str], tuple[tuple[str, ...], ...]], ...] = tuple(
    (rx, BOILERPLATE_LINE_KEYWORDS[rx.pattern]) for rx in BOILERPLATE_LINE_RES if not opens_with_caret(rx)
)
"""The other ``BOILERPLATE_LINE_RES`` rules, each with its keyword groups."""
FOOTER_START_RE = anchored_union(FOOTER_START_RES)
"""``FOOTER_START_RES`` (all anchored at the line start) as one pattern for ``match``."""

TAGS_LINE_RE = compile_anchored(r"^(?:tags|topics|keywords|filed under)\s*:\s*(?P<tags>\S.{0,400})$", re.I)
"""A trailing ``Tags: a, b, c`` line in a plain-text release."""

# --------------------------------------------------------------------------------------------------
# People: honorifics, titles and roles

HONORIFICS = word_table(
    """
    Mr.|Mrs.|Ms.|Miss|Mr|Mrs|Ms|Dr.|Dr|Prof.|Prof|Sir|Dame|Lord|Lady|Rev.|Fr.|Sr.|Mx.
    Gov.|Sen.|Rep.|Gen.|Lt.|Col.|Capt.|Sgt.|Adm.|Maj.|Cmdr.|Supt.|Insp.|Det.|Pres.|Amb.|Hon.|Atty.|Gov|Sen|Rep|Gen
    """
)
"""Abbreviated and short honorifics that come right before a name."""

MALE_HONORIFICS = word_table("Mr.|Mr|Sir|Lord|Fr.|King|Prince|Sheikh|Brother")
FEMALE_HONORIFICS = word_table("Mrs.|Ms.|Miss|Mrs|Ms|Dame|Lady|Queen|Princess|Sister|Sr.")

ROLE_NOUNS = word_table(
    """
    Secretary-General|Secretary|President|Vice President|Vice-President|Prime Minister|Minister|Chancellor
    Governor|Senator|Representative|Congressman|Congresswoman|Mayor|Ambassador|Envoy|Special Representative
    Spokesman|Spokeswoman|Spokesperson|Director|Director-General|Chairman|Chairwoman|Chair|Chief Executive
    CEO|Commissioner|Chief|Commander|General|Admiral|Colonel|Captain|Judge|Justice|Attorney General|Prosecutor
    King|Queen|Prince|Princess|Pope|Cardinal|Archbishop|Bishop|Rabbi|Imam|Sheikh|Emir|Sultan|Premier
    Foreign Minister|Defence Minister|Defense Minister|Finance Minister|Interior Minister|Health Minister
    Coordinator|Administrator|Superintendent|Inspector|Detective|Sergeant|Officer|Professor|Doctor|Coach
    Manager|Head|Leader|Speaker|Treasurer|Deputy|Undersecretary|Under-Secretary-General|High Commissioner
    Rapporteur|Founder|Co-founder|Executive Director|Managing Director|Economist|Analyst|Lawyer|Attorney
    Spokesperson|Official|Counsel|Adviser|Advisor|Aide|Candidate|Nominee|Lawmaker|Legislator|Dean|Provost
    """
)
"""Role nouns that precede a name (``Foreign Minister Sergei Lavrov``) or stand in for it (``the minister``)."""
AGENT_SUFFIXES: tuple[str, ...] = ("er", "or", "ist", "ant", "ian", "ate", "ee", "man", "woman")
"""Endings of lower-case agent nouns that stand as a title before a name (``developer``, ``delegate``,
``organizer``, ``strategist``), where the title tables have no entry."""
ROLE_LINKS = word_table("of|for")
"""Words that carry a title on (``Secretary of State``, ``Minister for Europe``) before the name."""

SPEECH_VERBS = word_table(
    """
    said|says|say|told|tells|tell|added|adds|wrote|writes|stated|states|declared|declares|explained|explains
    noted|notes|argued|argues|insisted|insists|warned|warns|urged|urges|asked|asks|replied|replies|answered
    continued|continues|underscored|underscores|stressed|stresses|emphasized|emphasised|emphasizes|observed
    remarked|commented|announced|announces|acknowledged|acknowledges|admitted|admits|conceded|recalled|recalls
    predicted|concluded|suggested|suggests|claimed|claims|cautioned|complained|quipped|joked|tweeted|posted
    wondered|recounted|responded|responds|countered|maintained|maintains|contended|agreed|agrees|vowed|vows
    promised|pledged|reiterated|repeated|boasted|lamented|conceded|confirmed|confirms|shouted|yelled|cried
    whispered|testified|proclaimed|assured|reminded|reported|reports|believes|pointed out|went on|goes on
    demanded|demands|exclaimed|chanted|sang|sings|scoffed|mused|blasted|described|describes|read|reads
    asserted|asserts|retorted|interjected|fumed|barked|snapped|opined|shot back|fired back|wrote back|scolded
    chided|thundered|marveled|marvelled|gushed|sniped|groused|griped|retaliated
    remembered|remembers|put it|puts it|reasoned|pleaded
    """
)
"""Verbs and phrases that introduce or close a direct quote."""

ADDRESSEE_VERBS = word_table("told|tells|tell|asked|asks|urged|urges|warned|warns|reminded|assured")
"""Speech verbs whose following noun phrase is the listener, not the speaker (``Mook told CBS: “…”``)."""

NAMING_VERBS = word_table("called|calls|dubbed|termed|labeled|labelled|described as|describes as|referred to as")
"""Verbs that put a quoted name on something: ``what Ada Lin called “a disgrace”``."""

SPEECH_NOUNS = word_table(
    """
    claim|claims|call|calls|promise|promises|pledge|pledges|vow|vows|statement|statements|remark|remarks
    comment|comments|words|assertion|assertions|insistence|warning|warnings|argument|declaration|demand
    demands|suggestion|description|boast|prediction|plea|admission|accusation|accusations|charge|insult
    slogan|slogans|response|reply|answer|retort|quip|joke|phrase|catchphrase|motto|mantra|message|tweet
    tweets|letter|email|question|broadside|criticism|complaint|complaints|refrain|line|lines|pitch
    """
)
"""Nouns for something said: ``his call for “a total and complete ban”`` is his."""
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
"""A possessive pronoun → the pronoun speaker it stands for (``her claim that “…”`` → ``she``)."""

ACCORDING_TO = "according to"
CLAUSE_OPENERS = word_table(
    "that|he|she|it|they|we|I|you|the|a|an|his|her|their|its|this|these|there|what|how|why|if|whether|to"
)
"""Words that, right after a speech verb, open what it reports (``said he would``, ``wrote a letter``)."""
EMBEDDED_SUBJECTS = word_table("it|this|that")
"""Lower-case subjects of a clause reported by an earlier speaker: in ``She says it underscores that …``
the passage is hers, not the ``it``'s."""

PRONOUNS_MALE = word_table("he|He|him|his")
PRONOUNS_FEMALE = word_table("she|She|her|hers")
GENDER_EVIDENCE_MALE = word_table("he|himself")
GENDER_EVIDENCE_FEMALE = word_table("she|herself")
"""Lower-case pronouns that tell a person's gender after their name. ``him``/``his``/``her`` are left out:
after ``Clinton attacked Trump`` they point at the object as often as at the subject."""
SPEAKER_PRONOUNS = word_table("he|she|He|She|they|They|I|we|We|it|It")

CLAUSE_WORDS = word_table(
    """
    is|was|are|were|be|been|being|has|have|had|do|does|did|will|would|can|could|should|may|might|must
    that|which|who|whom|whose|what|when|where|why|how|if|whether|because|after|before|while|than|being
    he|she|they|we|I|it|you|him|them|us|me
    """
)
"""Words a determiner phrase that names a speaker never contains: ``the company`` or ``a spokesman for the
ministry`` is a speaker, ``his comments came after being`` (asked) or ``the debate audience that she``
(believes) is a clause that has run into a verb."""

UNNAMED_SPEAKER_HEADS = word_table(
    """
    spokesman|spokeswoman|spokesperson|official|officials|source|sources|statement|report|agency|ministry
    department|government|aide|aides|analyst|analysts|expert|experts|witness|witnesses|residents|resident
    police|campaign|company|group|organization|organisation|people|diplomat|diplomats|observer|observers
    authorities|critics|supporters|lawmakers|members|leaders|officers|investigators|prosecutors|statement
    representative|adviser|advisers|advisor|advisors|insider|insiders|executive|executives|committee|party
    """
)
"""Heads of descriptor speakers (``a spokesman for the ministry``) left unresolved."""

UNNAMED_PERSON_HEADS = word_table(
    """
    official|officials|source|sources|aide|aides|adviser|advisers|advisor|advisors|strategist|strategists
    operative|operatives|insider|insiders|spokesman|spokeswoman|spokesperson|staffer|staffers|associate
    associates|ally|allies|supporter|supporters|donor|donors|lawmaker|lawmakers|member|members|leader|leaders
    nominee|candidate|lawyer|attorney|friend|friends|colleague|colleagues|employee|employees|voter|voters
    """
)
"""Heads of a descriptor that name a person left unnamed: in ``a senior Cruz adviser`` or ``the Democratic
nominee`` the capitals say whose adviser or which party, not who speaks."""

OBJECT_PREPOSITIONS = word_table(
    """
    to|at|on|in|with|from|of|for|by|about|into|onto|over|under|during|through|against|toward|towards|via
    among|between|without|within|across|behind
    """
)
"""Prepositions after which a noun phrase is an object: ``speaking to Fox News said`` is not Fox News speaking.
Those that also open a clause (``after``, ``since``, ``before``) are left out: ``after Ada Lin said``."""

SCENE_PREPOSITIONS = word_table("in|on|at|since|during|until|after|before|near|across|outside|inside")
"""Prepositions of time and place: a name after one sets the scene (``his campaign in Iowa``), it does not speak."""

# --------------------------------------------------------------------------------------------------
# Organisations and other kinds

ORG_WORDS = word_table(
    """
    Organization|Organisation|Association|Union|Council|Ministry|Department|Agency|Bank|Corporation|Corp
    Corp.|Inc|Inc.|Ltd|Ltd.|LLC|PLC|Plc|plc|AG|SA|S.A.|GmbH|NV|N.V.|Co.|Company|Companies|Group|Party
    Committee|Commission|Institute|University|College|School|Academy|Foundation|Fund|Authority|Office
    Bureau|Federation|Court|Parliament|Congress|Senate|Assembly|Board|Service|Services|Police|Army|Navy
    Force|Forces|Network|Mission|Programme|Program|Trust|Society|Centre|Center|Church|League|Alliance
    Coalition|Movement|Front|Nations|Industries|Holdings|Partners|Systems|Airlines|Airways|Motors|Bancorp
    Exchange|Times|Post|Journal|News|Press|Television|Radio|Broadcasting|Club|Hospital|Clinic|Laboratory|House
    Embassy|Consulate
    Laboratories|Labs|Institution|Secretariat|Tribunal|Cabinet|Government|Administration|Directorate
    Brigade|Regiment|Battalion|Guard|Corps|Reserve|Treasury|Railways|Railway|Petroleum|Oil|Energy|Telecom
    Communications|Technologies|Technology|Pharmaceuticals|Foods|Insurance|Securities|Capital|Investments
    Enterprises|International|Cooperative|Co-operative|Council|Consortium|Initiative|Project|Institute
    United|City|Rovers|Wanderers|Athletic|FC|Hotspur|Olympique|Newsroom|Newsdesk|Desk
    """
)
"""Words that make a capitalised name an organisation (``Northern Water Authority``, ``Acme Corp``)."""

PLACE_WORDS = word_table(
    """
    Province|Region|District|County|State|Republic|Kingdom|Island|Islands|River|Valley|Mountains|Sea|Ocean
    Gulf|Bay|Lake|Peninsula|Strait|Coast|Desert|Territory|Territories|Oblast|Prefecture|Canton|Municipality
    Street|Avenue|Square|Airport|Port|Harbour|Harbor|Bridge|Park|Hills|Heights|Falls|Basin|Plateau|Delta
    """
)
"""Final words that make a capitalised name a place (``Kherson Province``, ``Lake Victoria``)."""

NAME_CONNECTORS = word_table("of|for|and|de|del|della|der|den|van|von|da|di|du|la|le|el|al|bin|ibn|y|the|&|on|in")
"""Lower-case words allowed inside a multi-word name when a capitalised word follows."""

NON_NAME_CAPITALS = word_table(
    """
    The|A|An|This|That|These|Those|It|Its|He|She|They|We|I|You|His|Her|Their|Our|My|Your|In|On|At|By|For
    From|With|Without|After|Before|During|Under|Over|About|Against|Among|Between|Through|Into|As|And|But
    Or|Nor|So|Yet|If|When|While|Where|Why|How|What|Which|Who|Whom|Whose|There|Here|Then|Now|Also|Still
    Last|Next|First|Second|Third|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Some|Many|Most|Few|All
    Both|Each|Every|Other|Another|Such|No|Not|Yes|Mr|Mrs|Ms|Dr|Today|Yesterday|Tomorrow|Tonight|Meanwhile
    However|Although|Though|Because|Since|Until|Unless|Despite|Once|Even|Only|Just|Already|Later|Earlier
    Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July
    August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec
    According|Asked|Speaking|Earlier|Instead|Overall|Indeed|Still|Thus|Hence|Several|Nearly|Almost|Around
    Please|Thank|Thanks|Let|Do|Does|Did|Is|Are|Was|Were|Be|Been|Has|Have|Had|Will|Would|Can|Could|Should
    May|Might|Must|Shall|Our|Us|Me|Him|Them|Mine|Ours|Theirs|Sources|Officials|Police|Reuters|Total|Net
    """
)
"""Capitalised words that open sentences but are never a name on their own."""

NATIONALITY_SUFFIXES: tuple[str, ...] = ("ian", "ean", "ese", "ish", "ans", "ians", "ese", "ic", "an", "i")
"""Endings of demonyms (``Kosovan``, ``Japanese``, ``British``, ``Iraqi``) used to type them ``other``."""
