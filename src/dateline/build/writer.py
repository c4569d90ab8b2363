"""Write a build into a staging folder beside the output and switch it in only when complete.

The switch is one atomic ``renameat2(RENAME_EXCHANGE)`` on Linux: at every instant the output path holds
either the whole old build or the whole new one, so a build killed at any point leaves the previous
output byte-identical. Elsewhere it falls back to two renames, and the next build restores the old
folder if a kill fell between them. The output folder carries a marker file; dateline never deletes a
folder without it. A write that would land outside the staging folder, or write one path twice, is refused.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..errors import CollisionError, OutputError

MARKER = ".dateline-output"
"""Marks a folder as dateline's own output, safe to replace."""
TEMP_SUFFIX = ".dateline-new"
"""Files are written under this suffix, then renamed over their name, when the tree is a reused spare."""


def output_identity(output: Path) -> str:
    """Which build wrote ``output``: the identity of its marker file (each build writes a new one), or
    empty when there is none."""
    try:
        st = (output / MARKER).stat()
    except OSError:
        return ""
    return f"{st.st_dev}:{st.st_ino}:{st.st_mtime_ns}"


def check_output_location(output: Path, content: Path, root: Path, force: bool = False) -> None:
    """Refuse output folders whose replacement would destroy something that is not ours.

    ``force`` allows a non-empty folder without our marker; it is then moved aside, never deleted.
    """
    out = output.resolve()
    home = Path.home().resolve()
    forbidden = {Path(out.anchor), home, root.resolve(), content.resolve()}
    if out in forbidden:
        raise OutputError(
            f"refusing to use {out} as the output folder (it is the site, content or home folder)", str(out)
        )
    if content.resolve().is_relative_to(out):
        raise OutputError(f"refusing to use {out} as the output folder: it contains the content folder", str(out))
    if out.exists() and not out.is_dir():
        raise OutputError(f"output path {out} exists and is not a folder", str(out))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists() and not force:
        raise OutputError(
            f"output folder {out} is not empty and was not made by dateline; choose another, empty it, or use --force",
            str(out),
        )
    parent = out.parent if not out.exists() else out
    probe = parent if parent.exists() else parent.parent
    if probe.exists() and not os.access(probe, os.W_OK):
        raise OutputError(f"cannot write to {probe}: permission denied", str(probe))


