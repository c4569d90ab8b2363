"""Rows B01–B30 of shared/reliability-matrix.md: each bad input gives a clear ``path:line`` error or is
built safely, and never a traceback."""

from __future__ import annotations

import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import SiteMaker
from dateline.build import BuildFailed
from dateline.errors import CollisionError, ContentError
from dateline.extract.article import make_article
from dateline.load.discover import is_ignored
from dateline.load.raw import parse_document
from dateline.model import Article, Level
from dateline.slug import slugify

UTC = ZoneInfo("UTC")
MD_OK = "---\ntitle: Fine\ndate: 2024-03-05\ntags: [a]\n---\n\nThe body of the release.\n"


def load(data: bytes | str, name: str = "x.md") -> Article:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    kind = "md" if name.endswith(".md") else "txt"
    return make_article(parse_document(raw, name, kind), UTC)


def error(data: bytes | str, name: str = "x.md") -> ContentError:
    with pytest.raises(ContentError) as err:
        load(data, name)
    return err.value


# (id, file name, content, expected message fragment, expected line)
ERRORS: list[tuple[str, str, bytes | str, str, int]] = [
    ("B01", "x.md", b"", "empty file", 1),
    ("B02", "x.md", "---\ntitle: T\ndate: 2024-01-01\n---\n", "article has no body", 4),
    ("B06", "x.md", "\ufeff---\ntitle: T\n---\nx".encode("utf-16"), "UTF-16; re-save it as UTF-8", 1),
    ("B07", "x.md", b"---\ntitle: T\n---\nbo\x00dy\n", "NUL byte at 4:3", 4),
    ("B08", "x.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text", 1),
    (
        "B09",
        "x.md",
        "---\ntitle: T\ndate: 2024-01-01\nbody never closes\n",
        "front matter opened at line 1 is not closed",
        1,
    ),
    ("B10", "x.md", "---\ntitle: ok\ntitle2: a: b\n---\nBody.\n", "front matter: mapping values are not allowed", 3),
    ("B11", "x.md", "---\ntitle: T\ntags:\n\t- a\n---\nBody.\n", "YAML forbids tabs", 4),
    ("B12", "x.md", "---\n- a\n- b\n---\nBody.\n", "front matter must be a mapping", 2),
    (
        "B13",
        "x.md",
        "---\ntitle: A\ndate: 2024-01-01\nsummary: s\ntitle: B\n---\nBody.\n",
        "duplicate key 'title' (lines 2 and 5)",
        5,
    ),
    ("B15", "x.md", "---\ndate: 2024-01-01\n---\nBody.\n", "missing required field 'title'", 1),
    ("B15", "x.md", "---\ntitle: Undated\n---\nBody.\n", "no date found", 1),
    ("B16", "x.md", "---\ntitle: T\ndate: 2023-02-30\n---\nBody.\n", "invalid date 2023-02-30: day out of range", 3),
    ("B17", "x.md", "---\ntitle: T\ndate: 0000-00-00\n---\nBody.\n", "invalid date 0000-00-00", 3),
    (
        "B18",
        "x.md",
        "---\ntitle: T\ndate: 2024-1-5\n---\nBody.\n",
        "date must be ISO 8601 (YYYY-MM-DD[THH:MM[:SS][±HH:MM]])",
        3,
    ),
    ("B18", "x.md", "---\ntitle: T\ndate: 5 March 2024\n---\nBody.\n", "date must be ISO 8601", 3),
    ("B22", "x.txt", "\n\n\n", "empty file", 1),
    ("B22", "x.txt", "Share this article\n\nJoin the mailing list\n", "no headline found", 1),
    ("B24", "x.md", MD_OK + "[" * 50_000, "unmatched '['", 8),
    ("B24", "x.md", MD_OK + "".join("  " * i + "- x\n" for i in range(2000)), "nested too deeply", 69),
    ("B24", "x.md", MD_OK + ">" * 10_000 + " deep\n", "block quotes nested", 8),
]


@pytest.mark.parametrize(
    ("row", "name", "data", "message", "line"), ERRORS, ids=[f"{e[0]}-{i}" for i, e in enumerate(ERRORS)]
)
def test_error_rows_name_file_and_line(row: str, name: str, data: bytes | str, message: str, line: int) -> None:
    start = time.monotonic()
    err = error(data, name)
    assert message in err.message, err.message
    assert err.path == name
    assert err.line == line, err.diagnostic().format()
    assert time.monotonic() - start < 2.0  # B24: within the per-file budget


def test_b03_bom_is_stripped_and_output_identical() -> None:
    assert load(b"\xef\xbb\xbf" + MD_OK.encode()).body_html == load(MD_OK).body_html


def test_b04_crlf_and_lone_cr_are_normalised() -> None:
    lf = load(MD_OK)
    assert load(MD_OK.replace("\n", "\r\n")).body_html == lf.body_html
    assert load(MD_OK.replace("\n", "\r")).body_html == lf.body_html


def test_b05_cp1252_is_decoded_with_a_warning() -> None:
    data = "Caf\xe9 reopens\n\n5 March 2024 \x96 \x93We are back,\x94 the owner said.\n".encode("latin-1")
    article = load(data, "cafe.txt")
    assert article.title == "Café reopens"
    assert article.quotes[0].text == "We are back"
    assert any(
        d.message == "not UTF-8, decoded as Windows-1252" and d.level is Level.WARNING for d in article.diagnostics
    )


