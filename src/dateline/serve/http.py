"""The dev server's HTTP side: static files from the served folder only, with live reload injected.

Safety, in the order requests meet it:

1. Only GET and HEAD. The path is percent-decoded once; NUL, backslashes and ``.``/``..`` segments are
   refused (400), so ``/../``, ``/%2e%2e/`` and ``/..%2f`` never reach the file system.
2. The path must sit under the site's base path; the file is resolved (symlinks followed) and must still
   be inside the served folder, else 404.
3. A folder without a trailing slash redirects to the same path with one, always as a path on this host
   (``//evil.example`` cannot become a redirect to another host).
4. HTML responses get the reload script (and, after a failed rebuild, the error overlay) injected before
   ``</body>``; files on disk are never changed.
"""

from __future__ import annotations

import contextlib
import html
import json
import mimetypes
import posixpath
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from .state import ServerState

POLL_PATH = "/__dateline/poll"
POLL_TIMEOUT = 25.0
RELOAD_SCRIPT = """<script>
(() => {
  let epoch = %(epoch)d, failed = %(failed)s;
  async function poll() {
    try {
      const r = await fetch("%(poll)s?epoch=" + epoch + "&error=" + (failed ? 1 : 0), {cache: "no-store"});
      const s = await r.json();
      if (s.epoch !== epoch || s.failed !== failed) { location.reload(); return; }
    } catch (e) { await new Promise(r => setTimeout(r, 1000)); }
    poll();
  }
  poll();
})();
</script>"""
OVERLAY = """<div id="dateline-error" role="alert" style="position:fixed;inset:0;z-index:2147483647;
background:rgba(20,20,20,.92);color:#fff;font:15px/1.5 ui-monospace,monospace;padding:2rem;overflow:auto">
<h2 style="color:#ff8a80;margin-top:0">Build failed — showing the last good build</h2>
<pre style="white-space:pre-wrap">%(lines)s</pre>
<p style="color:#bbb">Fix the file and save: this page reloads by itself.</p></div>"""


def inject(page: bytes, state: ServerState, base_path: str) -> bytes:
    """The page with the reload script, and the error overlay when the last rebuild failed."""
    snap = state.snapshot
    script = RELOAD_SCRIPT % {"epoch": snap.epoch, "failed": "true" if snap.error else "false", "poll": POLL_PATH}
    extra = script
    if snap.error:
        extra = OVERLAY % {"lines": html.escape("\n".join(snap.error))} + script
    marker = b"</body>"
    data = extra.encode("utf-8")
    at = page.rfind(marker)
    return page[:at] + data + page[at:] if at >= 0 else page + data


class Handler(BaseHTTPRequestHandler):
    """Serves one folder under one base path."""

    server: DevServer
    server_version = "dateline-serve"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:
        pass  # request logs would drown the rebuild messages

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _send(
        self, status: HTTPStatus, body: bytes, ctype: str, head: bool, extra: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if not head:
            # The browser may leave (close the tab, follow a link) while we answer.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    def _error(self, status: HTTPStatus, head: bool) -> None:
        root = self.server.root
        page = root / "404.html"
        if status is HTTPStatus.NOT_FOUND and page.is_file():
            body = inject(page.read_bytes(), self.server.state, self.server.base_path)
            self._send(status, body, "text/html; charset=utf-8", head)
            return
        self._send(status, f"{status.value} {status.phrase}\n".encode(), "text/plain; charset=utf-8", head)

    def _serve(self, head: bool) -> None:
        parts = urlsplit(self.path)
        if parts.path == POLL_PATH:
            self._poll(parts.query, head)
            return
        path = unquote(parts.path)
        if "\x00" in path or "\\" in path or any(seg in (".", "..") for seg in path.split("/")):
            self._error(HTTPStatus.BAD_REQUEST, head)
            return
        base = self.server.base_path
        if path == base.rstrip("/") or (path == "/" and base != "/"):
            self._send(HTTPStatus.FOUND, b"", "text/plain", head, {"Location": base})
            return
        if not path.startswith(base):
            self._error(HTTPStatus.NOT_FOUND, head)
            return
        rel = posixpath.normpath(path[len(base) :]).lstrip("/") if path[len(base) :] else ""
        root = self.server.root
        target = (root / rel) if rel not in ("", ".") else root
        try:
            resolved = target.resolve()
        except OSError:
            self._error(HTTPStatus.NOT_FOUND, head)
            return
        if not resolved.is_relative_to(root):
            self._error(HTTPStatus.NOT_FOUND, head)
            return
        if resolved.is_dir():
            if not path.endswith("/"):
                # A path on this host only: collapse leading slashes so "//host" cannot become a redirect.
                location = "/" + path.lstrip("/") + "/"
                self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain", head, {"Location": location})
                return
            resolved = resolved / "index.html"
            if not resolved.resolve().is_relative_to(root):
                self._error(HTTPStatus.NOT_FOUND, head)
                return
        if not resolved.is_file():
            self._error(HTTPStatus.NOT_FOUND, head)
            return
        body = resolved.read_bytes()
        ctype = mimetypes.guess_type(resolved.name)[0] or "application/octet-stream"
        if ctype == "text/html":
            body = inject(body, self.server.state, base)
            ctype = "text/html; charset=utf-8"
        elif ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self._send(HTTPStatus.OK, body, ctype, head)

    def _poll(self, query: str, head: bool) -> None:
        args = parse_qs(query)
        try:
            epoch = int(args.get("epoch", ["-1"])[0])
        except ValueError:
            epoch = -1
        failed = args.get("error", ["0"])[0] == "1"
        snap = self.server.state.wait(epoch, failed, POLL_TIMEOUT)
        body = json.dumps({"epoch": snap.epoch, "failed": bool(snap.error), "error": list(snap.error)}).encode()
        self._send(HTTPStatus.OK, body, "application/json", head)


class DevServer(ThreadingHTTPServer):
    """A threading HTTP server over one folder."""

    daemon_threads = True
    allow_reuse_address = False  # a second server on the same port must fail, not share it

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet when a client disconnects mid-response; anything else is a real server error."""
        import sys

        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]

    def __init__(self, host: str, port: int, root: Path, base_path: str, state: ServerState) -> None:
        self.root = root.resolve()
        self.base_path = base_path
        self.state = state
        super().__init__((host, port), Handler)


mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("application/xml", ".xml")
