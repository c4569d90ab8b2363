"""The quick rebuild: an edit to an article's words alone re-renders its page and feeds from what the last
full build stored, and the output is byte-identical to a clean build; any other edit takes the full build."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from test_persistent_cache import CONFIG, clean_copy, digests, release

from conftest import write_tree
from dateline.build import BuildReport, build
from dateline.config import SiteConfig, load_config, with_overrides

EXTRA = "The talks went on for most of the afternoon."


def reworded(i: int, words: str = EXTRA) -> str:
    """Release ``i`` with one more sentence of body text (no names, quotes or tags in it)."""
    return release(i).replace("\n\nTags:", f"\n\n{words}\n\nTags:")


def edit(path: Path, text: str) -> None:
    """Rewrite ``path`` and move its time on, as a later save does."""
    path.write_text(text, "utf-8")
    t = path.stat().st_mtime_ns + 10**9
    os.utime(path, ns=(t, t))


def stages(report: BuildReport) -> list[str]:
    return [name for name, _ in report.timings]


def archive(tmp_path: Path, drafts: int = 0) -> SiteConfig:
    files: dict[str, str | bytes] = {"dateline.yaml": CONFIG}
    files.update({f"content/r{i}.txt": release(i) for i in range(1, 9)})
    files.update(
        {
            f"content/d{i}.md": f"---\ntitle: Draft {i}\ndate: 2022-03-0{i}\ndraft: true\n---\nWords.\n"
            for i in range(1, drafts + 1)
        }
    )
    write_tree(tmp_path / "site", files)
    config, _ = load_config(tmp_path / "site/dateline.yaml")
    build(config)
    return config


def test_body_edits_take_the_quick_path_and_match_a_clean_build(tmp_path: Path) -> None:
    config = archive(tmp_path)
    site, out = config.root, config.output_path
    r4 = site / "content/r4.txt"
    edit(r4, reworded(4))
    report = build(config)
    assert stages(report) == ["quick"]
    assert digests(out) == clean_copy(site, tmp_path / "a")
    page = next(out.glob("**/meeting-4/index.html")).read_text("utf-8")
    assert "most of the afternoon" in page
    assert "most of the afternoon" in (out / "feed.xml").read_text("utf-8")
    # A second quick edit updates the tree the first one left as the spare.
    edit(r4, reworded(4, EXTRA.replace("afternoon", "evening")))
    assert stages(build(config)) == ["quick"]
    assert digests(out) == clean_copy(site, tmp_path / "b")
    # A full build after quick ones reuses what they wrote and agrees with them.
    edit(site / "content/r2.txt", release(2, " (renamed)"))
    assert "quick" not in stages(build(config))
    assert digests(out) == clean_copy(site, tmp_path / "c")
    assert stages(build(config)) in (["check"], ["load", "collect", "render", "write"])


def test_edits_beyond_the_words_take_the_full_build(tmp_path: Path) -> None:
    config = archive(tmp_path, drafts=1)
    site, out = config.root, config.output_path
    edit(site / "content/r3.txt", release(3, " (edited)"))  # a new title moves the article in lists
    assert "quick" not in stages(build(config))
    assert digests(out) == clean_copy(site, tmp_path / "a")
    edit(site / "content/d1.md", "---\ntitle: Draft 1\ndate: 2022-03-01\ndraft: true\n---\nOther words.\n")
    assert "quick" not in stages(build(config))  # drafts have no page to re-render
    assert digests(out) == clean_copy(site, tmp_path / "b")
    (site / "content/r5.txt").unlink()
    edit(site / "content/r6.txt", reworded(6))
    assert "quick" not in stages(build(config))  # a deleted file changes every list it was in
    assert digests(out) == clean_copy(site, tmp_path / "c")


def test_a_page_removed_by_hand_is_written_again(tmp_path: Path) -> None:
    config = archive(tmp_path)
    site, out = config.root, config.output_path
    (out / "feed.json").unlink()
    edit(site / "content/r7.txt", reworded(7))
    build(config)
    assert digests(out) == clean_copy(site, tmp_path / "a")


def test_compiled_templates_are_kept_and_follow_their_source(tmp_path: Path) -> None:
    config = archive(tmp_path)
    site, out = config.root, config.output_path
    kept = list((site / ".dateline-cache/templates").glob("jinja-*/__jinja2_*.cache"))
    assert kept, "the build keeps its compiled templates in the cache folder"
    override = site / "templates/article.html"
    override.parent.mkdir()
    default = Path(__file__).resolve().parents[2] / "templates/article.html"
    edit(override, default.read_text("utf-8").replace("{% block main %}", "{% block main %}<p>Kept-edit</p>", 1))
    edit(site / "content/r4.txt", reworded(4))
    build(config)
    assert "Kept-edit" in next(out.glob("**/meeting-4/index.html")).read_text("utf-8")
    clean = with_overrides(config, output=tmp_path / "clean")
    build(clean, use_cache=False)
    assert digests(out) == digests(clean.output_path)


def test_an_extraction_left_by_a_killed_build_is_not_taken_for_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build killed after its load stage has cached a new record that no output shows yet: a later
    quick rebuild must not take that record for the one the output was built from."""
    config = archive(tmp_path)
    site, out = config.root, config.output_path
    edit(site / "content/r3.txt", release(3, " (edited)"))  # a new title: only a full build shows it
    engine = importlib.import_module("dateline.build.engine")

    def killed(self: object, articles: object) -> None:
        raise KeyboardInterrupt  # the build dies after its extractions were committed

    with monkeypatch.context() as m:
        m.setattr(engine.SiteBuilder, "collect", killed)
        with pytest.raises(KeyboardInterrupt):
            build(config)
    edit(site / "content/r4.txt", reworded(4))  # a later edit to words alone
    build(config)
    assert digests(out) == clean_copy(site, tmp_path / "a")