class StagingWriter:
    """Collects a build's files in a staging folder; ``commit`` swaps it in, ``abort`` drops it.

    The staging folder is new, or with ``spare`` the tree of the build before last, kept for this: a
    file that tree already holds with the right fingerprint (``spare_prints``) is left as it is, one the
    current output holds (``old``) is hard-linked from there, and only the rest is written, each by a
    rename over the old name, so an unchanged archive costs nothing however large it is. A spare's files
    may be hard links shared with the output, so nothing here ever writes into an existing file.
    After the switch the previous output is kept at ``keep_at`` (the next build's spare) when given.
    ``fresh_dirs`` are folders of a spare that another step makes whole (the search index): they are
    emptied first.
    """

    def __init__(
        self,
        output: Path,
        old: dict[str, str] | None = None,
        spare: Path | None = None,
        spare_prints: dict[str, str] | None = None,
        keep_at: Path | None = None,
        fresh_dirs: tuple[str, ...] = (),
    ) -> None:
        self.output = output.resolve()
        self.old = old or {}
        self.spare_prints = spare_prints if spare is not None and spare_prints is not None else None
        self.keep_at = keep_at
        parent = self.output.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            if spare is not None and self.spare_prints is not None:
                self.staging = spare
                (spare / MARKER).unlink(missing_ok=True)  # a half-updated spare must never pass for a build
                for name in fresh_dirs:  # folders made whole by another step (the search index)
                    shutil.rmtree(spare / name, ignore_errors=True)
            else:
                self.staging = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.staging-", dir=parent))
        except OSError as exc:
            raise OutputError(
                f"cannot create a staging folder beside {self.output}: {exc.strerror}", str(parent)
            ) from exc
        self._written: dict[str, str] = {}
        self.identity = ""
        """:func:`output_identity` of the new output, once committed."""
        self._root = str(self.staging)
        self._out = str(self.output)
        self._folders: set[str] = {self._root}

    def _target(self, rel: str) -> str:
        parts = rel.replace("\\", "/").split("/")
        if not rel or rel.startswith(("/", "\\")) or "\x00" in rel or ".." in parts or ":" in parts[0]:
            raise OutputError(f"unsafe output path {rel!r}", rel)
        # The staging folder holds only folders and files a build made, never a symbolic link, so a
        # relative path without ``..`` cannot leave it; no need to resolve every component.
        # Plain strings, not Paths: this runs once per output file (30,000 at 10,000 articles).
        target = os.path.join(self._root, rel)
        folder = os.path.dirname(target)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            while folder not in self._folders:
                self._folders.add(folder)
                folder = os.path.dirname(folder)
        return target

    def _claim(self, rel: str, owner: str) -> None:
        key = rel.casefold()
        if key in self._written:
            raise CollisionError(f"two pages write {rel}: {self._written[key]} and {owner or 'another page'}", owner)
        self._written[key] = owner or rel

    def reuse(self, rel: str, printed: str) -> bool:
        """Make ``rel`` the file already built with fingerprint ``printed``, when the staging tree or the
        current output holds it; False when it must be written."""
        if self.spare_prints is not None and self.spare_prints.get(rel) == printed:
            self._claim(rel, rel)
            return True
        if self.old.get(rel) == printed and os.path.isfile(os.path.join(self._out, rel)):
            self.link(rel, self.output / rel)
            return True
        return False

    def write(self, rel: str, data: bytes, owner: str = "") -> None:
        """Write ``data`` at ``rel`` (relative to the output root). ``owner`` names the source for errors."""
        self._claim(rel, owner)
        target = self._target(rel)
        try:
            if self.spare_prints is None:
                _write_file(target, data)
            else:
                _write_file(target + TEMP_SUFFIX, data)
                os.replace(target + TEMP_SUFFIX, target)
        except OSError as exc:
            reason = "no space left" if exc.errno == 28 else exc.strerror
            raise OutputError(f"{reason} writing {rel}", rel) from exc

    def keep(self, rel: str) -> None:
        """Place the current output's file ``rel`` in the new tree unchanged (a hard link)."""
        self.link(rel, self.output / rel)

    def link(self, rel: str, source: Path) -> None:
        """Place ``source`` (a file of the current output) at ``rel`` as a hard link: no bytes copied."""
        self._claim(rel, rel)
        target = self._target(rel)
        temp = target + TEMP_SUFFIX if self.spare_prints is not None else target
        try:
            os.link(source, temp)
        except OSError:
            shutil.copyfile(source, temp)  # another file system, or links unsupported
        if temp != target:
            os.replace(temp, target)

    def drop_others(self, keep: set[str]) -> None:
        """Remove from a reused spare tree every file of its last build that is not in ``keep``, and the
        folders left empty (a clean build would not have them)."""
        if self.spare_prints is None:
            return
        for rel in self.spare_prints.keys() - keep:
            self.remove(rel)

    def remove(self, rel: str) -> None:
        """Remove ``rel`` from a reused spare tree, and the folders it leaves empty."""
        target = os.path.join(self._root, rel)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        folder = os.path.dirname(target)
        while folder != self._root:
            try:
                os.rmdir(folder)
            except OSError:
                break  # not empty (or already gone): stop climbing
            folder = os.path.dirname(folder)

    @property
    def files(self) -> int:
        """How many files this process has written or kept."""
        return len(self._written)

    def _mark(self) -> None:
        marker = self.staging / MARKER
        # A new file each build: its identity tells this tree from every other (see output_identity).
        marker.with_name(MARKER + TEMP_SUFFIX).write_text(
            "This folder is generated by dateline and replaced on each build.\n"
        )
        os.replace(marker.with_name(MARKER + TEMP_SUFFIX), marker)
        self.identity = output_identity(self.staging)  # the marker keeps its inode through the switch

    def settle(self) -> None:
        """Finish without switching, when the new tree equals the output: a reused spare is marked as
        whole (it now holds what the output holds, :attr:`identity` names it), a new staging folder is
        dropped."""
        if self.spare_prints is None:
            self.abort()
        else:
            self._mark()

    def commit(self, keep_foreign: bool = False) -> None:
        """Mark the staging folder as ours and swap it in place of the output, atomically where possible."""
        self._mark()
        # No fsync: a killed process loses nothing the kernel already holds, and the switch below is one
        # atomic rename. (Syncing a 30,000-file tree took longer than rendering it.)
        foreign = self.output.is_dir() and not (self.output / MARKER).exists() and any(self.output.iterdir())
        if self.output.exists() and exchange(self.staging, self.output):
            old = self.staging  # now holds the previous output
        else:
            old = None
            if self.output.exists():
                old = self.output.with_name(f".{self.output.name}.old-{os.getpid()}")
                os.replace(self.output, old)
            os.replace(self.staging, self.output)
        if old is None:
            return
        if foreign and keep_foreign:
            # --force: a folder we did not make is moved aside, never deleted.
            kept = self.output.with_name(f"{self.output.name}.replaced-{os.getpid()}")
            os.replace(old, kept)
        elif foreign or self.keep_at is None:
            shutil.rmtree(old, ignore_errors=True)
        elif old != self.keep_at:
            shutil.rmtree(self.keep_at, ignore_errors=True)
            os.replace(old, self.keep_at)

    def abort(self) -> None:
        """Drop the staging folder; the output is untouched. A spare tree is left for the next build to
        remove or reuse (its marker is gone, so it is never taken for a build)."""
        if self.spare_prints is None:
            shutil.rmtree(self.staging, ignore_errors=True)


def _write_file(path: str, data: bytes) -> None:
    # os-level calls on a string path: no Path object or buffered file per output file (30,000 at 10,000 articles)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with Linux ``renameat2(RENAME_EXCHANGE)``; False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def list_files(root: Path) -> list[str]:
    """Every file under ``root``, as POSIX paths relative to it (one ``scandir`` per folder)."""
    found: list[str] = []

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                elif entry.is_file(follow_symlinks=False):
                    found.append(prefix + entry.name)

    if root.is_dir():
        walk(str(root), "")
    return found


def remove_stale_staging(output: Path) -> None:
    """Clean up after a killed build: restore an output moved aside, remove staging and old folders."""
    parent = output.resolve().parent
    if not parent.is_dir():
        return
    olds = sorted(parent.glob(f".{output.name}.old-*"))
    if not output.exists() and olds:
        # A kill fell between the two fallback renames: the old output is whole; put it back.
        os.replace(olds[-1], output)
    for prefix in (f".{output.name}.staging-", f".{output.name}.old-"):
        for leftover in parent.glob(prefix + "*"):
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
