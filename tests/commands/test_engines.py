"""The same sources publish with MkDocs and with Zensical, Material's announced successor."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_project

from generator.commands.build import generate
from generator.commands.publish import publish

PAGES = ["index.html", "places/index.html", "places/calderdale/index.html", "places/telford-and-wrekin/index.html",
         "themes/dementia/index.html", "lessons/relationships/index.html", "map/index.html",
         "data/places.geojson", "data/index.html"]


def test_mkdocs_and_zensical_build_the_same_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    generate(project)
    publish(project, project.root / "site-mkdocs")
    zensical = Path(sys.executable).with_name("zensical")
    result = subprocess.run([str(zensical), "build", "--strict", "--config-file", "mkdocs.yml"],
                            cwd=project.root, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    mkdocs_pages = {p.relative_to(project.root / "site-mkdocs").as_posix()
                    for p in (project.root / "site-mkdocs").rglob("*.html")}
    zensical_pages = {p.relative_to(project.root / "site").as_posix() for p in (project.root / "site").rglob("*.html")}
    for page in PAGES:
        assert (project.root / "site-mkdocs" / page).is_file(), page
        assert (project.root / "site" / page).is_file(), page
    place_pages = {p for p in mkdocs_pages if p.startswith("places/")}
    assert place_pages <= zensical_pages
    calderdale = (project.root / "site" / "places" / "calderdale" / "index.html").read_text(encoding="utf-8")
    assert "Increasing the percentage of school age children" in calderdale
    assert "Paul Tarplett" in calderdale
