"""The boilerplate line rules' fast form (one anchored ``match`` plus keyword-gated rules) gives exactly the
verdict of searching with every rule in ``BOILERPLATE_LINE_RES`` / ``FOOTER_START_RES``, and page mode's
rule unions give the verdict of matching with each rule."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract.boilerplate import _is_footer_start, is_boilerplate_line
from dateline.extract.page_patterns import (
    BYLINE_RE,
    BYLINE_RES,
    SECTION_BREAK_RE,
    SECTION_BREAK_RES,
    SKIP_LINE_RE,
    SKIP_LINE_RES,
)
from dateline.extract.patterns import BOILERPLATE_LINE_KEYWORDS, BOILERPLATE_LINE_RES, FOOTER_START_RES
from dateline.extract.rule_union import _CASE_ALIASES, ascii_fold, match_union, opens_with_caret

MANY = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def slow_line(text: str) -> bool:
    return any(rx.search(text) for rx in BOILERPLATE_LINE_RES)


def slow_footer(text: str) -> bool:
    return any(rx.search(text) for rx in FOOTER_START_RES)


def test_every_unanchored_rule_has_keywords() -> None:
    free = {rx.pattern for rx in BOILERPLATE_LINE_RES if not opens_with_caret(rx)}
    assert free == set(BOILERPLATE_LINE_KEYWORDS)
    for groups in BOILERPLATE_LINE_KEYWORDS.values():
        assert groups and all(words and all(w and w == ascii_fold(w) for w in words) for words in groups)
    assert all(opens_with_caret(rx) for rx in FOOTER_START_RES)


def test_opens_with_caret_sees_top_level_alternatives() -> None:
    assert opens_with_caret(re.compile("^a|^b"))
    assert not opens_with_caret(re.compile("^a|b"))
    assert not opens_with_caret(re.compile("a^"))


def test_ascii_fold_covers_every_ignorecase_alias_of_an_ascii_letter() -> None:
    letter = re.compile("[a-z]", re.I)
    aliases = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert aliases == {chr(k) for k in _CASE_ALIASES}
    for ch in aliases:
        folded = ascii_fold(ch)
        assert len(folded) == 1 and re.fullmatch(folded, ch, re.I)


@pytest.mark.parametrize("rx", [rx for rx in BOILERPLATE_LINE_RES if not opens_with_caret(rx)], ids=lambda r: r.pattern)
@SOME
@given(data=st.data())
def test_text_a_rule_matches_holds_one_of_its_keywords(rx: re.Pattern[str], data: st.DataObject) -> None:
    text = data.draw(st.from_regex(rx))
    for words in BOILERPLATE_LINE_KEYWORDS[rx.pattern]:
        assert any(k in ascii_fold(text) for k in words)
    assert is_boilerplate_line(text)


PIECES = st.sampled_from(
    [
        "join now", "JOIN NOW", "Sign up", "subscribe to our newsletter", " | SUBSCRIBE", " – Donate!", " - get it",
        "All rights reserved.", "© 2024", "Copyright", "cookie policy", "We use cookies", "accept all cookies",
        "Share", "share this", " | ", "Read more", "Related stories", "###", "-30-", "ends", "About the Authority",
        "Media contact", "Enter your email", "Photo: ", "Home > News", "Click here", "\u0130", "\u0131", "\u017f",
        "\u212a", "\n", " ", "“", "”", "—", "Reporting by", "advertisement", "This story was updated",
    ]
)  # fmt: skip
LINES = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=12).map("".join)


@MANY
@given(LINES)
def test_fast_line_verdict_is_the_search_verdict(text: str) -> None:
    assert is_boilerplate_line(text) == slow_line(text)
    assert _is_footer_start(text) == slow_footer(text)


@pytest.mark.parametrize("rx", [*BOILERPLATE_LINE_RES, *FOOTER_START_RES], ids=lambda r: r.pattern)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_rule_keeps_its_verdict(rx: re.Pattern[str], data: st.DataObject) -> None:
    text = data.draw(st.from_regex(rx))
    assert is_boilerplate_line(text) == slow_line(text)
    assert _is_footer_start(text) == slow_footer(text)


PAGE_RULES = [
    (SECTION_BREAK_RE, SECTION_BREAK_RES),
    (SKIP_LINE_RE, SKIP_LINE_RES),
    (BYLINE_RE, BYLINE_RES),
]


@pytest.mark.parametrize("rx", [*SECTION_BREAK_RES, *SKIP_LINE_RES, *BYLINE_RES], ids=lambda r: r.pattern[:40])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_page_unions_keep_every_rules_verdict(rx: re.Pattern[str], data: st.DataObject) -> None:
    text = data.draw(st.one_of(st.from_regex(rx), LINES))
    for union, rules in PAGE_RULES:
        assert (union.match(text) is not None) == any(r.match(text) for r in rules)


def test_match_union_refuses_groups_and_mixed_flags() -> None:
    with pytest.raises(ValueError):
        match_union([re.compile("(a)"), re.compile("b")])
    with pytest.raises(ValueError):
        match_union([re.compile("a", re.I), re.compile("b")])
