"""``dateline serve``: build, serve the result on 127.0.0.1, watch, rebuild incrementally, reload browsers.

The served files live in a private folder, not the site's output folder, so ``serve`` never touches the
published output and nothing it injects (reload script, error overlay) is ever written to disk. A
rebuild that fails leaves the last good build in place and shows its error in every page.

Change kinds, each handled by the cheapest correct rebuild:

* a content file changed, was added or removed → that file is re-extracted; pages whose context
  changed are re-rendered (the builder's caches decide);
* a template or static file changed → every page is re-rendered, nothing is re-extracted;
* ``dateline.yaml`` changed → the config is read again and everything is rebuilt.

The search index (Pagefind, about 20 s over 10,000 articles) is built before the first page is served,
then again beside the server after each change, so an edit never waits for it.
"""

from __future__ import annotations

import errno
import gc
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import SiteConfig, load_config
from ..errors import DatelineError
from ..load.discover import CONTENT_SUFFIXES, is_ignored
from .http import DevServer
from .state import ServerState

DEBOUNCE_MS = 1600
"""Longest a burst of file events is gathered into one rebuild (a ``git checkout`` of thousands of files)."""
STEP_MS = 50
"""Quiet time that ends a burst: one editor save is one rebuild, ~50 ms after it."""


class ServeError(DatelineError):
    """The server could not start."""


Report = Callable[[str], None]


@dataclass(slots=True)
class _Session:
    config_path: Path | None
    config: SiteConfig
    drafts: bool
    folder: Path
    state: ServerState
    report: Report
    files: dict[str, bytes] = field(default_factory=dict)
    builder: object = None
    rebuilds: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    search_in_background: bool = False
    """After the first build, search indexing runs beside the server instead of inside a rebuild."""
    _index_lock: threading.Lock = field(default_factory=threading.Lock)
    _index_dirty: bool = False
    _index_running: bool = False

    def new_builder(self) -> None:
        from ..build.engine import SiteBuilder

        self.builder = SiteBuilder(self.config, drafts=self.drafts, jobs=os.cpu_count() or 1)

    def rebuild(self, reload_config: bool = False) -> bool:
        """One rebuild; True when it succeeded. Errors go to the state (overlay) and the report."""
        with self.lock:
            ok, changed = self._rebuild(reload_config)
        if ok and changed and self.config.search:
            if self.search_in_background:
                self._index_soon()
            else:
                self._index()
        return ok

    def _index(self) -> None:
        from ..build.search import build_search_index

        try:
            build_search_index(self.folder)
        except DatelineError as exc:
            self.report(f"warning: search index not updated: {exc}")

    def _index_soon(self) -> None:
        # Pagefind takes ~20 s over 10,000 articles; an edit must not wait for it. Indexing runs in one
        # thread at a time; edits made meanwhile mark the index dirty and it runs once more after.
        with self._index_lock:
            self._index_dirty = True
            if self._index_running:
                return
            self._index_running = True
        threading.Thread(target=self._index_loop, name="dateline-search-index", daemon=True).start()

    def _index_loop(self) -> None:
        while True:
            with self._index_lock:
                if not self._index_dirty:
                    self._index_running = False
                    return
                self._index_dirty = False
            self._index()

    def _rebuild(self, reload_config: bool) -> tuple[bool, int]:
        from ..build import BuildFailed
        from ..build.engine import SiteBuilder

        self.rebuilds += 1
        try:
            if reload_config:
                config, warnings = load_config(self.config_path, self.config.root)
                for w in warnings:
                    self.report(w.format())
                self.config = _served(config, self.config.base_url)
                self.new_builder()
            if not isinstance(self.builder, SiteBuilder):
                self.new_builder()
            assert isinstance(self.builder, SiteBuilder)
            result = self.builder.run()
        except BuildFailed as exc:
            lines = tuple(d.format() for d in exc.diagnostics if d.level.value == "error")
            return self._fail(lines), 0
        except DatelineError as exc:
            return self._fail((str(exc),)), 0
        except RecursionError:
            return self._fail(("a template or file is nested too deeply to render",)), 0
        for d in result.diagnostics:
            self.report(d.format())
        changed = self._sync(result.files)
        snap = self.state.succeeded()
        self.report(
            f"rebuilt: {result.articles} articles, {result.extracted} re-extracted, "
            f"{result.rendered} of {result.pages} pages rendered, {changed} files changed (epoch {snap.epoch})"
        )
        if not result.patched:
            # The site now held is long-lived; freezing it keeps the cyclic collector from walking a
            # million objects in the middle of the next edit (at 10,000 articles that halved the
            # latency of an edit). Collect the old site's cycles first, after the browser reloaded.
            gc.unfreeze()
            gc.collect()
            gc.freeze()
        return True, changed

    def _fail(self, lines: tuple[str, ...]) -> bool:
        self.state.failed(lines)
        for line in lines:
            self.report(line)
        self.report("rebuild failed; still serving the last good build")
        return False

    def _sync(self, files: dict[str, bytes]) -> int:
        """Make the served folder hold exactly ``files`` (plus the search bundle), writing only changes."""
        changed = 0
        for rel, data in files.items():
            if self.files.get(rel) != data:
                target = self.folder / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_name(target.name + ".tmp")
                tmp.write_bytes(data)
                tmp.replace(target)
                changed += 1
        for rel in set(self.files) - set(files):
            (self.folder / rel).unlink(missing_ok=True)
            changed += 1
            parent = (self.folder / rel).parent
            while parent != self.folder and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        self.files = dict(files)
        return changed


