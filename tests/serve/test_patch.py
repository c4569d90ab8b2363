"""Edits that move nothing are patched into the last site in place; every result equals a clean build.

Each case edits the tree of a small site, then checks that the builder that saw the previous state
gives exactly the files of a fresh builder, and whether it took the in-place path.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import write_tree
from dateline.build.engine import SiteBuilder
from dateline.config import load_config


def release(
    title: str, day: int, *, tags: str = "talks", note: str = "The talks lasted two hours.", quote: str = "We agree"
) -> str:
    return (
        f"{title}\n\nGENEVA, {day} March 2022 – Mr. Haldane met Ms. Okafor at the Palais.\n\n"
        f"“{quote},” Mr. Haldane said.\n\n{note}\n\nTags: {tags}\n"
    )


def site(root: Path) -> None:
    files = {f"content/r{i}.txt": release(f"Meeting number {i}", 1 + i // 2) for i in range(1, 13)}
    files["content/late.md"] = "---\ntitle: Late note\ndate: 2022-03-20\ndraft: true\n---\nA draft.\n"
    write_tree(root, {"dateline.yaml": "title: Patch\nsearch: false\npage_size: 2\n", **files})


def put(root: Path, rel: str, text: str) -> None:
    path = root / "content" / rel
    old = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, "utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, max(st.st_mtime_ns, old + 1_000_000_000)))


Edit = Callable[[Path], None]
CASES: list[tuple[str, Edit, bool]] = [
    ("a later paragraph", lambda r: put(r, "r5.txt", release("Meeting number 5", 3, note="The talks ran late.")), True),
    (
        "the summary paragraph",
        lambda r: put(r, "r5.txt", release("Meeting number 5", 3).replace("at the Palais", "at the Palais briefly")),
        True,
    ),
    ("a title, moving the URL", lambda r: put(r, "r7.txt", release("Meeting number 7 resumed", 4)), True),
    (
        "two neighbours at once",
        lambda r: (
            put(r, "r2.txt", release("Meeting number 2", 2, note="Short.")),
            put(r, "r3.txt", release("Meeting number 3 again", 2)),
        ),
        True,
    ),
    (
        "a draft's words",
        lambda r: put(r, "late.md", "---\ntitle: Late note\ndate: 2022-03-20\ndraft: true\n---\nB.\n"),
        True,
    ),
    ("a title that reorders the day", lambda r: put(r, "r9.txt", release("A meeting", 5)), False),
    ("a tag", lambda r: put(r, "r4.txt", release("Meeting number 4", 3, tags="talks, budget")), False),
    ("a quote's words", lambda r: put(r, "r4.txt", release("Meeting number 4", 3, quote="We differ")), True),
    (
        "one more mention of a person",
        lambda r: put(r, "r4.txt", release("Meeting number 4", 3, note="Mr. Haldane thanked Ms. Okafor.")),
        True,
    ),
    (
        "a person newly named",
        lambda r: put(r, "r4.txt", release("Meeting number 4", 3, note="Dr. Ingrid Lindqvist joined them.")),
        False,
    ),
    (
        "a new quote",
        lambda r: put(r, "r4.txt", release("Meeting number 4", 3, note="“Later,” Ms. Okafor said.")),
        False,
    ),
    ("a date", lambda r: put(r, "r4.txt", release("Meeting number 4", 9)), False),
    ("a draft published", lambda r: put(r, "late.md", "---\ntitle: Late note\ndate: 2022-03-20\n---\nA.\n"), False),
    ("a file removed", lambda r: (r / "content/r6.txt").unlink(), False),
]


@pytest.mark.parametrize(("edit", "patched"), [(e, p) for _, e, p in CASES], ids=[n for n, _, _ in CASES])
def test_edit_gives_the_clean_build(tmp_path: Path, edit: Edit, patched: bool) -> None:
    site(tmp_path)
    config, _ = load_config(tmp_path / "dateline.yaml")
    builder = SiteBuilder(config)
    first = builder.run()
    edit(tmp_path)
    result = builder.run()
    clean = SiteBuilder(config).run()
    assert result.patched is patched
    assert result.files.keys() == clean.files.keys()
    assert [rel for rel in clean.files if result.files[rel] != clean.files[rel]] == []
    if patched:
        assert result.rendered < first.pages // 4  # only the pages showing the edited articles


def test_patches_chain_and_a_body_edit_renders_one_page(tmp_path: Path) -> None:
    site(tmp_path)
    config, _ = load_config(tmp_path / "dateline.yaml")
    builder = SiteBuilder(config)
    builder.run()
    for n in range(3):
        put(tmp_path, "r8.txt", release("Meeting number 8", 5, note=f"Edit number {n}."))
        body = builder.run()
        assert body.patched and body.extracted == 1 and body.rendered == 1
    put(tmp_path, "r8.txt", release("Meeting number 8 moved", 5))
    moved = builder.run()
    put(tmp_path, "r8.txt", release("Meeting number 8", 5))
    back = builder.run()
    assert moved.patched and back.patched
    assert not any("meeting-number-8-moved" in rel for rel in back.files)
    assert back.files == SiteBuilder(config).run().files


def test_card_map_follows_moved_pages(tmp_path: Path) -> None:
    """After a headline edit moves a page, the map of who shows which card equals a fresh one."""
    from dateline.render.deps import card_users

    site(tmp_path)
    config, _ = load_config(tmp_path / "dateline.yaml")
    builder = SiteBuilder(config)
    builder.run()
    put(tmp_path, "r6.txt", release("Meeting number 6 moved", 4))
    put(tmp_path, "r7.txt", release("Meeting number 7 moved", 4))
    assert builder.run().patched
    fresh = card_users((rel, page) for rel, (page, _) in builder._pages.items())
    kept = builder._users or {}
    assert {h: sorted(r) for h, r in kept.items() if r} == {h: sorted(r) for h, r in fresh.items()}


def test_search_index_runs_beside_edits_not_inside_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the first build, a slow search indexer never delays an edit; edits made while it runs
    are indexed by one more run after it, not one run each."""
    import threading
    import time

    from dateline.build import search
    from dateline.serve import _Session
    from dateline.serve.state import ServerState

    site(tmp_path)
    (tmp_path / "dateline.yaml").write_text("title: Patch\nsearch: true\npage_size: 2\n", "utf-8")
    config, _ = load_config(tmp_path / "dateline.yaml")
    runs: list[float] = []
    gate = threading.Event()

    def slow_index(folder: Path) -> None:
        runs.append(time.monotonic())
        if len(runs) > 1:
            gate.wait(10)  # a long Pagefind run

    monkeypatch.setattr(search, "build_search_index", slow_index)
    session = _Session(None, config, False, tmp_path / "served", ServerState(), lambda _m: None)
    session.new_builder()
    assert session.rebuild() and len(runs) == 1  # the first index is built before serving starts
    session.search_in_background = True
    for n in range(3):
        put(tmp_path, "r5.txt", release("Meeting number 5", 3, note=f"Edit {n}."))
        began = time.monotonic()
        assert session.rebuild()
        assert time.monotonic() - began < 5  # not held up by the indexer, which is blocked on the gate
    gate.set()
    deadline = time.monotonic() + 10
    while (session._index_running or session._index_dirty) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not session._index_running
    assert len(runs) == 3  # the first build, the first edit, and one run for the two edits made meanwhile