def test_long_runs_of_quick_and_full_rebuilds_stay_identical_to_clean_builds(tmp_path: Path) -> None:
    """Each quick rebuild brings over only the files in which the spare tree differs from the output;
    the trees swap roles at every build. Any mistake in that bookkeeping shows up a build or two later."""
    config = archive(tmp_path)
    site, out = config.root, config.output_path
    content = site / "content"
    steps: list[tuple[str, Callable[[], None]]] = [
        ("quick", lambda: edit(content / "r4.txt", reworded(4))),
        ("quick", lambda: edit(content / "r2.txt", reworded(2))),
        ("quick", lambda: edit(content / "r4.txt", reworded(4, "A second sentence about the weather."))),
        ("full", lambda: edit(content / "r3.txt", release(3, " (edited)"))),
        ("quick", lambda: edit(content / "r2.txt", reworded(2, "They broke for lunch at noon."))),
        ("full", lambda: (content / "r5.txt").unlink()),
        ("quick", lambda: edit(content / "r4.txt", release(4))),
        ("quick", lambda: edit(content / "r6.txt", reworded(6))),
        ("full", lambda: edit(content / "r9.txt", release(9))),
        ("quick", lambda: edit(content / "r9.txt", reworded(9))),
        ("quick", lambda: edit(content / "r1.txt", reworded(1))),
    ]
    for i, (kind, change) in enumerate(steps):
        change()
        taken = stages(build(config))
        assert ("quick" in taken) == (kind == "quick"), (i, taken)
        assert digests(out) == clean_copy(site, tmp_path / f"step{i}"), i


def test_a_file_removed_by_hand_that_the_spare_must_take_is_written_again(tmp_path: Path) -> None:
    config = archive(tmp_path)
    site, out = config.root, config.output_path
    edit(site / "content/r4.txt", reworded(4))
    build(config)
    edit(site / "content/r4.txt", reworded(4, "They met again after lunch."))
    build(config)  # the spare (the output before) lacks this page's new bytes: they are in the delta
    next(out.glob("**/meeting-4/index.html")).unlink()
    edit(site / "content/r2.txt", reworded(2))
    build(config)
    assert digests(out) == clean_copy(site, tmp_path / "a")
