"""Shared fixtures: copies of the project in temporary folders, real builds, a local server, Chromium."""

from __future__ import annotations

import fcntl
import functools
import hashlib
import http.server
import os
import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.commands.build import build
from generator.commands.project import GENERATED_FOLDERS, Project

REPO = Path(__file__).resolve().parents[1]

# Inside GitHub Actions, `validate` turns problems into annotations and a job summary. The tests feed
# it bad files on purpose; their problems must not show up on the pull request being tested. A test
# of those features sets the variables itself.
for _name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
    os.environ.pop(_name, None)
# The repository the test builds link to. The copies the tests build in are no git checkouts, and a
# build that knows no repository makes no edit links (test_edit_links checks that too).
os.environ.setdefault("REPO_URL", "https://github.com/example-owner/revolution-places")
REPORT = REPO / "tests" / "data" / "report-2015.txt"
CHROMIUM = "/usr/bin/chromium-headless-shell"
"""Debian's Chromium without the desktop browser around it (package chromium-headless-shell, which
scripts/test.sh installs): the same Blink and V8 as /usr/bin/chromium, and what Playwright itself
runs for headless tests. It does about a third less work per page, which is most of a test run."""
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update",
]


# The files that take longest, longest first (measured: BENCHMARKS.md). pytest-xdist hands out whole
# files (--dist loadfile) in collection order (scripts/test.sh passes --no-loadscope-reorder), so
# starting these first keeps both workers busy to the end instead of leaving one alone with the fuzz.
# The order changes only how long a run takes, never what it checks; a file not named keeps its place.
LONGEST_FIRST = (
    "test_escaping_fuzz.py", "test_hostile_browser.py", "test_map_browser.py", "test_map_reader.py",
    "test_atomic.py", "test_accessibility.py", "test_bad_input.py", "test_extra_place.py", "test_build.py",
    "test_contrast.py", "test_contributor_flow.py",
)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (what scripts/test.sh runs): one test worker more than the cores this process may use.

    The browser tests spend much of their time waiting for Chromium's next frame, and the build tests
    for their subprocesses: with one worker per core, the cores were idle about a tenth of a run; with
    one more worker they are busy 97-98 % of it (BENCHMARKS.md, "last session"). Set
    PYTEST_XDIST_AUTO_NUM_WORKERS to choose another number."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # pytest-xdist's own hook reads it
    return len(os.sched_getaffinity(0)) + 1


BROWSER_TESTS = REPO / "tests" / "browser"
"""Tests that drive Chromium live here, and only here: each is marked ``browser``."""
BROWSER_FIXTURES = {"page", "new_page", "browser"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)
        elif BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            raise pytest.UsageError(f"{item.nodeid} drives a browser: it belongs in tests/browser/")
    rank = {name: index for index, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # a stable sort: tests keep their order


def copy_project(dest: Path, *, places: dict[str, str] | None = None, keep_places: bool = True) -> Project:
    """A copy of the repository's sources in ``dest``: mkdocs.yml, content/, overrides/, site-data/.

    ``places`` maps file names to YAML text to add (or replace) in site-data/places/;
    with ``keep_places=False`` the real place files are left out.
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    ignore_generated = shutil.ignore_patterns(*GENERATED_FOLDERS, ".generated-staging")
    shutil.copytree(REPO / "content", dest / "content", ignore=ignore_generated)
    shutil.copytree(REPO / "overrides", dest / "overrides")
    shutil.copytree(REPO / "site-data", dest / "site-data")
    if not keep_places:
        for path in (dest / "site-data" / "places").glob("*.yaml"):
            path.unlink()
    for name, text in (places or {}).items():
        (dest / "site-data" / "places" / name).write_text(text, encoding="utf-8")
    return Project(dest)


REPOSITORY_LEFT_OUT = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "__pycache__", ".pytest_cache",
                                            ".site.*", ".generated-staging")


def copy_repository(dest: Path) -> Path:
    """A copy of the whole repository (code, tests, scripts, data) without .git, .venv, node_modules
    or anything built: for tests that run the project's own commands or tests in another folder."""
    shutil.copytree(REPO, dest, ignore=REPOSITORY_LEFT_OUT)
    return dest


def build_copy(dest: Path, **kwargs: object) -> Path:
    """Copy the project to ``dest``, build it, and return the built site folder."""
    project = copy_project(dest, **kwargs)  # type: ignore[arg-type]
    build(project, dest / "site")
    return dest / "site"


def once_per_run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, name: str,
                 make: Callable[[Path], object]) -> Path:
    """``make(folder)`` run once per test run, in a folder that tests then only read.

    With pytest-xdist (``scripts/test.sh`` runs ``-n``) each worker is its own session: the first to
    get here makes the folder, under a lock, in a place that all workers of the run share; the others
    wait for it and reuse it. The folder is named by the run's id, so that a run never reuses one from
    an earlier run. Without xdist it is a temporary folder ``<name>N`` of this session.
    """
    # A worker knows it is one by its config (an environment variable would also be inherited by a
    # pytest that a test starts, which must make its own: see test_extra_place).
    worker = getattr(request.config, "workerinput", None)
    if worker is None:
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    shared = tmp_path_factory.getbasetemp().parent / f"shared-{name}-{worker['testrunuid']}"
    shared.mkdir(exist_ok=True)
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (shared / "made").exists():
                make(shared)
                (shared / "made").touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return shared


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The real site, built once per test run from the real data into a temporary folder (shared by
    the workers: :func:`once_per_run`). Tests only read it."""
    return once_per_run(request, tmp_path_factory, "real", lambda folder: build_copy(folder / "project")) / "project" / "site"


@pytest.fixture(scope="session")
def map_hostile_site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The copy with a hostile place and theme of ``test_map.build_hostile``, built once per test run:
    test_map reads its files, test_map_browser opens them in Chromium."""
    from hostile_map import build_hostile
    return once_per_run(request, tmp_path_factory, "map-hostile",
                        lambda folder: build_hostile(folder / "project")) / "project" / "site"


