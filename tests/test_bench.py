"""The benchmark runs end to end on a small size and prints its table (figures are not judged here)."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO


def test_benchmark_prints_a_row_per_size() -> None:
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "bench.py"), "--sizes", "12", "25", "--runs", "1"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("| places | validate + generate | full build |")
    rows = [line for line in lines if re.match(r"\| \d", line)]
    assert [row.split("|")[1].strip() for row in rows] == ["12", "25"]
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert int(cells[6].replace(",", "")) > 12  # pages written
        assert float(cells[8].split()[0]) > 0  # the map page's gzipped size
    assert "cost per place at 25 / at 12:" in result.stdout
