"""Benchmark: build synthetic place sets of several sizes and print a table of figures.

    python benchmarks/bench.py                  # 41, 500, 2,000 and 5,000 places, median of 3 runs
    python benchmarks/bench.py --sizes 41 --runs 1

Each run happens in a fresh temporary copy of the project with synthetic place files made from the
real vocabularies, in a separate process, so that peak memory is measured per build.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.commands.build import generate  # noqa: E402
from generator.commands.project import (
    GENERATED_FOLDERS,  # noqa: E402
    Project,  # noqa: E402
)
from generator.commands.publish import publish  # noqa: E402
from generator.schema.england import in_england  # noqa: E402

WORDS = ("system leadership place partners council health care community people change trust "
         "services enabler relationships narrative citizens outcome shared purpose time").split()


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def synthetic_places(count: int, data_dir: Path, *, seed: int = 2015) -> list[dict]:
    """``count`` valid place records built from the vocabularies in ``data_dir``."""
    rng = random.Random(seed)
    vocab = {name: [e["id"] for e in yaml.safe_load((data_dir / f"{name}.yaml").read_text(encoding="utf-8"))]
             for name in ("themes", "lessons", "regions", "enablers", "programmes")}
    places = []
    for index in range(count):
        while True:
            latitude, longitude = rng.uniform(50.0, 55.8), rng.uniform(-5.7, 1.7)
            if in_england(latitude, longitude):
                break
        number = index + 1 if index < 39 else None
        programmes = ["local-vision"] if number else [rng.choice(["leadership-for-change", "integration-pioneers"])]
        places.append({
            "name": f"Synthetic place {index + 1:05d}",
            "programmes": programmes,
            **({"local_vision_number": number} if number else {}),
            "focus": _sentence(rng, 14),
            "summary": " ".join(_sentence(rng, 16) for _ in range(3)),
            "region": rng.choice(vocab["regions"]),
            "location": {"label": f"Town {index + 1}", "latitude": round(latitude, 4), "longitude": round(longitude, 4)},
            "themes": rng.sample(vocab["themes"], 3),
            "enablers": rng.sample(vocab["enablers"], 1),
            "stories": [
                {"lesson": rng.choice(vocab["lessons"]), "title": _sentence(rng, 5), "text": _sentence(rng, 60),
                 "quotes": [{"text": _sentence(rng, 30), "speaker": "A participant"}],
                 "source": "light-bulb-moments"}
                for _ in range(2)
            ],
            "outcomes": [{"text": _sentence(rng, 25), "source": "outcomes"}],
        })
    return places


def make_project(dest: Path, count: int) -> Project:
    """A copy of the project's sources in ``dest`` with ``count`` synthetic places."""
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "content", dest / "content", ignore=shutil.ignore_patterns(*GENERATED_FOLDERS, ".*"))
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(ROOT / "site-data", dest / "site-data", ignore=shutil.ignore_patterns("places"))
    places_dir = dest / "site-data" / "places"
    places_dir.mkdir()
    for index, place in enumerate(synthetic_places(count, dest / "site-data")):
        (places_dir / f"synthetic-place-{index + 1:05d}.yaml").write_text(
            yaml.safe_dump(place, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return Project(dest)


def run_once(root: Path) -> dict:
    """One build in this process (called in a child process): timings and peak memory."""
    project = Project(root)
    start = time.perf_counter()
    _, pages = generate(project)
    generated = time.perf_counter()
    publish(project, root / "site")
    finished = time.perf_counter()
    own_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"generate_s": generated - start, "build_s": finished - start, "pages": pages,
            "peak_mb": max(own_kb, child_kb) / 1024}


def _size(paths: list[Path]) -> tuple[int, int]:
    raw = b"".join(path.read_bytes() for path in paths if path.is_file())
    return len(raw), len(gzip.compress(raw, compresslevel=9, mtime=0))


def measure_site(site: Path) -> dict:
    """Bytes of the map page (its HTML plus places.geojson), the shared Leaflet files, the whole site."""
    map_files = [site / "map" / "index.html", site / "data" / "places.geojson"]
    leaflet = sorted(p for p in site.rglob("*") if p.is_file() and "leaflet" in p.as_posix().lower())
    files = [p for p in site.rglob("*") if p.is_file()]
    return {
        "map_raw": _size(map_files)[0], "map_gzip": _size(map_files)[1],
        "leaflet_raw": _size(leaflet)[0], "leaflet_gzip": _size(leaflet)[1],
        "site_bytes": sum(p.stat().st_size for p in files), "site_files": len(files),
    }


def bench(sizes: list[int], runs: int) -> list[dict]:
    rows = []
    for size in sizes:
        samples = []
        with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as tmp:
            for run in range(runs):
                root = Path(tmp) / f"run{run}"
                make_project(root, size)
                result = subprocess.run([sys.executable, __file__, "--one", str(root)],
                                        capture_output=True, text=True, check=False)
                if result.returncode != 0:
                    raise SystemExit(f"build of {size} places failed:\n{result.stderr}")
                samples.append({**json.loads(result.stdout), **measure_site(root / "site")})
                if run + 1 < runs:
                    shutil.rmtree(root)
        row = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
        row["places"] = size
        rows.append(row)
    return rows


def table(rows: list[dict]) -> str:
    head = ("| places | validate + generate | full build | ours / full | per place (full) | peak memory "
            "| pages written | map page raw | map page gzip | Leaflet files gzip | site size |")
    lines = [head, "|" + "|".join(["---:"] * 11) + "|"]
    for r in rows:
        lines.append(
            f"| {r['places']:,} | {r['generate_s']:.2f} s | {r['build_s']:.2f} s | "
            f"{100 * r['generate_s'] / r['build_s']:.1f} % | {1000 * r['build_s'] / r['places']:.1f} ms | "
            f"{r['peak_mb']:.0f} MB | {int(r['pages']):,} | {r['map_raw'] / 1024:.0f} KB | "
            f"{r['map_gzip'] / 1024:.0f} KB | {r['leaflet_gzip'] / 1024:.0f} KB | {r['site_bytes'] / 1e6:.1f} MB |"
        )
    return "\n".join(lines)


def marginal_costs(rows: list[dict]) -> str:
    """What each further place costs between two sizes, and that cost against the step before: a
    build that stays linear keeps the ratio near 1 (the goal: at most 1.5)."""
    lines = ["| from → to | marginal cost per place (full build) | ours | ratio to the step before |",
             "|---|---:|---:|---:|"]
    previous = None
    for small, large in zip(rows, rows[1:]):
        places = large["places"] - small["places"]
        full = (large["build_s"] - small["build_s"]) / places
        ours = (large["generate_s"] - small["generate_s"]) / places
        ratio = f"{full / previous:.2f}" if previous else ""
        lines.append(f"| {small['places']:,} → {large['places']:,} | {1000 * full:.1f} ms | {1000 * ours:.2f} ms | {ratio} |")
        previous = full
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[41, 500, 2000, 5000])
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the table shows medians")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_once(args.one)))
        return 0
    rows = bench(args.sizes, args.runs)
    print(table(rows))
    if len(rows) >= 2:
        print()
        print(marginal_costs(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
