"""The bad-input corpus: every case is refused with a clear message, no traceback, site untouched."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from conftest import REPO, copy_project, digests, keep_only_small
from golden import from_golden, to_golden

from generator.checks.yaml_file import MAX_FILE_BYTES, YamlFileError, read_yaml
from generator.cli import main
from generator.commands.project import Project
from generator.commands.publish import SITE_MARK, SITE_MARK_TEXT

CORPUS = REPO / "tests" / "bad_input"
CASES = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, copy_built) -> Project:
    """A copy of the project with a built site/, shared by the cases (each undoes its changes). Its data
    keeps two places: a case is its own files, and every build loads all the places before it stops."""
    return keep_only_small(copy_built(tmp_path_factory.mktemp("bad") / "p"))


@pytest.fixture(scope="module")
def built(project: Project) -> dict[str, str]:
    """The digests of the site as first built: after every case, the site must still be exactly this."""
    return digests(project.root / "site")


def _build_with(project: Project, files: dict[str, bytes]) -> tuple[int, str]:
    """Build with ``files`` added: a bare name goes in site-data/places/, a path starting with
    ``site-data/`` goes there. The files are removed (and any they replaced restored) afterwards."""
    targets = {(project.root / name if name.startswith("site-data/") else project.data_dir / "places" / name): content
               for name, content in files.items()}
    originals = {path: path.read_bytes() for path in targets if path.exists()}
    for path, content in targets.items():
        path.write_bytes(content)
    stderr = io.StringIO()
    try:
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
            status = main(["--root", str(project.root), "build"])
    finally:
        for path in targets:
            path.unlink()
        for path, content in originals.items():
            path.write_bytes(content)
    return status, stderr.getvalue()


def _case_files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and path.suffix in (".yaml", ".yml")}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_clearly_and_leaves_the_site_untouched(project: Project, built: dict[str, str],
                                                                    case: str) -> None:
    folder = CORPUS / case
    files = _case_files(folder)
    status, stderr = _build_with(project, files)
    assert status == 1
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert lines[-1].startswith("Stopped: ")
    problems = lines[:-1]
    expected_file = folder / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text("\n".join(to_golden(problems)) + "\n", encoding="utf-8")
    assert problems == from_golden(expected_file.read_text(encoding="utf-8").splitlines())
    for problem in problems:  # each names the file, the line and column, and a field
        path, line, column, field, message = problem.split(":", 4)
        assert path.startswith("site-data/") and int(line) >= 1 and int(column) >= 1
        assert field.strip() and message.strip()
    assert digests(project.root / "site") == built
    assert not (project.root / "PWNED").exists() and not Path("PWNED").exists()


def test_oversized_file_is_refused(project: Project) -> None:
    text = (REPO / "site-data" / "places" / "york.yaml").read_bytes() + b"# " + b"x" * MAX_FILE_BYTES + b"\n"
    status, stderr = _build_with(project, {"york.yaml": text})
    assert status == 1
    assert stderr.startswith("site-data/places/york.yaml:1:1: (file): the file is ")
    assert "larger than the limit of 262,144 bytes" in stderr


def test_billion_laughs_is_refused_with_little_memory(tmp_path: Path) -> None:
    """No alias is expanded (the time it takes is measured in benchmarks/hostile_yaml.py, not here)."""
    path = tmp_path / "bomb.yaml"
    shutil.copy(CORPUS / "billion-laughs" / "york.yaml", path)
    tracemalloc.start()
    with pytest.raises(YamlFileError):
        read_yaml(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


# -- Special files: what a pull request can commit besides text (links, pipes, folders) -----------
# Each case makes the file in a copy of the project, builds in a separate process (so that a read
# that blocks or never ends fails the test by its time-out instead of hanging the suite) and lists
# the exact lines the build must print.

SECRET = "RUNNER-SECRET-d41d8cd98f00"


def _link_outside(project: Project, tmp: Path) -> None:
    secret = tmp / "runner-credentials"
    secret.write_text(f"token: {SECRET}\n", encoding="utf-8")
    (project.data_dir / "places" / "leak.yaml").symlink_to(secret)


def _link_to_zero(project: Project, tmp: Path) -> None:
    (project.data_dir / "places" / "zero.yaml").symlink_to("/dev/zero")


def _fifo(project: Project, tmp: Path) -> None:
    os.mkfifo(project.data_dir / "places" / "pipe.yaml")


def _link_to_folder(project: Project, tmp: Path) -> None:
    (project.data_dir / "places" / "folder.yaml").symlink_to(project.data_dir)


def _link_to_place(project: Project, tmp: Path) -> None:
    (project.data_dir / "places" / "york-again.yaml").symlink_to("york.yaml")


def _vocabulary_link(project: Project, tmp: Path) -> None:
    themes = project.data_dir / "themes.yaml"
    secret = tmp / "themes-elsewhere.yaml"
    secret.write_bytes(themes.read_bytes() + f"# {SECRET}\n".encode())
    themes.unlink()
    themes.symlink_to(secret)


def _places_folder_link(project: Project, tmp: Path) -> None:
    places = project.data_dir / "places"
    shutil.move(places, tmp / "places-elsewhere")
    places.symlink_to(tmp / "places-elsewhere")


def _newline_in_file_name(project: Project, tmp: Path) -> None:
    (project.data_dir / "places" / "x\n::error file=y::forged.yaml").write_text("name: x\n", encoding="utf-8")


def _content_link(project: Project, tmp: Path) -> None:
    secret = tmp / "runner-notes.md"
    secret.write_text(f"# {SECRET}\n", encoding="utf-8")
    (project.docs_dir / "report" / "notes.md").symlink_to(secret)


_LINK = "(file): this is a symbolic link, not a file: commit the YAML file itself here"
SPECIAL_FILES = {
    "link to a file outside the repository": (_link_outside, [f"site-data/places/leak.yaml:1:1: {_LINK}"]),
    "link to /dev/zero": (_link_to_zero, [f"site-data/places/zero.yaml:1:1: {_LINK}"]),
    "named pipe": (_fifo, ["site-data/places/pipe.yaml:1:1: (file): this is a named pipe, not a file: "
                           "commit the YAML file itself here"]),
    "link to a folder": (_link_to_folder, [f"site-data/places/folder.yaml:1:1: {_LINK}"]),
    "link to another place": (_link_to_place, [f"site-data/places/york-again.yaml:1:1: {_LINK}"]),
    "vocabulary file as a link": (_vocabulary_link, [f"site-data/themes.yaml:1:1: {_LINK}"]),
    "places folder as a link": (_places_folder_link, [
        "site-data/places:1:1: (folder): the places folder is a symbolic link: it must be a real folder"]),
    "link among the hand-written pages": (_content_link, [
        "content/report/notes.md:1:1: (file): this is a symbolic link: only regular files are published"]),
    "line break in a file name": (_newline_in_file_name, [
        "site-data/places/x\\n::error file=y::forged.yaml:1:1: (file name): the file name must be lower-case "
        "letters, digits and hyphens, such as `x-error-file-y-forged.yaml`"]),
}


@pytest.mark.parametrize("case", SPECIAL_FILES)
def test_special_files_are_refused_without_reading_them(tmp_path: Path, case: str) -> None:
    make, expected = SPECIAL_FILES[case]
    project = copy_project(tmp_path / "p")
    (project.root / "site").mkdir()
    previous = "previous site"
    (project.root / "site" / "index.html").write_text(previous, encoding="utf-8")
    (project.root / "site" / SITE_MARK).write_text(SITE_MARK_TEXT, encoding="utf-8")  # a site a build made
    make(project, tmp_path)
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "build"],
                            capture_output=True, text=True, timeout=120, env=env, cwd=REPO)
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines()[:-1] == expected
    assert SECRET not in result.stdout + result.stderr
    # stdout carries the annotations; no line of either stream starts a forged workflow command
    for line in (result.stdout + result.stderr).splitlines():
        assert not line.startswith("::") or line.startswith(("::error file=site-data/", "::error file=content/"))
    assert (project.root / "site" / "index.html").read_text(encoding="utf-8") == previous


def test_a_file_with_thousands_of_problems_lists_fifty_and_counts_the_rest(project: Project) -> None:
    # A place of the tests' own, whose `stories: []` no contributor changes (tests/data/fixture-brook.yaml).
    brook = (REPO / "tests" / "data" / "fixture-brook.yaml").read_text(encoding="utf-8")
    stories = "".join(f"  - lesson: no-such-lesson-{i}\n    title: t\n    text: t\n    source: nowhere-{i}\n"
                      for i in range(2000))
    status, stderr = _build_with(project, {"fixture-brook.yaml": brook.replace("stories: []\n", "stories:\n" + stories).encode()})
    assert status == 1
    lines = stderr.splitlines()
    assert len(lines) == 52  # fifty problems, the count of the rest, and the closing line
    assert all(line.startswith("site-data/places/fixture-brook.yaml:") for line in lines[:51])
    assert "3,950 more problem(s) in this file are not listed" in lines[50]
    lines_shown = [int(line.split(":")[1]) for line in lines[:50]]
    assert lines_shown == sorted(lines_shown)


def test_schema_commands_never_follow_a_link(tmp_path: Path) -> None:
    """`schema` writes site-data/place.schema.json; a link there from a pull request must not make a
    maintainer's `python -m generator schema` overwrite a file elsewhere."""
    project = copy_project(tmp_path / "p")
    elsewhere = tmp_path / "maintainers-file"
    elsewhere.write_text("keep me\n", encoding="utf-8")
    schema = project.data_dir / "place.schema.json"
    schema.unlink()
    schema.symlink_to(elsewhere)
    for args in (["schema"], ["schema", "--check"]):
        result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), *args],
                                capture_output=True, text=True, timeout=120, cwd=REPO)
        assert result.returncode == 1
        assert result.stderr.startswith("Stopped: site-data/place.schema.json is a symbolic link")
    assert elsewhere.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.parametrize("content", [
    b"[" * 200_000 + b"]" * 200_000,  # deeper than Python's JSON parser goes
    b'{"a": "' + b"x" * (6 * 1024 * 1024) + b'"}',  # larger than any schema
    b"\xff\xfe not UTF-8",
    b'{"unclosed": ',
])
def test_schema_check_reads_a_hostile_schema_file_within_bounds(tmp_path: Path, content: bytes) -> None:
    """A pull request can put anything in site-data/place.schema.json: `schema --check` says it is out
    of date (one line, no traceback) without reading more than it needs, and `schema` rewrites it."""
    project = copy_project(tmp_path / "p")
    schema = project.data_dir / "place.schema.json"
    good = schema.read_bytes()
    schema.write_bytes(content)
    run = [sys.executable, "-m", "generator", "--root", str(project.root), "schema"]
    result = subprocess.run([*run, "--check"], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == "site-data/place.schema.json is out of date: run `python -m generator schema` and commit it\n"
    result = subprocess.run(run, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 0 and schema.read_bytes() == good
