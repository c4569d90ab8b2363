"""Two builds of the same input under different time zones, locales, hash seeds, folders, file mtimes
and directory order are byte-identical (Pagefind's own bundle aside: upstream writes its filter index
in varying order, so these builds run without search)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def copy_site(dest: Path, mtime: int, reverse: bool) -> None:
    files = sorted((REPO / "content").rglob("*"), reverse=reverse)  # creation order drives readdir order
    for src in files:
        if src.is_file():
            target = dest / "content" / src.relative_to(REPO / "content")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
            os.utime(target, (mtime, mtime))
    (dest / "dateline.yaml").write_text((REPO / "dateline.yaml").read_text() + "search: false\n")


def build(site: Path, env: dict[str, str]) -> None:
    full = {**os.environ, **env}
    full.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "build"], cwd=site, env=full, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_builds_are_byte_identical_across_environments(tmp_path: Path) -> None:
    a, b = tmp_path / "first/site", tmp_path / "elsewhere/deeper/site"
    copy_site(a, 1_000_000_000, reverse=False)
    copy_site(b, 1_700_000_000, reverse=True)
    build(a, {"TZ": "UTC", "LANG": "C", "LC_ALL": "C", "PYTHONHASHSEED": "1"})
    build(b, {"TZ": "Pacific/Kiritimati", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8", "PYTHONHASHSEED": "4242"})
    first, second = digests(a / "public"), digests(b / "public")
    assert first == second


def test_source_date_epoch_sets_the_build_date(tmp_path: Path) -> None:
    site = tmp_path / "site"
    copy_site(site, 1_000_000_000, reverse=False)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1733011200"}  # 2024-12-01
    subprocess.run([sys.executable, "-m", "dateline", "build"], cwd=site, env=env, check=True, capture_output=True)
    assert "<updated>2024-12-01T00:00:00+00:00</updated>" in (site / "public/feed.xml").read_text()
