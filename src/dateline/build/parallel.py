"""What the build's worker processes share: how they start, how work is split, and output fingerprints."""

from __future__ import annotations

import hashlib
import os
import pickle
import signal
import sys
from collections.abc import Callable

Progress = Callable[[str, int, int], None]
"""Receives (stage name, items done, items in all), for a progress display."""
PROGRESS_EVERY = 250
"""Report progress about every this many items."""
PARALLEL_MIN_PAGES = 2000
"""Fewer pages than this are rendered in-process: forking would cost more than it saves."""
CHUNKS_PER_JOB = 8
"""Runs of pages per worker: small enough to balance the load, large enough to amortise each hand-off."""


def fingerprint(base: bytes, inputs: object) -> str:
    """A digest of everything an output's bytes depend on: ``base`` (what every output shares) and its own
    ``inputs`` (a page, a feed's key)."""
    return hashlib.sha256(base + pickle.dumps(inputs, protocol=5)).hexdigest()


def follow_parent(parent: int) -> None:
    """Worker start-up: die with the build, so a killed build leaves no idle workers behind.

    Forked workers hold their task pipe's write end themselves, so they would never see it close.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)  # the build died before the line above took effect
