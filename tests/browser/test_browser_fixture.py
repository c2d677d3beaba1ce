"""The browser fixtures fail a test on a console error or page error, and allow only refused map tiles."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from _pytest.pytester import LineMatcher
from conftest import REPO, TILE_HOST, allowed_console_error

pytestmark = pytest.mark.browser

ERROR_PAGE = "data:text/html,<title>t</title><script>console.error('deliberate console error')</script>"
THROWING_PAGE = "data:text/html,<title>t</title><script>throw new Error('deliberate page error')</script>"
CLEAN_PAGE = "data:text/html,<title>t</title><p>clean</p>"


INNER_TESTS = f"""
def test_console_error(page):
    with page.expect_console_message(lambda message: message.type == "error"):
        page.goto({ERROR_PAGE!r})


def test_page_error_in_new_page(new_page):
    tab = new_page(viewport={{'width': 375, 'height': 740}})
    with tab.expect_event("pageerror"):
        tab.goto({THROWING_PAGE!r})


def test_console_error_in_a_sibling_tab(page):
    tab = page.sibling()
    with tab.expect_console_message(lambda message: message.type == "error"):
        tab.goto({ERROR_PAGE!r})
    assert tab.context is page.context


def test_clean(page):
    page.goto({CLEAN_PAGE!r})
"""


@pytest.fixture(scope="module")
def inner(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, set[str]], LineMatcher]:
    """Four tests that use the real fixtures (tests/conftest.py), run once in a separate pytest
    process (one process and one browser for all four): each test's outcome by name, and the output."""
    folder = tmp_path_factory.mktemp("inner")
    (folder / "conftest.py").write_text(
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('project_conftest', {str(REPO / 'tests' / 'conftest.py')!r})\n"
        "module = sys.modules['project_conftest'] = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "from project_conftest import browser, new_page, page  # noqa: F401\n", encoding="utf-8")
    (folder / "test_inner.py").write_text(INNER_TESTS, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "-q", "test_inner.py"],
                            cwd=folder, capture_output=True, text=True, timeout=300)
    outcomes: dict[str, set[str]] = {}
    for line in result.stdout.splitlines():  # the -rA summary: "PASSED test_inner.py::test_clean", "ERROR ..."
        match = re.match(r"(PASSED|FAILED|ERROR) test_inner\.py::(\w+)", line)
        if match:
            outcomes.setdefault(match.group(2), set()).add(match.group(1))
    return outcomes, LineMatcher(result.stdout.splitlines())


def test_a_console_error_fails_the_test_at_teardown(inner: tuple[dict[str, set[str]], LineMatcher]) -> None:
    outcomes, output = inner
    assert outcomes["test_console_error"] == {"PASSED", "ERROR"}  # the test's body passed; its teardown failed
    output.fnmatch_lines(["*ERROR at teardown of test_console_error*", "*deliberate console error*"])


def test_a_page_error_fails_a_test_that_opened_its_page_with_new_page(inner: tuple[dict[str, set[str]], LineMatcher]) -> None:
    outcomes, output = inner
    assert outcomes["test_page_error_in_new_page"] == {"PASSED", "ERROR"}
    output.fnmatch_lines(["*ERROR at teardown of test_page_error_in_new_page*", "*page error: *deliberate page error*"])


def test_a_console_error_in_a_sibling_tab_fails_the_test(inner: tuple[dict[str, set[str]], LineMatcher]) -> None:
    outcomes, output = inner
    assert outcomes["test_console_error_in_a_sibling_tab"] == {"PASSED", "ERROR"}
    output.fnmatch_lines(["*ERROR at teardown of test_console_error_in_a_sibling_tab*", "*deliberate console error*"])


def test_a_clean_page_passes(inner: tuple[dict[str, set[str]], LineMatcher]) -> None:
    outcomes, _ = inner
    assert outcomes["test_clean"] == {"PASSED"}


def test_the_one_allowance_is_a_refused_map_tile() -> None:
    assert allowed_console_error("Failed to load resource: net::ERR_FAILED", f"https://{TILE_HOST}/6/31/20.png")
    assert allowed_console_error("Failed to load resource: net::ERR_FAILED", f"https://a.{TILE_HOST}/6/31/20.png")
    assert not allowed_console_error("Failed to load resource: net::ERR_FAILED", "http://127.0.0.1:8000/x.js")
    assert not allowed_console_error("Failed to load resource: net::ERR_FAILED", "https://example.org/6/31/20.png")
    assert not allowed_console_error("Uncaught TypeError: x is undefined", f"https://{TILE_HOST}/6/31/20.png")
