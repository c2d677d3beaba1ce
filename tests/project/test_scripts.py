"""scripts/build.sh and scripts/test.sh, the two commands the README gives: run from anywhere, they
set up .venv, install what they say, pass their arguments on, and fail when the step they run fails.

They run in a copy of the repository whose .venv/bin/python is a stand-in that logs its arguments,
skips `pip install` (this machine has no network to install from) and otherwise runs the real Python;
`npm` and `node` are stand-ins on PATH that log their arguments (`node` exits with NODE_STATUS)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, copy_repository

STAND_IN_PYTHON = """#!/bin/sh
echo "$*" >> "{log}"
case "$1 $2" in
  "-m pip") exit 0 ;;
  "-m pytest") echo "PYTHONDONTWRITEBYTECODE=${{PYTHONDONTWRITEBYTECODE-(unset)}}" > "{log}.env"; exit {pytest_status} ;;
esac
exec {python} "$@"
"""


def _executable(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = copy_repository(tmp_path / "repo")
    _executable(root / ".venv" / "bin" / "python", STAND_IN_PYTHON.format(
        log=tmp_path / "python.log", pytest_status=5, python=shlex.quote(sys.executable)))
    _executable(tmp_path / "bin" / "npm", f'#!/bin/sh\necho "$*" >> "{tmp_path / "npm.log"}"\n')
    _executable(tmp_path / "bin" / "node", f'#!/bin/sh\necho "$*" >> "{tmp_path / "node.log"}"\nexit ${{NODE_STATUS:-0}}\n')
    return root


def _run(repo: Path, script: str, *args: str, node_status: int = 0, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{repo.parent / 'bin'}{os.pathsep}{os.environ['PATH']}", "NODE_STATUS": str(node_status),
           **variables}
    return subprocess.run(["bash", str(repo / "scripts" / script), *args], cwd=repo.parent,  # not the repo
                          capture_output=True, text=True, env=env, timeout=600)


def _log(repo: Path, name: str) -> list[str]:
    path = repo.parent / name
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_build_sh_installs_the_project_and_builds_with_its_arguments(repo: Path) -> None:
    out = repo.parent / "out"
    result = _run(repo, "build.sh", "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    assert _log(repo, "python.log") == [
        "-m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/build.txt",
        "-m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .",
        f"-m generator build --site-dir {out}"]
    assert (out / "index.html").is_file() and (out / "places" / "york" / "index.html").is_file()


def test_build_sh_makes_the_venv_with_the_python_that_python_sh_chooses(repo: Path) -> None:
    """Without .venv, build.sh makes it with scripts/python.sh's choice ($PYTHON here), then uses it."""
    venv_python = (repo / ".venv" / "bin" / "python").read_text(encoding="utf-8")
    shutil.rmtree(repo / ".venv")
    maker = repo.parent / "bin" / "chosen-python"
    _executable(maker, f"""#!/bin/sh
echo "chosen: $*" >> "{repo.parent / 'python.log'}"
[ "$*" = "-m venv .venv" ] || exit 1
mkdir -p .venv/bin && printf '%s' {shlex.quote(venv_python)} > .venv/bin/python && chmod +x .venv/bin/python
""")
    result = _run(repo, "build.sh", "--help", PYTHON=str(maker))  # --help: the build itself is tested above
    assert result.returncode == 0, result.stderr
    log = _log(repo, "python.log")
    assert log[0] == "chosen: -m venv .venv" and log[1].startswith("-m pip install"), log
    assert log[-1] == "-m generator build --help" and "--site-dir" in result.stdout


def _choose(**variables: str) -> str:
    """What scripts/python.sh prints."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHON", "SYSTEM_PYTHON")}
    env.update(variables)
    result = subprocess.run(["bash", str(REPO / "scripts" / "python.sh")], capture_output=True, text=True, env=env,
                            timeout=60, check=True)
    return result.stdout.strip()


def test_python_sh_prefers_the_system_python_when_it_can_make_a_venv() -> None:
    assert _choose(SYSTEM_PYTHON=sys.executable) == sys.executable  # 3.11 or newer, with venv
    assert _choose(SYSTEM_PYTHON=sys.executable, PYTHON="/opt/my/python") == "/opt/my/python"


def test_python_sh_falls_back_to_python3_on_path(tmp_path: Path) -> None:
    too_old = tmp_path / "old-python"  # answers the check as a Python 3.10, or one without venv, would
    _executable(too_old, "#!/bin/sh\nexit 1\n")
    assert _choose(SYSTEM_PYTHON=str(too_old)) == "python3"
    assert _choose(SYSTEM_PYTHON=str(tmp_path / "missing")) == "python3"


def test_build_sh_fails_when_the_build_does(repo: Path) -> None:
    brook = (repo / "tests" / "data" / "fixture-brook.yaml").read_text(encoding="utf-8")  # a place of the tests' own
    (repo / "site-data" / "places" / "fixture-brook.yaml").write_text(
        brook.replace("region: yorkshire-and-the-humber", "region: yorks"), encoding="utf-8")
    result = _run(repo, "build.sh")
    assert result.returncode == 1
    assert "site-data/places/fixture-brook.yaml:" in result.stderr and "unknown region `yorks`" in result.stderr
    assert not (repo / "site").exists()


def test_test_sh_installs_the_test_tools_and_passes_its_arguments_to_pytest(repo: Path) -> None:
    assert Path("/usr/bin/chromium").exists()  # so the script skips installing them
    assert Path("/usr/bin/chromium-headless-shell").exists()
    result = _run(repo, "test.sh", "-k", "map", "-m", "slow", PYTHONDONTWRITEBYTECODE="1")
    assert result.returncode == 5, result.stderr  # pytest's status is the script's
    # The tests' Python processes keep their compiled bytecode even where the machine says not to.
    assert (repo.parent / "python.log.env").read_text(encoding="utf-8") == "PYTHONDONTWRITEBYTECODE=(unset)\n"
    assert _log(repo, "python.log") == [
        "-m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/test.txt",
        "-m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .",
        "-m pytest -n auto --dist loadfile --no-loadscope-reorder -k map -m slow"]
    assert _log(repo, "npm.log") == ["ci --silent --no-audit --no-fund"]
    assert _log(repo, "node.log") == ["--test tests/js/"]  # the map script's unit tests


def test_test_sh_runs_the_map_scripts_unit_tests_first_and_stops_when_they_fail(repo: Path) -> None:
    result = _run(repo, "test.sh", node_status=1)
    assert result.returncode == 1, result.stderr
    assert _log(repo, "node.log") == ["--test tests/js/"]
    assert not [line for line in _log(repo, "python.log") if line.startswith("-m pytest")]


def test_the_unit_tests_test_sh_names_run_and_pass_with_node() -> None:
    """The command test.sh runs, for real: Node finds the map script's test files and they pass."""
    files = sorted((REPO / "tests" / "js").glob("*.test.js"))
    assert files
    result = subprocess.run(["node", "--test", "tests/js/"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    summary = dict(re.findall(r"^# (tests|pass|fail) (\d+)$", result.stdout, flags=re.M))
    assert summary["fail"] == "0" and int(summary["pass"]) == int(summary["tests"]) >= len(files), summary


def test_the_files_run_first_exist() -> None:
    """conftest.LONGEST_FIRST orders the run by name: a renamed file would silently lose its place."""
    from conftest import LONGEST_FIRST

    names = {path.name for path in (REPO / "tests").rglob("test_*.py")}
    assert [name for name in LONGEST_FIRST if name not in names] == []
