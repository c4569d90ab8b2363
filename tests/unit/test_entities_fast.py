"""The entity stage's fast lookups answer as the plain scans they replace."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.entities import EntityIndex
from dateline.extract.entity_cluster import Cluster
from dateline.model import Entity, EntityKind

KINDS = st.sampled_from(list(EntityKind))
WORDS = st.sampled_from(["Ban", "Ki-moon", "Ada", "Lin", "Mr.", "Ms. Lin", "UN", "Kosovo", "Lin.", "ban", ""])
NAMES = st.lists(WORDS, min_size=1, max_size=3).map(" ".join).filter(str.strip)


def scan_person_for(index: EntityIndex, np: str) -> int | None:
    key = np.strip()
    idx = index.by_surface.get(key)
    if idx is not None and index.entities[idx].kind is EntityKind.PERSON:
        return idx
    tokens = [t for t in key.replace(".", ". ").split() if t[:1].isupper() and not t.endswith(".")]
    for tok in reversed(tokens):
        for i, ent in enumerate(index.entities):
            if ent.kind is EntityKind.PERSON and tok in ent.name.split():
                return i
    return None


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(NAMES, KINDS), max_size=6), st.lists(NAMES, max_size=6))
def test_person_for_is_the_scan(entities: list[tuple[str, EntityKind]], phrases: list[str]) -> None:
    ents = tuple(Entity(name, kind, (), 1) for name, kind in entities)
    by_surface: dict[str, int] = {}
    for i, e in enumerate(ents):
        by_surface.setdefault(e.name, i)
    index = EntityIndex(ents, by_surface, (), {}, {})
    for np in phrases + phrases:
        assert index.person_for(np) == scan_person_for(index, np)


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(KINDS, st.sampled_from([0.0, 0.2, 0.5, 1.5, 2.0, 3.0, 4.0])))
def test_cluster_kind_is_the_max_vote_first_in_order(votes: dict[EntityKind, float]) -> None:
    cluster = Cluster(votes=defaultdict(float, votes))
    order = [EntityKind.ORGANIZATION, EntityKind.PLACE, EntityKind.PERSON, EntityKind.OTHER]
    check = defaultdict(float, votes)
    expected = max(order, key=lambda k: (check[k], -order.index(k))) if votes else EntityKind.OTHER
    assert cluster.kind is expected
    assert dict(cluster.votes) == dict(check)  # the same kinds filled in with 0.0


def test_a_run_of_one_drop_word_never_makes_a_mention() -> None:
    """``find_mentions`` skips such runs: cleaning them would drop them wherever they stand."""
    from dateline.extract.mentions import _DROP_WORDS, _clean, _pieces

    for word in sorted(_DROP_WORDS):
        for text, start in ((f"{word} went", 0), (f"Then. {word} went", 6), (f"and {word} went", 4)):
            pieces = _pieces(text, start, word)
            assert pieces == [(start, [word])]
            assert all(_clean(text, 0, s, list(w), {word}, {word.lower()}) is None for s, w in pieces)
            assert all(_clean(text, 0, s, list(w), set(), set()) is None for s, w in pieces)


@settings(max_examples=500, deadline=None)
@given(st.lists(NAMES, max_size=5, unique=True), NAMES)
def test_cluster_word_tables_answer_as_the_name_scans(names: list[str], name: str) -> None:
    from dateline.extract.entity_cluster import initials

    cluster = Cluster()
    for n in names:
        cluster.add_name(n)
    tokens = name.split()
    assert (name in cluster.initials) == any(initials(n) == name for n in names if " " in n)
    assert (tuple(tokens) in cluster.heads) == any(
        len(n.split()) > len(tokens) and n.split()[: len(tokens)] == tokens for n in names
    )
    assert (name in cluster.words) == any(name in n.split() for n in names)
    assert (name in cluster.later_words) == any(name in n.split()[1:] for n in names)
    cluster.forget_names()
    assert not (cluster.names or cluster.words or cluster.later_words or cluster.heads or cluster.initials)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="aBé’'-_ \n.xZ", max_size=15), max_size=5))
def test_lower_words_of_joined_paragraphs_are_those_of_each(paragraphs: list[str]) -> None:
    from dateline.extract.mentions import _LOWER_WORD

    each = {w for p in paragraphs for w in _LOWER_WORD.findall(p)}
    assert set(_LOWER_WORD.findall("\n".join(paragraphs))) == each
