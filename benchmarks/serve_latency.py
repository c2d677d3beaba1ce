"""Benchmark: how long the live preview takes from saving a place file to serving the new page.

    python benchmarks/serve_latency.py              # the real 41 places, 5 saves
    python benchmarks/serve_latency.py --saves 10

It copies the project to a temporary folder, starts `python -m generator serve` there, waits for the
first page, then saves a place file with a new word in its summary and polls that place's page every
20 ms until the word is served: the time from the save to that moment is one figure. It also counts
the MkDocs rebuilds each save set off, and checks that no hidden leftover (a staging folder, an old
folder, a temporary file) is left in content/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.commands.project import GENERATED_FOLDERS  # noqa: E402

PLACE = "calderdale"
ANCHOR = "Calderdale looked at why children"


def _copy(dest: Path) -> None:
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "content", dest / "content", ignore=shutil.ignore_patterns(*GENERATED_FOLDERS, ".*"))
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(ROOT / "site-data", dest / "site-data")


def free_port() -> int:
    """A port that is free on this machine now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    """The page at ``url`` as text, or nothing if it cannot be had (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def _wait(url: str, word: str, timeout: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if word in fetch(url):
            return time.monotonic() - start
        time.sleep(0.02)
    return None


def measure(saves: int, *, timeout: float = 60) -> dict:
    with tempfile.TemporaryDirectory(prefix="serve-latency-") as folder:
        root = Path(folder)
        _copy(root)
        port = free_port()
        url = f"http://127.0.0.1:{port}/places/{PLACE}/"
        log_path = root / "serve.log"
        env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
        place = root / "site-data" / "places" / f"{PLACE}.yaml"
        original = place.read_text(encoding="utf-8")
        with log_path.open("w", encoding="utf-8") as log:
            started = time.monotonic()
            process = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), "serve",
                                        "--port", str(port)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                       env=env, start_new_session=True)
        try:
            first = _wait(url, ANCHOR, timeout)
            if first is None:
                raise SystemExit(f"the preview did not start:\n{log_path.read_text(encoding='utf-8')}")
            first = time.monotonic() - started
            time.sleep(1)
            latencies, rebuilds = [], []
            for index in range(saves):
                before = log_path.read_text(encoding="utf-8").count("Building documentation")
                word = f"Saved{index:03d}x{os.getpid()}"
                place.write_text(original.replace(ANCHOR, f"{word} {ANCHOR}"), encoding="utf-8")
                latency = _wait(url, word, timeout)
                if latency is None:
                    raise SystemExit(f"save {index + 1} never showed:\n{log_path.read_text(encoding='utf-8')}")
                latencies.append(latency)
                time.sleep(1.5)  # let any further rebuild show up in the count
                rebuilds.append(log_path.read_text(encoding="utf-8").count("Building documentation") - before)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        log_text = log_path.read_text(encoding="utf-8")
        leftovers = sorted(path.relative_to(root / "content").as_posix()
                           for path in (root / "content").rglob(".*"))
    return {"first": first, "latencies": latencies, "rebuilds": rebuilds, "leftovers": leftovers, "log": log_text}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--saves", type=int, default=5, help="how many saves to time (default 5)")
    parser.add_argument("--log", action="store_true", help="print the preview's own output at the end")
    args = parser.parse_args()
    result = measure(args.saves)
    latencies = result["latencies"]
    print("| first page | save to page: median | min | max | rebuilds per save | leftovers in content/ |")
    print("|---:|---:|---:|---:|---:|---|")
    print(f"| {result['first']:.1f} s | {statistics.median(latencies):.2f} s | {min(latencies):.2f} s | "
          f"{max(latencies):.2f} s | {', '.join(map(str, result['rebuilds']))} | "
          f"{', '.join(result['leftovers']) or 'none'} |")
    if args.log:
        print(result["log"], file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
