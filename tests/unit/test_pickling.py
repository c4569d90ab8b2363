"""Records pickle through a precomputed field getter (``pickling.fast_pickle``): the same values come
back, and the state is the record's field values in field order, whatever class they belong to."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import SEED
from dateline import model
from dateline.extract.article import make_article
from dateline.load import read_document
from dateline.pickling import fast_pickle
from dateline.render import views


def test_an_extracted_article_survives_the_cache_round_trip() -> None:
    article = make_article(read_document(Path(SEED), "seed.txt", 10**6), ZoneInfo("UTC"))
    meta = article.meta()
    back = pickle.loads(pickle.dumps((meta, article.diagnostics), protocol=5))
    assert back == (meta, article.diagnostics)
    assert back[0].entities and back[0].quotes  # nested records came back too


@pytest.mark.parametrize("module", [model, views])
def test_every_record_class_pickles_its_fields_in_order(module: object) -> None:
    classes = [c for c in vars(module).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
    assert classes
    for cls in classes:
        if dataclasses.fields(cls) and "__slots__" in vars(cls):
            assert vars(cls)["__getstate__"].__module__ == "dateline.pickling", cls.__name__


def test_state_is_the_field_values_in_field_order() -> None:
    @fast_pickle
    @dataclasses.dataclass(frozen=True, slots=True)
    class Pair:
        left: str
        right: int = 0

    one = Pair("a", 1)
    assert one.__getstate__() == ("a", 1)  # type: ignore[attr-defined]
    blank = object.__new__(Pair)
    blank.__setstate__(("b", 2))  # type: ignore[attr-defined]
    assert blank == Pair("b", 2)
    with pytest.raises(ValueError):
        blank.__setstate__(("only one",))  # type: ignore[attr-defined]
