"""Markdown bodies: render to sanitised HTML, and read the rendered HTML back as plain paragraphs.

Raw HTML in Markdown is allowed by the Markdown syntax, so the rendered HTML goes through ``nh3`` (the
Ammonia sanitiser) with an allow-list of tags and URL schemes: scripts, event handlers and
``javascript:``/``data:`` links cannot survive, however they are spelled.
"""

from __future__ import annotations

import html
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser

from .markup_plain import plain_blocks, plain_html, plain_paragraphs

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "sub", "sup",
        "blockquote", "q", "cite", "code", "pre", "ul", "ol", "li", "dl", "dt", "dd", "a", "abbr",
        "table", "thead", "tbody", "tr", "th", "td", "caption", "figure", "figcaption", "img", "small",
    }
)  # fmt: skip
"""Tags a Markdown body may produce."""
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
BLOCK_TAGS: frozenset[str] = frozenset(
    {"p", "li", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "pre", "td", "th", "caption"}
)


MAX_UNBALANCED_BRACKETS = 1000
"""Python-Markdown's link parser slows quadratically on unmatched ``[`` (4,000 take 3 s); refuse more."""
MAX_INDENT = 120
"""Leading spaces of one line; deeper list nesting makes Python-Markdown recurse past Python's limit."""
MAX_QUOTE_DEPTH = 40
RENDER_BUDGET_SECONDS = 2.0
"""Wall time one Markdown body may take (enforced with a timer signal when rendering in the main thread)."""


class MarkdownTooComplex(Exception):
    """A body exceeds the limits a press release never needs; carries the 1-based line in the body."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def check_limits(text: str) -> None:
    """Refuse input shapes known to make the Markdown parser slow or recurse without end."""
    if text.count("[") - text.count("]") > MAX_UNBALANCED_BRACKETS:
        first = text[: text.index("[")].count("\n") + 1
        raise MarkdownTooComplex(f"more than {MAX_UNBALANCED_BRACKETS} unmatched '[' in the body", first)
    for n, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        if indent > MAX_INDENT:
            raise MarkdownTooComplex(
                f"line indented {indent} characters (lists nested too deeply; limit {MAX_INDENT})", n
            )
        stripped = line.lstrip()
        if stripped.startswith(">") and len(stripped) - len(stripped.lstrip("> ")) > MAX_QUOTE_DEPTH * 2:
            raise MarkdownTooComplex(f"block quotes nested more than {MAX_QUOTE_DEPTH} deep", n)


@contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Raise TimeoutError after ``seconds`` of wall time; a no-op outside the main thread."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(_signum: int, _frame: object) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML. ``h1`` is demoted: the page's only ``h1`` is the article title.

    Raises :class:`MarkdownTooComplex` for pathological input, within ``RENDER_BUDGET_SECONDS``.
    """
    check_limits(text)
    blocks = plain_blocks(text)
    if blocks is not None:
        return plain_html(blocks)  # the same HTML as the engine's, in a fraction of the time
    return render_with_engine(text)


def render_markdown_paragraphs(text: str) -> tuple[str, list[str]]:
    """:func:`render_markdown`, and :func:`html_paragraphs` of what it renders."""
    check_limits(text)
    blocks = plain_blocks(text)
    if blocks is not None:
        return plain_html(blocks), plain_paragraphs(blocks)
    rendered = render_with_engine(text)
    return rendered, html_paragraphs(rendered)


def render_with_engine(text: str) -> str:
    """:func:`render_markdown` by Python-Markdown and the sanitiser, whatever the body holds."""
    import markdown  # imported on first use: plain-text releases and plain prose bodies never need it

    try:
        with _budget(RENDER_BUDGET_SECONDS):
            raw = markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    except TimeoutError:
        raise MarkdownTooComplex(f"Markdown took longer than {RENDER_BUDGET_SECONDS:g} s to render", 1) from None
    except RecursionError:
        raise MarkdownTooComplex("Markdown nested too deeply to render", 1) from None
    raw = raw.replace("<h1", "<h2").replace("</h1>", "</h2>")
    return sanitise(raw)


def sanitise(fragment: str) -> str:
    """Clean an HTML fragment through the allow-list."""
    import nh3  # imported on first use, like Markdown

    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
    )


def paragraphs_html(paragraphs: tuple[str, ...]) -> str:
    """Plain-text paragraphs as escaped ``<p>`` elements."""
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


class _BlockText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._depth = 0
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            if self._depth and self._buf:
                self._flush()
            self._depth += 1
        elif tag == "br":
            self._buf.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS and self._depth:
            self._flush()
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self._buf.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        if text:
            self.blocks.append(text)
        self._buf = []


def html_paragraphs(fragment: str) -> list[str]:
    """The text of each block element of ``fragment``, whitespace collapsed."""
    parser = _BlockText()
    parser.feed(fragment)
    parser.close()
    return parser.blocks
