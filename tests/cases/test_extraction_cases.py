"""Run every case in ``*.yaml`` beside this file through the extractor and check what it says must hold.

``extraction.yaml`` documents the keys a case may use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from dateline.extract import extract_text
from dateline.model import Extraction

CASES: list[dict[str, Any]] = [
    case for path in sorted(Path(__file__).parent.glob("*.yaml")) for case in yaml.safe_load(path.read_text("utf-8"))
]


def _speaker_ok(got: str | None, want: str | None) -> bool:
    if want is None:
        return got is None
    return got is not None and (got == want or want in got.split() or want == got.split()[-1])


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    ex: Extraction = extract_text(case["text"], case["id"])
    if "title" in case:
        assert ex.title == case["title"]
    if "dateline" in case:
        want = case["dateline"]
        if want is None:
            assert ex.dateline is None
        else:
            assert ex.dateline is not None
            for key, value in want.items():
                assert getattr(ex.dateline, key) == value, key
    if "date" in case:
        assert (ex.date.isoformat() if ex.date else None) == case["date"]
    if "paragraphs" in case:
        assert len(ex.paragraphs) == case["paragraphs"], ex.paragraphs
    body = " ".join(ex.paragraphs)
    for s in case.get("not_in_body", []):
        assert s not in body
    for s in case.get("body_contains", []):
        assert s in body
    if "quote_count" in case:
        assert len(ex.quotes) == case["quote_count"], [q.text for q in ex.quotes]
    for want in case.get("quotes", []):
        match = [q for q in ex.quotes if q.text.startswith(want["text"].rstrip(".")[:40])]
        assert match, f"no quote starting {want['text']!r} in {[q.text for q in ex.quotes]}"
        if "speaker" in want:
            assert _speaker_ok(match[0].speaker, want["speaker"]), match[0]
        if "cue" in want:
            assert match[0].cue == want["cue"], match[0]
    names = {e.name: e for e in ex.entities}
    for want in case.get("entities", []):
        assert want["name"] in names, sorted(names)
        ent = names[want["name"]]
        if "kind" in want:
            assert ent.kind.value == want["kind"], ent
        for alias in want.get("aliases", []):
            assert alias in ent.aliases, ent
    for name in case.get("not_entities", []):
        assert name not in names
    for name, kinds in case.get("not_kind", {}).items():
        if name in names:
            assert names[name].kind.value not in kinds
