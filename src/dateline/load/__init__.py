"""Stage 1: find content files and read each into a :class:`RawDocument` (text, front matter, lines).

Nothing here interprets the article text; that is ``extract``'s job.
"""

from __future__ import annotations

from .decode import decode_bytes
from .discover import discover
from .frontmatter import FrontMatter, split_front_matter
from .raw import RawDocument, read_document

__all__ = [
    "FrontMatter",
    "RawDocument",
    "decode_bytes",
    "discover",
    "read_document",
    "split_front_matter",
]
