"""The pipeline, top to bottom: load → validate → model → render → write → publish."""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .contribute import contribute_pages
from .indexes import index_pages
from .model import Site
from .narrative import narrative_snippets
from .opendata import data_pages
from .place_schema import schema_page
from .places import place_pages
from .render import Page, shared_environment
from .sources import source_pages
from .repository import repo_environment
from .validate import load_site
from .characters import visible
from .problems import DataError, Problem
from .write import GENERATED_FOLDERS, heal, remove_leftover, replace_dir, write_pages
from .yamlfile import special_file_kind


@dataclass(frozen=True)
class Project:
    """Where things are: the repository root and the folders the build reads and writes."""

    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "site-data"

    @property
    def docs_dir(self) -> Path:
        return self.root / "content"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"


    @property
    def overrides_dir(self) -> Path:
        return self.root / "overrides"

    @property
    def lock_file(self) -> Path:
        return self.root / ".build.lock"


class PublishError(Exception):
    """MkDocs refused the generated site (a warning under --strict, or a crash)."""


class SiteDirError(Exception):
    """The folder asked for as the site folder would replace the project's own sources."""


SOURCES = ("site-data", "content", "overrides", "generator", "tests", "scripts", "benchmarks", ".git",
           ".github", ".ci", ".venv", "node_modules", "mkdocs.yml", "pyproject.toml")
"""The project's own files and folders: the site folder is never one of them, inside one, or above them."""


def check_site_dir(project: Project, site_dir: Path) -> Path:
    """The site folder, resolved, if building there cannot replace any of the project's sources.

    A build replaces its site folder whole, so ``--site-dir .`` (or ``content``, or a parent of the
    project) would delete the sources, ``.git`` included. Like MkDocs, refuse it.
    """
    site = site_dir.resolve()
    root = project.root.resolve()
    if site == root or site in root.parents:
        raise SiteDirError(f"the site folder {site_dir} is the project folder or holds it: "
                           "choose a folder of its own, such as site/")
    for name in SOURCES:
        source = root / name
        if site == source or source in site.parents:
            raise SiteDirError(f"the site folder {site_dir} is the project's `{name}` or lies inside it: "
                               "choose a folder of its own, such as site/")
    return site


@contextlib.contextmanager
def build_lock(project: Project) -> Iterator[None]:
    """Only one generate or build of a project at a time: they share content/'s generated folders
    and the site folder's staging area. A second one waits for the first to finish."""
    fd = os.open(project.lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Waiting for another build of this project to finish...", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the file releases the lock


def check_source_files(project: Project) -> None:
    """The hand-written pages and theme overrides are regular files, never links or pipes: a link in
    a pull request could publish a file from outside the repository. Raises DataError."""
    generated = {project.docs_dir / name for name in GENERATED_FOLDERS}
    problems = []
    for top in (project.docs_dir, project.overrides_dir):
        for folder, dirs, files in os.walk(top):
            here = Path(folder)
            dirs[:] = [name for name in dirs if here / name not in generated and not name.startswith(".generated")]
            for name in (*dirs, *files):
                path = here / name
                kind = special_file_kind(path.lstat().st_mode)
                if kind is not None and kind != "a folder":
                    shown = path.relative_to(project.root).as_posix()
                    problems.append(Problem(shown, 1, 1, "(file)", f"this is {kind}: only regular files are published"))
    if problems:
        raise DataError(problems)


def render_site(site: Site, env: jinja2.Environment | None = None, *, site_url: str = "") -> list[Page]:
    """Every generated page, in a stable order. ``site_url`` is the published address, when known."""
    from .map import map_pages  # here, not at the top: folium takes a second to import, and validate,
    # schema and new (the commands a contributor runs most) never draw the map

    env = env or shared_environment()
    return [*place_pages(site, env, site_url=site_url), *index_pages(site, env), *source_pages(site, env),
            *map_pages(site, env), *data_pages(site, env, site_url=site_url), *narrative_snippets(site, env),
            schema_page(site), *contribute_pages(site, env)]


def generate(project: Project) -> tuple[Site, int]:
    """Validate the data and write the generated Markdown. Raises DataError on bad data."""
    with build_lock(project):
        return _generate(project)


def _generate(project: Project) -> tuple[Site, int]:
    site = load_site(project.data_dir, display_root=project.root)
    check_source_files(project)
    # The same variable mkdocs.yml reads for site_url: open data then gives full page addresses.
    count = write_pages(render_site(site, site_url=os.environ.get("SITE_URL", "").strip()), project.docs_dir)
    return site, count


def publish(project: Project, site_dir: Path) -> None:
    """Run ``mkdocs build --strict`` into a fresh folder, then swap it in for ``site_dir``.
    The caller holds :func:`build_lock` (``build`` does).

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
        sys.executable, "-m", "generator.mkdocs_run", "build", "--strict",
        "--config-file", str(project.config_file), "--site-dir", str(staging),
    ]
    try:
        result = subprocess.run(command, cwd=project.root, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            output = (result.stderr + result.stdout).strip() or "mkdocs build failed"
            # MkDocs may quote page text; no line of it may start a GitHub workflow command.
            raise PublishError("\n".join(f"mkdocs: {visible(line)}" for line in output.splitlines()))
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


def build(project: Project, site_dir: Path) -> tuple[Site, int, float]:
    """Validate, generate and publish. Returns the site, the pages generated and the seconds taken."""
    start = time.perf_counter()
    check_site_dir(project, site_dir)
    with build_lock(project):
        site, count = _generate(project)
        publish(project, site_dir)
    return site, count, time.perf_counter() - start
