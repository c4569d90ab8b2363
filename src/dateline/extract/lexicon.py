"""Word knowledge the rules consult: how common an English word is, and first names with their gender.

Both come from maintained data packages rather than hand-typed lists: ``wordfreq`` (word frequencies
from many corpora) tells a sentence-opening ``Three`` from a name, and ``gender-guesser`` (about 40,000
first names) marks ``Amara`` as a person's first name and lets ``she`` find her.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

COMMON_ZIPF = 4.2
"""Zipf frequency at or above which a capitalised sentence-opener is an ordinary word (``Three`` 5.8)."""


@lru_cache(maxsize=1)
def _freq() -> dict[str, float]:
    import wordfreq  # imported lazily: only extraction needs it

    return wordfreq.get_frequency_dict("en", wordlist="best")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (lower-cased) in English, 0.0 when unknown."""
    import math

    f = _freq().get(word.lower(), 0.0)
    return math.log10(f) + 9 if f > 0 else 0.0


def is_common_word(word: str) -> bool:
    """True when ``word`` is an everyday English word (frequent in lower case)."""
    return zipf(word) >= COMMON_ZIPF


@lru_cache(maxsize=1)
def _detector() -> object:
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def first_name_gender(name: str) -> str | None:
    """``male``, ``female`` or ``unknown`` for a known first name; None when not a known first name."""
    if not name[:1].isupper() or len(name) < 2 or not name.isalpha():
        return None
    result: str = _detector().get_gender(name)  # type: ignore[attr-defined]
    if result == "unknown" and not name.isascii():
        # gender-guesser spells most names without accents: "Élisabeth" is "Elisabeth".
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        result = _detector().get_gender(plain)  # type: ignore[attr-defined]
    if result in ("male", "mostly_male"):
        return "male"
    if result in ("female", "mostly_female"):
        return "female"
    if result == "andy":
        return "unknown"
    return None
