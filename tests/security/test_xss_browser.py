"""Matrix S01–S03 in a real browser: a site full of XSS payloads, built, served and opened page by page in Chromium.

Every payload in :mod:`hostile` carries a unique marker (``window.__xss_n``, ``console.log(`XSS-n`)``,
``alert(n)``). Each built HTML page, each XML feed and sitemap, and the search page with hostile queries is
loaded in headless Debian Chromium from ``dateline serve``; the test fails on any dialog, any console message containing ``XSS``, any ``__xss_*``
global, and any markup that would run script on a click or a hover (event-handler attributes, script URLs,
frames, foreign scripts), since a payload that waits for the reader is still a payload.
"""

from __future__ import annotations

import shutil
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hostile import PAYLOADS, hostile_files, marker_re, search_queries

from conftest import write_tree
from dateline.build import build
from dateline.config import load_config
from serving import Served, start

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SETTLE_MS = 60
"""Time after ``load`` for handlers that fire late (``ontoggle``, ``autofocus``+``onfocus``, meta refresh)."""

# Runs in each page: everything in the DOM that would run script now or on a click, hover or focus.
AUDIT_JS = """() => {
  const SAFE = new Set(["http:", "https:", "mailto:"]);
  const URL_ATTRS = new Set(["href", "src", "action", "formaction", "data", "poster", "background", "cite",
    "codebase", "longdesc", "lowsrc", "dynsrc", "ping", "xlink:href", "manifest", "icon"]);
  const FORBIDDEN = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"]);
  const bad = [];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.localName;
    if (FORBIDDEN.has(tag)) bad.push(`<${tag}>`);
    if (tag === "meta" && el.httpEquiv) bad.push(`<meta http-equiv=${el.httpEquiv}>`);
    if (tag === "script") {
      const ok = el.type === "application/ld+json"
        || (el.type === "module" && /\\/static\\/search\\.js$/.test(el.getAttribute("src") || ""))
        || (!el.src && el.textContent.includes("/__dateline/poll"));  // the dev server's reload script
      if (!ok) bad.push(`<script> ${el.outerHTML.slice(0, 120)}`);
    }
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith("on")) bad.push(`<${tag} ${name}=${a.value.slice(0, 60)}>`);
      if (name === "srcdoc") bad.push(`<${tag} srcdoc>`);
      if (URL_ATTRS.has(name) || name.endsWith(":href")) {
        let proto;
        try { proto = new URL(a.value, document.baseURI).protocol; } catch (e) { continue; }
        if (!SAFE.has(proto)) bad.push(`<${tag} ${name}=${a.value.slice(0, 60)}> (${proto})`);
      }
    }
  }
  const globals = Object.keys(window).filter((k) => k.startsWith("__xss"));
  return {bad, globals};
}"""


@dataclass
class Findings:
    """What the browser saw, page by page."""

    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    globals: list[str] = field(default_factory=list)
    markup: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    visited: int = 0

    def problems(self) -> list[str]:
        return self.dialogs + self.console + self.globals + self.markup + self.status


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Served]]:
    """The hostile site built into ``public/`` (to list its pages) and served by ``dateline serve``."""
    root = tmp_path_factory.mktemp("xss")
    write_tree(root, {"dateline.yaml": "title: Hostile archive\n", **hostile_files()})
    config, _ = load_config(root / "dateline.yaml")
    report = build(config)
    assert report.articles == len([f for f in hostile_files() if f.startswith("content/")])
    for served in start(root):
        yield config.output_path, served


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield b
        b.close()


