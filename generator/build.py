"""The pipeline, top to bottom: load → validate → model → render → write → publish."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .indexes import index_pages
from .model import Site
from .places import place_pages
from .render import Page, make_environment, render_page
from .validate import load_site
from .write import remove_path, replace_dir, write_pages


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
    return [*place_pages(site, env), *index_pages(site, env), _home_counts(site, env)]


def _home_counts(site: Site, env: jinja2.Environment) -> Page:
    lv = {p.slug for p in site.places_by_programme.get("local-vision", [])}
    lfc = {p.slug for p in site.places_by_programme.get("leadership-for-change", [])}
    return render_page(env, "home-counts.md.j2", "generated/home-counts.md",
                       site=site, lv=len(lv), lfc=len(lfc), both=len(lv & lfc))


def generate(project: Project) -> tuple[Site, int]:
    """Validate the data and write the generated Markdown. Raises DataError on bad data."""
    site = load_site(project.data_dir, display_root=project.root)
    count = write_pages(render_site(site), project.docs_dir)
    return site, count


def publish(project: Project, site_dir: Path) -> None:
    """Run ``mkdocs build --strict`` into a fresh folder, then swap it in for ``site_dir``.

    A failed or interrupted build leaves the previous ``site_dir`` exactly as it was.
    """
    site_dir = site_dir.resolve()
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
        "--config-file", str(project.config_file), "--site-dir", str(staging),
    ]
    try:
        result = subprocess.run(command, cwd=project.root, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise PublishError((result.stderr + result.stdout).strip() or "mkdocs build failed")
        replace_dir(staging, site_dir)
    finally:
        remove_path(staging)


def build(project: Project, site_dir: Path) -> tuple[Site, int, float]:
    """Validate, generate and publish. Returns the site, the pages generated and the seconds taken."""
    start = time.perf_counter()
    site, count = generate(project)
    publish(project, site_dir)
    return site, count, time.perf_counter() - start
