"""The browser fixtures fail a test on a console error or page error, and allow only refused map tiles."""

from __future__ import annotations

import pytest
from conftest import REPO, TILE_HOST, allowed_console_error

pytestmark = pytest.mark.browser
pytest_plugins = ["pytester"]

ERROR_PAGE = "data:text/html,<title>t</title><script>console.error('deliberate console error')</script>"
THROWING_PAGE = "data:text/html,<title>t</title><script>throw new Error('deliberate page error')</script>"
CLEAN_PAGE = "data:text/html,<title>t</title><p>clean</p>"


def _run(pytester: pytest.Pytester, body: str) -> pytest.RunResult:
    """Run one test that uses the real fixtures (tests/conftest.py) in a separate pytest process."""
    pytester.makeconftest(
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('project_conftest', {str(REPO / 'tests' / 'conftest.py')!r})\n"
        "module = sys.modules['project_conftest'] = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "from project_conftest import browser, new_page, page  # noqa: F401\n")
    pytester.makepyfile(test_inner=body)
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q")


def test_a_console_error_fails_the_test_at_teardown(pytester: pytest.Pytester) -> None:
    result = _run(pytester, f"def test_it(page):\n    page.goto({ERROR_PAGE!r})\n    page.wait_for_timeout(200)\n")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*ERROR at teardown of test_it*", "*deliberate console error*"])


NEW_PAGE_BODY = (f"def test_it(new_page):\n    tab = new_page(viewport={{'width': 375, 'height': 740}})\n"
                 f"    tab.goto({THROWING_PAGE!r})\n    tab.wait_for_timeout(200)\n")
SIBLING_BODY = (f"def test_it(page):\n    tab = page.sibling()\n    tab.goto({ERROR_PAGE!r})\n"
                f"    tab.wait_for_timeout(200)\n    assert tab.context is page.context\n")


@pytest.mark.parametrize(("body", "reported"), [
    (NEW_PAGE_BODY, "*page error: *deliberate page error*"),
    (SIBLING_BODY, "*console error: deliberate console error*"),
], ids=["new_page", "sibling-tab"])
def test_an_error_fails_a_test_whichever_way_it_opened_its_tab(pytester: pytest.Pytester, body: str, reported: str) -> None:
    result = _run(pytester, body)
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines([reported])


def test_a_clean_page_passes(pytester: pytest.Pytester) -> None:
    result = _run(pytester, f"def test_it(page):\n    page.goto({CLEAN_PAGE!r})\n")
    result.assert_outcomes(passed=1)


def test_the_one_allowance_is_a_refused_map_tile() -> None:
    assert allowed_console_error("Failed to load resource: net::ERR_FAILED", f"https://{TILE_HOST}/6/31/20.png")
    assert allowed_console_error("Failed to load resource: net::ERR_FAILED", f"https://a.{TILE_HOST}/6/31/20.png")
    assert not allowed_console_error("Failed to load resource: net::ERR_FAILED", "http://127.0.0.1:8000/x.js")
    assert not allowed_console_error("Failed to load resource: net::ERR_FAILED", "https://example.org/6/31/20.png")
    assert not allowed_console_error("Uncaught TypeError: x is undefined", f"https://{TILE_HOST}/6/31/20.png")
