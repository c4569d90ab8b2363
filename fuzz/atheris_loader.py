"""Coverage-guided fuzzing of the loader with atheris: any input must give an Article or a ContentError."""

from __future__ import annotations

import contextlib
import sys
from zoneinfo import ZoneInfo

import atheris

with atheris.instrument_imports():
    from dateline.errors import ContentError
    from dateline.extract.article import make_article
    from dateline.load.raw import parse_document

UTC = ZoneInfo("UTC")


def one_input(data: bytes) -> None:
    """Load ``data`` as both a text release and a Markdown article."""
    for name, kind in (("fuzz.txt", "txt"), ("fuzz.md", "md")):
        with contextlib.suppress(ContentError):
            make_article(parse_document(data, name, kind), UTC)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
