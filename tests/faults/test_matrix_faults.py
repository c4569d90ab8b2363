"""Rows F01–F16 of shared/reliability-matrix.md: kills, full disks, bad output folders, template errors,
and the dev server under file-system storms. The previous output must survive every failure."""

from __future__ import annotations

import errno
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import SEED, SiteMaker, write_tree
from dateline.build import BuildFailed, writer
from dateline.build.engine import SiteBuilder
from dateline.config import load_config
from dateline.errors import OutputError, TemplateError
from serving import Served, small_site


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def release(i: int, extra: str = "") -> str:
    return f"Release number {i}{extra}\n\nGENEVA, {1 + i % 28} March 2022 – Officials met Ms. Okafor.\n\n“We agree,” Ms. Okafor said.\n\nTags: t{i % 7}\n"


def big_site(root: Path, n: int = 160, extra: str = "") -> None:
    files: dict[str, str | bytes] = {
        "dateline.yaml": "title: Big\nsearch: false\n",
        "content/seed.txt": SEED.read_text("utf-8"),
    }
    files.update({f"content/r{i:04d}.txt": release(i, extra) for i in range(n)})
    write_tree(root, files)


def run_build(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "dateline", "build"], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def children(pid: int) -> set[int]:
    """Live child processes of ``pid`` (from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def gone(pids: set[int], timeout: float = 5.0) -> bool:
    """Whether every process in ``pids`` has exited (zombies count as exited) within ``timeout``."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        alive = set()
        for pid in pids:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if state != "Z":
                alive.add(pid)
        if not alive:
            return True
        time.sleep(0.05)
    return False


def test_f01_sigkill_at_many_points_leaves_previous_output_identical(tmp_path: Path) -> None:
    big_site(tmp_path)
    assert run_build(tmp_path).wait() == 0
    out = tmp_path / "public"
    before = tree_digest(out)
    big_site(tmp_path, extra=" (revised)")  # every page would change
    began = time.monotonic()
    assert run_build(tmp_path).wait() == 0
    duration = time.monotonic() - began
    big_site(tmp_path, extra=" (again)")
    # the previous build is now "(revised)"; restore it as the reference
    assert run_build(tmp_path).wait() == 0
    before = tree_digest(out)
    big_site(tmp_path, extra=" (killed)")
    rng = random.Random(7)
    for _ in range(20):
        proc = run_build(tmp_path)
        time.sleep(rng.uniform(0.05, duration * 1.1))
        workers = children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert gone(workers), "extraction workers of a killed build exit with it"
        now = tree_digest(out)
        if now != before:
            # The kill came after the atomic switch: the new build must then be whole.
            assert run_build(tmp_path).wait() == 0
            assert tree_digest(out) == now
            before = now
    assert run_build(tmp_path).wait() == 0
    assert not list(tmp_path.glob(".public.*")), "stale staging folders are removed by the next run"


