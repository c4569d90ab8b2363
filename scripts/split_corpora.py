#!/usr/bin/env python3
"""Split the annotated dev corpora into a tune part (three quarters) and a held-aside part (one quarter).

    python scripts/split_corpora.py [--corpora ../shared/corpora] [--out /tmp/dateline-splits]

writes ``OUT/tune/`` and ``OUT/hold/``, each a corpus root the scorer takes as ``--corpus-root``:

    python3 ../shared/eval/score.py quotes --corpus-root /tmp/dateline-splits/tune

Rules are tuned on ``tune`` only; ``hold`` is scored once per change set, to see whether a gain
generalises. A document goes to ``hold`` when ``md5(key) % 4 == 0``, where the key is what the scorer
names it by (Reuters: the whole ``.sgm`` file, since its stories run in sequence). Files are linked,
never copied, except where the scorer reads several documents from one file (CoNLL-2003, the JSON Lines
indexes): those files are rewritten with each part's documents. Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def held(key: str) -> bool:
    """True for the quarter of documents kept aside."""
    return int(hashlib.md5(key.encode()).hexdigest(), 16) % 4 == 0


def _link(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.symlink_to(src.resolve())


def split_reuters(src: Path, parts: dict[bool, Path]) -> None:
    for sgm in sorted(src.glob("*.sgm")):
        _link(sgm, parts[held(sgm.name)] / src.name / sgm.name)


def split_bbc(src: Path, parts: dict[bool, Path]) -> None:
    for f in sorted(src.glob("*/*.txt")):
        _link(f, parts[held(f"{f.parent.name}/{f.stem}")] / src.name / f.parent.name / f.name)


def split_polnear(src: Path, parts: dict[bool, Path]) -> None:
    for txt in sorted(src.glob("*/text/*.txt")):
        compartment = txt.parent.parent
        dst = parts[held(f"{compartment.name}/{txt.stem}")] / src.name / compartment.name
        _link(txt, dst / "text" / txt.name)
        for ann in sorted((compartment / "attributions").glob(f"{txt.stem}_*.ann")):
            _link(ann, dst / "attributions" / ann.name)


def split_conll(src: Path, parts: dict[bool, Path]) -> None:
    for f in sorted(src.glob("*.txt")):
        docs: list[list[str]] = []
        for line in f.read_text(encoding="utf-8").splitlines(keepends=True):
            if line.startswith("-DOCSTART-") or not docs:
                docs.append([])
            docs[-1].append(line)
        out: dict[bool, list[str]] = {True: [], False: []}
        for i, doc in enumerate(docs):
            out[held(f"{f.stem}-{i:04d}")].extend(doc)
        for side, lines in out.items():
            dst = parts[side] / src.name / f.name
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_text("".join(lines), encoding="utf-8")


def split_jsonl(index_glob: str, key: Callable[[dict[str, object]], str]) -> Callable[[Path, dict[bool, Path]], None]:
    """A splitter for corpora indexed by JSON Lines files: rows split by ``key``, every other entry linked."""

    def split(src: Path, parts: dict[bool, Path]) -> None:
        indexes = sorted(src.glob(index_glob))
        for entry in sorted(src.iterdir()):
            if entry not in indexes:
                for side in parts.values():
                    _link(entry, side / src.name / entry.name)
        for idx in indexes:
            out: dict[bool, list[str]] = {True: [], False: []}
            for line in idx.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    out[held(key(json.loads(line)))].append(line + "\n")
            for side, lines in out.items():
                (parts[side] / src.name / idx.name).write_text("".join(lines), encoding="utf-8")

    return split


SPLITTERS: dict[str, Callable[[Path, dict[bool, Path]], None]] = {
    "reuters21578": split_reuters,
    "bbc-news": split_bbc,
    "polnear": split_polnear,
    "conll2003": split_conll,
    "article-extraction-benchmark": split_jsonl("ground-truth.jsonl", lambda r: str(r["id"])),
    "hhs-press-releases": split_jsonl("index_*.jsonl", lambda r: str(r["file"])),
}
"""Corpus folder → how its documents are divided (the scorer's own document keys)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--out", type=Path, default=Path("/tmp/dateline-splits"))
    args = parser.parse_args()
    if not args.corpora.is_dir():
        raise SystemExit(f"no corpora at {args.corpora}")
    if args.out.resolve().is_relative_to(ROOT):
        raise SystemExit("write the splits outside the repository")
    shutil.rmtree(args.out, ignore_errors=True)
    parts = {False: args.out / "tune", True: args.out / "hold"}
    for name, split in SPLITTERS.items():
        if (args.corpora / name).is_dir():
            split(args.corpora / name, parts)
    print(f"tune: {parts[False]}\nhold: {parts[True]}")


if __name__ == "__main__":
    main()
