"""Word knowledge the rules consult: how common an English word is, and first names with their gender.

Both come from maintained data packages rather than hand-typed lists: ``wordfreq`` (word frequencies
from many corpora) tells a sentence-opening ``Three`` from a name, and ``gender-guesser`` (about 40,000
first names) marks ``Amara`` as a person's first name and lets ``she`` find her.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .prepared import prepared, source_key

COMMON_ZIPF = 4.2
"""Zipf frequency at or above which a capitalised sentence-opener is an ordinary word (``Three`` 5.8)."""


ZIPF_FLOOR = 2.5
"""The lowest frequency any rule compares with: rarer words are kept out of the table (:func:`zipf` gives
them 0.0), which makes it a tenth of the size. A rule that needs a lower threshold lowers this first."""


def _read_freq() -> dict[str, float]:
    import wordfreq  # imported lazily: only extraction needs it

    least = 10 ** (ZIPF_FLOOR - 9)
    return {w: f for w, f in wordfreq.get_frequency_dict("en", wordlist="best").items() if f >= least}


@lru_cache(maxsize=1)
def _freq() -> dict[str, float]:
    return prepared("wordfreq", source_key("wordfreq", __name__), _read_freq)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (lower-cased) in English, 0.0 when unknown."""
    import math

    f = _freq().get(word.lower(), 0.0)
    return math.log10(f) + 9 if f > 0 else 0.0


def is_common_word(word: str) -> bool:
    """True when ``word`` is an everyday English word (frequent in lower case)."""
    return zipf(word) >= COMMON_ZIPF


def _read_genders() -> dict[str, str]:
    """Every first name gender-guesser knows (lower case) → its answer for that name, worldwide."""
    import gender_guesser.detector as gd

    detector = gd.Detector(case_sensitive=False)
    return {name: detector.get_gender(name) for name in detector.names}


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    return prepared("first-names", source_key("gender-guesser", __name__), _read_genders)


def name_list_answer(name: str) -> str:
    """gender-guesser's own answer for a first name (``male``, ``mostly_female``, ``andy``, ``unknown``…):
    the same as ``Detector(case_sensitive=False).get_gender(name)``, from the prepared table."""
    return _genders().get(name.lower(), "unknown")


@lru_cache(maxsize=65536)
def first_name_gender(name: str) -> str | None:
    """``male``, ``female`` or ``unknown`` for a known first name; None when not a known first name."""
    if not name[:1].isupper() or len(name) < 2 or not name.isalpha():
        return None
    result = name_list_answer(name)
    if result == "unknown" and not name.isascii():
        # gender-guesser spells most names without accents: "Élisabeth" is "Elisabeth".
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        result = name_list_answer(plain)
    if result in ("male", "mostly_male"):
        return "male"
    if result in ("female", "mostly_female"):
        return "female"
    if result == "andy":
        return "unknown"
    return None