def test_f02_disk_full_keeps_old_output(make_site: SiteMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    out, _ = make_site({"content/a.txt": release(1)}, config="title: T\nsearch: false\n")
    before = tree_digest(out)
    real = writer._write_file

    def full(path: str, data: bytes) -> None:
        if ".staging-" in path and path.endswith("/index.html"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(writer, "_write_file", full)  # every output file goes through it
    with pytest.raises(OutputError, match="no space left writing"):
        make_site({"content/a.txt": release(1, " changed")}, config="title: T\nsearch: false\n")
    assert tree_digest(out) == before
    assert not list(out.parent.glob(".public.staging-*"))


def test_f03_unwritable_output_fails_before_rendering(make_site: SiteMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "access", lambda *_a, **_k: False)  # root ignores permissions, so pretend
    with pytest.raises(OutputError, match="permission denied"):
        make_site({"content/a.txt": release(1)}, config="title: T\nsearch: false\n")


@pytest.mark.parametrize("output", ["content", ".", "", "~"])
def test_f04_dangerous_output_folders_are_refused(tmp_path: Path, output: str) -> None:
    write_tree(
        tmp_path, {"dateline.yaml": f"title: T\nsearch: false\noutput: '{output}'\n", "content/a.txt": release(1)}
    )
    done = subprocess.run([sys.executable, "-m", "dateline", "build"], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "HOME": str(tmp_path)})  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "refusing" in done.stderr or "must be a folder path" in done.stderr
    assert (tmp_path / "content/a.txt").is_file()


def test_f04_foreign_folder_needs_force_and_is_moved_aside(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {"dateline.yaml": "title: T\nsearch: false\n", "content/a.txt": release(1), "public/mine.txt": "keep me"},
    )
    refused = subprocess.run([sys.executable, "-m", "dateline", "build"], cwd=tmp_path, capture_output=True, text=True)
    assert refused.returncode == 1 and "use --force" in refused.stderr
    forced = subprocess.run(
        [sys.executable, "-m", "dateline", "build", "--force"], cwd=tmp_path, capture_output=True, text=True
    )
    assert forced.returncode == 0, forced.stderr
    kept = list(tmp_path.glob("public.replaced-*"))
    assert len(kept) == 1 and (kept[0] / "mine.txt").read_text() == "keep me"


def test_f05_template_error_names_template_and_line_and_keeps_output(make_site: SiteMaker) -> None:
    out, _ = make_site({"content/a.txt": release(1)}, config="title: T\nsearch: false\n")
    before = tree_digest(out)
    bad = '{% extends "base.html" %}\n{% block main %}\n<p>{{ page.foo }}</p>\n{% endblock %}\n'
    with pytest.raises(TemplateError) as err:
        make_site({"content/a.txt": release(1), "templates/article.html": bad}, config="title: T\nsearch: false\n")
    text = str(err.value)
    assert "templates/article.html:3:" in text and "'foo'" in text and "while rendering /2022/03/" in text
    assert tree_digest(out) == before


def test_f08_file_deleted_mid_build_is_skipped_not_fatal(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {"dateline.yaml": "title: T\nsearch: false\n", "content/a.txt": release(1), "content/b.txt": release(2)},
    )
    config, _ = load_config(tmp_path / "dateline.yaml")
    gone = tmp_path / "content/b.txt"

    class Vanishing(SiteBuilder):
        def _load_one(self, path: Path, rel: str, st: os.stat_result):  # type: ignore[no-untyped-def]
            if rel == "b.txt" and gone.exists():
                gone.unlink()  # deleted between discovery and reading
            return super()._load_one(path, rel, st)

    builder = Vanishing(config)
    result = builder.run()
    assert result.articles == 1


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    yield from small_site(tmp_path)


def settle(served: Served, seconds: float = 2.5) -> int:
    time.sleep(seconds)
    return served.rebuilds()


def test_f06_f07_invalid_config_during_serve_keeps_serving_and_recovers(served: Served) -> None:
    config = served.root / "dateline.yaml"
    good = config.read_text()
    config.write_text("title: [broken\n")
    served.wait_for("rebuild failed")
    status, page = served.get("/")
    assert status == 200 and 'id="dateline-error"' in page and "dateline.yaml" in page
    config.write_text(good)
    served.wait_for("epoch 2")
    assert 'id="dateline-error"' not in served.get("/")[1]


def test_f09_truncate_then_rewrite_settles_in_one_rebuild(served: Served) -> None:
    base = settle(served, 0.5)
    path = served.root / "content/2022-03-01-a.txt"
    text = path.read_text()
    path.write_text("")
    path.write_text(text.replace("Talks resumed.", "Talks resumed again."))
    served.wait_for("epoch 2")
    assert settle(served) == base + 1
    assert "Talks resumed again." in served.get("/2022/03/talks-resume/")[1]


def test_f10_editor_atomic_save_is_one_rebuild(served: Served) -> None:
    base = settle(served, 0.5)
    path = served.root / "content/2022-03-01-a.txt"
    tmp = path.with_name(".a.txt.swp")
    tmp.write_text(path.read_text().replace("Talks resumed.", "Saved atomically."))
    os.replace(tmp, path)
    (served.root / "content/2022-03-01-a.txt.bak").write_text("backup")  # sed -i.bak leaves one
    served.wait_for("epoch 2")
    assert settle(served) == base + 1


def test_f11_event_storm_is_at_most_two_rebuilds(served: Served) -> None:
    base = settle(served, 0.5)
    storm = served.root / "content/storm"
    storm.mkdir()
    for i in range(5000):
        (storm / f"s{i:04d}.txt").write_text(release(i))
    served.wait_for("5002 articles", timeout=120)
    assert settle(served, 3) - base <= 2


def test_f12_our_own_writes_trigger_no_rebuild(served: Served) -> None:
    assert settle(served) == 1


def test_f13_watch_failure_falls_back_to_polling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import watchfiles

    real = watchfiles.watch
    calls = {"n": 0}

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if not kwargs.get("force_polling"):
            raise OSError(errno.ENOSPC, "inotify watch limit reached")
        return real(*args, **kwargs)

    monkeypatch.setattr(watchfiles, "watch", flaky)
    gen = small_site(tmp_path)
    served = next(gen)
    try:
        served.wait_for("falling back to polling")
        time.sleep(1.5)  # let the polling watcher take its first snapshot
        path = served.root / "content/2022-03-01-a.txt"
        path.write_text(path.read_text().replace("Talks resumed.", "Polled change."))
        served.wait_for("epoch 2", timeout=20)
    finally:
        gen.close()


def test_f14_port_in_use_exits_2_with_one_line(tmp_path: Path) -> None:
    import socket

    write_tree(tmp_path, {"dateline.yaml": "title: T\nsearch: false\n", "content/a.txt": release(1)})
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "dateline", "serve", "--port", str(port)], cwd=tmp_path,
                              capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == f"error: port {port} is already in use; try --port {port + 1}"
    assert "Traceback" not in done.stderr


def test_f16_kill_mid_publish_leaves_old_or_new(tmp_path: Path) -> None:
    big_site(tmp_path, n=120)
    live = tmp_path / "live"
    cmd = [sys.executable, "-m", "dateline", "publish", f"dir:{live}"]
    assert subprocess.run(cmd, cwd=tmp_path, capture_output=True).returncode == 0
    old = tree_digest(live)
    big_site(tmp_path, n=120, extra=" (new)")
    rng = random.Random(3)
    seen_new = None
    for _ in range(8):
        proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 2.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = tree_digest(live)
        if now != old:
            seen_new = seen_new or now
            assert now == seen_new  # whole new site, never a mix
            old = now
    assert subprocess.run(cmd, cwd=tmp_path, capture_output=True).returncode == 0


def test_f15_publish_never_syncs_a_failed_build(tmp_path: Path) -> None:
    write_tree(tmp_path, {"dateline.yaml": "title: T\nsearch: false\n", "content/bad.md": "---\ntitle: [x\n---\n"})
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "publish", f"dir:{tmp_path / 'live'}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and not (tmp_path / "live").exists()


def test_build_failure_keeps_old_output_on_bad_content(make_site: SiteMaker) -> None:
    out, _ = make_site({"content/a.txt": release(1)}, config="title: T\nsearch: false\n")
    before = tree_digest(out)
    with pytest.raises(BuildFailed):
        make_site({"content/a.txt": release(1), "content/b.md": b"\x00\x00binary"}, config="title: T\nsearch: false\n")
    assert tree_digest(out) == before
