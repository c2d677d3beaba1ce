"""Valid contributions break no test: the project's promise that a contributor adds or corrects a place
with YAML and no code. The checks of the data, of the built pages and of the map run again, as pytest
runs them, on a temporary copy of the repository with several kinds of valid contribution at once
(tests/contributions.py): a Leadership for Change participant the report names gets a page
(Norwich), a place the data does not know (Fixture Vale, invented, citing the Local Vision
evaluation), a real place gains a theme, Calderdale an update with a link, and a real place a story
citing another publication. The same test functions check the real data here and the contributed
copy in the inner run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import REPO, copy_project, copy_repository
from contributions import NEW_PLACES, STORIED, THEMED, UPDATED, contribute

from generator.checks.validate import load_site
from generator.model.site import publication_of
from generator.schema.place import DEFAULT_PUBLICATION

# The modules whose checks read the real data, the built pages and the map. Their tests marked
# `edits_a_copy` check what an edit of their own makes (a bad file, a correction, a moved place) and
# are left out: the contributions change nothing they check.
CHECKS = ["tests/project/test_data.py", "tests/checks/test_validate.py", "tests/checks/test_messages.py",
          "tests/pages/test_indexes.py", "tests/map/test_map.py", "tests/project/test_links.py",
          "tests/pages/test_sources.py", "tests/pages/test_opendata.py", "tests/pages/test_narrative.py",
          "tests/pages/test_quotes.py", "tests/pages/test_home.py", "tests/pages/test_wayfinding.py",
          "tests/pages/test_contribute.py", "tests/schema/test_json_schema.py", "tests/model"]


def test_the_contributions_are_valid_and_each_makes_its_change(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    made = contribute(project.root)
    site = load_site(project.data_dir, display_root=project.root)
    real = load_site(REPO / "site-data", display_root=REPO)
    assert len(site.places) == len(real.places) + len(NEW_PLACES)
    names = {p.name for p in real.places}
    assert all(yaml.safe_load(path.read_text(encoding="utf-8"))["name"] not in names for path in NEW_PLACES)
    by_slug, real_by_slug = {p.slug: p for p in site.places}, {p.slug: p for p in real.places}
    norwich = by_slug["norwich"]  # a participant the report names, now with a page
    programme = real.programmes["leadership-for-change"]
    assert norwich.programmes == ["leadership-for-change"] and "Norwich" in {p.name for p in programme.other_participants}
    assert made["theme"] in by_slug[THEMED].themes and made["theme"] not in real_by_slug[THEMED].themes
    assert len(by_slug[UPDATED].updates) == len(real_by_slug[UPDATED].updates) + 1
    assert by_slug[UPDATED].updates[-1].link is not None and not by_slug[UPDATED].from_report_only
    assert publication_of(by_slug[STORIED].stories[-1]) != DEFAULT_PUBLICATION


def test_the_data_page_and_map_checks_pass_with_the_contributions(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    contribute(root)
    # Not an xdist worker's variables: the inner run is a test session of its own.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-m", "not browser and not edits_a_copy",
                             f"--basetemp={tmp_path / 'inner'}",
                             *CHECKS], cwd=root, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout
    # The inner run checked a site it built from the copy, with the contributions on it (never a site
    # left by an earlier run).
    built = list((tmp_path / "inner").glob("real*/project/site"))
    assert built and all((built[0] / "places" / path.stem / "index.html").exists() for path in NEW_PLACES)
    assert "example.org/contributed/update" in (built[0] / "places" / UPDATED / "index.html").read_text(encoding="utf-8")
