"""The publish targets: a local folder, a git branch, an rsync destination. Each switches atomically."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..build.writer import exchange
from . import MANIFEST, Plan, PublishError, digest_tree, plan

OURS = ".dateline-publish"
"""Marks a folder that dateline publishes into; any other non-empty folder is refused."""


@dataclass(frozen=True, slots=True)
class Target:
    """A parsed ``TARGET`` argument."""

    kind: str
    """``dir``, ``git`` or ``rsync``."""
    location: str
    branch: str = ""


def parse_target(text: str) -> Target:
    """``dir:PATH``, ``git:REMOTE#BRANCH`` or ``rsync:[HOST:]PATH``."""
    kind, sep, rest = text.partition(":")
    if not sep or not rest:
        raise PublishError(f"target '{text}' must look like dir:PATH, git:REMOTE#BRANCH or rsync:HOST:PATH")
    if kind == "dir":
        return Target("dir", rest)
    if kind == "git":
        remote, hash_sep, branch = rest.rpartition("#")
        if not hash_sep or not remote or not branch:
            raise PublishError(f"git target '{text}' needs a branch: git:REMOTE#BRANCH (e.g. git:origin#gh-pages)")
        return Target("git", remote, branch)
    if kind == "rsync":
        return Target("rsync", rest)
    raise PublishError(f"unknown target kind '{kind}' (dir, git or rsync)")


def _run(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    try:
        done = subprocess.run(
            cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL
        )
    except OSError as exc:
        raise PublishError(f"cannot run {cmd[0]}: {exc.strerror}") from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise PublishError(f"{' '.join(cmd[:2])} failed: {detail[-1] if detail else 'no output'}")
    return done.stdout


# --- dir: ---------------------------------------------------------------------------------------------


def dir_plan(build: Path, target: Path) -> Plan:
    """What publishing ``build`` into folder ``target`` would change."""
    return plan(digest_tree(build, frozenset({MANIFEST})), digest_tree(target, frozenset({OURS})))


def publish_dir(build: Path, target: Path) -> None:
    """Replace folder ``target`` with a copy of ``build``: copy beside it, then swap with two renames."""
    target = target.resolve()
    if target.exists() and (not target.is_dir() or (any(target.iterdir()) and not (target / OURS).exists())):
        raise PublishError(f"refusing to replace {target}: it is not empty and was not published by dateline")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.publish-", dir=target.parent))
    try:
        shutil.copytree(build, staging, dirs_exist_ok=True, ignore=shutil.ignore_patterns(MANIFEST))
        (staging / OURS).write_text("Published by dateline; replaced on each publish.\n", encoding="utf-8")
        if target.exists() and exchange(staging, target):
            shutil.rmtree(staging, ignore_errors=True)  # it now holds the previous site
            return
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        if target.exists():
            os.replace(target, old)
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


# --- git: ---------------------------------------------------------------------------------------------


def _git_env(index: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_INDEX_FILE=str(index),
        GIT_AUTHOR_NAME=env.get("DATELINE_GIT_NAME", "dateline"),
        GIT_AUTHOR_EMAIL=env.get("DATELINE_GIT_EMAIL", "dateline@localhost"),
        GIT_COMMITTER_NAME=env.get("DATELINE_GIT_NAME", "dateline"),
        GIT_COMMITTER_EMAIL=env.get("DATELINE_GIT_EMAIL", "dateline@localhost"),
    )
    return env


def _remote_files(repo: Path, ref: str, env: dict[str, str]) -> dict[str, str]:
    """Blob ids of the files on the remote branch (``git ls-tree``), or empty when it does not exist."""
    out: dict[str, str] = {}
    for line in _run(["git", "ls-tree", "-r", ref], repo, env).splitlines():
        meta, path = line.split("\t", 1)
        out[path] = meta.split()[2]
    return out


def git_publish(build: Path, remote: str, branch: str, cname: str | None, dry_run: bool) -> Plan:
    """Commit ``build`` as the whole tree of ``branch`` at ``remote`` (one new commit) and push it."""
    with tempfile.TemporaryDirectory(prefix="dateline-git-") as tmp:
        repo = Path(tmp) / "repo"
        content = Path(tmp) / "tree"
        shutil.copytree(build, content, ignore=shutil.ignore_patterns(MANIFEST))
        (content / ".nojekyll").write_bytes(b"")
        if cname:
            (content / "CNAME").write_text(cname.strip() + "\n", encoding="utf-8")
        env = _git_env(Path(tmp) / "index")
        _run(["git", "init", "-q", "--bare", str(repo)], None, env)
        parent = ""
        old: dict[str, str] = {}
        heads = _run(["git", "ls-remote", "--heads", remote, branch], repo, env)
        if heads.strip():
            _run(["git", "fetch", "-q", remote, f"refs/heads/{branch}:refs/remotes/target"], repo, env)
            parent = "refs/remotes/target"
            old = _remote_files(repo, parent, env)
        work = ["git", f"--git-dir={repo}", f"--work-tree={content}"]
        _run([*work, "add", "-A", "."], content, env)
        tree = _run([*work, "write-tree"], content, env).strip()
        new = _remote_files(repo, tree, env)
        result = plan(new, old)
        if dry_run or not (result.added or result.changed or result.removed):
            return result
        cmd = [*work, "commit-tree", tree, "-m", "Publish site with dateline"]
        if parent:
            cmd += ["-p", parent]
        commit = _run(cmd, content, env).strip()
        # One ref update on the remote: readers see the old tree or the new one, never a mix.
        _run(["git", "push", "-q", remote, f"{commit}:refs/heads/{branch}"], repo, env)
        return result


# --- rsync: -------------------------------------------------------------------------------------------


def rsync_publish(build: Path, destination: str, dry_run: bool) -> Plan:
    """Sync ``build`` to ``destination`` with deletes; new files are moved into place all at the end."""
    if shutil.which("rsync") is None:
        raise PublishError("rsync is not installed")
    dest = destination if destination.endswith("/") else destination + "/"
    base = [
        "rsync",
        "-a",
        "--checksum",
        "--delete-after",
        "--delay-updates",
        f"--exclude={MANIFEST}",
        "--itemize-changes",
    ]
    out = _run([*base, "--dry-run", f"{build}/", dest])
    added, changed, removed = [], [], []
    for line in out.splitlines():
        code, _, path = line.partition(" ")
        if not path or path.endswith("/"):
            continue
        if code.startswith("*deleting"):
            removed.append(path.strip())
        elif code.startswith((">f+++", "<f+++")):
            added.append(path)
        elif code.startswith((">f", "<f")):
            changed.append(path)
    result = Plan(tuple(sorted(added)), tuple(sorted(changed)), tuple(sorted(removed)))
    if not dry_run:
        _run([*base, f"{build}/", dest])
    return result