@pytest.fixture(scope="session")
def copy_built(built_site: Path):
    """``copy_built(dest)``: a copy of the project in ``dest`` whose site/ is already built, as
    ``copy_project`` followed by a build would leave it: a copy of the project that ``built_site``
    was built in (a copy takes a fraction of a second, a build several)."""
    def copy(dest: Path) -> Project:
        shutil.copytree(built_site.parent, dest, symlinks=True)
        return Project(dest)
    return copy


SMALL = ("calderdale", "york")
"""The places a small project keeps (:func:`keep_only_small`)."""


def keep_only_small(project: Project) -> Project:
    """Leave only the ``SMALL`` places in ``project``'s data: for tests of how a build is done (locks,
    swaps, leftovers), which the number of places does not change, and which then build in about
    two thirds of the processor time. Tests of what a build makes use all the places."""
    for path in (project.data_dir / "places").glob("*.yaml"):
        if path.stem not in SMALL:
            path.unlink()
    return project


def digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder``, by relative path: to compare two trees byte for byte."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.fixture(scope="session")
def report_text() -> str:
    return REPORT.read_text(encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator:
    """``serve(folder)`` serves a folder on 127.0.0.1 and returns its base URL (ending in /)."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path, serve) -> str:
    """Base URL of the real built site, served locally."""
    return serve(built_site)


def _build_for_instant_navigation(folder: Path) -> None:
    """The real site with site_url set to a free port on this machine (written to ``port``)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    project = copy_project(folder / "project")
    with pytest.MonkeyPatch.context() as patch:  # mkdocs.yml reads site_url from SITE_URL
        patch.setenv("SITE_URL", f"http://127.0.0.1:{port}/")
        build(project, folder / "project" / "site")
    (folder / "port").write_text(str(port), encoding="utf-8")


@pytest.fixture(scope="session")
def instant_url(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[str]:
    """The real site, built with ``site_url`` set to where it is served, for tests of Material's
    instant navigation: it only follows links listed in sitemap.xml, which MkDocs leaves empty
    without a site_url.

    Built once per test run (:func:`once_per_run`). Material matches a link against the sitemap's
    addresses with their host name replaced by the page's own, but not their port; so each test
    process serves the site at site_url's port, on the first loopback address (127.0.0.x) where
    that port is free."""
    folder = once_per_run(request, tmp_path_factory, "instant", _build_for_instant_navigation)
    port = int((folder / "port").read_text(encoding="utf-8"))
    handler = functools.partial(_QuietHandler, directory=str(folder / "project" / "site"))
    for host in (f"127.0.0.{last}" for last in range(1, 255)):
        try:
            server = http.server.ThreadingHTTPServer((host, port), handler)
            break
        except OSError:
            continue
    else:
        pytest.fail(f"port {port} is taken on every loopback address")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://{host}:{port}/"
    server.shutdown()
    server.server_close()


# -- the browser: every page a test opens fails the test on a console error or page error ----------

TILE_HOST = "tile.openstreetmap.org"


def allowed_console_error(text: str, url: str) -> bool:
    """THE ONE ALLOWANCE: a map tile that the test refused to fetch (tests never reach the internet,
    so a test that does not answer tile requests itself aborts them and Chromium logs each one)."""
    return text.startswith("Failed to load resource") and (url.split("/")[2:3] or [""])[0].endswith(TILE_HOST)


def watch_errors(tab) -> list[str]:
    """Record a tab's page errors and console errors (but for the allowance) in ``tab.console_errors``."""
    errors: list[str] = []

    def on_console(message) -> None:
        if message.type == "error" and not allowed_console_error(message.text, message.location.get("url", "")):
            errors.append(f"console error: {message.text} at {message.location.get('url', '')}")

    tab.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    tab.on("console", on_console)
    tab.console_errors = errors
    return errors


def assert_no_errors(tabs: list) -> None:
    """The teardown check of the ``page`` and ``new_page`` fixtures."""
    errors = [error for tab in tabs for error in tab.console_errors]
    assert errors == [], "the browser reported errors:\n" + "\n".join(errors)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Debian's Chromium, driven by Playwright. Tests open pages with ``page`` or ``new_page``, never
    from ``browser`` directly, so that every page is checked for errors."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser) -> Iterator:
    """``new_page(**context_options)``: a tab in a fresh browser context. At teardown the test fails
    if any tab it opened had a console error or page error (see :func:`allowed_console_error`).
    ``tab.sibling()`` opens another tab in the same context (its settings, its permissions), checked
    the same way."""
    contexts, tabs = [], []

    def watched(tab):
        watch_errors(tab)
        tab.sibling = lambda: watched(tab.context.new_page())
        tabs.append(tab)
        return tab

    def open_tab(*, init_script: str | None = None, **options: object):
        context = browser.new_context(**options)
        if init_script:
            context.add_init_script(init_script)
        contexts.append(context)
        return watched(context.new_page())

    yield open_tab
    for context in contexts:
        context.close()
    assert_no_errors(tabs)


@pytest.fixture
def page(new_page):
    """A fresh browser page at desktop size; the test fails on any console error or page error."""
    return new_page(viewport={"width": 1280, "height": 900})
