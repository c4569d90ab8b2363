"""Front matter read by LibYAML (``_fast_compose``) is exactly what the pure-Python parser reads."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dateline.errors import ContentError
from dateline.load import frontmatter
from dateline.load.frontmatter import _fast_compose, _parse, _StringLoader

MANY = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
needs_libyaml = pytest.mark.skipif(frontmatter._CStringLoader is None, reason="PyYAML without LibYAML")


def shape(node: Any) -> Any:
    """A node tree as plain data: kind, tag, value and start line of every node."""
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style or None, node.start_mark.line)  # LibYAML says "" for plain
    if isinstance(node, yaml.SequenceNode):
        return ("seq", node.tag, node.start_mark.line, [shape(n) for n in node.value])
    if isinstance(node, yaml.MappingNode):
        return ("map", node.tag, node.start_mark.line, [(shape(k), shape(v)) for k, v in node.value])
    return node


def pure(block: str) -> Any:
    try:
        return shape(yaml.compose(block, Loader=_StringLoader))
    except yaml.YAMLError as exc:
        return type(exc)


def outcome(block: str, use_fast: bool) -> Any:
    saved = frontmatter._fast_compose
    try:
        if not use_fast:
            frontmatter._fast_compose = lambda _block: None  # type: ignore[assignment]
        return _parse(block, "x.md", 1)
    except ContentError as exc:
        return exc.diagnostic().format()
    except yaml.YAMLError as exc:  # a ReaderError (a control character) is not turned into a ContentError
        return f"{type(exc).__name__}: {exc}"
    finally:
        frontmatter._fast_compose = saved


KEYS = st.sampled_from(["title", "date", "tags", "summary", "author", "draft", "x_1", "place", "Title", "a-b"])
SCALARS = st.sampled_from(
    [
        "Plain title", '"Double quoted"', "'Single quoted'", "'It''s'", '"unterminated', "2024-01-05",
        "2024-01-05T10:00:00+02:00", "yes", "no", "null", "~", "", "Erdoğan visits Şanlıurfa", "“Curly” – dash",
        "a: b", "a:b", "x # comment", "#not", "[a, b, c]", "[a, [b]]", "[]", "[a,", "- a", "-a", "1.5", "0x1F",
        "'multi", "line'", '"a\\"', "value   ", "]", ",", "a, b", "[a: b]", "[a:b]", "[,]", "'", '"', "--", "...", '"esc \\x41 \\/ \\N"', "Q&A", "50%", "Why?",
    ]
)  # fmt: skip
INDENTS = st.sampled_from(["", "", "", " ", "  ", "    ", "        ", "         "])


@st.composite
def lines(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["key", "key", "item", "item-key", "bare", "comment", "blank", "text"]))
    indent = draw(INDENTS)
    if kind == "key":
        value = draw(SCALARS)
        return f"{indent}{draw(KEYS)}:{' ' + value if value else ''}"
    if kind == "item":
        return f"{indent}- {draw(SCALARS)}"
    if kind == "item-key":
        return f"{indent}- {draw(KEYS)}: {draw(SCALARS)}"
    if kind == "bare":
        return f"{indent}{draw(KEYS)}:"
    if kind == "comment":
        return f"{indent}# {draw(SCALARS)}"
    if kind == "blank":
        return indent
    return indent + draw(st.text(max_size=12))


BLOCKS = st.lists(lines(), min_size=1, max_size=8).map("\n".join)


@needs_libyaml
@MANY
@given(BLOCKS)
@example('title: "A title"\ndate: 2015-09-28\ntags: [health-prices, energy-safety]')
@example("tags:\n  - a\n  - b\ndraft: no")
@example("title: a\ntitle: b")
@example("title: [a, [b, [c]]]")
@example("a: b: c")
def test_libyaml_reads_what_the_pure_parser_reads(block: str) -> None:
    node = _fast_compose(block)
    if node is not None:
        assert shape(node) == pure(block)
    assert outcome(block, use_fast=True) == outcome(block, use_fast=False)


@needs_libyaml
def test_only_plain_blocks_go_to_libyaml() -> None:
    assert _fast_compose("title: A\ntags: [a, b]") is not None
    for block in ("title: &a x\nb: *a", "title: !!python/object x", "s: |\n  a", "x: {a: 1}", "\ttitle: x",
                  "t: a\\b", "? k\n: v", "%YAML 1.1\n---\nx: y", "x: [[[[[[[[[a]]]]]]]]]", "- - - a",
                  "          deep: indent", "t: bad\x85break", "t: nbsp\u00a0"):  # fmt: skip
        assert _fast_compose(block) is None, block
