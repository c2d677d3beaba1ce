"""Publishing: ``mkdocs build --strict`` into a fresh folder, swapped in for the site folder only
when it succeeds, so that a failed or interrupted build leaves the previous site as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..checks.pages import check_built_pages, hand_written_pages
from ..text.hidden import visible
from .project import GENERATED_FOLDERS, Project
from .repository import repo_environment
from .write import heal, remove_leftover, replace_dir


class PublishError(Exception):
    """MkDocs refused the generated site (a warning under --strict, or a crash)."""


class SiteDirError(Exception):
    """The folder asked for as the site folder would replace the project's own sources."""


SOURCES = ("site-data", "content", "overrides", "generator", "tests", "scripts", "benchmarks", ".git",
           ".github", ".ci", ".venv", "node_modules", "mkdocs.yml", "pyproject.toml")
"""The project's own files and folders: the site folder is never one of them, inside one, or above them."""


def check_site_dir(project: Project, site_dir: Path) -> Path:
    """The site folder, resolved, if building there cannot replace anything but an earlier site.

    A build replaces its site folder whole, so ``--site-dir .`` (or ``requirements``, or a parent of
    the project) would delete sources, ``.git`` included. Refused: the project folder and its parents;
    anything git tracks (or would: files not ignored), a folder holding any of it, or a place inside a
    folder that does; the project's own folders in ``SOURCES``; and any existing path that is not an
    empty folder or a site a build made (``SITE_MARK``). Raises SiteDirError.
    """
    site = site_dir.resolve()
    root = project.root.resolve()
    if site == root or site in root.parents:
        raise SiteDirError(f"the site folder {visible(str(site_dir))} is the project folder or holds it: "
                           "choose a folder of its own, such as site/")
    for name in SOURCES:
        source = root / name
        if site == source or source in site.parents:
            raise SiteDirError(f"the site folder {visible(str(site_dir))} is the project's `{name}` or lies inside it: "
                               "choose a folder of its own, such as site/")
    files, folders = _tracked(root)
    if site in files or site in folders or any(parent in files or parent in folders for parent in site.parents):
        raise SiteDirError(f"the site folder {visible(str(site_dir))} is, holds or lies inside files of the "
                           "repository: choose a folder of its own, such as site/")
    if os.path.lexists(site_dir) and not _earlier_site(site_dir):
        raise SiteDirError(f"{visible(str(site_dir))} already exists and is not a site this project built (nor an "
                           "empty folder): a build would replace it whole; choose another, such as site/")
    return site


def _tracked(root: Path) -> tuple[set[Path], set[Path]]:
    """The files of the checkout at ``root`` that git tracks or would (not ignored), and every folder
    below ``root`` that holds one; both empty when ``root`` is not a git checkout."""
    if not (root / ".git").exists():
        return set(), set()
    try:
        result = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=root,
                                capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return set(), set()
    if result.returncode != 0:
        return set(), set()
    files = {root / os.fsdecode(name) for name in result.stdout.split(b"\0") if name}
    folders = {parent for path in files for parent in path.parents if root in parent.parents}
    return files, folders


SITE_MARK = ".generator-site"
"""A file every build leaves in its site folder: a later build may replace a folder that holds it."""
SITE_MARK_TEXT = "Built by `python -m generator build`: the next build replaces this folder whole.\n"


def _earlier_site(path: Path) -> bool:
    """True for an empty folder, or a site a build made: it holds ``SITE_MARK`` (or, for a site built
    before builds left one, an ``index.html`` whose head says MkDocs made it)."""
    if path.is_symlink() or not path.is_dir():
        return False
    if not any(path.iterdir()):
        return True
    mark, index = path / SITE_MARK, path / "index.html"
    if not mark.is_symlink() and mark.is_file():
        return True
    if index.is_symlink() or not index.is_file():
        return False
    with index.open("rb") as page:
        return b'<meta name="generator" content="mkdocs-' in page.read(8192)


def publish(project: Project, site_dir: Path) -> None:
    """Run ``mkdocs build --strict`` into a fresh folder, then swap it in for ``site_dir``.
    The caller holds ``build.build_lock`` (``build.build`` does).

    A failed or interrupted build leaves the previous ``site_dir`` exactly as it was; the leftovers
    of an interrupted build are cleared by the next one.
    """
    site_dir = check_site_dir(project, site_dir)
    heal(site_dir)
    for leftover in site_dir.parent.glob(f".{site_dir.name}.building-*"):
        remove_leftover(leftover)  # no other build is running: the caller holds the build lock
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    env = {**repo_environment(project.root), "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or str(source_date(project))}
    command = [
        sys.executable, "-m", "generator.commands.mkdocs_run", "build", "--strict",
        "--config-file", str(project.config_file), "--site-dir", str(staging),
    ]
    try:
        result = subprocess.run(command, cwd=project.root, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            output = (result.stderr + result.stdout).strip() or "mkdocs build failed"
            # MkDocs may quote page text; no line of it may start a GitHub workflow command.
            raise PublishError("\n".join(f"mkdocs: {visible(line)}" for line in output.splitlines()))
        # Hand-written pages come from pull requests too: nothing in them may run or embed.
        check_built_pages(staging, project.docs_dir, hand_written_pages(project.docs_dir, GENERATED_FOLDERS),
                          display_root=project.root)
        (staging / SITE_MARK).write_text(SITE_MARK_TEXT, encoding="utf-8")
        replace_dir(staging, site_dir)
    finally:
        remove_leftover(staging)


def source_date(project: Project) -> int:
    """The date the sitemap gives every page, so that the same sources build the same files.

    It is the time of the last commit when the project is a git checkout, otherwise the newest
    modification time of the data and hand-written pages.
    """
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project.root,
                                capture_output=True, text=True, timeout=10)
        if result.returncode == 0 and result.stdout.strip().isdigit() and (project.root / ".git").exists():
            return int(result.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    generated = {project.docs_dir / name for name in GENERATED_FOLDERS}
    newest = 0.0
    for folder in (project.data_dir, project.docs_dir):
        for path in folder.rglob("*"):
            if path.is_file() and not any(parent in generated for parent in path.parents):
                newest = max(newest, path.stat().st_mtime)
    return int(newest)
