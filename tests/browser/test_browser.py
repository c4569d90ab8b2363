"""Real-browser checks: Debian's Chromium driven by Playwright against ``dateline serve``.

Playwright's own browser download does not work here, so the tests launch ``/usr/bin/chromium`` (``.ci/run``
installs it). Without that binary they are skipped, saying so.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO, write_tree
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


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Served]:
    shutil.copytree(REPO / "content", tmp_path / "content")
    write_tree(tmp_path, {"dateline.yaml": "title: Demo\npage_size: 10\n"})
    yield from start(tmp_path)


def test_navigate_article_tag_year_and_back(browser: object, demo: Served) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(demo.url)
    first_title = page.locator(".card h2 a").first.inner_text()
    page.click(".card h2 a >> nth=0")  # home → article
    assert page.locator("article h1").inner_text() == first_title
    tag = page.locator("article header .tags a").first
    tag_name = tag.inner_text()
    tag.click()  # article → tag
    assert tag_name in page.locator("h1").inner_text()
    page.click(".card h2 a >> nth=0")  # tag → article
    page.click(".crumbs a >> nth=2")  # article → year
    assert page.locator("h1").inner_text().startswith("Releases of 20")
    page.go_back()  # back to the article
    assert page.locator("article h1").count() == 1
    page.close()


def test_search_finds_the_seed_for_kosovo(browser: object, demo: Served) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(demo.url + "search/?q=Kosovo")
    page.wait_for_selector("#search-results li", timeout=15000)
    titles = page.locator("#search-results h2").all_inner_texts()
    assert any("Ban extols UN mission in Kosovo" in t for t in titles)
    page.select_option("#search-sort", "asc")
    page.wait_for_timeout(500)
    assert "Ban extols" in page.locator("#search-results h2").first.inner_text()  # the oldest release
    page.close()


def test_edit_shows_without_manual_reload_and_overlay_comes_and_goes(browser: object, demo: Served) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    url = demo.url + "2021/01/"
    page.goto(url)
    page.wait_for_timeout(300)
    article = next((demo.root / "content/2021").glob("2021-01-19-*.txt"))
    text = article.read_text("utf-8")
    lines = text.split("\n")
    title_index = next(
        i for i, line in enumerate(lines) if line.strip() and "JOIN" not in line and "Subscribe" not in line
    )
    lines[title_index] = "Freshly edited headline"
    article.write_text("\n".join(lines), "utf-8")
    page.wait_for_selector("text=Freshly edited headline", timeout=10000)
    templates = demo.root / "templates"
    templates.mkdir(exist_ok=True)
    (templates / "list.html").write_text(
        '{% extends "base.html" %}{% block main %}{{ page.missing_field }}{% endblock %}'
    )
    page.wait_for_selector("#dateline-error", timeout=10000)
    assert "list.html" in page.locator("#dateline-error").inner_text()
    page.reload()
    assert page.locator("#dateline-error").count() == 1  # survives a manual refresh
    (templates / "list.html").unlink()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and page.locator("#dateline-error").count():
        page.wait_for_timeout(200)
    assert page.locator("#dateline-error").count() == 0
    assert "Freshly edited headline" in page.content()
    page.close()
