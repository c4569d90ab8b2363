"""Build the tiny site in ``site/`` and compare the whole output tree with ``expected/``, byte for byte.

Regenerate after an intended change with ``DATELINE_UPDATE_GOLDEN=1 pytest tests/golden`` and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from dateline.build import build
from dateline.build.writer import MARKER
from dateline.config import load_config

HERE = Path(__file__).parent
EXPECTED = HERE / "expected"


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != MARKER
    }


def test_golden_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(HERE / "site", site)
    config, _ = load_config(site / "dateline.yaml")
    build(config)
    got = _tree(config.output_path)
    if os.environ.get("DATELINE_UPDATE_GOLDEN"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for rel, data in got.items():
            (EXPECTED / rel).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / rel).write_bytes(data)
    want = _tree(EXPECTED)
    assert sorted(got) == sorted(want)
    for rel in want:
        assert got[rel] == want[rel], f"{rel} differs from the golden copy"
