"""Every internal link and anchor in the built site resolves, including those MkDocs cannot see."""

from __future__ import annotations

import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

# One thread: LinkChecker's checks of local files are all processor work, which ten threads only share
# out under Python's lock (10 s of processor time with ten threads, 5 s with none, for the same result).
CONFIG = """\
[checking]
threads=0

[filtering]
ignore=
  ^https?://
  ^data:
"""


def test_linkchecker_finds_no_broken_link(built_site: Path) -> None:
    """LinkChecker crawls the built files from the home page: pages, raw HTML, CSS, scripts, images.

    It reads the files directly: over HTTP it takes minutes, and its anchor check cannot follow
    MkDocs' directory URLs from files, so anchors have their own test below.
    """
    # Run as root, LinkChecker drops to user "nobody", who cannot read pytest's private temp folders.
    with tempfile.TemporaryDirectory() as readable:
        os.chmod(readable, 0o755)
        site = Path(readable) / "site"
        shutil.copytree(built_site, site)
        config = Path(readable) / "linkcheckerrc"
        config.write_text(CONFIG, encoding="utf-8")
        linkchecker = Path(sys.executable).with_name("linkchecker")
        result = subprocess.run(
            [str(linkchecker), "--config", str(config), "--no-status", "--no-warnings", "--output", "text",
             str(site / "index.html")],
            capture_output=True, text=True, timeout=600,
        )
    summary = re.search(r"(\d+) links? in (\d+) URLs? checked\..*?(\d+) errors? found", result.stdout, flags=re.S)
    assert summary, result.stdout[-2000:]
    checked, errors = int(summary.group(2)), int(summary.group(3))
    assert errors == 0 and result.returncode == 0, result.stdout[-4000:]
    assert checked > 300  # it really crawled the place pages, not just the home page


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"])


def test_every_internal_anchor_resolves(built_site: Path) -> None:
    pages: dict[Path, _Links] = {}
    for path in built_site.rglob("*.html"):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.resolve()] = parser
    checked = 0
    for path, parser in pages.items():
        for href in parser.hrefs:
            parts = urlparse(href)
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            assert target in pages, (path, href)
            assert unquote(parts.fragment) in pages[target].ids, f"{path.relative_to(built_site)}: {href}"
            checked += 1
    assert checked > 100


def test_links_in_the_map_data_resolve(built_site: Path) -> None:
    """The map's popups link to places through places.geojson, which no crawler follows.

    Its links are relative to the site's root, so the file works wherever the site is published.
    """
    document = json.loads((built_site / "data" / "places.geojson").read_text(encoding="utf-8"))
    root = "https://example.org/some/base/"
    checked = 0
    for feature in document["features"]:
        links = [value for value in feature["properties"].values()
                 if isinstance(value, str) and re.fullmatch(r"[a-z0-9/_-]+/", value)]
        assert links, feature["properties"]
        for link in links:
            path = urlparse(urljoin(root, link)).path.removeprefix("/some/base/")
            assert (built_site / path / "index.html").is_file(), link
            checked += 1
    assert checked >= len(document["features"])
