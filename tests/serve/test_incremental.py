"""Incremental rebuilds (what ``serve`` does) give exactly the files of a clean build of the same input."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import SEED, write_tree
from dateline.build.engine import SiteBuilder
from dateline.config import load_config


def release(title: str, day: int, tags: str = "talks") -> str:
    return f"{title}\n\nGENEVA, {day} March 2022 – Mr. Haldane met Ms. Okafor.\n\n“We agree,” Mr. Haldane said.\n\nTags: {tags}\n"


def clean(root: Path) -> dict[str, bytes]:
    config, _ = load_config(root / "dateline.yaml")
    return SiteBuilder(config).run().files


def touch_later(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_incremental_equals_clean_through_edits_adds_deletes_renames_and_templates(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "dateline.yaml": "title: Inc\nsearch: false\npage_size: 2\n",
            "content/seed.txt": SEED.read_text("utf-8"),
            **{f"content/r{i}.txt": release(f"Meeting number {i}", i) for i in range(1, 6)},
        },
    )
    config, _ = load_config(tmp_path / "dateline.yaml")
    builder = SiteBuilder(config)
    first = builder.run()
    assert first.extracted == 6 and first.rendered == first.pages
    # nothing changed: nothing re-extracted, nothing re-rendered
    again = builder.run()
    assert again.extracted == 0 and again.rendered == 0 and again.files == first.files
    # edit one article: one file re-extracted, a fraction of pages re-rendered
    r3 = tmp_path / "content/r3.txt"
    r3.write_text(release("Meeting number 3", 3, tags="talks, budget"), "utf-8")
    touch_later(r3)
    edited = builder.run()
    assert edited.extracted == 1 and 0 < edited.rendered < edited.pages
    assert edited.files == clean(tmp_path)
    # add, delete and rename
    (tmp_path / "content/r6.txt").write_text(release("Meeting number 6", 6), "utf-8")
    (tmp_path / "content/r1.txt").unlink()
    (tmp_path / "content/r2.txt").rename(tmp_path / "content/renamed.txt")
    changed = builder.run()
    assert changed.files == clean(tmp_path)
    assert not any("meeting-number-1/" in rel for rel in changed.files)
    # a template change re-renders without re-extracting
    write_tree(tmp_path, {"templates/404.html": '{% extends "base.html" %}{% block main %}Gone{% endblock %}'})
    themed = builder.run()
    assert themed.extracted == 0 and themed.rendered == themed.pages
    assert themed.files == clean(tmp_path)
    assert b"Gone" in themed.files["404.html"]
