"""``collapse`` (which leaves lone spaces alone) gives what replacing every run of spaces gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.blocks import collapse

EVERY_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\u00a0\u2003\u200a\u202f\u205f\u3000\u2028\x85\nab-", max_size=20))
def test_collapse_is_one_space_for_every_run(text: str) -> None:
    assert collapse(text) == EVERY_RUN.sub(" ", text).strip()
