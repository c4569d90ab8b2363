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

    from dateline.build import engine

    monkeypatch.setattr(engine, "PROGRESS_EVERY", 1)
    write_tree(tmp_path, {"dateline.yaml": CONFIG, **{f"content/r{i}.txt": release(i) for i in range(1, 5)}})
    config, _ = load_config(tmp_path / "dateline.yaml")
    seen: list[tuple[str, int, int]] = []
    build(config, progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert ("rendering", 1, seen[-1][2]) in seen and seen[-1][1] <= seen[-1][2]
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "build", "--no-cache"], cwd=tmp_path, capture_output=True, text=True
    )
    assert "\r" not in done.stderr and "rendering" not in done.stderr
