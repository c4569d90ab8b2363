"""A deterministic synthetic news corpus, written as a dateline site folder.

Usage: ``python bench/corpus.py --n 1000 --seed 1 --out /tmp/site``

Each article has about 500 words of generated prose (no copied text), 3–5 tags from a vocabulary of
200, quotes with attributions (``“…,” Ms. Okafor said.``) and a date between 2015 and 2024. The mix:

1. half ``.md`` files with YAML front matter (``title``, ``date``, ``tags``);
2. a quarter ``.txt`` releases whose dateline carries the date (``GENEVA, March 5, 2021 –``);
3. a quarter ``.txt`` wire stories (``GENEVA (Harbour Wire) -``) dated by a ``YYYY-MM-DD-`` file-name prefix.

``.txt`` files end with a ``Tags: a, b`` line. The same ``n`` and ``seed`` give byte-identical files;
:func:`generate` returns the same articles as records, so ``compare.py`` can write other generators'
content from them without parsing anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

MARKER = ".bench-corpus"
"""File that marks a folder as written by this script (so it may be overwritten)."""
WORDS = 500
"""Target words per article body."""
YEARS = range(2015, 2025)
MONTHS = ("January February March April May June July August September October November December").split()

DOMAINS = (
    "water energy health education transport housing agriculture climate trade finance labour justice "
    "elections security migration science technology culture tourism fisheries"
).split()
FACETS = "policy funding research infrastructure safety prices jobs regulation outreach data".split()
TAGS = tuple(f"{d}-{f}" for d in DOMAINS for f in FACETS)
"""200 tags; earlier ones are drawn more often (a long tail, as in real archives)."""
TAG_WEIGHTS = tuple(1.0 / (i + 1) ** 0.7 for i in range(len(TAGS)))

WOMEN = "Amara Priya Maria Elena Sofia Hannah Grace Laura Nadia Fatima Ingrid Chloe Aisha Julia Rosa".split()
MEN = "Henrik Thomas David Samuel Omar Lucas Daniel Peter Rafael Kenji Ahmed Martin Felix Jonas Victor".split()
SURNAMES = (
    "Okafor Lindqvist Haldane Raman Keel Moreau Adeyemi Brandt Castillo Novak Tanaka Whitfield Osei Petrov "
    "Larsen Ferreira Kowalski Nakamura Abara Voss Marlow Quist Renner Ibarra Halloran Mensah Sorensen Duval "
    "Achterberg Olsen Varga Kimura Pereira Lund Nkemelu Ashworth Carvalho Eriksen Bianchi Holt"
).split()
ROLES = ["director", "chief economist", "spokesperson", "head of research", "board chair", "programme manager"]
ORG_ADJ = "Northern Coastal Central Eastern Highland River Federal Regional Metropolitan Western".split()
ORG_NOUN = "Water Energy Health Transport Housing Farming Trade Science Relief Ports".split()
ORG_KIND = "Authority Agency Institute Council Cooperative Board Foundation".split()
CITIES = (
    "GENEVA NAIROBI LONDON OSLO LIMA MANILA ACCRA LISBON DUBLIN MONTREAL SYDNEY WARSAW CAIRO HELSINKI "
    "JAKARTA DAKAR QUITO VIENNA"
).split()
AGENCIES = ("Harbour Wire", "Meridian Press", "Coastline Wire", "Northwind News")

VERBS = "opens expands approves delays reviews funds launches cuts extends publishes".split()
OBJECTS = (
    "flood defence plan|rural clinic network|ferry terminal|grid storage project|school meals scheme|"
    "housing repair fund|seed bank|port upgrade|cold chain for vaccines|groundwater survey|bus corridor|"
    "fishing quota review|heat warning system|apprenticeship programme|market hall renovation"
).split("|")
NOUNS = (
    "budget programme survey network plan report scheme project review partnership pilot study fund "
    "contract assessment timetable grant agreement inquiry"
).split()
ADJS = "regional annual new long-term joint independent national local public emergency".split()
ACTIONS = "expand finish review publish fund extend test share reopen measure".split()
GROUPS = "farmers residents patients students workers families fishers commuters tenants teachers".split()
SENTENCES = (
    "The {adj} {noun} covers {k} districts and will run until {y2}.",
    "Officials said the {noun} had cost {k} million so far, less than first estimated.",
    "Around {k},000 {group} are expected to benefit in the first year.",
    "The {org} said it would {action} the {noun} with partners in {city}.",
    "The {adj} {noun} published last year found that {group} waited longer than elsewhere.",
    "Funding for the {noun} comes partly from a {adj} grant agreed in {y1}.",
    "Critics say the {noun} moves too slowly, while supporters point to early results.",
    "The next {adj} {noun} is due before the end of {y2}, the {org} said.",
    "Groups representing local {group} have asked for a seat on the {noun} steering board.",
    "Figures released on {weekday} show a rise of {k} per cent since {y1}.",
)
QUOTES = (
    "We will {action} the {noun} before the end of the year",
    "This {noun} shows what {group} can do when they are given the tools",
    "Nobody here thinks the {noun} is finished, but it is a real start",
    "The figures are clear, and we intend to act on them",
    "Our job is to make the {noun} work for {group} in every district",
    "We listened to {group} and changed the {noun} because of what they told us",
)
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday".split()


@dataclass(frozen=True, slots=True)
class Person:
    """Someone quoted in an article."""

    first: str
    last: str
    honorific: str
    role: str


@dataclass(frozen=True, slots=True)
class Article:
    """One generated article, independent of any generator's file format."""

    style: str
    """``md``, ``txt-dated`` (date in the dateline) or ``txt-wire`` (date in the file-name prefix)."""
    slug: str
    """URL name from the title; unique in the corpus."""
    title: str
    date: dt.date
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]
    """Body paragraphs; for ``.txt`` styles the first one starts with the dateline."""


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens (the titles here are plain ASCII)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _person(rng: random.Random) -> Person:
    woman = rng.random() < 0.5
    first = rng.choice(WOMEN if woman else MEN)
    honorific = "Dr." if rng.random() < 0.25 else ("Ms." if woman else "Mr.")
    return Person(first, rng.choice(SURNAMES), honorific, rng.choice(ROLES))