class Watch:
    """One browser tab that records dialogs, ``XSS`` console lines, ``__xss`` globals and dangerous markup."""

    def __init__(self, browser: object) -> None:
        self.found = Findings()
        self.page = browser.new_page()  # type: ignore[attr-defined]
        self.current = ""
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)

    def _dialog(self, dialog: object) -> None:
        self.found.dialogs.append(f"{self.current}: {dialog.type} {dialog.message!r}")  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    def _console(self, message: object) -> None:
        text = message.text  # type: ignore[attr-defined]
        if "XSS" in text:
            self.found.console.append(f"{self.current}: console {text!r}")

    def visit(self, url: str, wait_for: str | None = None) -> None:
        self.current = url
        response = self.page.goto(url, wait_until="load")
        if response is None or response.status != 200:
            self.found.status.append(f"{url}: HTTP {response.status if response else 'none'}")
            return
        if wait_for:
            self.page.wait_for_selector(wait_for, timeout=15000)
        self.audit()

    def audit(self) -> None:
        self.page.wait_for_timeout(SETTLE_MS)
        result = self.page.evaluate(AUDIT_JS)
        self.found.globals += [f"{self.current}: window.{g}" for g in result["globals"]]
        self.found.markup += [f"{self.current}: {b}" for b in result["bad"]]
        self.found.visited += 1


def _pages(out: Path, pattern: str = "*.html") -> list[str]:
    """Every built file matching ``pattern``, as a path relative to the site root (``index.html`` kept)."""
    return sorted(p.relative_to(out).as_posix() for p in out.rglob(pattern))


def test_payloads_cover_every_placement() -> None:
    placements = {p.placement.split(".")[0] for p in PAYLOADS}
    fields = {p.placement for p in PAYLOADS}
    assert len(PAYLOADS) >= 40
    assert placements == {"md", "txt", "filename", "search"}
    assert {"md.title", "md.summary", "md.tags", "md.place", "md.body"} <= fields
    assert {"txt.headline", "txt.body", "txt.speaker", "txt.entity", "txt.tags"} <= fields
    assert len({p.text for p in PAYLOADS}) == len(PAYLOADS)


def test_shown_payloads_reach_the_pages_as_text(hostile_site: tuple[Path, Served]) -> None:
    """Guards the browser test against passing vacuously: hostile titles, tags, places… are really on pages."""
    out, _ = hostile_site
    text = "\n".join(p.read_text("utf-8") for p in out.rglob("*.html"))
    missing = [(p.n, p.placement) for p in PAYLOADS if p.shown and not marker_re(p.n).search(text)]
    assert missing == []


def test_no_payload_runs_in_chromium(hostile_site: tuple[Path, Served], browser: object) -> None:
    out, served = hostile_site
    pages = _pages(out)
    assert len(pages) > 50 and "index.html" in pages and "search/index.html" in pages
    started = time.monotonic()
    watch = Watch(browser)
    feeds = _pages(out, "*.xml")  # an XML feed with live XHTML script would run in the browser too
    assert "feed.xml" in feeds and "rss.xml" in feeds
    for rel in pages + feeds:
        watch.visit(served.url + rel.removesuffix("index.html"))
    for query in search_queries():
        # "harbour" finds the hostile releases, so their titles and excerpts are drawn from the index.
        wait_for = "#search-results li" if query == "harbour" else None
        watch.visit(served.url + "search/?q=" + urllib.parse.quote(query), wait_for)
    watch.page.close()
    assert watch.found.problems() == []
    assert watch.found.visited == len(pages) + len(feeds) + len(search_queries())
    assert time.monotonic() - started < 90


def test_the_watch_sees_a_payload_that_runs(browser: object) -> None:
    """The detectors themselves work: a page where payloads do run is caught by each of them."""
    watch = Watch(browser)
    watch.current = "canary"
    watch.page.set_content(
        '<p>canary</p><img src=x onerror="window.__xss_901=1"><script>console.log(`XSS-902`)</script>'
        '<details open ontoggle="alert(903)"><summary>s</summary></details><a href="java&#x09;script:alert(904)">a</a>'
        '<iframe srcdoc="x"></iframe>'
    )
    watch.audit()
    watch.page.close()
    found = watch.found
    assert found.globals == ["canary: window.__xss_901"]
    assert found.console == ["canary: console 'XSS-902'"]
    assert found.dialogs == ["canary: alert '903'"]
    assert any("onerror" in m for m in found.markup) and any("ontoggle" in m for m in found.markup)
    assert any("javascript:" in m for m in found.markup) and any("<iframe>" in m for m in found.markup)
    assert any("<script>" in m for m in found.markup)
