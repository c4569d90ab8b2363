"""``dateline publish TARGET``: ship a verified clean build to static hosting without ever leaving the
target half-updated.

1. Build: a clean, strict build (warnings are errors) into a private staging folder, plus ``_headers``
   with a Content-Security-Policy that allows the site's own inline scripts by hash.
2. Verify: the build has a home page, at least one article page, and every file of its manifest; a
   failed, empty or partial build is refused before the target is touched.
3. Plan: what would be added, changed and removed at the target (``--dry-run`` stops here).
4. Ship, atomically per target kind:

   * ``dir:PATH`` — copy into a sibling staging folder, then swap it in with two renames;
   * ``git:REMOTE#BRANCH`` — one new commit whose tree is exactly the build (``.nojekyll``, optional
     ``CNAME``), pushed as a single ref update;
   * ``rsync:[HOST:]PATH`` — ``rsync --delete-after --delay-updates``, which moves every new file into
     place only after all have arrived.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import DatelineError

MANIFEST = ".dateline-manifest"
"""A list of every published file with its sha256, written last into each verified build."""


class PublishError(DatelineError):
    """Publishing was refused or failed; the target was left as it was."""


@dataclass(frozen=True, slots=True)
class Plan:
    """What publishing would do to the target."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]

    def lines(self) -> list[str]:
        """``+ path``, ``~ path`` and ``- path`` lines, sorted."""
        return [f"+ {p}" for p in self.added] + [f"~ {p}" for p in self.changed] + [f"- {p}" for p in self.removed]


def digest_tree(root: Path, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """sha256 of every file under ``root`` by relative path (skipping names in ``skip`` and ``.git``)."""
    out: dict[str, str] = {}
    if not root.is_dir():
        return out
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and rel.split("/")[0] != ".git" and path.name not in skip:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def plan(new: dict[str, str], old: dict[str, str]) -> Plan:
    """The difference between two digest maps."""
    added = tuple(sorted(set(new) - set(old)))
    removed = tuple(sorted(set(old) - set(new)))
    changed = tuple(sorted(p for p in set(new) & set(old) if new[p] != old[p]))
    return Plan(added, changed, removed)


def write_manifest(root: Path) -> None:
    """Record every file of a finished build; the last file written, so its presence means complete."""
    lines = [f"{h}  {rel}" for rel, h in digest_tree(root, frozenset({MANIFEST})).items()]
    (root / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")


def verify_build(root: Path) -> dict[str, str]:
    """The build's digests, after checking it is complete; raises PublishError for a bad build."""
    manifest = root / MANIFEST
    if not manifest.is_file():
        raise PublishError(f"refusing to publish {root}: no completed build manifest")
    expected: dict[str, str] = {}
    for line in manifest.read_text("utf-8").splitlines():
        if line.strip():
            h, rel = line.split("  ", 1)
            expected[rel] = h
    actual = digest_tree(root, frozenset({MANIFEST}))
    if actual != expected:
        raise PublishError(f"refusing to publish {root}: files differ from the build manifest (partial build?)")
    if "index.html" not in actual or sum(rel.endswith(".html") for rel in actual) < 2:
        raise PublishError(f"refusing to publish {root}: the build is empty (no home page or no other pages)")
    return actual