def _fill(rng: random.Random, template: str, org: str, year: int) -> str:
    return template.format(
        adj=rng.choice(ADJS),
        noun=rng.choice(NOUNS),
        action=rng.choice(ACTIONS),
        group=rng.choice(GROUPS),
        city=rng.choice(CITIES).title(),
        org=org,
        k=rng.randint(2, 90),
        y1=year - rng.randint(1, 4),
        y2=year + rng.randint(1, 3),
        weekday=rng.choice(WEEKDAYS),
    )


def _body(rng: random.Random, org: str, city: str, date: dt.date, lead_prefix: str) -> list[str]:
    people = [_person(rng) for _ in range(rng.randint(1, 3))]
    lead = (
        f"The {org} said on {rng.choice(WEEKDAYS)} that it would {rng.choice(ACTIONS)} its "
        f"{rng.choice(ADJS)} {rng.choice(NOUNS)} in {city.title()}, a move that affects {rng.choice(GROUPS)} "
        f"across the region."
    )
    paras = [lead_prefix + lead]
    introduced: set[Person] = set()
    count = len(paras[0].split())
    while count < WORDS:
        if rng.random() < 0.35:
            p = rng.choice(people)
            text = _fill(rng, rng.choice(QUOTES), org, date.year)
            if p in introduced:
                para = f"“{text},” {p.honorific} {p.last} said."
            else:
                introduced.add(p)
                para = f"“{text},” said {p.first} {p.last}, the {p.role} of the {org}."
        else:
            n = rng.randint(2, 4)
            para = " ".join(_fill(rng, rng.choice(SENTENCES), org, date.year) for _ in range(n))
        paras.append(para)
        count += len(para.split())
    return paras


