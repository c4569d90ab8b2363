"""Large regular expressions compiled once per interpreter, the compiled form kept on disk.

The extractor's attribution and dateline patterns are tens of thousands of characters each (names,
honorifics, role nouns and speech verbs spelled out), and ``re`` parses a pattern in pure Python: the
extractor's import spent about 0.4 s there, which is most of what a build that re-extracts one edited
article costs. What the parser produces is a list of integers that ``_sre.compile`` (C) turns into a
pattern object in a fraction of a millisecond, so that list is what is kept, beside the prepared word
tables (see :mod:`.prepared`), in one store per interpreter and dateline version.

This leans on the interpreter's own ``re`` internals (``re._parser``, ``re._compiler``, ``_sre``). The
store's key holds the interpreter's version and the engine's ``MAGIC``, ``_sre`` checks every code list it
is given, and any failure at all falls back to ``re.compile``: the worst a problem can cost is the time.
"""

from __future__ import annotations

import array
import hashlib
import re
import sys

from .. import __version__
from .prepared import load_store, save_store

KEEP_FROM = 200
"""Patterns shorter than this many characters are compiled the ordinary way: parsing them is cheap. (At 2,000
the medium-sized patterns, a few hundred characters each, still cost every process ~18 ms at import.)"""

MAX_KEPT = 400
"""A store that grew past this many patterns (old versions of edited patterns) is started afresh."""

_Parts = tuple[int, "array.array[int]", int, dict[str, int], tuple[str | None, ...]]


def _interpreter_key() -> str:
    try:
        import _sre  # type: ignore[import-not-found]

        engine = f"{_sre.MAGIC}/{_sre.CODESIZE}"
    except (ImportError, AttributeError):
        engine = "none"
    text = f"{__version__}\0{sys.version}\0{sys.implementation.cache_tag}\0{engine}\0{sys.maxunicode}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


_KEY = _interpreter_key()
_store: dict[str, _Parts] | None = None


def _parts(pattern: str, flags: int) -> _Parts:
    """What ``_sre.compile`` needs besides the pattern, as ``re.compile`` would compute it."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = array.array("I", (int(c) for c in _compiler._code(parsed, flags)))
    state = parsed.state
    index: list[str | None] = [None] * state.groups
    for name, i in state.groupdict.items():
        index[i] = name
    return flags | state.flags, code, state.groups - 1, dict(state.groupdict), tuple(index)


def compile_kept(pattern: str, flags: int = 0, keep_from: int = KEEP_FROM) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the kept compiled form when there is one.

    A pattern shorter than ``keep_from`` characters is compiled the ordinary way.
    """
    global _store
    if len(pattern) < keep_from:
        return re.compile(pattern, flags)
    try:
        import _sre

        if _store is None:
            found = load_store("regexes", _KEY)
            _store = found if isinstance(found, dict) else {}
        name = hashlib.sha256(f"{flags}\0{pattern}".encode()).hexdigest()
        parts = _store.get(name)
        if parts is None:
            parts = _parts(pattern, flags)
            if len(_store) >= MAX_KEPT:
                _store = {}
            _store[name] = parts
            save_store("regexes", _KEY, _store)
        final, code, groups, group_index, index_group = parts
        compiled: re.Pattern[str] = _sre.compile(pattern, final, code.tolist(), groups, group_index, index_group)
        return compiled
    except Exception:
        return re.compile(pattern, flags)
