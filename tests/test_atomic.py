"""Builds that can't half-fail, and builds that repeat exactly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import copy_project, digests

from generator.build import build


def test_a_build_killed_midway_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    site_dir = project.root / "site"
    build(project, site_dir)
    before = digests(site_dir)
    (project.data_dir / "places" / "york.yaml").write_text(
        (project.data_dir / "places" / "york.yaml").read_text(encoding="utf-8").replace("name: York", "name: Yorvik"),
        encoding="utf-8",
    )
    process = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(project.root), "build"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    staging: list[Path] = []
    while time.monotonic() < deadline and not staging:  # mkdocs has started writing the new site
        staging = [p for p in project.root.glob(".site.building-*") if any(p.rglob("*.html"))]
        time.sleep(0.01)
    assert staging, "the build never reached mkdocs"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert digests(site_dir) == before
    # The next build clears the leftovers and publishes the change.
    build(project, site_dir)
    assert not list(project.root.glob(".site.*"))
    assert "Yorvik" in (site_dir / "places" / "york" / "index.html").read_text(encoding="utf-8")


def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path: Path) -> None:
    first = copy_project(tmp_path / "a")
    second = copy_project(tmp_path / "b")
    build(first, first.root / "site")
    build(second, second.root / "site")
    one, two = digests(first.root / "site"), digests(second.root / "site")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
