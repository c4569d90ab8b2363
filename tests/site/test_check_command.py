"""``dateline check`` passes on a good site and names the page when a template links to a missing page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import SEED, write_tree
from dateline.check import check_links


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dateline", "check", *args], cwd=cwd, capture_output=True, text=True)


def test_check_passes_on_a_good_site(tmp_path: Path) -> None:
    write_tree(tmp_path, {"dateline.yaml": "title: T\nsearch: false\n", "content/seed.txt": SEED.read_text("utf-8")})
    result = run(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Checked ")


def test_check_names_the_page_with_a_broken_link(tmp_path: Path) -> None:
    broken = '{% extends "base.html" %}{% block main %}<a href="{{ site.home }}no-such-page/">x</a>{% endblock %}'
    write_tree(
        tmp_path,
        {
            "dateline.yaml": "title: T\nsearch: false\n",
            "content/seed.txt": SEED.read_text("utf-8"),
            "templates/tags.html": broken,
        },
    )
    result = run(tmp_path)
    assert result.returncode == 1
    assert "tags/index.html: broken link /no-such-page/" in result.stdout


def test_check_reports_missing_anchors_assets_and_duplicates(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "a/index.html": '<link rel="canonical" href="https://e.org/a/">'
            '<a href="/b/#nowhere">b</a><img src="/x.png">',
            "b/index.html": '<link rel="canonical" href="https://e.org/a/"><p id="here">b</p>',
        },
    )
    problems = [p.format() for p in check_links(tmp_path)]
    assert "a/index.html: missing anchor #nowhere in /b/#nowhere" in problems
    assert "a/index.html: missing asset /x.png" in problems
    assert "b/index.html: duplicate URL https://e.org/a/ (also a/index.html)" in problems
