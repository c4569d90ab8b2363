"""The persistent build cache: a no-change rebuild writes nothing; edits, deletes and renames give
exactly the bytes of a clean build; an unreadable cache is rebuilt with a warning."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from conftest import SEED, write_tree
from dateline.build import build
from dateline.config import load_config

CONFIG = "title: Cache\nsearch: false\npage_size: 3\n"


def release(i: int, extra: str = "") -> str:
    return f"Meeting {i}{extra}\n\nGENEVA, {i} March 2022 – Ms. Okafor met Mr. Haldane.\n\n“We agree,” Ms. Okafor said.\n\nTags: t{i % 3}\n"


def digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def mtimes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def clean_copy(site: Path, tmp: Path) -> dict[str, str]:
    """Digests of a clean, cache-less build of the same content in another folder."""
    other = tmp / "clean"
    write_tree(other, {"dateline.yaml": CONFIG})
    for src in (site / "content").rglob("*"):
        if src.is_file():
            write_tree(other, {f"content/{src.relative_to(site / 'content').as_posix()}": src.read_bytes()})
    config, _ = load_config(other / "dateline.yaml")
    build(config, use_cache=False)
    return digests(config.output_path)


def test_cache_rebuilds_match_clean_builds(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_tree(site, {"dateline.yaml": CONFIG, "content/seed.txt": SEED.read_text("utf-8"),
                      **{f"content/r{i}.txt": release(i) for i in range(1, 9)}})  # fmt: skip
    config, _ = load_config(site / "dateline.yaml")
    out = config.output_path
    build(config, jobs=1)
    assert (site / ".dateline-cache/cache.sqlite").is_file()
    before = mtimes(out)
    report = build(config)
    assert mtimes(out) == before  # a no-change rebuild writes nothing
    assert report.files == len(before) - 1  # the marker file is not counted
    r3 = site / "content/r3.txt"
    r3.write_text(release(3, " (edited)"), "utf-8")
    os.utime(r3, ns=(r3.stat().st_atime_ns, r3.stat().st_mtime_ns + 10**9))
    build(config)
    assert digests(out) == clean_copy(site, tmp_path / "a")
    (site / "content/r5.txt").unlink()
    (site / "content/r6.txt").rename(site / "content/moved.txt")
    build(config)
    assert digests(out) == clean_copy(site, tmp_path / "b")
    assert not any("meeting-5" in rel for rel in digests(out))


def test_unreadable_cache_is_rebuilt_with_a_warning(tmp_path: Path) -> None:
    write_tree(tmp_path, {"dateline.yaml": CONFIG, "content/r1.txt": release(1)})
    config, _ = load_config(tmp_path / "dateline.yaml")
    build(config)
    db = tmp_path / ".dateline-cache/cache.sqlite"
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    report = build(config)
    assert any(d.code == "cache" and "rebuilt from scratch" in d.message for d in report.diagnostics)
    assert build(config).articles == 1


def test_parallel_and_serial_builds_are_identical(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {f"content/r{i:03d}.txt": release(i % 28 + 1, f" #{i}") for i in range(80)}
    a, b = tmp_path / "a", tmp_path / "b"
    write_tree(a, {"dateline.yaml": CONFIG, **files})
    write_tree(b, {"dateline.yaml": CONFIG, **files})
    ca, _ = load_config(a / "dateline.yaml")
    cb, _ = load_config(b / "dateline.yaml")
    build(ca, jobs=1, use_cache=False)
    build(cb, jobs=2, use_cache=False)
    assert digests(ca.output_path) == digests(cb.output_path)


def test_progress_is_reported_and_quiet_off_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    from dateline.build import parallel

    monkeypatch.setattr(parallel, "PROGRESS_EVERY", 1)
    write_tree(tmp_path, {"dateline.yaml": CONFIG, **{f"content/r{i}.txt": release(i) for i in range(1, 5)}})
    config, _ = load_config(tmp_path / "dateline.yaml")
    seen: list[tuple[str, int, int]] = []
    build(config, progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert ("rendering", 1, seen[-1][2]) in seen and seen[-1][1] <= seen[-1][2]
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "build", "--no-cache"], cwd=tmp_path, capture_output=True, text=True
    )
    assert "\r" not in done.stderr and "rendering" not in done.stderr


def age(root: Path, seconds: int = 60) -> None:
    """Date every file under ``root`` ``seconds`` back, as files saved a while before a build are."""
    for p in root.rglob("*"):
        if p.is_file():
            t = p.stat().st_mtime_ns - seconds * 10**9
            os.utime(p, ns=(t, t))


def test_up_to_date_build_does_nothing_until_an_input_changes(tmp_path: Path) -> None:
    write_tree(tmp_path, {"dateline.yaml": CONFIG, **{f"content/r{i}.txt": release(i) for i in range(1, 5)}})
    config, _ = load_config(tmp_path / "dateline.yaml")
    assert not build(config).up_to_date
    # Just-saved inputs are "racily new": their stamp is not trusted, so the next build checks the files.
    assert not build(config).up_to_date
    age(tmp_path / "content")
    first = build(config)
    before = mtimes(config.output_path)
    again = build(config)
    assert again.up_to_date and [name for name, _ in again.timings] == ["check"]
    assert (again.articles, again.pages, again.files) == (first.articles, first.pages, first.files)
    assert mtimes(config.output_path) == before

    def rebuilt(**options: bool) -> bool:
        report = build(config, **options)
        age(tmp_path / "content")
        build(config, **options)  # stamp the new state
        return not report.up_to_date and build(config, **options).up_to_date

    r2 = tmp_path / "content/r2.txt"
    r2.write_text(release(2, " (edited)"), "utf-8")
    assert rebuilt()
    write_tree(tmp_path, {"content/r9.txt": release(9)})
    assert rebuilt()
    write_tree(tmp_path, {"templates/404.html": '{% extends "base.html" %}{% block main %}Gone{% endblock %}'})
    age(tmp_path / "templates")
    assert rebuilt()
    assert rebuilt(drafts=True)
    assert not build(config, force=True).up_to_date
    # The output replaced behind dateline's back is rebuilt, not trusted.
    import shutil

    shutil.rmtree(config.output_path)
    assert not build(config).up_to_date and (config.output_path / "index.html").is_file()
    # Configuration is an input too.
    (tmp_path / "dateline.yaml").write_text(CONFIG.replace("page_size: 3", "page_size: 2"), "utf-8")
    config2, _ = load_config(tmp_path / "dateline.yaml")
    assert not build(config2).up_to_date and build(config2).up_to_date


def test_up_to_date_build_reports_the_same_problems(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {"dateline.yaml": CONFIG, "content/r1.txt": release(1), "content/bad.md": "---\ntitle: [\n---\nx\n"}
    )
    age(tmp_path / "content")
    config, _ = load_config(tmp_path / "dateline.yaml")
    first = build(config, keep_going=True)
    again = build(config, keep_going=True)
    assert again.up_to_date and again.diagnostics == first.diagnostics
    assert any(d.level.value == "error" and d.path.endswith("bad.md") for d in again.diagnostics)


def test_pages_rendered_on_several_processes_are_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.build import parallel
    from dateline.errors import TemplateError

    monkeypatch.setattr(parallel, "PARALLEL_MIN_PAGES", 1)  # fork workers even for this small site
    files: dict[str, str | bytes] = {f"content/r{i:03d}.txt": release(i % 28 + 1, f" #{i}") for i in range(60)}
    a, b = tmp_path / "a", tmp_path / "b"
    write_tree(a, {"dateline.yaml": CONFIG, **files})
    write_tree(b, {"dateline.yaml": CONFIG, **files})
    ca, _ = load_config(a / "dateline.yaml")
    cb, _ = load_config(b / "dateline.yaml")
    build(ca, jobs=1, use_cache=False)
    build(cb, jobs=2)
    assert digests(ca.output_path) == digests(cb.output_path)
    # an edit: workers reuse the unchanged pages on disk and render the rest, as one process would
    for root in (a, b):
        write_tree(root, {"content/r007.txt": release(8, " (edited)")})
    build(ca, jobs=1, use_cache=False)
    build(cb, jobs=2)
    assert digests(ca.output_path) == digests(cb.output_path)
    # a template error inside a worker is reported with its file and line
    write_tree(b, {"templates/article.html": "{% extends 'base.html' %}{% block main %}{{ page.nope }}{% endblock %}"})
    before = digests(cb.output_path)
    with pytest.raises(TemplateError, match=r"article\.html"):
        build(cb, jobs=2)
    assert digests(cb.output_path) == before


def test_a_changed_extractor_re_extracts_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cached extractions are kept only for the extractor that made them: the cache key holds a digest of
    the extractor's code and data packages (``stamp.extractor_fingerprint``)."""
    import dateline.build as build_package
    from dateline.build import articles

    write_tree(tmp_path, {"dateline.yaml": CONFIG, **{f"content/r{i}.txt": release(i) for i in range(1, 4)}})
    config, _ = load_config(tmp_path / "dateline.yaml")
    build(config, jobs=1)
    seen: list[str] = []
    real = articles.extract_file
    monkeypatch.setattr(
        articles, "extract_file", lambda path, rel, *a, **k: seen.append(rel) or real(path, rel, *a, **k)
    )
    (tmp_path / "content/r1.txt").write_text(release(1, " (edited)"), "utf-8")
    os.utime(tmp_path / "content/r1.txt", ns=(1, 2 * 10**18))
    build(config, jobs=1)
    assert seen == ["r1.txt"]  # the same extractor: only the edited file
    seen.clear()
    monkeypatch.setattr(build_package, "extractor_fingerprint", lambda: "another extractor")
    build(config, jobs=1)
    assert sorted(seen) == ["r1.txt", "r2.txt", "r3.txt"]
