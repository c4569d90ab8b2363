"""Stage 2: understand a document's text — headline, dateline, date, paragraphs, quotes, entities, tags.

``extract_text`` runs the numbered cascade in ``pipeline.py``; ``article.py`` turns a loaded document
into a complete :class:`~dateline.model.Article`.
"""

from __future__ import annotations

from .pipeline import extract_text

__all__ = ["extract_text"]
