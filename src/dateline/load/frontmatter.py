"""Split YAML front matter from a Markdown body and read it safely, with source line numbers.

The YAML is read with a loader that builds only strings, lists and mappings: ``title: yes`` stays the
text ``"yes"`` and ``date: 2024-01-05`` stays text until the date rules check it. Aliases, duplicate keys
and oversized blocks are refused, so an alias bomb or a ``!!python`` tag can do nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from ..errors import ContentError

MAX_FRONT_MATTER_BYTES = 2_000_000
_HANDLER = YAMLHandler()


class _StringLoader(yaml.SafeLoader):
    """A safe loader whose scalars are always strings (no bool, number, date or null coercion)."""


# Keep only the resolvers we need: none. Every plain scalar becomes a str.
_StringLoader.yaml_implicit_resolvers = {}


_CStringLoader: type[yaml.CSafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CStringLoaderImpl(yaml.CSafeLoader):
        """:class:`_StringLoader` on LibYAML's parser (the same resolvers and constructors)."""

    _CStringLoaderImpl.yaml_implicit_resolvers = {}
    _CStringLoader = _CStringLoaderImpl

_PLAIN_VALUE = r"(?!- )[^ \t&*!%@`|>\\?{}][^\t&*!%@`|>\\?{}]*"
PLAIN_FRONT_MATTER_LINE = re.compile(
    rf" {{0,8}}(?:#[^\\\\]*|(?:- )?(?:[A-Za-z_][A-Za-z0-9_-]{{0,40}}:(?: {_PLAIN_VALUE})?|{_PLAIN_VALUE})?)"
)
"""A front matter line LibYAML may read (used with ``fullmatch``): ``key: value``, ``- item`` or a comment,
indented at most 8 spaces, without YAML's anchors, aliases, tags, directives, block scalars, flow
mappings, complex keys, escapes (not even in a comment: it may be a quoted scalar's next line) or tabs.
Such blocks nest a few levels at most and both parsers read them alike, as
``tests/unit/test_frontmatter_fast.py`` checks."""
MAX_FLOW_OPENERS = 8
"""At most this many ``[`` in a block read by LibYAML (each may nest a flow sequence one level deeper)."""


def _fast_compose(block: str) -> yaml.Node | None:
    """The block composed by LibYAML, or None when it is not plainly simple or LibYAML refuses it.

    The pure-Python parser stays the reference: it reads every other block, and every block LibYAML
    refuses, so errors carry its messages and positions.
    """
    if _CStringLoader is None or block.count("[") > MAX_FLOW_OPENERS:
        return None
    if not all(line.isprintable() and PLAIN_FRONT_MATTER_LINE.fullmatch(line) for line in block.split("\n")):
        return None
    try:
        node: yaml.Node | None = yaml.compose(block, Loader=_CStringLoader)
    except yaml.YAMLError:
        return None
    return node


def _no_alias(loader: _StringLoader, node: yaml.Node) -> Any:  # pragma: no cover - defensive
    raise yaml.constructor.ConstructorError(None, None, "aliases are not allowed", node.start_mark)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Front matter values (strings, lists, mappings) with the source line of each top-level key."""

    values: dict[str, Any]
    lines: dict[str, int]
    body_line: int
    """1-based line where the body starts in the file."""


def split_front_matter(text: str, path: str) -> tuple[FrontMatter | None, str]:
    """Return the parsed front matter (or None when the file has none) and the body text."""
    if not _HANDLER.detect(text):
        return None, text
    lines = text.split("\n")
    close = next((i for i in range(1, len(lines)) if _HANDLER.FM_BOUNDARY.match(lines[i])), None)
    if close is None:
        raise ContentError("front matter opened at line 1 is not closed", path, 1, 1, "front-matter-open")
    block = "\n".join(lines[1:close])
    if len(block.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise ContentError("front matter is too large", path, 1, 1, "front-matter-size")
    values, key_lines = _parse(block, path, line_offset=1)
    body = "\n".join(lines[close + 1 :])
    return FrontMatter(values, key_lines, close + 2), body


def _parse(block: str, path: str, line_offset: int) -> tuple[dict[str, Any], dict[str, int]]:
    node = _fast_compose(block)
    if node is None:
        try:
            node = yaml.compose(block, Loader=_StringLoader)
        except yaml.MarkedYAMLError as exc:
            raise _yaml_error(exc, path, line_offset, block) from exc
    if node is None:
        return {}, {}
    if not isinstance(node, yaml.MappingNode):
        raise ContentError("front matter must be a mapping", path, line_offset + 1, 1, "front-matter-type")
    _check_aliases(node, path, line_offset)
    seen: dict[str, int] = {}
    for key_node, _ in node.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + line_offset + 1
        if key in seen:
            raise ContentError(f"duplicate key '{key}' (lines {seen[key]} and {line})", path, line, 1, "duplicate-key")
        seen[key] = line
    loader = _StringLoader("")
    try:
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, path, line_offset, block) from exc
    finally:
        loader.dispose()
    return {str(k): v for k, v in data.items()}, seen


def _check_aliases(root: yaml.Node, path: str, line_offset: int) -> None:
    stack: list[yaml.Node] = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            # The composer shares a node object between an anchor and its aliases.
            line = node.start_mark.line + line_offset + 1
            raise ContentError("YAML aliases are not allowed in front matter", path, line, 1, "yaml-alias")
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack.extend((k, v))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _yaml_error(exc: yaml.MarkedYAMLError, path: str, line_offset: int, block: str) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + line_offset + 1) if mark is not None else line_offset + 1
    column = (mark.column + 1) if mark is not None else 1
    problem = exc.problem or exc.context or "invalid YAML"
    hint = ""
    if ("\t" in block and "tab" in str(problem).lower()) or "found character '\\t'" in str(exc):
        hint = " (YAML forbids tabs for indentation)"
    return ContentError(f"front matter: {problem}{hint}", path, line, column, "yaml")
