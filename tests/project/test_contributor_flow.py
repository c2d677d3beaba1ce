"""A contributor's path, run as they would run it: `new`, fill in, validate, build, preview.

Everything goes through the command line in a temporary copy of the repository, and no code changes
are needed for a new place to appear on every page it belongs on.
"""

from __future__ import annotations

import html
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import REPO, copy_project, keep_only_small
from serve_latency import fetch, free_port

from generator.commands.new import field_names
from generator.schema.files import MODELINE, PLACEHOLDER, SCHEMA_FILE
from generator.schema.place import Place

# What a contributor types in place of each FILL IN the skeleton leaves for a required field.
ANSWERS = {
    "programmes": "[leadership-for-change]",
    "focus": "Helping older people in a rural village to stay well at home.",
    "summary": ">-\n  Little Snoring brought its GP surgery, the parish council and the village hall together\n"
               "  so that older people could get help close to home.",
    "region": "east-of-england",
    "label": "Little Snoring",
    "latitude": "52.8608",
    "longitude": "0.9045",
    "themes": "[older-people, social-isolation]",
}


# Loaded by every Python process of a build (the generator and the mkdocs it runs): records and refuses
# any connection or name lookup that leaves this machine.
NO_NETWORK = """\
import os, socket
_LOCAL = {None, "localhost", "127.0.0.1", "::1", ""}
def _refuse(what):
    with open(os.environ["NETWORK_LOG"], "a") as log:
        log.write(what + "\\n")
    raise OSError("network access refused during the build: " + what)
_connect, _getaddrinfo = socket.socket.connect, socket.getaddrinfo
def connect(self, address):
    if isinstance(address, tuple) and address[0] not in _LOCAL:
        _refuse("connect " + repr(address))
    return _connect(self, address)
def getaddrinfo(host, *args, **kwargs):
    if host not in _LOCAL:
        _refuse("getaddrinfo " + repr(host))
    return _getaddrinfo(host, *args, **kwargs)
socket.socket.connect, socket.getaddrinfo = connect, getaddrinfo
"""


def _run(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in (env or os.environ).items() if not key.startswith("GITHUB_")}
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args],
                          capture_output=True, text=True, env=env, timeout=300)


def _fill_in(text: str) -> str:
    """Replace each `field: FILL IN` line as a contributor would, leaving the comments alone."""
    def answer(match: re.Match[str]) -> str:
        indent, key = match.group(1), match.group(2)
        value = ANSWERS[key]
        return f"{indent}{key}: " + value.replace("\n  ", "\n" + indent + "  ")

    return re.sub(rf"^( *)(\w+): \[?{PLACEHOLDER}\]?$", answer, text, flags=re.M)




