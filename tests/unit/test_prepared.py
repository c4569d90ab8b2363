"""Prepared word tables: saved once, read back equal, rebuilt when damaged, skipped when turned off; and the
prepared tables answer as the data packages themselves do."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.extract import lexicon
from dateline.extract.prepared import TABLES_ENV, prepared, source_key


def test_a_table_is_built_once_then_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TABLES_ENV, str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"a": 1}

    assert prepared("t", "k1", build) == {"a": 1}
    assert prepared("t", "k1", build) == {"a": 1}
    assert len(calls) == 1
    (tmp_path / "t-k1.pickle").write_bytes(b"not a pickle")
    assert prepared("t", "k1", build) == {"a": 1}  # damaged: built again
    assert prepared("t", "k2", build) == {"a": 1}  # a new key replaces the old file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t-k2.pickle"]
    assert len(calls) == 3


def test_tables_can_be_turned_off_and_survive_an_unwritable_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TABLES_ENV, "off")
    assert prepared("t", "k", lambda: 5) == 5
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(TABLES_ENV, str(blocker / "sub"))  # a folder that cannot be made
    assert prepared("t", "k", lambda: 6) == 6


def test_source_key_follows_the_package_version_and_the_module() -> None:
    assert source_key("wordfreq", "dateline.extract.lexicon") == source_key("wordfreq", "dateline.extract.lexicon")
    assert source_key("wordfreq", "dateline.extract.lexicon") != source_key(
        "gender-guesser", "dateline.extract.lexicon"
    )


@pytest.mark.parametrize("name", ["Amara", "John", "Terry", "Élisabeth", "Xyzzyq", "andrea", "Bernie"])
def test_prepared_first_names_answer_as_gender_guesser(name: str) -> None:
    import gender_guesser.detector as gd

    assert lexicon.name_list_answer(name) == gd.Detector(case_sensitive=False).get_gender(name)


def test_every_frequency_rule_compares_above_the_table_floor() -> None:
    from dateline.extract import mentions

    thresholds = [lexicon.COMMON_ZIPF, mentions.SINGLE_COMMON_ZIPF, mentions.DESCRIPTOR_ZIPF]
    assert min(thresholds) >= lexicon.ZIPF_FLOOR
    assert lexicon.zipf("the") > 7 and lexicon.zipf("three") > lexicon.COMMON_ZIPF
