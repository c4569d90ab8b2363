"""The seed document parses exactly as the extraction contract's worked example says."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO, SEED
from dateline.extract.record import record_for_file

EXPECTED_ENTITIES = [
    ("Ban Ki-moon", "person", ["Secretary-General Ban Ki-moon", "Mr. Ban", "the Secretary-General"], 4),
    ("United Nations", "organization", ["UN"], 3),
    ("Kosovo", "place", [], 10),
    ("Pristina", "place", [], 4),
    ("Belgrade", "place", [], 1),
    ("Serbia", "place", [], 2),
    ("Balkans", "place", [], 1),
    ("UN Interim Administration Mission in Kosovo", "organization", ["UNMIK"], 4),
    ("North Atlantic Treaty Organization", "organization", ["NATO"], 2),
    ("Kosovo Force", "organization", ["KFOR"], 1),
    ("European Union", "organization", [], 1),
    ("EULEX", "organization", [], 1),
]


def _record() -> dict:  # type: ignore[type-arg]
    record, _ = record_for_file(str(SEED))
    return record


def test_seed_title_date_and_dateline() -> None:
    r = _record()
    assert r["title"] == "Ban extols UN mission in Kosovo for spurring dialogue and cooperation"
    assert r["date"] == "2009-10-05"
    assert r["dateline"] == {"place": None, "date": "2009-10-05", "agency": None, "raw": "5 October 2009 –"}


def test_seed_paragraphs_have_no_boilerplate() -> None:
    paragraphs = _record()["paragraphs"]
    assert len(paragraphs) == 8
    assert paragraphs[0].startswith("Secretary-General Ban Ki-moon today commended")
    assert paragraphs[-1].startswith("The mission, Mr. Ban wrote, has entered a new phase")
    text = " ".join(paragraphs)
    assert "JOIN NOW" not in text and "mailing list" not in text


def test_seed_quotes_are_all_ban() -> None:
    quotes = _record()["quotes"]
    assert [(q["speaker"], q["cue"], q["paragraph"]) for q in quotes] == [
        ("Ban Ki-moon", "wrote", 1),
        ("Ban Ki-moon", "underscored", 4),
        ("Ban Ki-moon", "said", 5),
    ]
    assert quotes[0]["text"].startswith("Such cooperation is necessary")
    assert quotes[0]["text"].endswith("as a whole")
    assert quotes[2]["text"].endswith("sensitive inter-ethnic issues")


def test_seed_entities_match_contract() -> None:
    entities = [e for e in _record()["entities"] if e["kind"] != "other"]
    got = [(e["name"], e["kind"], e["aliases"], e["mentions"]) for e in entities]
    assert got == EXPECTED_ENTITIES


def test_seed_other_entities_do_not_steal_mentions() -> None:
    others = {e["name"] for e in _record()["entities"] if e["kind"] == "other"}
    assert others <= {"Yugoslav", "Albanian", "Kosovo Serbs", "Kosovo Serb"}


def test_extract_cli_prints_one_contract_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rel = "seeds/000_5ccbc7797ac8269e.txt"
    out = subprocess.run(
        [sys.executable, "-m", "dateline", "extract", "--format", "jsonl", rel],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = out.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["source"] == rel
    assert set(record) == {"source", "title", "date", "dateline", "paragraphs", "quotes", "entities", "tags"}
