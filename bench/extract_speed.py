"""Extraction throughput: articles per second of ``dateline extract``, one core and all cores, and peak memory.

Usage: ``python bench/extract_speed.py [--n 2000] [--words 500] [--repeat 5]``

It generates ``n`` synthetic ~500-word press releases (deterministic), then times ``dateline extract
--format jsonl`` over them in batches of 500 files per process, as the scorer calls it: once on one
core (sequential batches) and once with one process per core. Prints medians over ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PEOPLE = [
    ("Amara", "Okafor", "Ms."),
    ("Henrik", "Lindqvist", "Dr."),
    ("Thomas", "Haldane", "Mr."),
    ("Priya", "Raman", "Ms."),
]
ORGS = [
    "Northern Water Authority",
    "Northwind Relief Agency",
    "Kestrel Institute for Public Health",
    "Aurora Grid Cooperative",
]
PLACES = ["GENEVA", "NAIROBI", "LONDON", "OSLO, Norway", "WASHINGTON"]
FILLER = (
    "officials said the programme would expand to several regions over the coming year while funding remained "
    "uncertain and partners reviewed the budget figures released earlier this month by the finance office"
).split()


def article(rng: random.Random, words: int) -> str:
    first, last, hon = rng.choice(PEOPLE)
    org = rng.choice(ORGS)
    place = rng.choice(PLACES)
    paras = [f"{place}, {rng.randint(1, 28)} March 2023 – The {org} said on Monday that {first} {last} would lead it."]
    count = len(paras[0].split())
    while count < words:
        body = " ".join(rng.choice(FILLER) for _ in range(rng.randint(25, 45)))
        if rng.random() < 0.4:
            para = f"“{body.capitalize()},” {hon} {last} said. “We will keep going.”"
        else:
            para = body.capitalize() + "."
        paras.append(para)
        count += len(para.split())
    return f"{org} announces plan\n\n" + "\n\n".join(paras) + "\n"


def run_batches(paths: list[str], jobs: int) -> float:
    batches = [paths[i : i + 500] for i in range(0, len(paths), 500)]
    cmd = [sys.executable, "-m", "dateline", "extract", "--format", "jsonl", "--quiet"]
    start = time.perf_counter()

    def one(batch: list[str]) -> None:
        subprocess.run(cmd + batch, check=True, stdout=subprocess.DEVNULL)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, batches))
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(args.n):
            p = Path(tmp) / f"a{i:05d}.txt"
            p.write_text(article(rng, args.words), encoding="utf-8")
            paths.append(str(p))
        cores = os.cpu_count() or 1
        one_core, all_cores = [], []
        for _ in range(args.repeat):  # interleaved, so drift affects both alike
            one_core.append(run_batches(paths, 1))
            all_cores.append(run_batches(paths, cores))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    m1, mn = statistics.median(one_core), statistics.median(all_cores)
    print(f"articles: {args.n} of ~{args.words} words, batches of 500, {args.repeat} runs (medians)")
    print(f"one core : {args.n / m1:8.1f} articles/s  ({m1:.2f} s)")
    print(f"{cores} cores  : {args.n / mn:8.1f} articles/s  ({mn:.2f} s)  speed-up {m1 / mn:.2f}x")
    print(f"peak RSS of one extract process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
