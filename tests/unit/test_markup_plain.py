"""The plain-prose fast path renders exactly what Python-Markdown and the sanitiser render."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dateline.extract.markup import html_paragraphs, render_markdown, render_markdown_paragraphs, render_with_engine
from dateline.extract.markup_plain import PLAIN_OPENERS, PLAIN_PUNCTUATION, plain_blocks, plain_html, plain_paragraphs

MANY = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Everything a plain line may hold, the characters Markdown and HTML treat specially, and whitespace of
# every kind, so that generated bodies fall on both sides of the plain test.
EDGE = "*_`[]<>&#|\\{}~=+^\t\u00a0\u2028\u0085\x0b\x0c\r \n"
ALPHABET = string.ascii_letters + string.digits + PLAIN_PUNCTUATION + PLAIN_OPENERS + "éßİıſKΩж٣½²" + EDGE
PIECES = st.sampled_from(
    [
        "\n", "\n\n", "\n\n\n", "  \n", " ", "1. ", "2) ", "12.", "- ", "* ", "+ ", "> ", "# ", "---", "===", ": ",
        "    ", "Term\n: def", "*[UN]: United Nations", "[^1]", "{: .x}", "<b>", "&amp;", "a | b", "```", "~~~",
        "“Quote,” she said.", "Ms. Lin", "U.N.", "Ki-moon", "2024", "٣. ", "...", "--", "...\n", "http://x.org",
    ]
)  # fmt: skip
BODIES = st.lists(st.one_of(PIECES, st.text(ALPHABET, max_size=10)), max_size=30).map("".join)
PROSE = st.lists(
    st.lists(
        st.text(string.ascii_letters + string.digits + PLAIN_PUNCTUATION + "“‘", min_size=1, max_size=60),
        min_size=1,
        max_size=3,
    ).map("\n".join),
    min_size=1,
    max_size=6,
).map("\n\n".join)


def engine(text: str) -> str:
    return render_with_engine(text)


@MANY
@given(BODIES)
@example("Plain words.\n\nMore words, “quoted” – and (so on).")
@example("\n\nOne line\nand its continuation\n\n\n")
@example("1. Not plain")
@example("Line ending with two spaces  \nnext")
def test_plain_bodies_render_as_the_engine_renders(text: str) -> None:
    blocks = plain_blocks(text)
    if blocks is not None:
        assert plain_html(blocks) == engine(text)
        assert plain_paragraphs(blocks) == html_paragraphs(engine(text))


@MANY
@given(PROSE)
def test_prose_bodies_render_as_the_engine_renders(text: str) -> None:
    blocks = plain_blocks(text)
    if blocks is not None:
        assert plain_html(blocks) == engine(text)
        assert plain_paragraphs(blocks) == html_paragraphs(engine(text))


@pytest.mark.parametrize("ch", sorted(set(EDGE) - {" ", "\n"}))
def test_a_special_character_is_not_plain(ch: str) -> None:
    assert plain_blocks(f"Some words {ch} more words.") is None


def test_render_markdown_takes_the_fast_path_for_prose_only() -> None:
    prose = "The council said on Monday.\n\n“We will act,” Ms. Lin said."
    assert plain_blocks(prose) == ["The council said on Monday.", "“We will act,” Ms. Lin said."]
    assert render_markdown(prose) == engine(prose)
    assert plain_blocks("Some **bold** words.") is None
    assert render_markdown("Some **bold** words.") == engine("Some **bold** words.")
    for body in (prose, "Some **bold** words.", "A  list:\n\n1. one\n2. two"):
        rendered = engine(body)
        assert render_markdown_paragraphs(body) == (rendered, html_paragraphs(rendered))
