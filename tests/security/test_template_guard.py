"""S16: templates cannot reach Python internals, environment variables or subprocesses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import SiteMaker
from dateline.errors import TemplateError

RELEASE = "Title\n\n5 March 2024 – Body text.\n"
ESCAPES = [
    "{{ cycler.__init__.__globals__.os.environ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ page.__class__.__init__.__globals__ }}",
    "{{ range.__self__ }}",
    "{{ lipsum.__globals__['os'].popen('touch PWNED').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ site.nav.append(1) }}",
]


@pytest.mark.parametrize("expr", ESCAPES)
def test_template_cannot_escape(make_site: SiteMaker, tmp_path: Path, expr: str) -> None:
    os.environ["DATELINE_SECRET_FOR_TEST"] = "s3cr3t-value"
    template = '{% extends "base.html" %}{% block main %}' + expr + "{% endblock %}"
    try:
        out, _ = make_site(
            {"content/a.txt": RELEASE, "templates/404.html": template}, config="title: T\nsearch: false\n"
        )
    except TemplateError as exc:
        assert "404.html" in str(exc)
    else:
        page = (out / "404.html").read_text("utf-8")
        assert "s3cr3t-value" not in page and "subclasses" not in page
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()
