"""``python -m generator serve``: a live preview of the site while the data is edited.

``mkdocs serve`` already rebuilds the site and reloads the browser when a file in the docs folder
(content/) changes. What it cannot see is site-data/, so this watches that folder (by polling file
times and sizes, which works the same on every system and in containers) and, on a change, validates
and regenerates the pages in content/; MkDocs picks them up from there. It watches only site-data/,
never content/, so writing the generated pages cannot set off another round.

Bad data never reaches the preview: the problems are printed and the last good pages stay served.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from .build import Project, generate
from .problems import DataError, print_problems
from .repository import repo_environment

PollSnapshot = dict[str, tuple[int, int]]


def serve(project: Project, *, host: str = "127.0.0.1", port: int = 8000, interval: float = 0.5) -> int:
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
        site, count = generate(project)
    except DataError as error:
        print_problems(error.problems, github=False)
        _say(f"{len(error.problems)} problem(s) in site-data/: the preview keeps the last good pages. "
             "Fix them and save again.")
        return False
    _say(f"Generated {count} pages for {len(site.places)} places ({time.perf_counter() - start:.2f} s).")
    return True


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
        sys.executable, "-m", "mkdocs", "serve", "--config-file", str(project.config_file),
        "--dev-addr", f"{host}:{port}",
    ]
    env = {**repo_environment(project.root), "NO_MKDOCS_2_WARNING": "1"}
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
