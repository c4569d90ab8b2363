"""Matrix S03, S04, S05, S10 and S15 without a browser: hostile strings are escaped wherever they are printed.

The hostile site of :mod:`hostile` is built once; each test reads the built files back with a real parser
(lxml for HTML and XML, ``json`` for JSON-LD and JSON Feed, feedparser for feeds) and checks that every
hostile value comes back *exactly* as it was written — the proof that no character of it was read as markup.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from pathlib import Path

import feedparser
import pytest
import yaml
from hostile import PAYLOADS, by_placement, hostile_files
from lxml import etree
from lxml import html as lhtml

from conftest import REPO, SiteMaker, write_tree
from dateline.build import build
from dateline.config import load_config

SITE_TITLE = "Hostile archive"
ATOM = "{http://www.w3.org/2005/Atom}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
C0_AND_SPACE = "".join(map(chr, range(0x21)))
SITEMAP_XSD = etree.XMLSchema(etree.parse(str(REPO / "tests/data/sitemap.xsd")))


def ws(text: str) -> str:
    """``text`` with runs of whitespace made one space, as titles and tags are kept."""
    return " ".join(text.split())


def front_matter(text: str) -> dict[str, object]:
    return dict(yaml.safe_load(text.split("---\n")[1]))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("escaping")
    write_tree(root, {"dateline.yaml": f"title: {SITE_TITLE}\n", **hostile_files()})
    config, _ = load_config(root / "dateline.yaml")
    build(config)
    return config.output_path


def md_sources() -> list[dict[str, object]]:
    return [front_matter(text) for rel, text in hostile_files().items() if rel.endswith(".md")]


def expected_titles() -> set[str]:
    titles = {ws(str(fm["title"])) for fm in md_sources()}
    titles |= {ws(text.split("\n", 1)[0]) for rel, text in hostile_files().items() if rel.endswith(".txt")}
    return titles


def hostile_tags() -> set[str]:
    tags = {ws(t).lower() for p in by_placement("md.tags") for t in [p.text]}
    tags |= {ws(t).lower() for p in by_placement("txt.tags") for t in p.text.split(",")}
    return tags


def url_scheme(value: str) -> str:
    """The scheme a browser reads from a URL attribute (WHATWG URL: tab and newlines removed, ends trimmed)."""
    url = re.sub(r"[\t\n\r]", "", value).strip(C0_AND_SPACE)
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return m[1].lower() if m else ""


def article_pages(out: Path) -> dict[Path, str]:
    pages = {p: p.read_text("utf-8") for p in out.rglob("index.html")}
    return {p: text for p, text in pages.items() if LD_RE.search(text)}


def one(doc: lhtml.HtmlElement, xpath: str) -> str:
    found = doc.xpath(xpath)
    assert len(found) == 1, (xpath, found)
    value = found[0]
    return str(value) if isinstance(value, str) else value.text_content()


# --- S03: HTML pages -------------------------------------------------------------------------------------


def test_titles_round_trip_through_title_h1_meta_and_og(site: Path) -> None:
    pages = article_pages(site)
    seen = set()
    for path, text in pages.items():
        doc = lhtml.fromstring(text)
        h1 = one(doc, "//article//h1")
        assert h1 in expected_titles(), path
        seen.add(h1)
        assert one(doc, "//head/title") == f"{h1} · {SITE_TITLE}"
        for attr in ('@property="og:title"', '@name="twitter:title"'):
            assert one(doc, f"//meta[{attr}]/@content") == h1
        assert one(doc, '//meta[@property="og:site_name"]/@content') == SITE_TITLE
    assert seen == expected_titles()


def test_summary_place_and_tags_round_trip_on_article_pages(site: Path) -> None:
    by_title = {ws(str(fm["title"])): fm for fm in md_sources()}
    checked = 0
    for text in article_pages(site).values():
        doc = lhtml.fromstring(text)
        fm = by_title.get(one(doc, "//article//h1"))
        if fm is None:
            continue
        if "summary" in fm:
            for attr in ('@name="description"', '@property="og:description"', '@name="twitter:description"'):
                assert one(doc, f"//meta[{attr}]/@content") == fm["summary"]
        if "place" in fm:
            assert one(doc, '//article//span[@class="place"]') == fm["place"]
        tags = [ws(str(t)).lower() for t in fm.get("tags", [])]  # type: ignore[attr-defined]
        assert doc.xpath('//article/header//ul[@class="tags"]//a/text()') == tags
        checked += 1
    assert checked == len(by_title)


def test_list_tag_and_archive_pages_show_hostile_titles_and_tags_as_text(site: Path) -> None:
    titles = expected_titles()
    for path in [site / "index.html", *site.glob("tags/*/index.html"), *site.glob("2024/*/index.html")]:
        doc = lhtml.fromstring(path.read_text("utf-8"))
        cards = doc.xpath('//li[@class="card"]/h2/a')
        assert cards, path
        assert {a.text_content() for a in cards} <= titles, path
    cloud = lhtml.fromstring((site / "tags/index.html").read_text("utf-8"))
    labels = set(cloud.xpath('//ul[contains(@class,"tag-cloud")]//a/text()'))
    assert hostile_tags() <= labels
    for link in cloud.xpath('//ul[contains(@class,"tag-cloud")]//a'):
        tag_page = site / link.get("href").strip("/") / "index.html"
        doc = lhtml.fromstring(tag_page.read_text("utf-8"))
        assert link.text_content() in one(doc, "//h1")
        assert link.text_content() in one(doc, "//head/title")


def test_no_page_contains_markup_from_a_payload(site: Path) -> None:
    """Structure, not strings: no event handler, no foreign script, no script URL in any built page."""
    escaped_only = [p.text for p in PAYLOADS if "<" in p.text and p.placement not in ("md.body", "filename", "search")]
    problems = []
    for path in site.rglob("*.html"):
        text = path.read_text("utf-8")
        rel = path.relative_to(site).as_posix()
        problems += [f"{rel}: unescaped {raw[:50]!r}" for raw in escaped_only if raw in text]
        for el in lhtml.fromstring(text).iter():
            if not isinstance(el.tag, str):
                continue
            for name, value in el.attrib.items():
                scheme = url_scheme(value)
                if name.lower().startswith("on") or name == "srcdoc":
                    problems.append(f"{rel}: <{el.tag} {name}>")
                if name in ("href", "src", "action", "formaction", "data") and scheme in (
                    "javascript",
                    "data",
                    "vbscript",
                ):
                    problems.append(f"{rel}: <{el.tag} {name}={value[:40]!r}>")
            if el.tag in ("iframe", "object", "embed", "base", "frame", "svg", "math", "style"):
                problems.append(f"{rel}: <{el.tag}>")
            if el.tag == "script" and el.get("type") != "application/ld+json" and not el.get("src"):
                problems.append(f"{rel}: inline <script>")
    assert problems == []


def test_site_title_and_description_from_config_are_escaped(make_site: SiteMaker) -> None:
    title = '</title><script>alert(1)</script> & "Co"'
    description = '"><img src=x onerror=alert(2)>'
    out, _ = make_site(
        {"content/2024-01-02-a.txt": "Calm headline\n\nGENEVA, 2 January 2024 – Nothing happened.\n"},
        config=f"title: {json.dumps(title)}\ndescription: {json.dumps(description)}\n",
    )
    for path in [out / "index.html", next(out.glob("2024/01/calm-headline/index.html"))]:
        text = path.read_text("utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text
        doc = lhtml.fromstring(text)
        assert one(doc, "//head/title").endswith(title)
        assert one(doc, '//a[@class="brand"]') == title
        assert description in one(doc, '//footer[@class="colophon"]')
    assert etree.parse(str(out / "feed.xml")).findtext(f"{ATOM}title") == title


# --- S04: JSON-LD ----------------------------------------------------------------------------------------


def test_json_ld_has_no_raw_angle_bracket_and_round_trips(site: Path) -> None:
    by_title = {ws(str(fm["title"])): fm for fm in md_sources()}
    for path, text in article_pages(site).items():
        blocks = LD_RE.findall(text)
        assert len(blocks) == 1, path
        body = blocks[0]
        assert "<" not in body and ">" not in body, path
        data = json.loads(body)
        h1 = one(lhtml.fromstring(text), "//article//h1")
        assert data["name"] == h1 and data["headline"] == h1[:110]
        fm = by_title.get(h1)
        if fm:
            assert data.get("keywords", []) == [ws(str(t)).lower() for t in fm.get("tags", [])]  # type: ignore[attr-defined]
            if "summary" in fm:
                assert data["description"] == fm["summary"]
            if "place" in fm:
                assert data["contentLocation"]["name"] == fm["place"]


# --- S05: feeds and sitemaps -----------------------------------------------------------------------------


def test_feeds_and_sitemaps_parse_and_round_trip_hostile_titles(site: Path) -> None:
    titles = expected_titles()
    xml_files = sorted(site.rglob("*.xml"))
    assert len(xml_files) > 10
    for path in xml_files:
        raw = path.read_bytes()
        assert b"<![CDATA[" not in raw.replace(b"&lt;![CDATA[", b""), path
        tree = etree.fromstring(raw)  # well-formed, or this raises
        if tree.tag == f"{ATOM}feed":
            parsed = feedparser.parse(raw)
            assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
            entries = [e.findtext(f"{ATOM}title") for e in tree.iter(f"{ATOM}entry")]
            assert entries and set(entries) <= titles, path
            assert {e.title for e in parsed.entries} <= titles, path
    atom = etree.parse(str(site / "feed.xml"))
    assert {e.findtext(f"{ATOM}title") for e in atom.iter(f"{ATOM}entry")} == titles
    rss = etree.parse(str(site / "rss.xml"))
    assert feedparser.parse((site / "rss.xml").read_bytes()).bozo == 0
    assert {t.text for t in rss.iterfind("channel/item/title")} == titles
    feed_json = json.loads((site / "feed.json").read_text("utf-8"))
    assert {item["title"] for item in feed_json["items"]} == titles
    assert SITEMAP_XSD.validate(etree.parse(str(site / "sitemap.xml"))), SITEMAP_XSD.error_log
    news = etree.parse(str(site / "news-sitemap.xml"))
    assert {t.text for t in news.iter(f"{NEWS}title")} <= titles
    for tag in hostile_tags():
        feeds = [etree.parse(str(f)).findtext(f"{ATOM}title") for f in site.glob("tags/*/feed.xml")]
        assert f"{SITE_TITLE}: {tag}" in feeds


def test_feeds_and_pages_stay_well_formed_with_control_characters(make_site: SiteMaker) -> None:
    """Word and scraped text carry C0 controls (vertical tab, form feed, ESC) and noncharacters; XML 1.0
    forbids them and HTML calls them errors, so they must be dropped (or refused) before output."""
    out, _ = make_site(
        {
            "content/2024-02-03-word.txt": (
                "Council\x0b approves\x1b budget\n\n"
                "PORTLAND, Maine, Feb. 3, 2024 /Coastline Wire/ -- The council\x0c met\x07 today.\n\n"
                "Tags: budget\x01s\n"
            ),
            "content/a.md": '---\ntitle: "Levy \\v agreed \\uFFFE now"\ndate: 2024-01-02\ntags: ["fees\\x01"]\n---\n\nBody.\n',
        }
    )
    bad = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
    problems = []
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if path.suffix == ".xml":
            try:
                etree.parse(str(path))
            except etree.XMLSyntaxError as exc:
                problems.append(f"{rel}: {exc}")
        found = sorted(set(bad.findall(path.read_text("utf-8")))) if path.suffix in (".html", ".xml") else []
        if found:
            problems.append(f"{rel}: forbidden characters {found}")
    assert not problems, "\n".join(problems)


# --- S10: article text is never a template ---------------------------------------------------------------

TEMPLATE_TEXT = [
    "{{ cycler.__init__.__globals__ }}",
    "{{ 7*7 }}",
    "{% raw %}",
    "{% for x in range(3) %}loop{% endfor %}",
    "{{ config }}",
    "{#",
]


def test_template_syntax_in_articles_is_printed_literally(make_site: SiteMaker) -> None:
    body = " and ".join(TEMPLATE_TEXT)
    out, _ = make_site(
        {
            # In Markdown, `__init__` is bold unless in code: the body is written as code, as an author would.
            "content/t.md": f'---\ntitle: "Jinja {{{{ 7*7 }}}} {{% raw %}} title"\ndate: 2024-01-05\n---\n\nMarkdown body: ``{body}``\n',
            "content/2024-01-06-t.txt": f"Plain {{{{ 7*7 }}}} headline\n\nGENEVA, 6 January 2024 – Text body: {body}\n",
        }
    )
    md_page = next(out.glob("2024/01/jinja*/index.html")).read_text("utf-8")
    txt_page = next(out.glob("2024/01/plain*/index.html")).read_text("utf-8")
    for page in (md_page, txt_page):
        doc = lhtml.fromstring(page)
        text = doc.xpath('//div[@class="body"]')[0].text_content()
        for snippet in TEMPLATE_TEXT:
            assert snippet in text
        assert "__builtins__" not in page and "49" not in text and "looplooploop" not in text
    assert one(lhtml.fromstring(md_page), "//article//h1") == "Jinja {{ 7*7 }} {% raw %} title"
    assert one(lhtml.fromstring(txt_page), "//article//h1") == "Plain {{ 7*7 }} headline"


# --- S15: no dev artifacts, local paths or environment in the output ------------------------------------


def _output_texts(out: Path) -> dict[str, str]:
    """Every output file as text; Pagefind's gzip-compressed index files are decompressed first."""
    texts = {}
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        texts[path.relative_to(out).as_posix()] = data.decode("utf-8", "replace")
    return texts


