"""The command line: the only module that prints. Each command parses options and calls library code."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from . import __version__
from .errors import ContentError, DatelineError

if TYPE_CHECKING:
    from .config import SiteConfig
    from .model import Diagnostic


CONFIG_OPTION = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Config file (default: ./dateline.yaml).",
)
"""The ``--config`` option every site command takes."""
OUTPUT_OPTION = click.option(
    "--output", "-o", type=click.Path(file_okay=False, path_type=Path), help="Output folder (overrides the config)."
)
"""The ``--output`` option of the commands that build."""


def _echo_err(message: str) -> None:
    click.echo(message, err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """dateline: a static news-archive generator that reads raw press releases."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True, help="Output format."
)
@click.option("--quiet", "-q", is_flag=True, help="Do not print warnings to stderr.")
def extract(paths: tuple[str, ...], fmt: str, quiet: bool) -> None:
    """Print what the loader understood of each file, one JSON record per line."""
    from .extract.record import error_record, record_for_file

    failed = 0
    out = sys.stdout
    for path in paths:
        try:
            record, diagnostics = record_for_file(path)
        except ContentError as exc:
            failed += 1
            _echo_err(exc.diagnostic().format())
            out.write(json.dumps(error_record(path, exc), ensure_ascii=False) + "\n")
            continue
        except RecursionError:
            failed += 1
            err = ContentError("input too deeply nested to parse", path, 1, 1, "recursion")
            _echo_err(err.diagnostic().format())
            out.write(json.dumps(error_record(path, err), ensure_ascii=False) + "\n")
            continue
        if not quiet:
            for d in diagnostics:
                if d.level.value != "info":
                    _echo_err(d.format())
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    if failed:
        _echo_err(f"{failed} of {len(paths)} file(s) could not be extracted")
        sys.exit(1)


def _build_failed(diagnostics: tuple[Diagnostic, ...], summary: str) -> NoReturn:
    """Print every diagnostic of a failed build, then the summary, and exit 1."""
    for d in diagnostics:
        _echo_err(d.format())
    _echo_err(f"error: {summary}")
    sys.exit(1)


