"""Property tests (Hypothesis): any bytes give an Article or a clear ContentError; any Article renders;
slugs are idempotent, ASCII and path-safe. About 10,000 examples per run across the suite."""

from __future__ import annotations

import string
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import ContentError
from dateline.extract import extract_text
from dateline.extract.article import make_article
from dateline.load.raw import parse_document
from dateline.slug import slugify

UTC = ZoneInfo("UTC")
FAST = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like press releases: capitals, quotes, dashes, digits, blank lines, front matter pieces.
PIECES = st.sampled_from(
    ["\n", "\n\n", "“", "”", '"', " said ", " – ", " -- ", "Mr. ", "GENEVA, ", "5 October 2009", "(Reuters)",
     "---\n", "title: ", "date: 2024-01-01\n", "Tags: a, b", "UN", "Ban Ki-moon", "[", "]", "(", ")", "*", "#", "> "]
)  # fmt: skip
PRESSY = st.lists(st.one_of(PIECES, st.text(string.ascii_letters + " .,'", max_size=12)), max_size=40).map("".join)


def load(data: bytes, name: str) -> None:
    try:
        article = make_article(parse_document(data, name, "md" if name.endswith(".md") else "txt"), UTC)
    except ContentError as exc:
        assert exc.path == name and exc.message
        return
    assert article.title and article.slug and article.paragraphs


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_give_an_article_or_a_clear_error(data: bytes) -> None:
    load(data, "fuzz.txt")
    load(data, "fuzz.md")


@FAST
@given(PRESSY)
def test_press_like_text_gives_an_article_or_a_clear_error(text: str) -> None:
    load(text.encode("utf-8"), "fuzz.txt")
    load(text.encode("utf-8"), "fuzz.md")


@settings(max_examples=2500, deadline=None)
@given(PRESSY)
def test_extraction_is_consistent(text: str) -> None:
    ex = extract_text(text, "p.txt")
    for q in ex.quotes:
        assert 0 <= q.paragraph < len(ex.paragraphs)
    for e in ex.entities:
        assert e.name and e.mentions >= 0


@settings(max_examples=1500, deadline=None)
@given(st.text(max_size=80))
def test_slugs_are_safe_and_idempotent(text: str) -> None:
    slug = slugify(text)
    assert slug == slugify(slug)
    assert slug.isascii() and "/" not in slug and ".." not in slug and "\x00" not in slug
    assert len(slug.encode()) <= 200