def test_built_output_has_no_dev_artifacts_local_paths_or_environment(
    make_site: SiteMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secrets = {"DATELINE_SECRET": "zq7-secret-token-81f3", "API_KEY": "sk-live-4c1d9e0b7a", "TITLE": "env-title-x93"}
    for name, value in secrets.items():
        monkeypatch.setenv(name, value)
    out, _ = make_site(
        {
            "content/2024-01-02-a.txt": (
                "Harbour reopens\n\nGENEVA, 2 January 2024 – The harbour reopened. “Good,” said Jane Doe.\n\n"
                "Tags: ports\n"
            ),
            "content/b.md": "---\ntitle: Env $DATELINE_SECRET ${API_KEY} %TITLE%\ndate: 2024-01-03\n---\n\nBody $HOME.\n",
        }
    )
    texts = _output_texts(out)
    assert any(rel.startswith("pagefind/") for rel in texts)
    forbidden = ["__dateline", "dateline-error", "livereload", "EventSource", *secrets.values()]
    local = [str(tmp_path), str(tmp_path.resolve()), str(REPO), os.getcwd(), sys.prefix, str(Path.home()) + "/"]
    problems = [f"{rel}: {needle!r}" for rel, text in texts.items() for needle in forbidden + local if needle in text]
    assert problems == []