def test_new_writes_a_skeleton_with_a_comment_on_every_field(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", keep_places=False)
    result = _run(project.root, "new", "Little Snoring")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote site-data/places/little-snoring.yaml.")
    lines = (project.data_dir / "places" / "little-snoring.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[0] == MODELINE
    assert "name: Little Snoring" in lines
    seen = set()
    for index, line in enumerate(lines):
        field = re.match(r"^[ #]*-? *(\w+):", line)
        if field and not re.match(r"^# (yaml-language-server|Replace|Allowed|Optional|Required)", line):
            seen.add(field.group(1))
            above = lines[index - 1].lstrip(" #-")
            assert lines[index - 1].lstrip().startswith("#") and above, f"no comment above line {index + 1}: {line}"
    assert field_names(Place) <= seen
    comments = "\n".join(line for line in lines if line.lstrip().startswith("#"))
    for vocabulary in ("themes", "regions", "programmes", "enablers", "lessons", "publications"):
        for entry in yaml.safe_load((REPO / "site-data" / f"{vocabulary}.yaml").read_text(encoding="utf-8")):
            assert re.search(rf"\b{re.escape(entry['id'])}\b", comments), (vocabulary, entry["id"])
            for section in entry.get("sections", []):  # a publication's sections, for `source`
                assert re.search(rf"\b{re.escape(section['id'])}\b", comments), (entry["id"], section["id"])


def test_the_skeleton_lists_each_fill_in_until_it_is_replaced(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", keep_places=False)
    assert _run(project.root, "new", "Little Snoring").returncode == 0
    path = project.data_dir / "places" / "little-snoring.yaml"
    text = path.read_text(encoding="utf-8")
    to_fill = [number for number, line in enumerate(text.splitlines(), start=1)
               if PLACEHOLDER in line and not line.lstrip().startswith("#")]
    assert len(to_fill) == len(ANSWERS)

    result = _run(project.root, "validate")
    assert result.returncode == 1
    problems = result.stderr.splitlines()[:-1]
    assert [int(p.split(":")[1]) for p in problems] == to_fill
    assert all(f"replace `{PLACEHOLDER}` with your value: " in p for p in problems)
    assert result.stderr.splitlines()[-1] == f"Stopped: {len(to_fill)} problem(s) in site-data/; nothing was changed."

    path.write_text(_fill_in(text), encoding="utf-8")
    result = _run(project.root, "validate")
    assert result.returncode == 0, result.stderr
    schema = json.loads((project.data_dir / SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


def test_new_refuses_to_overwrite_a_place(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    before = (project.data_dir / "places" / "calderdale.yaml").read_bytes()
    result = _run(project.root, "new", "Calderdale")
    assert result.returncode == 1
    assert result.stderr == ("Stopped: calderdale.yaml already exists: edit that file to correct the place, "
                             "or choose a different name\n")
    assert (project.data_dir / "places" / "calderdale.yaml").read_bytes() == before


@pytest.mark.parametrize(("name", "message"), [
    ("!!!", "Stopped: cannot make a file name from '!!!': use a name with letters or digits, such as \"Little Snoring\""),
    ("", "Stopped: the name cannot be used: must not be empty"),
    ("Two\nlines", "Stopped: the name cannot be used: must be a single line (no line breaks or tabs)"),
])
def test_new_refuses_a_name_it_cannot_make_a_safe_file_from(tmp_path: Path, name: str, message: str) -> None:
    project = copy_project(tmp_path / "p", keep_places=False)
    result = _run(project.root, "new", name)
    assert (result.returncode, result.stderr.strip()) == (1, message)
    assert list((project.data_dir / "places").iterdir()) == []


def test_new_keeps_the_file_inside_the_places_folder(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", keep_places=False)
    result = _run(project.root, "new", "../../Ynys Môn & Ōkawa/..")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (project.data_dir / "places").iterdir()] == ["ynys-mon-and-okawa.yaml"]
    text = (project.data_dir / "places" / "ynys-mon-and-okawa.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["name"] == "../../Ynys Môn & Ōkawa/.."


def _page_text(path: Path) -> str:
    source = path.read_text(encoding="utf-8")
    article = source[source.index("<article"): source.index("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", " ", article, flags=re.S))).split())


def test_a_new_place_reaches_every_page_it_belongs_on(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    assert _run(project.root, "new", "Little Snoring").returncode == 0
    path = project.data_dir / "places" / "little-snoring.yaml"
    path.write_text(_fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")

    # The build must work in a sandbox without network: a pull request's build runs anywhere.
    guard = tmp_path / "no-network"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    network_log = tmp_path / "network.log"
    network_log.write_text("", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(guard), os.environ.get("PYTHONPATH")])),
           "NETWORK_LOG": str(network_log)}
    # The positive control: with this environment, a Python process that looks a host up is refused and logged.
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.getaddrinfo('example.org', 443)"],
                           capture_output=True, text=True, env=env, timeout=60)
    assert probe.returncode != 0 and "network access refused during the build" in probe.stderr, probe.stderr
    assert network_log.read_text(encoding="utf-8") == "getaddrinfo 'example.org'\n"
    network_log.write_text("", encoding="utf-8")
    result = _run(project.root, "build", env=env)
    assert result.returncode == 0, result.stderr
    assert network_log.read_text(encoding="utf-8") == "", "the build tried to reach the network"
    site = project.root / "site"

    page = _page_text(site / "places" / "little-snoring" / "index.html")
    assert "Little Snoring" in page and ANSWERS["focus"] in page
    assert "Older people" in page and "East of England" in page

    features = json.loads((site / "data" / "places.geojson").read_text(encoding="utf-8"))["features"]
    (marker,) = [f for f in features if f["properties"]["slug"] == "little-snoring"]
    assert marker["geometry"]["coordinates"] == [0.9045, 52.8608]
    assert marker["properties"]["name"] == "Little Snoring"

    all_places = (site / "places" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<li>\s*(<p>)?<a [^>]*href="little-snoring/"[^>]*>Little Snoring</a>', all_places)

    for theme in ("older-people", "social-isolation"):
        source = (site / "themes" / theme / "index.html").read_text(encoding="utf-8")
        assert 'href="../../places/little-snoring/"' in source, theme
    assert 'href="../../places/little-snoring/"' in (site / "regions" / "east-of-england" / "index.html").read_text(
        encoding="utf-8")


# -- live preview ----------------------------------------------------------------------------------

def _wait_for(condition: Callable[[], bool], what: str, *, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"gave up after {seconds} s waiting for {what}")


def test_serve_shows_an_edit_and_keeps_the_last_good_pages_on_a_bad_one(tmp_path: Path) -> None:
    project = keep_only_small(copy_project(tmp_path / "p"))
    place = project.data_dir / "places" / "calderdale.yaml"
    port = free_port()
    url = f"http://127.0.0.1:{port}/places/calderdale/"
    log_path = tmp_path / "serve.log"
    env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "--root", str(project.root), "serve", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )
    try:
        _wait_for(lambda: "Calderdale looked at why children" in fetch(url), "the first page")

        place.write_text(place.read_text(encoding="utf-8").replace(
            "Calderdale looked at why children", "Calderdale (edited while serving) looked at why children"),
            encoding="utf-8")
        _wait_for(lambda: "Calderdale (edited while serving)" in fetch(url), "the edit to show")

        # A hand-written page in content/ reloads too (the guide promises both folders).
        home = project.docs_dir / "index.md"
        home.write_text(home.read_text(encoding="utf-8").replace(
            "# Stories of Systems Leadership", "# Stories (edited while serving) of Systems Leadership"), encoding="utf-8")
        _wait_for(lambda: "Stories (edited while serving)" in fetch(f"http://127.0.0.1:{port}/"), "the content/ edit")

        place.write_text(place.read_text(encoding="utf-8").replace(
            "region: yorkshire-and-the-humber", "region: yorkshire"), encoding="utf-8")
        _wait_for(lambda: "unknown region `yorkshire`" in log_path.read_text(encoding="utf-8"), "the problem")
        log = log_path.read_text(encoding="utf-8")
        line = place.read_text(encoding="utf-8").splitlines().index("region: yorkshire") + 1
        assert f"site-data/places/calderdale.yaml:{line}:9: region: unknown region `yorkshire`" in log
        assert "the preview keeps the last good pages" in log
        time.sleep(1)  # a wait for what must not happen: the bad file replacing the last good page
        assert "Calderdale (edited while serving)" in fetch(url)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            status = process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            raise
    assert status == 0, log_path.read_text(encoding="utf-8")
    assert fetch(url) == "", "mkdocs serve is still running after serve stopped"
