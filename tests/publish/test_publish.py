"""``dateline publish`` to a folder, a git branch and rsync: exact, atomic, refusing bad builds."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED, write_tree
from dateline.publish import MANIFEST, PublishError, digest_tree, verify_build
from dateline.publish.run import headers_file, inline_script_hashes


def release(title: str, day: int) -> str:
    return f"{title}\n\nGENEVA, {day} March 2022 – Officials met.\n\nTags: talks\n"


def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    write_tree(
        root,
        {
            # Pagefind writes its filter indexes in a different order each run (upstream issue #638),
            # so these byte-for-byte comparisons build without search.
            "dateline.yaml": "title: Pub\nbase_url: https://example.org/news/\nsearch: false\n",
            "content/seed.txt": SEED.read_text("utf-8"),
            "content/a.txt": release("Talks open", 1),
            "content/b.txt": release("Talks close", 2),
        },
    )
    return root


def publish(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dateline", "publish", *args], cwd=root, capture_output=True, text=True
    )


def fresh_build(root: Path) -> dict[str, str]:
    """Digests of a clean build of ``root`` (what the target must hold afterwards)."""
    out = root.parent / "reference"
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "build", "-o", str(out)], cwd=root, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return digest_tree(out, frozenset({".dateline-output"}))


def test_dir_publish_twice_leaves_exactly_the_new_build(tmp_path: Path) -> None:
    root = site(tmp_path)
    live = tmp_path / "live"
    first = publish(root, f"dir:{live}")
    assert first.returncode == 0, first.stderr
    assert (live / "2022/03/talks-close/index.html").is_file()
    (root / "content/b.txt").unlink()
    dry = publish(root, f"dir:{live}", "--dry-run")
    assert "- 2022/03/talks-close/index.html" in dry.stdout
    assert (live / "2022/03/talks-close/index.html").is_file()  # dry run changed nothing
    second = publish(root, f"dir:{live}")
    assert second.returncode == 0, second.stderr
    assert not (live / "2022/03/talks-close").exists()
    published = digest_tree(live, frozenset({".dateline-publish", "_headers"}))
    assert published == fresh_build(root)
    assert not list(tmp_path.glob(".live.*"))  # no staging or old folders left behind


def test_git_publish_makes_one_commit_per_publish(tmp_path: Path) -> None:
    root = site(tmp_path)
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    assert publish(root, f"git:{remote}#gh-pages", "--cname", "news.example.org").returncode == 0
    (root / "content/b.txt").unlink()
    second = publish(root, f"git:{remote}#gh-pages")
    assert second.returncode == 0, second.stderr
    log = subprocess.run(
        ["git", f"--git-dir={remote}", "log", "--format=%H", "gh-pages"], capture_output=True, text=True
    )
    assert len(log.stdout.split()) == 2
    files = subprocess.run(
        ["git", f"--git-dir={remote}", "ls-tree", "-r", "--name-only", "gh-pages"], capture_output=True, text=True
    ).stdout.split()
    assert ".nojekyll" in files and "_headers" in files
    assert not any(f.startswith("2022/03/talks-close/") for f in files)
    assert "2022/03/talks-open/index.html" in files
    built = fresh_build(root)
    tree = {f for f in files if f not in (".nojekyll", "_headers")}
    assert tree == set(built)
    for rel in ("index.html", "feed.xml"):
        blob = subprocess.run(["git", f"--git-dir={remote}", "show", f"gh-pages:{rel}"], capture_output=True).stdout
        assert hashlib.sha256(blob).hexdigest() == built[rel]


def test_failing_build_leaves_the_target_untouched(tmp_path: Path) -> None:
    root = site(tmp_path)
    live = tmp_path / "live"
    assert publish(root, f"dir:{live}").returncode == 0
    before = digest_tree(live)
    (root / "content/bad.md").write_text("---\ntitle: [oops\n---\nBody\n", "utf-8")
    failed = publish(root, f"dir:{live}")
    assert failed.returncode == 1
    assert "bad.md:2" in failed.stderr and "target was not touched" in failed.stderr
    assert digest_tree(live) == before


def test_warnings_fail_the_strict_publish_build(tmp_path: Path) -> None:
    root = site(tmp_path)
    (root / "content/warn.md").write_text("---\ntitle: Warned\ndate: 2022-03-04\ntittle: x\n---\nBody text.\n", "utf-8")
    result = publish(root, f"dir:{tmp_path / 'live'}")
    assert result.returncode == 1 and "unknown key 'tittle'" in result.stderr
    assert not (tmp_path / "live").exists()


def test_refuses_a_folder_it_did_not_publish(tmp_path: Path) -> None:
    root = site(tmp_path)
    precious = tmp_path / "precious"
    write_tree(precious, {"thesis.txt": "do not delete"})
    result = publish(root, f"dir:{precious}")
    assert result.returncode == 1 and "not published by dateline" in result.stderr
    assert (precious / "thesis.txt").read_text() == "do not delete"


@pytest.mark.skipif(shutil.which("rsync") is None, reason="rsync is not installed")
def test_rsync_publish_syncs_with_deletes(tmp_path: Path) -> None:
    root = site(tmp_path)
    dest = tmp_path / "rsynced"
    dest.mkdir()
    assert publish(root, f"rsync:{dest}").returncode == 0
    (root / "content/b.txt").unlink()
    dry = publish(root, f"rsync:{dest}", "--dry-run")
    assert "- 2022/03/talks-close/index.html" in dry.stdout
    assert publish(root, f"rsync:{dest}").returncode == 0
    assert digest_tree(dest, frozenset({"_headers"})) == fresh_build(root)


def test_verify_refuses_partial_and_empty_builds(tmp_path: Path) -> None:
    build = tmp_path / "b"
    write_tree(build, {"index.html": "<p>home</p>", "2022/03/x/index.html": "<p>x</p>"})
    with pytest.raises(PublishError, match="no completed build manifest"):
        verify_build(build)
    (build / MANIFEST).write_text(f"{hashlib.sha256(b'<p>home</p>').hexdigest()}  index.html\n")
    with pytest.raises(PublishError, match="differ from the build manifest"):
        verify_build(build)


def test_headers_allow_only_hashed_inline_scripts(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "a.html": '<script>console.log("hi")</script><script type="application/ld+json">{"a":1}</script>',
            "b.html": '<script src="/x.js"></script>',
        },
    )
    hashes = inline_script_hashes(tmp_path)
    assert len(hashes) == 1
    text = headers_file(tmp_path).decode()
    script_src = next(part for part in text.split("; ") if part.startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert hashes[0] in script_src
    for needed in ("X-Content-Type-Options: nosniff", "frame-ancestors 'none'", "Referrer-Policy:"):
        assert needed in text
