"""The bad-input corpus: every case is refused with a clear message, no traceback, site untouched."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
from conftest import REPO, copy_project, digests

from generator.build import Project, build
from generator.cli import main
from generator.yamlfile import MAX_FILE_BYTES, YamlFileError, read_yaml

CORPUS = Path(__file__).with_name("bad_input")
CASES = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A copy of the project with a built site/, shared by the cases (each undoes its changes)."""
    project = copy_project(tmp_path_factory.mktemp("bad") / "p")
    build(project, project.root / "site")
    return project



def _build_with(project: Project, files: dict[str, bytes]) -> tuple[int, str]:
    places = project.data_dir / "places"
    originals = {name: (places / name).read_bytes() for name in files if (places / name).exists()}
    for name, content in files.items():
        (places / name).write_bytes(content)
    stderr = io.StringIO()
    try:
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
            status = main(["--root", str(project.root), "build"])
    finally:
        for name in files:
            (places / name).unlink()
        for name, content in originals.items():
            (places / name).write_bytes(content)
    return status, stderr.getvalue()


def test_the_corpus_has_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_clearly_and_leaves_the_site_untouched(project: Project, case: str) -> None:
    folder = CORPUS / case
    files = {path.name: path.read_bytes() for path in folder.iterdir() if path.suffix in (".yaml", ".yml")}
    before = digests(project.root / "site")
    status, stderr = _build_with(project, files)
    assert status == 1
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert lines[-1].startswith("Stopped: ")
    problems = lines[:-1]
    expected_file = folder / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text("\n".join(problems) + "\n", encoding="utf-8")
    assert problems == expected_file.read_text(encoding="utf-8").splitlines()
    for problem in problems:  # each names the file, the line and column, and a field
        path, line, column, field, message = problem.split(":", 4)
        assert path.startswith("site-data/places/") and int(line) >= 1 and int(column) >= 1
        assert field.strip() and message.strip()
    assert digests(project.root / "site") == before
    assert not (project.root / "PWNED").exists() and not Path("PWNED").exists()


def test_oversized_file_is_refused(project: Project) -> None:
    text = (REPO / "site-data" / "places" / "york.yaml").read_bytes() + b"# " + b"x" * MAX_FILE_BYTES + b"\n"
    status, stderr = _build_with(project, {"york.yaml": text})
    assert status == 1
    assert stderr.startswith("site-data/places/york.yaml:1:1: (file): the file is ")
    assert "the limit is 262,144" in stderr


def test_billion_laughs_is_refused_fast_with_little_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    shutil.copy(CORPUS / "billion-laughs" / "york.yaml", path)
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(YamlFileError):
        read_yaml(path)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 0.1
    assert peak < 5 * 1024 * 1024
