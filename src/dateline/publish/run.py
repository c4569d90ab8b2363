"""The publish pipeline: clean strict build → ``_headers`` → manifest → verify → plan → ship."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from ..config import SiteConfig
from ..model import Level
from . import Plan, PublishError, verify_build, write_manifest
from .targets import dir_plan, git_publish, parse_target, publish_dir, rsync_publish

_INLINE_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
DATA_SCRIPT_TYPES = ("application/ld+json", "application/json")
"""Script elements that hold data, not code: browsers never execute them, so CSP does not govern them."""


def inline_script_hashes(root: Path) -> list[str]:
    """``sha256-…`` sources for every executable inline script in the built pages."""
    found: set[str] = set()
    for page in sorted(root.rglob("*.html")):
        for m in _INLINE_SCRIPT.finditer(page.read_text("utf-8")):
            attrs = m.group("attrs").lower()
            if "src=" in attrs or any(t in attrs for t in DATA_SCRIPT_TYPES):
                continue
            digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
            found.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(found)


def headers_file(root: Path) -> bytes:
    """Netlify/Cloudflare ``_headers``: a strict CSP (own scripts, inline ones by hash) and safe defaults."""
    script_src = " ".join(["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(root)])
    csp = "; ".join(
        [
            "default-src 'self'",
            f"script-src {script_src}",
            "style-src 'self'",
            "img-src 'self' data: https:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )
    lines = [
        "/*",
        f"  Content-Security-Policy: {csp}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  X-Frame-Options: DENY",
        "  Permissions-Policy: interest-cohort=()",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def build_for_publish(config: SiteConfig, into: Path) -> None:
    """A clean, strict build of ``config`` into the empty folder ``into``, with headers and manifest."""
    from ..build.engine import SiteBuilder
    from ..build.search import build_search_index

    result = SiteBuilder(config).run()  # raises BuildFailed on any content error
    problems = [d for d in result.diagnostics if d.level in (Level.ERROR, Level.WARNING)]
    if problems:
        lines = "\n".join(d.format() for d in problems)
        raise PublishError(f"refusing to publish: the strict build reported {len(problems)} warning(s):\n{lines}")
    if result.articles == 0:
        raise PublishError("refusing to publish an empty site (no articles)")
    for rel, data in result.files.items():
        path = into / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if config.search:
        build_search_index(into)
    (into / "_headers").write_bytes(headers_file(into))
    write_manifest(into)


def publish(config: SiteConfig, target_text: str, *, dry_run: bool = False, cname: str | None = None) -> Plan:
    """Build, verify and ship to ``target_text``; returns what changed (or would, with ``dry_run``)."""
    target = parse_target(target_text)
    tmp = Path(tempfile.mkdtemp(prefix="dateline-publish-"))
    try:
        build = tmp / "site"
        build.mkdir()
        build_for_publish(replace(config), build)
        verify_build(build)
        if target.kind == "dir":
            dest = Path(target.location).expanduser()
            result = dir_plan(build, dest)
            if not dry_run:
                publish_dir(build, dest)
            return result
        if target.kind == "git":
            return git_publish(build, target.location, target.branch, cname, dry_run)
        return rsync_publish(build, target.location, dry_run)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
