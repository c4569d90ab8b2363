"""Shared test helpers: build a site from an inline file tree in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.build import BuildReport, build
from dateline.config import load_config

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_5ccbc7797ac8269e.txt"

SiteMaker = Callable[..., tuple[Path, BuildReport]]


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    """Create ``files`` (relative path → content) under ``root``."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.fixture
def make_site(tmp_path: Path) -> SiteMaker:
    """Build a site from a dict of files; returns the output folder and the report."""

    def _make(files: dict[str, str | bytes], config: str = "", **kwargs: object) -> tuple[Path, BuildReport]:
        write_tree(tmp_path, {"dateline.yaml": config or "title: Test archive\n", **files})
        cfg, _ = load_config(tmp_path / "dateline.yaml")
        report = build(cfg, **kwargs)  # type: ignore[arg-type]
        return cfg.output_path, report

    return _make
