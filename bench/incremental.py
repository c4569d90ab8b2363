"""Incremental builds of one generated archive, checked byte for byte against a clean build.

Usage: ``python bench/incremental.py [--n 10000] [--repeat 3] [--work DIR] [--site DIR] [--no-compare]``

Steps, top to bottom:

1. generate ``--n`` articles with ``corpus.py`` into ``WORK/site`` (or take ``--site``, an existing
   ``corpus.py`` site, as it is: its cold build is then skipped when it was already built);
2. build it cold (no output, no cache) with ``dateline build --timings``;
3. rebuild with no change, ``--repeat`` times;
4. rebuild after appending a sentence to one article's body, ``--repeat`` times, a different article each
   time (the first of these has no spare tree yet, see the README's *spare tree*);
5. rebuild after editing one article's words and deleting another article;
6. build the same content cold into another folder with ``--no-cache`` and compare the two outputs file
   by file (names and bytes); any difference is listed and the script exits 1.

Each rebuild's process wall time and peak RSS (GNU ``time``) are printed, then medians. The edited and
deleted files are not restored: the site is left as the last rebuild saw it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # corpus.py is a sibling script, not a package
import corpus

TIME = Path("/usr/bin/time")


def dateline() -> list[str]:
    """The ``dateline`` script of this interpreter's environment, or ``python -m dateline``."""
    script = Path(sys.executable).parent / "dateline"
    return [str(script)] if script.exists() else [sys.executable, "-m", "dateline"]


def run(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run ``dateline args`` in ``cwd``: (wall seconds, peak RSS MiB, last line it printed)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        prefix = [str(TIME), "-f", "%M", "-o", rss.name] if TIME.exists() else []
        start = time.perf_counter()
        proc = subprocess.run([*prefix, *dateline(), *args], cwd=cwd, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"dateline {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        text = rss.read().strip()
        mib = int(text.splitlines()[-1]) / 1024 if text else 0.0
    last = (proc.stdout.strip().splitlines() or [""])[-1]
    return wall, mib, last


def edit_words(path: Path, note: str) -> None:
    """Append a sentence to the longest line of ``path`` (body text: no names, quotes or tags)."""
    lines = path.read_text("utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda k: len(lines[k]))
    lines[longest] += f" A sentence added by {note}."
    path.write_text("\n".join(lines), "utf-8")


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` → sha256 of its bytes (the output marker, which differs by design, left out)."""
    found: dict[str, str] = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            rel = path.relative_to(root).as_posix()
            if rel != ".dateline-output":
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def report(label: str, runs: list[tuple[float, float, str]]) -> None:
    walls = [w for w, _, _ in runs]
    print(
        f"{label:<34} median {statistics.median(walls):6.2f}s  ({' / '.join(f'{w:.2f}' for w in walls)})"
        f"  peak RSS {max(m for _, m, _ in runs):.0f}MB"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--n", type=int, default=10000, help="articles to generate (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="no-change and one-edit rebuilds (default 3)")
    ap.add_argument("--work", type=Path, default=None, help="folder for the sites (default: a temp folder)")
    ap.add_argument("--site", type=Path, default=None, help="an existing corpus.py site to use as it is")
    ap.add_argument("--no-compare", action="store_true", help="skip the clean build and the comparison")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix=f"dateline-incremental-{args.n}-"))
    site = args.site or work / "site"
    if args.site is None:
        corpus.prepare(site)
        corpus.write_dateline_site(corpus.generate(args.n, args.seed), site)
    print(f"site: {site}")

    if not (site / "public").is_dir():
        wall, mib, last = run(["build", "--timings"], site)
        print(f"cold build                         {wall:6.2f}s  peak RSS {mib:.0f}MB  {last}")
    report("no-change rebuild", [run(["build"], site) for _ in range(args.repeat)])

    files = sorted((site / "content").rglob("*.md")) + sorted((site / "content").rglob("*.txt"))
    edits = []
    for i in range(args.repeat):
        edit_words(files[(i * 7919 + len(files) // 2) % len(files)], f"edit {i} of {time.time_ns()}")
        edits.append(run(["build", "--timings"], site))
    report("one-article edit rebuild", edits)

    edit_words(files[len(files) // 3], f"the edit beside a deletion, {time.time_ns()}")
    files[len(files) // 4].unlink()
    report("edit one, delete another rebuild", [run(["build", "--timings"], site)])
    if args.no_compare:
        return 0

    clean = work / "clean"
    corpus.prepare(clean)
    (clean / "dateline.yaml").write_text((site / "dateline.yaml").read_text("utf-8"), "utf-8")
    os.symlink(site / "content", clean / "content")
    wall, mib, last = run(["build", "--no-cache", "--timings"], clean)
    print(f"clean --no-cache build             {wall:6.2f}s  peak RSS {mib:.0f}MB  {last}")
    ours, theirs = tree(site / "public"), tree(clean / "public")
    differ = sorted(rel for rel in ours.keys() | theirs.keys() if ours.get(rel) != theirs.get(rel))
    print(f"incremental output == clean build: {'yes' if not differ else 'NO'} ({len(ours)} files compared)")
    for rel in differ[:20]:
        print(f"  differs: {rel}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
