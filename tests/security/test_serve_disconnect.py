"""The dev server and a reader who leaves: a browser tab closed (or navigated away) while its live-reload
long poll is pending must not make ``dateline serve`` print a traceback when the poll is answered."""

from __future__ import annotations

import re
import socket
import struct
import time
from pathlib import Path

import pytest

from conftest import write_tree
from serving import start


def test_a_client_that_leaves_mid_poll_prints_no_traceback(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    write_tree(
        tmp_path,
        {
            "dateline.yaml": "title: Served\nsearch: false\n",
            "content/2022-03-01-a.txt": "Talks resume\n\nGENEVA, 1 March 2022 – Talks resumed.\n",
        },
    )
    for served in start(tmp_path):
        status, page = served.get("/")
        assert status == 200
        epoch = int(re.search(r"let epoch = (\d+)", page)[1])  # type: ignore[index]
        with socket.create_connection(("127.0.0.1", served.port)) as sock:
            sock.sendall(f"GET /__dateline/poll?epoch={epoch}&error=0 HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            time.sleep(0.3)  # the server is now waiting on the poll
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # leave with a reset
        (tmp_path / "content/2022-03-01-a.txt").write_text(
            "Talks resume again\n\nGENEVA, 1 March 2022 – Talks resumed.\n", "utf-8"
        )
        served.wait_for("rebuilt")
        time.sleep(0.5)  # the poll is answered into the closed connection
    err = capfd.readouterr().err
    assert "Traceback" not in err, err