def _one(rng: random.Random, used: set[str]) -> Article:
    while True:  # redraw until the title's slug is new; the draws are seeded, so still deterministic
        org = f"{rng.choice(ORG_ADJ)} {rng.choice(ORG_NOUN)} {rng.choice(ORG_KIND)}"
        city = rng.choice(CITIES)
        title = f"{org} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {city.title()}"
        slug = slugify(title)
        if slug not in used:
            used.add(slug)
            break
    date = dt.date(rng.choice(YEARS), rng.randint(1, 12), rng.randint(1, 28))
    roll = rng.random()
    style = "md" if roll < 0.5 else ("txt-dated" if roll < 0.75 else "txt-wire")
    if style == "txt-dated":
        prefix = f"{city}, {MONTHS[date.month - 1]} {date.day}, {date.year} – "
    elif style == "txt-wire":
        prefix = f"{city} ({rng.choice(AGENCIES)}) - "
    else:
        prefix = ""
    tags: list[str] = []
    want = rng.randint(3, 5)
    while len(tags) < want:
        tag = rng.choices(TAGS, weights=TAG_WEIGHTS)[0]
        if tag not in tags:
            tags.append(tag)
    paras = _body(rng, org, city, date, prefix)
    return Article(style, slug, title, date, tuple(tags), tuple(paras))


def generate(n: int, seed: int) -> list[Article]:
    """``n`` articles; the same ``n`` and ``seed`` always give the same list."""
    rng = random.Random(seed)
    used: set[str] = set()
    return [_one(rng, used) for _ in range(n)]


def dateline_file(a: Article) -> tuple[str, str]:
    """The relative path and text of the article as a dateline content file."""
    year = f"{a.date.year}"
    if a.style == "md":
        tags = ", ".join(a.tags)
        head = f'---\ntitle: "{a.title}"\ndate: {a.date.isoformat()}\ntags: [{tags}]\n---\n\n'
        return f"{year}/{a.slug}.md", head + "\n\n".join(a.paragraphs) + "\n"
    body = f"{a.title}\n\n" + "\n\n".join(a.paragraphs) + f"\n\nTags: {', '.join(a.tags)}\n"
    name = f"{a.date.isoformat()}-{a.slug}.txt" if a.style == "txt-wire" else f"{a.slug}.txt"
    return f"{year}/{name}", body


DATELINE_YAML = """\
# Generated by bench/corpus.py.
title: Benchmark archive
base_url: http://localhost:8000/
content: content
output: public
page_size: 10
feed_items: 20
timezone: UTC
search: false
"""


def prepare(out: Path) -> None:
    """Make ``out`` an empty corpus folder; refuse a non-empty folder this script did not write."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise SystemExit(f"{out} is not empty and was not written by bench/corpus.py; refusing to touch it")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("written by bench/corpus.py\n", encoding="utf-8")


def write_dateline_site(articles: list[Article], out: Path) -> None:
    """Write ``dateline.yaml`` and ``content/`` for the articles into the prepared folder ``out``."""
    (out / "dateline.yaml").write_text(DATELINE_YAML, encoding="utf-8", newline="\n")
    for a in articles:
        rel, text = dateline_file(a)
        path = out / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def main() -> None:
    """Command line: write a dateline site of ``--n`` articles into ``--out``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="RNG seed (default 1)")
    ap.add_argument("--out", type=Path, required=True, help="site folder to write (created or replaced)")
    args = ap.parse_args()
    articles = generate(args.n, args.seed)
    prepare(args.out)
    write_dateline_site(articles, args.out)
    words = sum(len(p.split()) for a in articles for p in a.paragraphs)
    print(f"wrote {len(articles)} articles ({words / len(articles):.0f} words each on average) to {args.out}")


if __name__ == "__main__":
    main()
