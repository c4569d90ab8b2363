"""``dateline serve`` over real HTTP: pages, live-reload injection, safety, rebuilds and the error overlay."""

from __future__ import annotations

import http.client
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import write_tree
from dateline.config import load_config
from dateline.serve import ServeError, serve
from serving import Served, free_port, small_site


@pytest.fixture
def served_site(tmp_path: Path) -> Iterator[Served]:
    yield from small_site(tmp_path)


def raw_get(served: Served, path: str) -> tuple[int, bytes, str]:
    """A request with the path sent exactly as given (like ``curl --path-as-is``)."""
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    conn.putrequest("GET", path, skip_accept_encoding=True)
    conn.endheaders()
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, body, r.getheader("Location") or ""


def test_serves_pages_with_reload_script_only_in_responses(served_site: Served) -> None:
    status, home = served_site.get("/")
    assert status == 200 and "Talks resume" in home and "/__dateline/poll" in home
    status, css = served_site.get("/static/style.css")
    assert status == 200 and "__dateline" not in css
    assert not (served_site.root / "public").exists()  # serve never writes the site's output folder


@pytest.mark.parametrize(
    "path",
    ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd", "/%252e%252e/etc/passwd",
     "/static/..%5c..%5cetc/passwd", "/..\\..\\etc\\passwd"],
)  # fmt: skip
def test_traversal_is_refused(served_site: Served, path: str) -> None:
    status, body, _ = raw_get(served_site, path)
    assert status in (400, 404)
    assert b"root:" not in body


def test_symlink_out_of_the_served_folder_is_404(served_site: Served, tmp_path: Path) -> None:
    line = next(m for m in served_site.messages if m.startswith("serving the last good build from "))
    folder = Path(line.split(" from ", 1)[1].split(" (", 1)[0])
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret")
    (folder / "leak.txt").symlink_to(secret)
    status, body, _ = raw_get(served_site, "/leak.txt")
    assert status == 404 and b"top secret" not in body


def test_no_open_redirect(served_site: Served) -> None:
    status, _, location = raw_get(served_site, "//evil.example/")
    assert status == 404 and not location
    status, _, location = raw_get(served_site, "/tags")
    assert status == 301 and location == "/tags/"
    status, _, location = raw_get(served_site, "//tags")
    assert status in (301, 404) and not location.startswith("//")


def test_binds_localhost_by_default(served_site: Served) -> None:
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", served_site.port)) == 0


def test_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    write_tree(tmp_path, {"dateline.yaml": "title: T\nsearch: false\n", "content/a.txt": "A\n\n5 May 2020 – Text.\n"})
    config, _ = load_config(tmp_path / "dateline.yaml")
    with socket.socket() as blocker:
        port = free_port()
        blocker.bind(("127.0.0.1", port))
        blocker.listen()
        with pytest.raises(ServeError, match=f"port {port} is already in use; try --port {port + 1}"):
            serve(tmp_path / "dateline.yaml", config, port=port)


def test_edit_rebuilds_once_and_updates_the_page(served_site: Served) -> None:
    before = served_site.rebuilds()
    path = served_site.root / "content/2022-03-01-a.txt"
    path.write_text(path.read_text("utf-8").replace("Talks resumed.", "Talks resumed in the afternoon."), "utf-8")
    served_site.wait_for("epoch 2")
    time.sleep(0.5)
    assert served_site.rebuilds() == before + 1
    _, page = served_site.get("/2022/03/talks-resume/")
    assert "in the afternoon" in page
    assert any("1 re-extracted" in m for m in served_site.messages)


def test_broken_template_keeps_last_build_and_shows_overlay(served_site: Served) -> None:
    templates = served_site.root / "templates"
    templates.mkdir(exist_ok=True)
    (templates / "list.html").write_text('{% extends "base.html" %}{% block main %}{{ page.nope }}{% endblock %}')
    served_site.wait_for("rebuild failed")
    status, home = served_site.get("/")
    assert status == 200 and "Talks resume" in home  # the last good build
    assert 'id="dateline-error"' in home and "list.html" in home and "nope" in home
    status, again = served_site.get("/")  # a manual refresh still shows it
    assert 'id="dateline-error"' in again
    (templates / "list.html").unlink()
    served_site.wait_for("epoch 2")
    _, fixed = served_site.get("/")
    assert 'id="dateline-error"' not in fixed


def test_bad_content_file_names_file_and_line_in_overlay(served_site: Served) -> None:
    (served_site.root / "content/bad.md").write_text("---\ntitle: x\ndate: 2023-02-30\n---\nBody.\n", "utf-8")
    served_site.wait_for("rebuild failed")
    _, page = served_site.get("/")
    assert "bad.md:3:1: error[bad-date]" in page
