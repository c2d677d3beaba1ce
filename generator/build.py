"""The pipeline, top to bottom: load → validate → model → render → write → publish."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .contribute import contribute_pages
from .indexes import index_pages
from .map import map_pages
from .model import Site
from .narrative import narrative_snippets
from .opendata import data_pages
from .place_schema import schema_page
from .places import place_pages
from .render import Page, make_environment
from .repository import repo_environment
from .validate import load_site
from .write import GENERATED_FOLDERS, remove_path, replace_dir, write_pages


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


class PublishError(Exception):
    """MkDocs refused the generated site (a warning under --strict, or a crash)."""


def render_site(site: Site, env: jinja2.Environment | None = None) -> list[Page]:
    """Every generated page, in a stable order."""
    env = env or make_environment()
    return [*place_pages(site, env), *index_pages(site, env), *map_pages(site, env), *data_pages(site, env),
            *narrative_snippets(site, env), schema_page(site), *contribute_pages(site, env)]


def generate(project: Project) -> tuple[Site, int]:
    """Validate the data and write the generated Markdown. Raises DataError on bad data."""
    site = load_site(project.data_dir, display_root=project.root)
    count = write_pages(render_site(site), project.docs_dir)
    return site, count


def publish(project: Project, site_dir: Path) -> None:
    """Run ``mkdocs build --strict`` into a fresh folder, then swap it in for ``site_dir``.

    A failed or interrupted build leaves the previous ``site_dir`` exactly as it was; the leftovers
    of an interrupted build are cleared by the next one.
    """
    site_dir = site_dir.resolve()
    for leftover in site_dir.parent.glob(f".{site_dir.name}.building-*"):
        remove_path(leftover)
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    env = {**repo_environment(project.root), "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or str(source_date(project))}
    command = [
        sys.executable, "-m", "mkdocs", "build", "--strict",
        "--config-file", str(project.config_file), "--site-dir", str(staging),
    ]
    try:
        result = subprocess.run(command, cwd=project.root, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise PublishError((result.stderr + result.stdout).strip() or "mkdocs build failed")
        replace_dir(staging, site_dir)
    finally:
        remove_path(staging)


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
    site, count = generate(project)
    publish(project, site_dir)
    return site, count, time.perf_counter() - start
