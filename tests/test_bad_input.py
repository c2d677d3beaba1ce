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


def test_the_corpus_has_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_clearly_and_leaves_the_site_untouched(project: Project, case: str) -> None:
    folder = CORPUS / case
    files = _case_files(folder)
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
        assert path.startswith("site-data/") and int(line) >= 1 and int(column) >= 1
        assert field.strip() and message.strip()
    assert digests(project.root / "site") == before
    assert not (project.root / "PWNED").exists() and not Path("PWNED").exists()


def test_oversized_file_is_refused(project: Project) -> None:
    text = (REPO / "site-data" / "places" / "york.yaml").read_bytes() + b"# " + b"x" * MAX_FILE_BYTES + b"\n"
    status, stderr = _build_with(project, {"york.yaml": text})
    assert status == 1
    assert stderr.startswith("site-data/places/york.yaml:1:1: (file): the file is ")
    assert "larger than the limit of 262,144 bytes" in stderr


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
