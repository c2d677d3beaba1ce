"""The pipeline, top to bottom: load and check site-data/ (``checks``), into the site model
(``model``), rendered as pages (``pages``), written into content/ (``write``), then published by
MkDocs (``publish``). ``generate`` stops after writing; ``build`` publishes too. Checking the place
files, and rendering and writing the pages, are spread over the machine's cores (``parallel``).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import functools
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2

from ..checks.pages import check_snippets, hand_written_pages
from ..checks.problems import DataError, Problem
from ..checks.validate import load_site
from ..checks.yaml_file import special_file_kind
from ..model.page import Page
from ..model.site import Site
from ..pages.contribute import contribute_pages
from ..pages.environment import shared_environment
from ..pages.home import home_snippets
from ..pages.indexes import INDEX_KINDS
from ..pages.narrative import narrative_snippets
from ..pages.opendata import data_pages
from ..pages.places import place_pages, places_index
from ..pages.sources import source_pages
from ..schema.files import SNIPPETS_FOLDER
from ..text.hidden import visible
from .parallel import parallel_map
from .project import GENERATED_FOLDERS, Project
from .publish import check_site_dir, publish
from .repository import NO_REPOSITORY, repo_url
from .write import STAGING_NAME, is_leftover, staging_area, write_files

PLACES_PER_PART = 250
"""Place pages are rendered in parts of this many places, so that the parts spread evenly."""


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
    a pull request could publish a file from outside the repository. Every folder is walked, hidden
    ones too, but for the generated folders the build itself writes (and their staging area and
    leftovers, named exactly). Raises DataError."""
    docs = project.docs_dir
    generated = {docs / name for name in GENERATED_FOLDERS} | {docs / STAGING_NAME}
    problems = []
    for top in (project.docs_dir, project.overrides_dir):
        for folder, dirs, files in os.walk(top):
            here = Path(folder)
            dirs[:] = [name for name in dirs if here / name not in generated and not is_leftover(here / name, docs)]
            for name in (*dirs, *files):
                path = here / name
                kind = special_file_kind(path.lstat().st_mode)
                shown = visible(path.relative_to(project.root).as_posix())
                if kind is not None and kind != "a folder":
                    problems.append(Problem(shown, 1, 1, "(file)", f"this is {kind}: only regular files are published"))
                elif kind is None and top == docs and not _may_publish(path.relative_to(docs)):
                    problems.append(Problem(shown, 1, 1, "(file)", "MkDocs would publish this file as it is: only "
                                            f"Markdown pages and images ({', '.join(PAGE_FILES)}) belong in content/, "
                                            "scripts and styles in content/assets/"))
    if problems:
        raise DataError(problems)


PAGE_FILES = (".md", ".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif")
"""What content/ may hold outside content/assets/: MkDocs publishes any other file as it is, and an
``.html`` or ``.svg`` file could carry a script."""


def _may_publish(relative: Path) -> bool:
    """Whether a file of content/ at ``relative`` may be there: the site's own scripts and styles
    (content/assets/, reviewed as code), Markdown pages and images."""
    return (relative.parts[0] == "assets" or relative.suffix.casefold() in PAGE_FILES
            or any(part.startswith(".") for part in relative.parts))  # MkDocs publishes no hidden file


Part = Callable[[], list[Page]]


def site_parts(site: Site, env: jinja2.Environment, *, site_url: str = "") -> list[Part]:
    """Every generated page, in parts that depend on nothing but the site model: rendered in any
    order, in one process or several, they make the same pages. ``site_url`` is the published
    address, when known."""
    count = len(site.places)
    places = [functools.partial(place_pages, site, env, site_url=site_url,
                                places=range(start, min(start + PLACES_PER_PART, count)))
              for start in range(0, count, PLACES_PER_PART)]
    return [  # the map first: its process spends a quarter of a second importing folium
        functools.partial(_map_pages, site, env, site_url), *places,
        functools.partial(places_index, site, env, site_url=site_url),
        *(functools.partial(kind, site, env) for kind in INDEX_KINDS), functools.partial(source_pages, site, env),
        functools.partial(data_pages, site, env, site_url=site_url), functools.partial(home_snippets, site, env),
        functools.partial(narrative_snippets, site, env), functools.partial(contribute_pages, site, env),
    ]


def _map_pages(site: Site, env: jinja2.Environment, site_url: str = "") -> list[Page]:
    from ..pages.map import map_pages  # here, not at the top: folium takes a quarter of a second to
    # import, which validate, schema and new (the commands a contributor runs most) never need, and
    # which a build spends in the process that draws the map, beside the others' work

    return map_pages(site, env, site_url=site_url)


def render_site(site: Site, env: jinja2.Environment | None = None, *, site_url: str = "") -> list[Page]:
    """Every generated page, in a stable order, rendered in this process."""
    return [page for part in site_parts(site, env or shared_environment(), site_url=site_url) for page in part()]


def generate(project: Project) -> tuple[Site, int]:
    """Validate the data and write the generated Markdown. Raises DataError on bad data."""
    with build_lock(project):
        return _generate(project)


def _generate(project: Project) -> tuple[Site, int]:
    site = load_site(project.data_dir, display_root=project.root, map=parallel_map)
    check_source_files(project)
    # The same variable mkdocs.yml reads for site_url: open data then gives full page addresses.
    parts = site_parts(site, shared_environment(), site_url=os.environ.get("SITE_URL", "").strip())
    with staging_area(project.docs_dir) as staging:
        count = sum(parallel_map(lambda part: write_files(part(), staging), parts))
        check_snippets(hand_written_pages(project.docs_dir, GENERATED_FOLDERS), staging / SNIPPETS_FOLDER,
                       display_root=project.root)  # before the swap: a refused page leaves the last pages
    return site, count


def build(project: Project, site_dir: Path) -> tuple[Site, int, float]:
    """Validate, generate and publish. Returns the site, the pages generated and the seconds taken."""
    start = time.perf_counter()
    check_site_dir(project, site_dir)
    if repo_url(project.root) is None:  # also refuses a REPO_URL that is not a GitHub repository's address
        print(NO_REPOSITORY, file=sys.stderr, flush=True)
    with build_lock(project):
        site, count = _generate(project)
        publish(project, site_dir)
    return site, count, time.perf_counter() - start


def run_generate(project: Project, args: argparse.Namespace) -> int:
    """``python -m generator generate``."""
    start = time.perf_counter()
    site, count = generate(project)
    print(f"Generated {count} pages for {len(site.places)} places into content/ "
          f"({time.perf_counter() - start:.2f} s)")
    return 0


def run_build(project: Project, args: argparse.Namespace) -> int:
    """``python -m generator build [--site-dir DIR]``."""
    site_dir = args.site_dir or project.root / "site"
    site, count, seconds = build(project, site_dir)
    print(f"Built {len(site.places)} places ({count} generated pages) into {site_dir} ({seconds:.1f} s)")
    return 0
