"""Kept compiled patterns: the same pattern object ``re.compile`` gives, from the store or without it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.extract import attribution_patterns, compiled, patterns
from dateline.extract.prepared import TABLES_ENV

BIG = attribution_patterns.AFTER_PLAIN.pattern
SAMPLES = [", Mr. Ban said", ", the Secretary-General told reporters", " said she", ", Erdoğan said on Monday", "x"]


def _fresh(monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    monkeypatch.setenv(TABLES_ENV, folder)
    monkeypatch.setattr(compiled, "_store", None)  # as in a new process


def _same(kept: re.Pattern[str], plain: re.Pattern[str]) -> None:
    assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == (
        plain.pattern,
        plain.flags,
        plain.groups,
        plain.groupindex,
    )
    for text in SAMPLES:
        a, b = kept.match(text), plain.match(text)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def test_a_kept_pattern_matches_as_the_compiled_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = re.compile(BIG, re.I)
    _fresh(monkeypatch, str(tmp_path))
    _same(compiled.compile_kept(BIG, re.I), plain)  # compiled here and stored
    assert [p.name.split("-")[0] for p in tmp_path.iterdir()] == ["regexes"]
    _fresh(monkeypatch, str(tmp_path))
    _same(compiled.compile_kept(BIG, re.I), plain)  # read back from the store


def test_a_damaged_or_missing_store_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = re.compile(BIG)
    _fresh(monkeypatch, str(tmp_path))
    compiled.compile_kept(BIG)
    (store,) = tmp_path.iterdir()
    store.write_bytes(b"not a pickle")
    _fresh(monkeypatch, str(tmp_path))
    _same(compiled.compile_kept(BIG), plain)
    _fresh(monkeypatch, "off")
    _same(compiled.compile_kept(BIG), plain)


def test_a_store_with_bad_code_still_gives_a_working_pattern(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(monkeypatch, str(tmp_path))
    compiled.compile_kept(BIG)
    assert compiled._store is not None
    for name, parts in compiled._store.items():
        final, code, groups, gi, ig = parts
        compiled._store[name] = (final, code[: len(code) // 2], groups, gi, ig)  # truncated: _sre refuses it
    _same(compiled.compile_kept(BIG), re.compile(BIG))


def test_short_patterns_are_not_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(monkeypatch, str(tmp_path))
    assert compiled.compile_kept(r"\bsaid\b").pattern == r"\bsaid\b"
    assert list(tmp_path.iterdir()) == []


def test_the_anchored_builder_uses_the_store() -> None:
    assert patterns.compile_anchored(BIG).match(", Mr. Ban said") is not None


def test_every_pattern_is_spelled_the_same_in_every_process() -> None:
    """A pattern built from a set in hash order would miss the store in each new process."""
    import os
    import subprocess
    import sys

    script = (
        "import hashlib, re, sys, dateline.extract.article\n"
        "h = hashlib.sha256()\n"
        "for name, mod in sorted(sys.modules.items()):\n"
        "    if name.startswith('dateline.extract'):\n"
        "        for key, value in sorted(vars(mod).items()):\n"
        "            if isinstance(value, re.Pattern):\n"
        "                h.update(f'{name}.{key}={value.pattern}'.encode())\n"
        "print(h.hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1