def _served(config: SiteConfig, base_url: str) -> SiteConfig:
    from dataclasses import replace

    return replace(config, base_url=base_url)


def classify(path: str, config: SiteConfig, config_path: Path | None) -> str | None:
    """The change kind of a file event: ``content``, ``theme``, ``config``, or None to ignore it."""
    p = Path(path)
    if is_ignored(p.name) or p.name.endswith((".tmp", ".bak")):
        return None
    if config_path is not None and p == config_path.resolve():
        return "config"
    if p == config.templates_path:
        return "theme"
    if p.is_relative_to(config.content_path):
        return "content" if p.suffix.lower() in CONTENT_SUFFIXES or not p.suffix else None
    if p.is_relative_to(config.templates_path):
        return "theme"
    return None


def serve(
    config_path: Path | None,
    config: SiteConfig,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    drafts: bool = False,
    report: Report = lambda _m: None,
    ready: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Serve the site until ``stop`` is set (or forever). Raises :class:`ServeError` if it cannot start."""
    import watchfiles

    base_url = f"http://{'localhost' if host in ('127.0.0.1', '::1') else host}:{port}{config.base_path}"
    state = ServerState()
    folder = Path(tempfile.mkdtemp(prefix="dateline-serve-"))
    session = _Session(config_path, _served(config, base_url), drafts, folder, state, report)
    try:
        server = DevServer(host, port, folder, config.base_path, state)
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} is already in use; try --port {port + 1}") from None
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    stop = stop or threading.Event()
    report(f"serving the last good build from {folder} (the output folder is not touched)")
    session.new_builder()
    session.rebuild()  # the first search index is ready before the first page is served
    session.search_in_background = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    if ready is not None:
        ready(base_url)
    watchers: list[threading.Thread] = []

    def watch(paths: list[Path], recursive: bool) -> None:
        t = threading.Thread(
            target=_watch_loop, args=(session, paths, recursive, stop, watchfiles, on_new_dir), daemon=True
        )
        watchers.append(t)
        t.start()

    templates_watched = threading.Event()

    def on_new_dir(path: Path) -> None:
        # A site templates folder created while serving gets its own watcher from then on.
        if path == session.config.templates_path and path.is_dir() and not templates_watched.is_set():
            templates_watched.set()
            watch([path], True)

    if config.content_path.is_dir():
        watch([config.content_path], True)
    if config.templates_path.is_dir():
        templates_watched.set()
        watch([config.templates_path], True)
    # The site root, flat: the config file and a templates folder created later. Never the output or .venv.
    watch([config.root], False)
    try:
        stop.wait()
    finally:
        stop.set()
        for w in list(watchers):
            w.join(timeout=5)
        server.shutdown()
        server.server_close()
        shutil.rmtree(folder, ignore_errors=True)


def _watch_loop(
    session: _Session,
    watched: list[Path],
    recursive: bool,
    stop: threading.Event,
    watchfiles: Any,
    on_new_dir: Callable[[Path], None],
) -> None:
    config_path = session.config_path

    def wanted(_change: object, path: str) -> bool:
        return classify(path, session.config, config_path) is not None

    force_polling: bool | None = None
    while not stop.is_set():
        try:
            for changes in watchfiles.watch(
                *watched,
                debounce=DEBOUNCE_MS,
                step=STEP_MS,
                stop_event=stop,
                force_polling=force_polling,
                raise_interrupt=False,
                recursive=recursive,
                watch_filter=wanted,
            ):
                kinds = {classify(p, session.config, config_path) for _, p in changes}
                for _, p in changes:
                    if Path(p).is_dir():
                        on_new_dir(Path(p))
                session.rebuild(reload_config="config" in kinds)
            return
        except OSError as exc:
            if force_polling:
                session.report(f"error: file watching stopped: {exc}")
                return
            # inotify watches exhausted (ENOSPC) or unavailable: keep serving, poll instead.
            session.report(f"warning: file watching failed ({exc.strerror or exc}); falling back to polling")
            force_polling = True
