"""The live preview: one MkDocs rebuild per save, only the pages that changed are written, and no
leftovers in content/. (Its speed is measured by benchmarks/serve_latency.py, never judged here.)"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO

from generator.commands.serve import _touch_includers
from generator.commands.sync import sync_pages
from generator.model.page import Page


def _tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_sync_writes_only_what_changed_and_removes_the_rest(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    (docs / "report").mkdir(parents=True)
    (docs / "report" / "index.md").write_text("hand-written\n", encoding="utf-8")
    pages = [Page("places/a.md", "A\n"), Page("places/b.md", "B\n"), Page("map/x.bin", b"\x00\x01")]
    assert sync_pages(pages, docs) == (["places/a.md", "places/b.md", "map/x.bin"], [])
    before = _tree(docs)
    os.utime(docs / "places" / "a.md", ns=(1, 1))  # an unchanged page keeps even an odd mtime
    assert sync_pages(pages, docs) == ([], [])
    assert (docs / "places" / "a.md").stat().st_mtime_ns == 1
    # Leftovers of interrupted runs: a staging folder, an old swapped-out folder, a temporary file.
    (docs / ".generated-staging" / "places").mkdir(parents=True)
    (docs / ".themes.old-123").mkdir()
    (docs / "places" / ".b.md.tmp-99").write_text("half", encoding="utf-8")
    written, removed = sync_pages([Page("places/a.md", "A changed\n"), Page("map/x.bin", b"\x00\x01")], docs)
    assert written == ["places/a.md"] and sorted(removed) == ["places/.b.md.tmp-99", "places/b.md"]
    after = _tree(docs)
    assert set(after) == {"places/a.md", "map/x.bin", "report/index.md"}
    assert after["map/x.bin"] == before["map/x.bin"] and after["report/index.md"] == before["report/index.md"]
    assert not [p for p in docs.rglob(".*")]


def test_a_changed_snippet_touches_the_pages_that_include_it(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    (docs / "report").mkdir(parents=True)
    including = docs / "report" / "outcomes.md"
    including.write_text('# Outcomes\n\n--8<-- "outcomes.md"\n', encoding="utf-8")
    other = docs / "report" / "index.md"
    other.write_text("# Report\n", encoding="utf-8")
    for page in (including, other):
        os.utime(page, ns=(1, 1))
    assert _touch_includers(docs, ["places/a.md"]) == []
    assert _touch_includers(docs, ["generated/outcomes.md"]) == [including]
    assert including.stat().st_mtime_ns > 1 and other.stat().st_mtime_ns == 1


def test_each_save_makes_one_rebuild_of_the_changed_pages_and_leaves_nothing_behind() -> None:
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "serve_latency.py"), "--saves", "2", "--log"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if re.match(r"\| \d", line))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[4] == "1, 1", "one MkDocs rebuild per save"
    assert cells[5] == "none", "no hidden leftovers in content/"
    reports = re.findall(r"^(\d+) page\(s\) written, (\d+) removed(?:: ([^;(]*))?", result.stderr, flags=re.M)
    assert len(reports) == 3, result.stderr  # the first generate, then one per save
    for written, removed, names in reports[1:]:
        assert (written, removed) == ("2", "0") and names.strip() == "places/calderdale.md, data/places.json"
