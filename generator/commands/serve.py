"""``python -m generator serve``: a live preview of the site while the data is edited.

``mkdocs serve`` already rebuilds the site and reloads the browser when a file in the docs folder
(content/) changes. What it cannot see is site-data/, so this watches that folder (by polling file
times and sizes, which works the same on every system and in containers) and, on a change, validates
and regenerates the pages in content/; MkDocs picks them up from there. It watches only site-data/,
never content/, so writing the generated pages cannot set off another round.

One save makes one MkDocs rebuild, of the pages that changed: the preview writes only the generated
files whose text changed (``sync.sync_pages``, never a swap of whole folders) and runs
``mkdocs serve --dirty``, which rebuilds only pages whose Markdown is newer than their HTML. A
hand-written page that includes a changed snippet (``--8<-- "<name>.md"``, from content/generated/) is touched so that it
is rebuilt too. (In a dirty rebuild MkDocs' search index covers only the pages rebuilt; restart the
preview to search everything.) ``benchmarks/serve_latency.py`` measures save-to-reload.

Bad data never reaches the preview: the problems are printed and the last good pages stay served.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ..checks.problems import DataError, print_problems
from ..checks.validate import load_site
from .build import render_site
from .project import GENERATED_FOLDERS, Project
from .repository import NO_REPOSITORY, repo_environment
from .sync import sync_pages

PollSnapshot = dict[str, tuple[int, int]]
_SETTLE = 0.05
"""Seconds a changed data folder must hold still before the preview regenerates."""


def run(project: Project, args: argparse.Namespace) -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    return serve(project, host=args.host, port=args.port)


def serve(project: Project, *, host: str = "127.0.0.1", port: int = 8000, interval: float = 0.05) -> int:
    """Generate, start ``mkdocs serve`` and regenerate whenever site-data/ changes, until interrupted.

    Returns the exit status: 0 when stopped by Ctrl+C or SIGTERM, 1 if MkDocs could not run.
    """
    url = f"http://{host}:{port}/"
    snapshot = _snapshot(project.data_dir)
    mkdocs: subprocess.Popen[bytes] | None = None
    try:
        if _regenerate(project) or (project.docs_dir / "places").is_dir():
            mkdocs = _start_mkdocs(project, host, port)
            _say(f"Preview at {url} (Ctrl+C to stop). Edit files in site-data/ or content/ and save: "
                 "the page reloads by itself.")
        else:
            _say("The preview starts once the problems above are fixed.")
        while True:
            time.sleep(interval)
            if mkdocs is not None and mkdocs.poll() is not None:
                _say(f"mkdocs serve stopped (exit status {mkdocs.returncode}); is port {port} in use? "
                     "Try --port with another number.")
                return 1
            current = _snapshot(project.data_dir)
            if current == snapshot:
                continue
            while True:  # an editor may save in steps (truncate, write): wait until the files hold still
                time.sleep(_SETTLE)
                settled = _snapshot(project.data_dir)
                if settled == current:
                    break
                current = settled
            snapshot = current
            if _regenerate(project) and mkdocs is None:
                mkdocs = _start_mkdocs(project, host, port)
                _say(f"Preview at {url} (Ctrl+C to stop).")
    except KeyboardInterrupt:
        return 0
    finally:
        if mkdocs is not None:
            _stop(mkdocs)


def _regenerate(project: Project) -> bool:
    """Validate and write the generated pages. On bad data, print the problems and change nothing."""
    start = time.perf_counter()
    try:
        site = load_site(project.data_dir, display_root=project.root)
    except DataError as error:
        print_problems(error.problems, github=False)
        _say(f"{len(error.problems)} problem(s) in site-data/: the preview keeps the last good pages. "
             "Fix them and save again.")
        return False
    written, removed = sync_pages(render_site(site), project.docs_dir)  # one environment: templates compiled once
    touched = _touch_includers(project.docs_dir, written)
    changed = written + removed
    shown = ", ".join(changed[:4]) + (f" and {len(changed) - 4} more" if len(changed) > 4 else "")
    _say(f"{len(written)} page(s) written, {len(removed)} removed{': ' + shown if changed else ''}"
         f"{f'; {len(touched)} page(s) that include them touched' if touched else ''} "
         f"({len(site.places)} places, {time.perf_counter() - start:.2f} s).")
    return True


def _touch_includers(docs_dir: Path, written: list[str]) -> list[Path]:
    """Touch the hand-written pages that include a changed snippet, so that a dirty rebuild redoes them."""
    snippets = [path for path in written if path.startswith("generated/")]
    if not snippets:
        return []
    touched = []
    for page in docs_dir.rglob("*.md"):
        if page.relative_to(docs_dir).parts[0] in GENERATED_FOLDERS:
            continue
        text = page.read_text(encoding="utf-8")
        if any(f'"{snippet.removeprefix("generated/")}"' in text for snippet in snippets):
            os.utime(page)
            touched.append(page)
    return touched


def _snapshot(folder: Path) -> PollSnapshot:
    """Modification time and size of every data file; hidden files (editors' swap files) are skipped."""
    result: PollSnapshot = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") or part.endswith("~") for part in relative.parts):
            continue
        try:
            stat = path.stat()
        except OSError:  # removed while we looked
            continue
        if path.is_file():
            result[relative.as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return result


def _start_mkdocs(project: Project, host: str, port: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "generator.commands.mkdocs_run", "serve", "--config-file", str(project.config_file),
        "--dev-addr", f"{host}:{port}", "--dirty",
    ]
    env = {**repo_environment(project.root), "NO_MKDOCS_2_WARNING": "1"}
    if not env["REPO_URL"]:
        print(NO_REPOSITORY, file=sys.stderr, flush=True)
    return subprocess.Popen(command, cwd=project.root, env=env)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
