"""Whole-site builds from inline file trees in a temporary folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED, SiteMaker
from dateline.build import BuildFailed
from dateline.check import check_links
from dateline.errors import CollisionError

RELEASE = """Acme opens {what}

GENEVA, {day} March 2022 – Acme Corp. opened a {what} on Monday.

“This is a good day,” said Jane Doe, the chief executive.

Tags: {tags}
"""


def release(what: str, day: int, tags: str = "energy, trade") -> str:
    return RELEASE.format(what=what, day=day, tags=tags)


MD = """---
title: "A markdown note"
date: 2021-06-01
tags: [energy, notes]
place: Oslo
---

The board met in **Oslo**. “We are ready,” Ms. Berg said.
"""


def test_build_writes_every_page_kind(make_site: SiteMaker) -> None:
    out, report = make_site(
        {
            "content/a.txt": release("plant", 1),
            "content/b.txt": release("office", 2, "trade"),
            "content/2021/2021-06-01-note.md": MD,
            "content/2009/seed.txt": SEED.read_text("utf-8"),
        }
    )
    assert report.articles == 4
    for rel in [
        "index.html",
        "2022/03/acme-opens-plant/index.html",
        "2022/03/acme-opens-office/index.html",
        "2021/06/a-markdown-note/index.html",
        "2009/10/ban-extols-un-mission-in-kosovo-for-spurring-dialogue-and-cooperation/index.html",
        "tags/index.html",
        "tags/energy/index.html",
        "tags/trade/index.html",
        "2022/index.html",
        "2022/03/index.html",
        "2021/06/index.html",
        "archive/index.html",
        "404.html",
        "static/style.css",
    ]:
        assert (out / rel).is_file(), rel
    assert check_links(out) == []
    tag_index = (out / "tags/index.html").read_text("utf-8")
    assert "energy" in tag_index and ">2<" in tag_index  # energy: plant + note


def test_seed_page_shows_title_date_quotes_and_entities(make_site: SiteMaker) -> None:
    out, _ = make_site({"content/2009/seed.txt": SEED.read_text("utf-8")})
    page = next(out.glob("2009/10/*/index.html")).read_text("utf-8")
    assert "Ban extols UN mission in Kosovo" in page
    assert "5 October 2009" in page
    assert page.count('class="speaker" href="/quotes/ban-ki-moon/">Ban Ki-moon</a>') == 3
    for name in ("UN Interim Administration Mission in Kosovo", "North Atlantic Treaty Organization", "Kosovo"):
        assert name in page
    assert "JOIN NOW" not in page and "Join the mailing list" not in page


def test_pagination_is_stable_and_neighbours_link(make_site: SiteMaker) -> None:
    files = {f"content/r{i}.txt": release(f"site {i}", i) for i in range(1, 8)}
    out, _ = make_site(files, config="title: T\npage_size: 3\n")
    # 7 articles, 3 a page: the home page shows the newest 4, page/1/ the oldest 3 (counted from the oldest).
    assert (out / "page/1/index.html").is_file()
    assert not (out / "page/2").exists()
    home = (out / "index.html").read_text("utf-8")
    assert 'rel="next" href="/page/1/"' in home
    assert home.count('class="card"') == 4
    oldest = (out / "page/1/index.html").read_text("utf-8")
    assert all(f"acme-opens-site-{i}/" in oldest for i in (1, 2, 3))
    newest = (out / "2022/03/acme-opens-site-7/index.html").read_text("utf-8")
    assert 'href="/2022/03/acme-opens-site-6/"' in newest
    assert check_links(out) == []


def test_a_new_article_keeps_older_pager_pages(make_site: SiteMaker) -> None:
    files = {f"content/r{i}.txt": release(f"site {i}", i) for i in range(1, 10)}
    out, _ = make_site(files, config="title: T\npage_size: 3\n")
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in (out / "page").rglob("index.html")}
    assert before
    files["content/r10.txt"] = release("site 10", 10)
    out, _ = make_site(files, config="title: T\npage_size: 3\n")
    for rel, data in before.items():
        page = (out / rel).read_text("utf-8")
        old = data.decode("utf-8")
        assert [line for line in page.splitlines() if "<h2><a" in line] == [
            line for line in old.splitlines() if "<h2><a" in line
        ], rel


def test_sub_path_base_url(make_site: SiteMaker) -> None:
    out, _ = make_site(
        {"content/a.txt": release("plant", 1)}, config="title: T\nbase_url: https://example.org/archive/\n"
    )
    home = (out / "index.html").read_text("utf-8")
    assert 'href="/archive/2022/03/acme-opens-plant/"' in home
    assert 'href="/archive/static/style.css"' in home
    assert check_links(out, "/archive/") == []


def test_two_articles_with_one_url_is_an_error_naming_both(make_site: SiteMaker) -> None:
    with pytest.raises(CollisionError) as err:
        make_site({"content/a.txt": release("plant", 1), "content/b.txt": release("plant", 1)})
    assert "a.txt" in str(err.value) and "b.txt" in str(err.value)


def test_drafts_are_skipped_unless_asked(make_site: SiteMaker) -> None:
    draft = MD.replace("place: Oslo", "draft: true")
    out, report = make_site({"content/2021-06-01-note.md": draft, "content/a.txt": release("plant", 1)})
    assert report.articles == 1 and report.drafts_skipped == 1
    assert not (out / "2021").exists()


def test_bad_file_fails_build_and_keeps_old_output(make_site: SiteMaker, tmp_path: Path) -> None:
    out, _ = make_site({"content/a.txt": release("plant", 1)})
    before = (out / "index.html").read_bytes()
    with pytest.raises(BuildFailed) as err:
        make_site({"content/bad.md": "---\ntitle: [unclosed\n---\nBody\n"})
    assert any(d.path == "bad.md" and d.line == 2 for d in err.value.diagnostics)
    assert (out / "index.html").read_bytes() == before


def test_date_falls_back_to_file_name(make_site: SiteMaker) -> None:
    text = "Undated release\n\nNAIROBI, March 2 - Something happened.\n"
    out, _ = make_site({"content/2023-03-02-undated.txt": text})
    assert (out / "2023/03/undated-release/index.html").is_file()


def test_no_date_anywhere_is_a_clear_error(make_site: SiteMaker) -> None:
    with pytest.raises(BuildFailed) as err:
        make_site({"content/undated.txt": "Undated release\n\nSomething happened.\n"})
    messages = [d.format() for d in err.value.diagnostics]
    assert any(m.startswith("undated.txt:1:1: error[no-date]: no date found") for m in messages)


def test_site_templates_override_the_default_theme(make_site: SiteMaker) -> None:
    custom = '{% extends "base.html" %}{% block main %}<p id="custom">{{ page.tags | length }} tags</p>{% endblock %}'
    out, _ = make_site({"content/a.txt": release("plant", 1), "templates/tags.html": custom})
    assert '<p id="custom">2 tags</p>' in (out / "tags/index.html").read_text("utf-8")


def test_cli_build_prints_summary_and_errors_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content/a.txt").write_text(release("plant", 1), "utf-8")
    (tmp_path / "content/b.md").write_text("---\ntitle: x\ndate: 2023-02-30\n---\nBody text.\n", "utf-8")
    run = [sys.executable, "-m", "dateline", "build"]
    bad = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "b.md:3:1: error[bad-date]: invalid date 2023-02-30: day out of range" in bad.stderr
    assert "Traceback" not in bad.stderr
    (tmp_path / "content/b.md").unlink()
    good = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    assert good.stdout.startswith("Built 1 articles into ")