def _progress_display() -> Callable[[str, int, int], None]:
    """A one-line progress display for a terminal: stage, count, rate and time left."""
    started: dict[str, float] = {}

    def show(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        start = started.setdefault(stage, now)
        rate = done / (now - start) if now > start else 0.0
        left = f", ~{(total - done) / rate:.0f} s left" if rate > 0 and done < total else ""
        click.echo(f"\r\033[K{stage}: {done}/{total} ({rate:.0f}/s{left})", nl=False, err=True)

    return show


def _load_config(config_path: Path | None) -> SiteConfig:
    from .config import load_config

    config, warnings = load_config(config_path)
    for w in warnings:
        _echo_err(w.format())
    return config


@main.command()
@CONFIG_OPTION
@OUTPUT_OPTION
@click.option("--drafts", is_flag=True, help="Include articles marked draft.")
@click.option("--keep-going", is_flag=True, help="Build the good articles even when some files have errors.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--timings", is_flag=True, help="Print the time of each build stage.")
@click.option("--future", is_flag=True, help="Include articles dated after today.")
@click.option(
    "--force", is_flag=True, help="Use a non-empty output folder dateline did not make (moved aside, never deleted)."
)
@click.option("--jobs", "-j", default=0, type=click.IntRange(0, 256), help="Worker processes (default: one per core).")
@click.option("--no-cache", is_flag=True, help="Ignore the persistent build cache (a full clean build).")
def build(
    config_path: Path | None,
    output: Path | None,
    drafts: bool,
    keep_going: bool,
    strict: bool,
    timings: bool,
    future: bool,
    force: bool,
    jobs: int,
    no_cache: bool,
) -> None:
    """Build the static archive into the output folder."""
    from .build import BuildFailed
    from .build import build as run_build
    from .config import with_overrides

    try:
        config = with_overrides(_load_config(config_path), output)
        report = run_build(
            config,
            drafts=drafts,
            keep_going=keep_going,
            future=future,
            force=force,
            jobs=jobs,
            use_cache=not no_cache,
            progress=_progress_display() if sys.stderr.isatty() else None,
        )
        if sys.stderr.isatty():
            click.echo("\r\033[K", nl=False, err=True)
    except BuildFailed as exc:
        _build_failed(exc.diagnostics, exc.message)
    except DatelineError as exc:
        _echo_err(f"error: {exc}")
        sys.exit(1)
    problems = 0
    skipped_files = sorted({d.path for d in report.diagnostics if d.level.value == "error"})
    for d in report.diagnostics:
        _echo_err(d.format())
        if d.level.value == "error" or (strict and d.level.value == "warning"):
            problems += 1
    if skipped_files:
        _echo_err(f"skipped {len(skipped_files)} file(s) with errors (--keep-going): {', '.join(skipped_files)}")
    if timings:
        for name, seconds in report.timings:
            _echo_err(f"  {name:<10} {seconds:7.3f} s")
    skipped = f", {report.drafts_skipped} draft(s) skipped" if report.drafts_skipped else ""
    if report.up_to_date:
        click.echo(
            f"Up to date: no input changed since the last build of {report.articles} articles into "
            f"{config.output_path} ({report.pages} pages, {report.files} files); checked in {report.seconds:.2f} s."
        )
    else:
        click.echo(
            f"Built {report.articles} articles into {config.output_path}: {report.pages} pages, "
            f"{report.files} files in {report.seconds:.2f} s{skipped}."
        )
    if problems:
        _echo_err(f"error: {problems} problem(s) reported{' (--strict)' if strict else ''}")
        sys.exit(1)


@main.command()
@CONFIG_OPTION
@OUTPUT_OPTION
@click.option("--no-build", is_flag=True, help="Check the existing output instead of building first.")
def check(config_path: Path | None, output: Path | None, no_build: bool) -> None:
    """Build (or read) the site and report broken links, anchors, assets and duplicate URLs."""
    from .build import BuildFailed
    from .build import build as run_build
    from .check import check_links
    from .config import with_overrides

    try:
        config = with_overrides(_load_config(config_path), output)
        if not no_build:
            run_build(config)
    except BuildFailed as exc:
        _build_failed(exc.diagnostics, exc.message)
    except DatelineError as exc:
        _echo_err(f"error: {exc}")
        sys.exit(1)
    if not config.output_path.is_dir():
        _echo_err(f"error: no output at {config.output_path}; run 'dateline build' first")
        sys.exit(1)
    problems = check_links(config.output_path, config.base_path)
    for p in problems:
        click.echo(p.format())
    pages = sum(1 for _ in config.output_path.rglob("*.html"))
    if problems:
        _echo_err(f"error: {len(problems)} problem(s) in {pages} pages")
        sys.exit(1)
    click.echo(f"Checked {pages} pages: no broken links, anchors, assets or duplicate URLs.")


@main.command()
@CONFIG_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", "-p", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--drafts", is_flag=True, help="Include articles marked draft.")
def serve(config_path: Path | None, host: str, port: int, drafts: bool) -> None:
    """Build, serve on localhost, rebuild on change and reload the browser."""
    from .config import CONFIG_NAME
    from .serve import ServeError
    from .serve import serve as run_serve

    if config_path is None and Path(CONFIG_NAME).is_file():
        config_path = Path(CONFIG_NAME)
    try:
        config = _load_config(config_path)
    except DatelineError as exc:
        _echo_err(f"error: {exc}")
        sys.exit(1)
    if host in ("0.0.0.0", "::", ""):
        _echo_err(
            f"warning: listening on all interfaces ({host or '0.0.0.0'}): anyone on your network can read this preview"
        )

    def report(message: str) -> None:
        click.echo(f"[{time.strftime('%H:%M:%S')}] {message}", err=True)

    try:
        run_serve(config_path, config, host=host, port=port, drafts=drafts, report=report,
                  ready=lambda url: click.echo(f"Serving {url} (Ctrl+C to stop)"))  # fmt: skip
    except ServeError as exc:
        _echo_err(f"error: {exc}")
        sys.exit(2)
    except KeyboardInterrupt:
        pass


@main.command()
@click.argument("target")
@CONFIG_OPTION
@click.option("--dry-run", is_flag=True, help="List what would be added, changed and removed; change nothing.")
@click.option("--cname", help="Custom domain written to CNAME (git targets, e.g. GitHub Pages).")
def publish(target: str, config_path: Path | None, dry_run: bool, cname: str | None) -> None:
    """Build cleanly and strictly, then ship to TARGET: dir:PATH, git:REMOTE#BRANCH or rsync:[HOST:]PATH."""
    from .build import BuildFailed
    from .publish.run import publish as run_publish

    try:
        config = _load_config(config_path)
        plan = run_publish(config, target, dry_run=dry_run, cname=cname)
    except BuildFailed as exc:
        _build_failed(exc.diagnostics, "refusing to publish a failed build; the target was not touched")
    except DatelineError as exc:
        _echo_err(f"error: {exc}")
        sys.exit(1)
    for line in plan.lines():
        click.echo(line)
    verb = "Would publish" if dry_run else "Published"
    click.echo(
        f"{verb} to {target}: {len(plan.added)} added, {len(plan.changed)} changed, {len(plan.removed)} removed."
    )
