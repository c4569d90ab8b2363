#!/usr/bin/env python3
"""The extraction quality gate, in the manner of trafilatura's: score ``dateline extract`` on the
annotated corpora in ``../shared/corpora`` and compare each figure with its floor in
``tests/quality/floors.json``.

    python scripts/quality.py                 # score and compare; exit 1 when a figure is below its floor
    python scripts/quality.py --update        # raise floors to the current figures (never lowers them)
    python scripts/quality.py --update --allow-lower --reason "why"   # lowering needs both, and the
                                              # reason goes into the floors file and the commit message

Floors sit a small margin under the measured figure, so run-to-run noise does not fail CI.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "tests" / "quality" / "floors.json"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
CORPORA = ROOT.parent / "shared" / "corpora"
MARGIN = 0.005
"""Floors are set this far under the measured figure."""
GATED: dict[str, list[str]] = {
    "datelines": ["place_acc", "monthday_acc", "title_acc"],
    "titles": ["title_acc", "body_f1_macro"],
    "quotes": ["quote_f1", "speaker_acc"],
    "entities": ["f1"],
    "boilerplate": ["f1_macro"],
    "press": ["title_acc", "f1_macro"],
}
"""Figures the gate holds, per scorer task (higher is better for all of them)."""
CEILINGS: dict[str, list[str]] = {"titles": ["false_place_rate"], "press": ["footer_leak_rate"]}
"""Figures that must not rise (lower is better)."""


def corpus_digest(root: Path) -> str:
    """A digest of the corpus files' names and sizes: floors only mean something for the same corpus."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            h.update(f"{path.relative_to(root).as_posix()}\0{path.stat().st_size}\n".encode())
    return h.hexdigest()


def score(cmd: str | None = None) -> dict[str, dict[str, float]]:
    """Run the scorer over every task and return ``{task: {figure: value}}``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scores.json"
        argv = [sys.executable, str(SCORER), "all", "--corpus-root", str(CORPORA), "--json", str(out)]
        if cmd:
            argv += ["--cmd", cmd]
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        data = json.loads(out.read_text("utf-8"))
    return {task: figures_of(rep) for task, rep in data.get("tasks", data).items() if isinstance(rep, dict)}


def figures_of(report: dict[str, object]) -> dict[str, float]:
    """The numeric figures of one task's report (its ``metrics``)."""
    metrics = report.get("metrics", {})
    if not isinstance(metrics, dict):
        return {}
    return {str(k): float(v) for k, v in metrics.items() if isinstance(v, int | float) and not isinstance(v, bool)}


def compare(current: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    """One line per figure below its floor (or above its ceiling)."""
    problems = []
    for task, figures in floors.get("floors", {}).items():
        for name, floor in figures.items():
            value = current.get(task, {}).get(name)
            if value is None or value < floor:
                problems.append(f"{task}.{name}: {value} is below its floor {floor}")
    for task, figures in floors.get("ceilings", {}).items():
        for name, ceiling in figures.items():
            value = current.get(task, {}).get(name)
            if value is None or value > ceiling:
                problems.append(f"{task}.{name}: {value} is above its ceiling {ceiling}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="raise floors to the current figures")
    ap.add_argument("--allow-lower", action="store_true", help="with --update: allow lowering a floor")
    ap.add_argument("--reason", default="", help="why a floor is lowered (required with --allow-lower)")
    args = ap.parse_args()
    if not CORPORA.is_dir():
        print(f"quality gate skipped: {CORPORA} is absent")
        return 0
    stored = json.loads(FLOORS.read_text("utf-8")) if FLOORS.is_file() else {}
    digest = corpus_digest(CORPORA)
    current = score()
    if args.update:
        if args.allow_lower and not args.reason:
            ap.error("--allow-lower needs --reason")
        floors: dict[str, dict[str, float]] = {}
        for task, names in GATED.items():
            for name in names:
                new = round(current[task][name] - MARGIN, 4)
                old = stored.get("floors", {}).get(task, {}).get(name)
                if old is not None and new < old and not args.allow_lower:
                    print(f"keeping {task}.{name} at {old} (now {current[task][name]}); lowering needs --allow-lower")
                    new = old
                floors.setdefault(task, {})[name] = new
        ceilings = {t: {n: round(current[t][n] + MARGIN, 4) for n in ns} for t, ns in CEILINGS.items()}
        record = {"corpus_digest": digest, "floors": floors, "ceilings": ceilings}
        if args.reason:
            record["last_lowered_because"] = args.reason
        FLOORS.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"floors written to {FLOORS}")
        return 0
    if stored.get("corpus_digest") != digest:
        print("quality gate: the corpus differs from the one the floors were measured on; re-baseline with --update")
        return 1
    problems = compare(current, stored)
    for line in problems:
        print(line)
    print(
        f"quality gate: {'FAILED' if problems else 'passed'} ({sum(len(v) for v in stored['floors'].values())} floors)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
