"""Locked, hash-checked dependencies; honest lower bounds; the Zensical pin; the licences."""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path

import pytest
from conftest import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
LOCKS = REPO / "requirements"


def _direct() -> list[Requirement]:
    project = PYPROJECT["project"]
    return [Requirement(text) for text in [*project["dependencies"], *project["optional-dependencies"]["test"]]]


def _pins(lock: Path) -> dict[str, str]:
    """Package → version of a lock file, checking that every pin carries at least one sha256 hash."""
    text = lock.read_text(encoding="utf-8")
    entries = re.findall(r"^([A-Za-z0-9._-]+)==(\S+)((?: \\\n\s+--hash=sha256:[0-9a-f]{64})+)", text, flags=re.M)
    pinned_lines = re.findall(r"^[A-Za-z0-9._-]+==", text, flags=re.M)
    assert len(entries) == len(pinned_lines), f"{lock.name}: a pin without a hash"
    return {canonicalize_name(name): version for name, version, _ in entries}


@pytest.mark.parametrize("name", ["build.txt", "test.txt", "lowest.txt"])
def test_every_lock_pins_each_direct_dependency_within_its_range(name: str) -> None:
    pins = _pins(LOCKS / name)
    wanted = _direct() if name != "build.txt" else [Requirement(t) for t in PYPROJECT["project"]["dependencies"]]
    for requirement in wanted:
        version = pins[canonicalize_name(requirement.name)]
        assert requirement.specifier.contains(version), (name, requirement, version)
    build_backend = Requirement(PYPROJECT["build-system"]["requires"][0])
    assert build_backend.specifier.contains(pins["setuptools"]), "scripts install with --no-build-isolation"


def test_the_build_lock_matches_the_test_lock() -> None:
    build, test = _pins(LOCKS / "build.txt"), _pins(LOCKS / "test.txt")
    assert {name: test[name] for name in build} == build


def test_the_lowest_lock_pins_each_lower_bound_exactly() -> None:
    """The pull-request workflow builds and tests with requirements/lowest.txt: so each `>=` in
    pyproject.toml is a version that has been checked, not a guess."""
    pins = _pins(LOCKS / "lowest.txt")
    for requirement in _direct():
        lower = [spec.version for spec in requirement.specifier if spec.operator in (">=", "==")]
        assert lower, f"{requirement} has no lower bound"
        assert Version(pins[canonicalize_name(requirement.name)]) == Version(lower[0]), requirement
    build_backend = Requirement(PYPROJECT["build-system"]["requires"][0])
    assert Version(pins["setuptools"]) == Version(next(spec.version for spec in build_backend.specifier if spec.operator == ">="))


def _install_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if "pip" in line and " install" in line
            and not line.strip().startswith("#")]


@pytest.mark.parametrize("path", ["scripts/build.sh", "scripts/test.sh", ".github/workflows/pull-request.yml"])
def test_installs_use_the_locks_with_hashes(path: str) -> None:
    lines = _install_lines((REPO / path).read_text(encoding="utf-8"))
    assert lines, path
    for line in lines:
        # Either the locked packages, hash-checked, or the project itself without its dependencies.
        locked = "--require-hashes" in line and re.search(r"-r requirements/\w+\.txt", line)
        project_only = "--no-deps" in line and "--no-build-isolation" in line and line.endswith("-e .")
        assert locked or project_only, (path, line)


def test_the_workflows_install_through_the_scripts_or_the_locks() -> None:
    deploy = (REPO / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    assert "scripts/build.sh" in deploy and not _install_lines(deploy)
    pull = (REPO / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    assert "scripts/test.sh" in pull
    for lock in ("build", "lowest"):
        assert f"-r requirements/{lock}.txt" in pull


def test_zensical_is_pinned_to_the_version_that_installs() -> None:
    zensical = next(r for r in _direct() if r.name == "zensical")
    assert str(zensical.specifier) == "==0.0.73"
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "Zensical 0.0.74 and later need `zensical-ui`" in readme
    assert "zensical==0.0.73" in readme


def test_the_readme_s_zensical_command_works_after_its_build_command() -> None:
    """scripts/build.sh installs requirements/build.txt, which has no Zensical (a test tool): the
    README installs the locked test tools first, from a lock that has it."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```sh\n(.*?)```", readme, flags=re.S) if "zensical build" in b)
    install = block.index("-r requirements/test.txt")
    assert install < block.index("zensical build")
    locks = {name: (REPO / "requirements" / f"{name}.txt").read_text(encoding="utf-8") for name in ("build", "test")}
    assert "\nzensical==" in locks["test"] and "\nzensical==" not in locks["build"]


def test_code_is_mit_and_words_and_data_are_cc_by() -> None:
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert "Creative Commons Attribution 4.0 International Public License" in (
        REPO / "LICENSE-CC-BY-4.0.txt").read_text(encoding="utf-8")
    assert json.loads((REPO / "package.json").read_text(encoding="utf-8"))["license"] == "MIT"
    for name in ("README.md", "LICENSE-DATA.md"):
        text = " ".join((REPO / name).read_text(encoding="utf-8").split())
        assert "MIT" in text and "CC BY 4.0" in text, name
        assert "remain the words of the report's authors" in text, name


def test_the_data_page_gives_the_licences_and_says_quotes_are_not_ours(built_site: Path) -> None:
    from site_pages import text

    page = text(built_site, "data")
    assert "Creative Commons Attribution 4.0 licence (CC BY 4.0)" in page
    assert "The quotes are not ours to license: they remain the words of the report's authors" in page
    assert "MIT licence" in page
    datapackage = json.loads((built_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [licence["name"] for licence in datapackage["licenses"]] == ["CC-BY-4.0"]


def test_the_suite_runs_on_every_core_and_the_long_fuzz_stays_opt_in(monkeypatch: pytest.MonkeyPatch) -> None:
    script = (REPO / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert "-m pytest -n auto --dist loadfile" in script
    # `auto` is one worker more than the cores (pytest itself refuses a conftest hook it does not know)
    from conftest import pytest_xdist_auto_num_workers

    monkeypatch.delenv("PYTEST_XDIST_AUTO_NUM_WORKERS", raising=False)
    assert pytest_xdist_auto_num_workers(None) == len(os.sched_getaffinity(0)) + 1  # type: ignore[arg-type]
    monkeypatch.setenv("PYTEST_XDIST_AUTO_NUM_WORKERS", "5")
    assert pytest_xdist_auto_num_workers(None) is None  # type: ignore[arg-type]  # xdist's own hook reads it
    assert any(r.name == "pytest-xdist" for r in _direct())
    assert "-m 'not slow'" in PYPROJECT["tool"]["pytest"]["ini_options"]["addopts"]
    fuzz = (REPO / "tests" / "pages" / "test_escaping_fuzz.py").read_text(encoding="utf-8")
    assert "@pytest.mark.slow\n@settings(max_examples=20000" in fuzz
