"""Rows S06–S09 and S18 of shared/reliability-matrix.md (the server rows S11–S14 are in tests/serve,
S01–S05 and S15 in test_escaping.py and the browser test, S16 in test_template_guard.py, S17 in
tests/publish)."""

from __future__ import annotations

import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import SiteMaker
from dateline.build import BuildFailed
from dateline.errors import ContentError
from dateline.extract.article import make_article
from dateline.load.raw import parse_document
from dateline.slug import slugify

CONFIG = "title: T\nsearch: false\n"


def md(front: str, body: str = "Body text.") -> str:
    return f"---\n{front}\n---\n\n{body}\n"


@pytest.mark.parametrize("hostile", ["../../etc/x", "/etc/passwd", "%2e%2e%2f", "..\\\\x", "C:\\\\x", "a\\x00b"])
def test_s06_slugs_and_tags_never_leave_the_output(make_site: SiteMaker, tmp_path: Path, hostile: str) -> None:
    files: dict[str, str | bytes] = {
        "content/a.md": md(f'title: "A {hostile}"\ndate: 2024-01-01\nslug: "{hostile}"\ntags: ["{hostile}"]')
    }
    try:
        out, _ = make_site(files, config=CONFIG)
    except BuildFailed:
        return  # refused with a clear error: also acceptable
    outside = [p for p in tmp_path.parent.rglob("*") if p.is_file() and not p.is_relative_to(tmp_path)]
    assert not [p for p in outside if p.name in ("x", "passwd") and p.stat().st_mtime > time.time() - 60]
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out.resolve())
        assert ".." not in path.relative_to(out).parts


def test_s07_symlink_out_of_content_is_an_error_naming_the_link(make_site: SiteMaker, tmp_path: Path) -> None:
    secret = tmp_path.parent / f"{tmp_path.name}-secret.md"
    secret.write_text(md("title: Secret\ndate: 2024-01-01"))
    (tmp_path / "content").mkdir()
    (tmp_path / "content/leak.md").symlink_to(secret)
    with pytest.raises(BuildFailed) as err:
        make_site({"content/ok.md": md("title: Ok\ndate: 2024-01-01")}, config=CONFIG)
    assert any(d.path == "leak.md" and "symbolic link" in d.message for d in err.value.diagnostics)


def test_s08_yaml_cannot_run_code(tmp_path: Path) -> None:
    data = md("title: x\ndate: 2024-01-01\nevil: !!python/object/apply:os.system ['touch PWNED']").encode()
    with pytest.raises(ContentError) as err:
        make_article(parse_document(data, "evil.md", "md"), ZoneInfo("UTC"))
    assert err.value.line == 4
    assert not Path("PWNED").exists() and not (tmp_path / "PWNED").exists()


def test_s09_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    data = md("title: bomb\ndate: 2024-01-01\n" + "\n".join(lines)).encode()
    start = time.monotonic()
    with pytest.raises(ContentError, match="aliases are not allowed"):
        make_article(parse_document(data, "bomb.md", "md"), ZoneInfo("UTC"))
    assert time.monotonic() - start < 1.0


def test_s18_bidi_zero_width_and_confusables_are_ascii_only() -> None:
    assert slugify("pay\u202etxt.exe") == "paytxt-exe"
    assert slugify("zero\u200bwidth\u200djoin") == "zerowidthjoin"
    latin, cyrillic = slugify("attack"), slugify("\u0430ttack")  # Cyrillic а
    assert latin == "attack" and cyrillic.isascii() and cyrillic != "\u0430ttack"
    for text in ("\u202e", "\u200b\u200d", "\u0430\u0431\u0432"):
        assert slugify(text).isascii()
