"""The benchmark runs end to end on a small size and prints its table (figures are not judged here)."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO


def test_benchmark_prints_a_row_per_size_and_the_marginal_cost_of_each_step() -> None:
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "bench.py"), "--sizes", "2", "5", "8",
                             "--runs", "1"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("| places | validate + generate | full build |")
    rows = [line for line in lines if re.match(r"\| \d+ \|", line)]
    assert [row.split("|")[1].strip() for row in rows] == ["2", "5", "8"]
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert int(cells[6].replace(",", "")) > 5  # pages written
        assert float(cells[8].split()[0]) > 0  # the map page's gzipped size
    steps = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines if re.match(r"\| \d+ → ", line)]
    assert [step[0] for step in steps] == ["2 → 5", "5 → 8"]
    assert steps[0][3] == "" and re.fullmatch(r"-?\d+\.\d\d", steps[1][3])  # the second step against the first


def test_lighthouse_benchmark_serves_the_site_gzipped_as_a_static_host_would(tmp_path) -> None:
    """Lighthouse itself is not run here (it comes from npm, and timing is not judged in tests);
    the server it measures must send what a static host sends: gzip to a browser that accepts it."""
    import gzip
    import urllib.request

    import lighthouse

    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>" + "words " * 500 + "</p>", encoding="utf-8")
    server, base = lighthouse.serve(tmp_path)
    try:
        request = urllib.request.Request(base + "page/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()).decode("utf-8").startswith("<p>words")
        with urllib.request.urlopen(base + "page/") as response:  # no gzip asked for, none sent
            assert response.headers["Content-Encoding"] is None and response.read().startswith(b"<p>")
    finally:
        server.shutdown()
