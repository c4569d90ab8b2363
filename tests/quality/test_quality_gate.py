"""The extraction quality gate runs in CI when the annotated corpora are present (``../shared/corpora``)
and fails when any figure drops below its floor in ``floors.json``. Skipped, saying so, without them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO

CORPORA = REPO.parent / "shared" / "corpora"
SCORER = REPO.parent / "shared" / "eval" / "score.py"


@pytest.mark.skipif(
    not (CORPORA.is_dir() and SCORER.is_file()), reason="../shared/corpora is absent: quality gate not run"
)
def test_extraction_figures_hold_their_floors() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts/quality.py")], capture_output=True, text=True, cwd=REPO, timeout=2400
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "quality gate: passed" in done.stdout


def test_floors_file_is_well_formed() -> None:
    floors = json.loads((REPO / "tests/quality/floors.json").read_text("utf-8"))
    assert len(floors["corpus_digest"]) == 64
    for task, figures in floors["floors"].items():
        for name, value in figures.items():
            assert 0.0 <= value <= 1.0, (task, name)
