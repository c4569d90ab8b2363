"""What the dev server shows: the last good build's folder, the build epoch, and the current error.

The rebuild thread changes the state; request threads read it. A failed rebuild sets ``error`` but
keeps the folder of the last good build, so every page stays available while the overlay explains.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One consistent view of the server state."""

    epoch: int
    """Bumped after every successful rebuild; the browser reloads when it changes."""
    error: tuple[str, ...]
    """Lines of the last rebuild's error (``file:line: message``); empty when it succeeded."""


@dataclass(slots=True)
class ServerState:
    """Thread-safe holder of the current :class:`Snapshot`, with long-poll waiting."""

    _snapshot: Snapshot = field(default_factory=lambda: Snapshot(0, ()))
    _cond: threading.Condition = field(default_factory=threading.Condition)

    @property
    def snapshot(self) -> Snapshot:
        """The current state."""
        with self._cond:
            return self._snapshot

    def succeeded(self) -> Snapshot:
        """Record a successful rebuild: clear the error and bump the epoch."""
        with self._cond:
            self._snapshot = Snapshot(self._snapshot.epoch + 1, ())
            self._cond.notify_all()
            return self._snapshot

    def failed(self, lines: tuple[str, ...]) -> Snapshot:
        """Record a failed rebuild; the epoch stays, so pages keep showing the last good build."""
        with self._cond:
            self._snapshot = Snapshot(self._snapshot.epoch, lines)
            self._cond.notify_all()
            return self._snapshot

    def wait(self, epoch: int, error: bool, timeout: float) -> Snapshot:
        """Block until the epoch differs from ``epoch`` or the error state differs from ``error``."""
        with self._cond:
            self._cond.wait_for(
                lambda: self._snapshot.epoch != epoch or bool(self._snapshot.error) != error, timeout=timeout
            )
            return self._snapshot