def test_b14_unknown_key_warns_with_a_suggestion() -> None:
    article = load(MD_OK.replace("tags: [a]", "tittle: oops"))
    warning = next(d for d in article.diagnostics if d.code == "unknown-key")
    assert warning.message == "unknown key 'tittle' — did you mean 'title'?" and warning.line == 4


def test_b19_naive_time_uses_site_zone_and_future_is_held_back(make_site: SiteMaker) -> None:
    tokyo = make_article(
        parse_document(MD_OK.replace("2024-03-05", "2024-03-05T23:30+00:00").encode(), "t.md", "md"),
        ZoneInfo("Asia/Tokyo"),
    )
    assert tokyo.date.isoformat() == "2024-03-06"  # an offset time is converted into the site's zone
    naive = make_article(
        parse_document(MD_OK.replace("2024-03-05", "2024-03-05T23:30").encode(), "n.md", "md"), ZoneInfo("Asia/Tokyo")
    )
    assert naive.date.isoformat() == "2024-03-05"  # a naive time is already in the site's zone
    future = MD_OK.replace("2024-03-05", "2999-01-01").replace("Fine", "Far future")
    _, report = make_site({"content/f.md": future, "content/ok.md": MD_OK}, config="title: T\nsearch: false\n")
    assert report.articles == 1
    assert any(d.code == "future" and "use --future" in d.message for d in report.diagnostics)
    _, report = make_site(
        {"content/f.md": future, "content/ok.md": MD_OK}, config="title: T\nsearch: false\n", future=True
    )
    assert report.articles == 2


def test_b20_values_are_kept_as_typed() -> None:
    article = load("---\ntitle: yes\ndate: 2024-01-01\ntags: NO\nsummary: 1.10\n---\nBody.\n")
    assert (article.title, article.tags, article.summary) == ("yes", ("no",), "1.10")


def test_b21_odd_tags_are_stringified_dropped_or_made_safe() -> None:
    article = load('---\ntitle: T\ndate: 2024-01-01\ntags: [~, 7, "", "../x", "a/b"]\n---\nBody.\n')
    assert article.tags == ("7", "../x", "a/b")
    assert [slugify(t) for t in article.tags] == ["7", "x", "a-b"]
    assert sum(1 for d in article.diagnostics if d.code == "bad-tag") == 2


def test_b23_too_large_is_refused(make_site: SiteMaker) -> None:
    big = "Huge\n\n5 March 2024 – " + "word " * 300_000
    with pytest.raises(BuildFailed) as err:
        make_site({"content/big.txt": big}, config="title: T\nsearch: false\nmax_file_bytes: 1000000\n")
    assert any("file too large (1.5 MB > 1 MB)" in d.message for d in err.value.diagnostics)


def test_b25_huge_title_gives_a_short_slug_and_keeps_the_title() -> None:
    article = load(f"---\ntitle: {'Long ' * 20_000}\ndate: 2024-01-01\n---\nBody.\n")
    assert len(article.slug.encode()) <= 200 and len(article.title) > 90_000


def test_b26_b27_nfc_nfd_and_case_collide(make_site: SiteMaker) -> None:
    nfc = "---\ntitle: Caf\u00e9 news\ndate: 2024-01-01\n---\nBody.\n"
    nfd = "---\ntitle: Cafe\u0301 NEWS\ndate: 2024-01-01\n---\nBody.\n"
    with pytest.raises(CollisionError) as err:
        make_site({"content/a.md": nfc, "content/b.md": nfd}, config="title: T\nsearch: false\n")
    assert "a.md" in str(err.value) and "b.md" in str(err.value)
    assert slugify("ＡＢＣ") == "abc"


def test_b28_empty_slug_gets_a_fallback_and_a_warning() -> None:
    article = load("---\ntitle: '!!!'\ndate: 2024-01-01\n---\nBody.\n", "bang.md")
    assert article.slug.startswith("2024-01-01-") and any(d.code == "empty-slug" for d in article.diagnostics)
    assert load("---\ntitle: 🎉🎉\ndate: 2024-01-01\n---\nBody.\n", "e.md").slug.startswith("2024-01-01-")


def test_b29_windows_device_names_are_prefixed() -> None:
    for name in ("con", "NUL", "com1", "lpt9", "aux"):
        assert slugify(name) == "_" + name.lower()
    assert slugify("trailing dot. ") == "trailing-dot"


def test_b30_editor_and_os_litter_is_ignored(make_site: SiteMaker) -> None:
    for name in ("._x.md", ".#x.md", "x.md~", "x.md.swp", ".DS_Store"):
        assert is_ignored(name), name
    files: dict[str, str | bytes] = {
        "content/ok.md": MD_OK,
        "content/._ok.md": b"\x00\x05\x16\x07",
        "content/ok.md~": "junk",
    }
    _, report = make_site(files, config="title: T\nsearch: false\n")
    assert report.articles == 1


def test_all_errors_are_reported_together_and_keep_going_builds_the_rest(make_site: SiteMaker, tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "content/ok.md": MD_OK,
        "content/bad1.md": b"",
        "content/bad2.md": "---\ntitle: [x\n---\nBody\n",
    }
    with pytest.raises(BuildFailed) as err:
        make_site(files, config="title: T\nsearch: false\n")
    assert {d.path for d in err.value.diagnostics if d.level is Level.ERROR} == {"bad1.md", "bad2.md"}
    out, report = make_site(files, config="title: T\nsearch: false\n", keep_going=True)
    assert report.articles == 1 and (out / "2024/03/fine/index.html").is_file()
