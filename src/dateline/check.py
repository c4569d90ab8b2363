"""Check a built site: every internal link, anchor and asset resolves to a file in the output.

Used by ``dateline check`` and by the tests. Reads files only; writes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True, slots=True)
class LinkProblem:
    """One broken reference, reported as ``page: problem``."""

    page: str
    problem: str

    def format(self) -> str:
        """The one-line form."""
        return f"{self.page}: {self.problem}"


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href") or ""
            return
        if tag == "link" and values.get("rel") == "alternate":
            return  # feeds are absolute URLs checked by the feed tests
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("name"):
            self.ids.add(str(values["name"]))
        for attr in ("href", "src"):
            value = values.get(attr)
            if value is not None and not (tag == "a" and attr == "src"):
                self.refs.append((attr, value))


def _target(output: Path, base_path: str, page_dir: str, url: str) -> tuple[Path, str] | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # external: out of scope
    path = unquote(parts.path)
    if not path:
        rel = page_dir
    elif path.startswith("/"):
        if not path.startswith(base_path):
            return (output / "__outside_base__" / path.lstrip("/")), parts.fragment
        rel = path[len(base_path) :]
    else:
        rel = (Path(page_dir) / path).as_posix() if page_dir else path
    target = output / rel
    if not path or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def check_links(output: Path, base_path: str = "/") -> list[LinkProblem]:
    """Every broken internal link or anchor in the ``.html`` files under ``output``."""
    output = output.resolve()
    pages = sorted(output.rglob("*.html"))
    parsed: dict[Path, _Refs] = {}
    for page in pages:
        refs = _Refs()
        refs.feed(page.read_text(encoding="utf-8"))
        parsed[page] = refs
    problems: list[LinkProblem] = []
    missing: dict[str, list[str]] = defaultdict(list)
    for page, refs in parsed.items():
        rel_page = page.relative_to(output).as_posix()
        page_dir = str(Path(rel_page).parent) if "/" in rel_page else ""
        for _attr, url in refs.refs:
            if url.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            found = _target(output, base_path, page_dir, url)
            if found is None:
                continue
            target, fragment = found
            target = target.resolve()
            if not target.is_relative_to(output) or not target.is_file():
                missing[rel_page].append(url)
                continue
            if fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else set()
                if fragment not in ids:
                    problems.append(LinkProblem(rel_page, f"missing anchor #{fragment} in {url}"))
    for page_rel, urls in missing.items():
        for url in sorted(set(urls)):
            kind = "missing asset" if _is_asset(url) else "broken link"
            problems.append(LinkProblem(page_rel, f"{kind} {url}"))
    problems += _duplicates(output, parsed)
    return sorted(problems, key=lambda p: (p.page, p.problem))


def _is_asset(url: str) -> bool:
    path = urlsplit(url).path
    return path.rsplit(".", 1)[-1].lower() in {"css", "js", "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "woff2"}


def _duplicates(output: Path, parsed: dict[Path, _Refs]) -> list[LinkProblem]:
    """Pages that claim one canonical URL, and paths that differ only by case (one file on macOS/Windows)."""
    problems = []
    by_canonical: dict[str, list[str]] = defaultdict(list)
    for page, refs in parsed.items():
        if refs.canonical:
            by_canonical[refs.canonical].append(page.relative_to(output).as_posix())
    for url, dups in by_canonical.items():
        for dup in sorted(dups)[1:]:
            problems.append(LinkProblem(dup, f"duplicate URL {url} (also {sorted(dups)[0]})"))
    by_folded: dict[str, list[str]] = defaultdict(list)
    for path in output.rglob("*"):
        by_folded[path.relative_to(output).as_posix().casefold()].append(path.relative_to(output).as_posix())
    for paths in by_folded.values():
        if len(paths) > 1:
            paths.sort()
            problems.append(LinkProblem(paths[1], f"duplicate URL differing only by case from {paths[0]}"))
    return problems
