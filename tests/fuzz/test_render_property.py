"""Any article that loads renders into a site whose pages link only to files that exist."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.build.engine import SiteBuilder
from dateline.config import load_config

TITLE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(title=TITLE, body=st.text(max_size=200), tag=TITLE)
def test_any_loaded_article_renders(tmp_path: Path, title: str, body: str, tag: str) -> None:
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "dateline.yaml").write_text("title: Fuzz\nsearch: false\n")
    for old in (tmp_path / "content").iterdir():
        old.unlink()
    text = f"{title.strip() or 'x'}\n\n5 March 2024 – {body or 'Body.'}\n\nTags: {tag}\n"
    (tmp_path / "content/a.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    config, _ = load_config(tmp_path / "dateline.yaml")
    try:
        result = SiteBuilder(config).run()
    except Exception as exc:  # only our own clear errors are acceptable
        from dateline.errors import DatelineError

        assert isinstance(exc, DatelineError), repr(exc)
        return
    assert "index.html" in result.files and result.pages >= 1
