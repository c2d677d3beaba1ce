"""How long the loader takes to refuse a YAML "billion laughs" file (tests/bad_input/billion-laughs).

The tests check that it is refused, with little memory; the time belongs here, not in a test.

    .venv/bin/python benchmarks/hostile_yaml.py --runs 200
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.checks.yaml_file import YamlFileError, read_yaml  # noqa: E402

BOMB = ROOT / "tests" / "bad_input" / "billion-laughs" / "york.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        try:
            read_yaml(BOMB)
        except YamlFileError:
            pass
        else:
            raise SystemExit("the billion-laughs file was accepted")
        times.append(time.perf_counter() - start)
    print(f"billion laughs refused in {statistics.median(times) * 1000:.2f} ms (median of {args.runs}), "
          f"slowest {max(times) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
