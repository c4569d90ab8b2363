"""Edit-to-visible latency of ``dateline serve``: how long after saving an article its page shows the edit.

Usage: ``python bench/serve_latency.py [--n 10000] [--edits 7] [--site DIR]``

Generates (or reuses, with ``--site``) a ``bench/corpus.py`` archive of ``n`` articles, starts
``dateline serve`` on it as a user would, waits for the first build, then edits articles one at a time
and polls the article's page over HTTP until the new words appear. Four kinds of edit are timed: a
sentence added to the body, a sentence naming a person the article already names, a changed headline (which moves the page to a new URL; the old URL is polled
until it is gone and the new one until it answers), and a changed tag (which changes the tag pages, so
the site is collected afresh). Prints the median and range of each; the median includes the watcher's
quiet period (50 ms) and polling every 20 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from dateline.slug import slugify

HERE = Path(__file__).resolve().parent
POLL_S = 0.02
TIMEOUT_S = 120.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


def wait_for(check: object, timeout: float = TIMEOUT_S, what: str = "the served page to change") -> float:
    """Seconds until ``check()`` is true (polling), or raise after ``timeout``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():  # type: ignore[operator]
            return time.perf_counter() - start
        time.sleep(POLL_S)
    raise SystemExit(f"timed out waiting for {what}")


def article_url(base: str, text: str, rel: Path) -> str:
    """The page URL of a generated .txt article: its date folder and the slug of its headline."""
    slug = slugify(text.split("\n", 1)[0])
    year, month = rel.parts[0], rel.name[5:7]
    return f"{base}{year}/{month}/{slug}/"


def tag_line(text: str) -> bool:
    """Whether the generated article still ends with its ``Tags:`` line (an earlier edit may have moved it)."""
    return text.rstrip().rsplit("\n", 1)[-1].startswith("Tags: ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--edits", type=int, default=7)
    ap.add_argument("--site", type=Path, help="an existing bench/corpus.py site to use")
    args = ap.parse_args()
    tmp = None
    if args.site is None:
        tmp = tempfile.TemporaryDirectory(prefix="dateline-serve-bench-")
        args.site = Path(tmp.name)
        subprocess.run(
            [sys.executable, str(HERE / "corpus.py"), "--n", str(args.n), "--out", str(args.site)], check=True
        )
    content = args.site / "content"
    txts = sorted(p for p in content.rglob("*.txt") if p.name[:4].isdigit() and tag_line(p.read_text("utf-8")))
    port = free_port()
    base = f"http://localhost:{port}/"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "dateline", "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, cwd=args.site, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    originals: dict[Path, str] = {}
    results: dict[str, list[float]] = {"body": [], "mention": [], "headline": [], "tag": []}
    try:
        first = wait_for(lambda: fetch(base)[0] == 200, timeout=1800)
        print(f"first build served after {first:.1f} s ({len(txts)} .txt articles)")
        time.sleep(1.0)
        for n in range(args.edits):
            victim = txts[(n * 7919) % len(txts)]
            rel = victim.relative_to(content)
            text = originals.setdefault(victim, victim.read_text("utf-8"))
            url = article_url(base, text, rel)
            if fetch(url)[0] != 200:
                continue  # a slug the simple rule above does not reproduce; skip this file
            marker = f"Benchmark edit number {n} was made."
            lines = text.split("\n")
            longest = max(range(len(lines)), key=lambda i: len(lines[i]))
            lines[longest] += " " + marker
            start = time.perf_counter()
            victim.write_text("\n".join(lines), "utf-8")
            wait_for(lambda u=url, m=marker: m in fetch(u)[1], what=f"the body edit on {url}")
            results["body"].append(time.perf_counter() - start)
            named = re.search(r"\b(?:Mr|Ms|Dr)\. [A-Z][a-z]+", text)
            if named is not None:
                # One more mention of a person the article already names: that person's page changes too.
                cheer = f"{named.group(0)} welcomed benchmark edit {n}."
                lines[longest] += " " + cheer
                start = time.perf_counter()
                victim.write_text("\n".join(lines), "utf-8")
                wait_for(lambda u=url, m=cheer: m in fetch(u)[1], what=f"the mention edit on {url}")
                results["mention"].append(time.perf_counter() - start)
            headline = text.split("\n", 1)[0] + f" revised {n}"
            new_url = article_url(base, headline, rel)
            start = time.perf_counter()
            victim.write_text(headline + "\n" + "\n".join(lines).split("\n", 1)[1], "utf-8")
            word = f"revised {n}"

            def moved(u: str = url, v: str = new_url, w: str = word) -> bool:
                # A long headline's slug is cut at 80 bytes, so the URL may stay; the words still change.
                return w in fetch(v)[1] and (u == v or fetch(u)[0] == 404)

            wait_for(moved, what=f"the headline edit at {new_url}")
            results["headline"].append(time.perf_counter() - start)
            tagged = re.sub(r"(?m)^Tags: ", f"Tags: bench-edit-{n}, ", text, count=1)
            start = time.perf_counter()
            victim.write_text(tagged, "utf-8")
            wait_for(lambda n=n: fetch(f"{base}tags/bench-edit-{n}/")[0] == 200, what="the new tag page")
            results["tag"].append(time.perf_counter() - start)
            victim.write_text(text, "utf-8")
            wait_for(lambda n=n: fetch(f"{base}tags/bench-edit-{n}/")[0] == 404, what="the revert")
            time.sleep(1.0)
    finally:
        for path, text in originals.items():
            path.write_text(text, "utf-8")
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        if tmp is not None:
            tmp.cleanup()
    for kind, times in results.items():
        if times:
            print(
                f"{kind:9} edit visible after: median {statistics.median(times) * 1000:7.0f} ms "
                f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {len(times)} edits)"
            )


if __name__ == "__main__":
    main()
