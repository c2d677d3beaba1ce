"""Lighthouse on the built site, served with gzip as a static host serves it.

    python benchmarks/lighthouse.py                    # build, then home, place and map pages, 3 runs each
    python benchmarks/lighthouse.py --runs 1 --site site --no-build

Lighthouse 12 comes from npm (``LIGHTHOUSE=/path/to/lighthouse`` or, by default, ``npx --yes
lighthouse@12``) and drives Debian's Chromium (``CHROME_PATH``, default ``/usr/bin/chromium``) with
its mobile defaults (a Moto G Power, slow 4G, 4x CPU slowdown). Map tiles are blocked: the machine
has no internet, and a tile server's speed is not ours to measure. Prints a table of medians:
performance and accessibility scores, first and largest contentful paint, total blocking time and
cumulative layout shift. Timing is measured here, never in the tests.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.commands.build import build  # noqa: E402
from generator.commands.project import Project  # noqa: E402

PAGES = {"home": "", "place": "places/calderdale/", "map": "map/", "theme": "themes/dementia/",
         "story": "places/plymouth/"}
COMPRESSED = {".html", ".css", ".js", ".json", ".geojson", ".svg", ".xml", ".txt"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it (as GitHub Pages and most hosts do)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix not in COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse_command() -> list[str]:
    if os.environ.get("LIGHTHOUSE"):
        return [os.environ["LIGHTHOUSE"]]
    local = ROOT / "node_modules" / ".bin" / "lighthouse"
    return [str(local)] if local.exists() else ["npx", "--yes", "lighthouse@12"]


def run_lighthouse(url: str, output: Path) -> dict[str, float]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run([
        *lighthouse_command(), url, "--quiet", "--output=json", f"--output-path={output}",
        "--only-categories=performance,accessibility",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--blocked-url-patterns=https://tile.openstreetmap.org/*",
    ], check=True, env=env, timeout=300)
    report = json.loads(output.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        "performance": report["categories"]["performance"]["score"] * 100,
        "accessibility": report["categories"]["accessibility"]["score"] * 100,
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path, help="an already built site folder (with --no-build)")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--pages", nargs="*", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--keep", type=Path, help="a folder to keep Lighthouse's JSON reports in")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if not args.no_build or site is None:
            site = Path(tmp) / "site"
            build(Project(ROOT), site)
        server, base = serve(site)
        try:
            print("| page | performance | accessibility | FCP | LCP | TBT | CLS |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            for name in args.pages:
                reports = args.keep or Path(tmp)
                reports.mkdir(parents=True, exist_ok=True)
                runs = [run_lighthouse(base + PAGES[name], reports / f"{name}-{i}.json") for i in range(args.runs)]
                m = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                print(f"| {name} (`/{PAGES[name]}`) | {m['performance']:.0f} | {m['accessibility']:.0f} | "
                      f"{m['fcp'] / 1000:.1f} s | {m['lcp'] / 1000:.1f} s | {m['tbt']:.0f} ms | {m['cls']:.3f} |",
                      flush=True)
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
