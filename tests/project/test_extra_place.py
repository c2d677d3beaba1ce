"""One more valid place file breaks no test: the project's promise that a contributor adds a place with
one YAML file and no code. The checks of the data, of the built pages and of the map run again, as
pytest runs them, on a temporary copy of the repository with one extra valid place file
(tests/data/extra-place/fixture-vale.yaml, a place invented for the tests that cites another
publication than the 2015 report)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import REPO, copy_project, copy_repository

from generator.checks.validate import load_site

EXTRA = REPO / "tests" / "data" / "extra-place" / "fixture-vale.yaml"
# The modules whose checks read the real data, the built pages and the map. Their tests marked
# `edits_a_copy` check what an edit of their own makes (a bad file, a correction, a moved place) and
# are left out: the extra place changes nothing they check.
CHECKS = ["tests/project/test_data.py", "tests/checks/test_validate.py", "tests/pages/test_indexes.py", "tests/map/test_map.py",
          "tests/project/test_links.py", "tests/pages/test_sources.py", "tests/pages/test_opendata.py", "tests/pages/test_narrative.py",
          "tests/schema/test_json_schema.py"]


def repository_copy(dest: Path) -> Path:
    """The repository's files in ``dest`` with the extra place added to site-data/places/."""
    copy_repository(dest)
    shutil.copy2(EXTRA, dest / "site-data" / "places" / EXTRA.name)
    return dest


def test_the_extra_place_is_valid_and_new(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", places={EXTRA.name: EXTRA.read_text(encoding="utf-8")})
    site = load_site(project.data_dir, display_root=project.root)
    real = load_site(REPO / "site-data", display_root=REPO)
    assert len(site.places) == len(real.places) + 1
    assert yaml.safe_load(EXTRA.read_text(encoding="utf-8"))["name"] not in {p.name for p in real.places}


def test_the_data_page_and_map_checks_pass_with_one_more_place(tmp_path: Path) -> None:
    root = repository_copy(tmp_path / "repo")
    # Not an xdist worker's variables: the inner run is a test session of its own.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-m", "not browser and not edits_a_copy",
                             f"--basetemp={tmp_path / 'inner'}",
                             *CHECKS], cwd=root, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout
    # The inner run checked a site it built from the copy, with the extra place on it (never a site
    # left by an earlier run).
    assert list((tmp_path / "inner").glob("real*/project/site/places/fixture-vale/index.html"))
