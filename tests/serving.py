"""Run ``dateline serve`` in a background thread on a free local port, for tests over real HTTP and in a
real browser."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.config import load_config
from dateline.serve import serve


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    root: Path
    url: str
    port: int
    messages: list[str] = field(default_factory=list)

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")

    def wait_for(self, text: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in m for m in self.messages):
                return
            time.sleep(0.05)
        raise AssertionError(f"no message containing {text!r} in {self.messages}")

    def rebuilds(self) -> int:
        return sum(1 for m in self.messages if m.startswith(("rebuilt", "rebuild failed")))


def start(root: Path) -> Iterator[Served]:
    config_path = root / "dateline.yaml"
    config, _ = load_config(config_path)
    port = free_port()
    stop = threading.Event()
    ready = threading.Event()
    served = Served(root, f"http://127.0.0.1:{port}{config.base_path}", port)
    thread = threading.Thread(
        target=serve,
        args=(config_path, config),
        kwargs={"port": port, "report": served.messages.append, "ready": lambda _u: ready.set(), "stop": stop},
        daemon=True,
    )
    thread.start()
    assert ready.wait(30), served.messages
    time.sleep(0.3)  # let the watcher threads arm before a test edits files
    try:
        yield served
    finally:
        stop.set()
        thread.join(timeout=10)


def small_site(tmp_path: Path) -> Iterator[Served]:
    """A two-article site with search off, being served."""
    from conftest import SEED, write_tree

    write_tree(
        tmp_path,
        {
            "dateline.yaml": "title: Served\nsearch: false\n",
            "content/seed.txt": SEED.read_text("utf-8"),
            "content/2022-03-01-a.txt": "Talks resume\n\nGENEVA, 1 March 2022 – Talks resumed.\n\nTags: talks\n",
        },
    )
    yield from start(tmp_path)
