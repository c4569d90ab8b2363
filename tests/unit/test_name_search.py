"""``find_names`` gives exactly the matches of the regex it replaces in mention counting."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract.name_search import find_names, find_names_by_paragraph, is_word_char

MANY = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def by_regex(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in names) + r")(?![\w])")
    return [(m.start(), m.end(), m.group(0)) for m in rx.finditer(text)]


def test_is_word_char_is_regex_word_class_for_every_code_point() -> None:
    word = re.compile(r"\w")
    assert all((word.match(chr(c)) is not None) == is_word_char(chr(c)) for c in range(sys.maxunicode + 1))


def test_longest_name_first_and_no_overlap() -> None:
    text = "Ban Ki-moon met Ban; Ki-moon-led talks, the UN (UN) and UNMIK_x and Ban2 and Ban."
    names = ["Ban Ki-moon", "Ki-moon", "Ban", "UN"]
    assert find_names(text, names) == by_regex(text, names)
    assert [n for _, _, n in find_names(text, names)] == ["Ban Ki-moon", "Ban", "Ki-moon", "UN", "UN", "Ban"]


def test_empty_name_is_refused() -> None:
    with pytest.raises(ValueError):
        find_names("a", ["a", ""])


WORDS = st.sampled_from(["Ban", "Ki-moon", "Ban Ki", "UN", "U.N.", "Lin", "Ada Lin", "Ada", "Åse", "ß", "x"])
SEPARATORS = st.sampled_from([" ", "-", "_", "(", ") ", ", or ", ".", "’s ", "2", "é", "\u00a0", "Ⅻ", "¹", ""])
TEXTS = st.lists(st.one_of(WORDS, SEPARATORS), max_size=25).map("".join)
NAMES = st.lists(st.one_of(WORDS, st.text(min_size=1, max_size=4)), min_size=1, max_size=6, unique=True)


@MANY
@given(TEXTS, NAMES)
def test_same_matches_as_the_regex(text: str, names: list[str]) -> None:
    names = sorted(names, key=len, reverse=True)
    assert find_names(text, names) == by_regex(text, names)


@MANY
@given(st.lists(st.one_of(TEXTS, st.just(""), st.just("a\nBan")), max_size=5), NAMES)
def test_by_paragraph_is_each_paragraph_alone(paragraphs: list[str], names: list[str]) -> None:
    names = sorted(names, key=len, reverse=True)
    found = find_names_by_paragraph(tuple(paragraphs), names)
    for p, text in enumerate(paragraphs):
        assert found.get(p, []) == find_names(text, names)
