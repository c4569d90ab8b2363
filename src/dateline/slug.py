"""URL slugs that are safe on every file system and stable across Unicode spellings.

A slug is ASCII lower-case letters, digits and single hyphens: NFKC folds full-width forms, accents are
transliterated by decomposition, bidi and zero-width characters disappear, and Windows device names
get a prefix. Each slug is at most ``MAX_SLUG_BYTES`` long, cut at a hyphen where possible.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

MAX_SLUG_BYTES = 80
WINDOWS_RESERVED: frozenset[str] = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
"""Names Windows refuses as files or folders, with or without an extension."""
_TRANSLIT = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l",
                           "Ł": "l", "ı": "i", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
                           "&": " and "})  # fmt: skip
_NON_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=262_144)
def slugify(text: str, max_bytes: int = MAX_SLUG_BYTES) -> str:
    """The slug of ``text``; empty when nothing usable is left (the caller picks a fallback)."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).translate(_TRANSLIT))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_SLUG.sub("-", ascii_only).strip("-")
    if len(slug) > max_bytes:
        cut = slug.rfind("-", 0, max_bytes + 1)
        slug = slug[: cut if cut > max_bytes // 2 else max_bytes].strip("-")
    if slug in WINDOWS_RESERVED:
        slug = f"_{slug}"
    return slug


def fallback_slug(path: str, date_iso: str) -> str:
    """A deterministic slug for a title that slugifies to nothing: the date and a short hash of the path."""
    digest = hashlib.sha256(path.encode("utf-8")).hexdigest()[:8]
    return f"{date_iso}-{digest}"
