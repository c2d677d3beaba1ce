"""Work spread over forked processes gives what one process gives: the same results in the same
order, the same pages, byte for byte; an error in a child stops the parent; and a process with
another thread never forks."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from conftest import REPO, copy_project, digests

from generator.checks.validate import load_site
from generator.commands import build as build_module
from generator.commands.build import render_site
from generator.commands.parallel import worker_count

SCRIPT = textwrap.dedent("""
    import multiprocessing, os, sys
    from generator.commands.parallel import parallel_map, worker_count

    workers = worker_count()
    together = multiprocessing.get_context("fork").Barrier(workers)  # the first tasks wait for each other

    def square(n):
        if n == int(sys.argv[1]):
            raise ValueError(f"no {n}")
        if n < workers:
            together.wait(timeout=60)
        return n * n, os.getpid()

    print(workers)
    results = parallel_map(square, list(range(40)))
    pids = {pid for _, pid in results}
    print([value for value, _ in results] == [n * n for n in range(40)], len(pids), os.getpid() in pids)
""")


def _run(fail_at: int, workers: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GENERATOR_WORKERS": workers}
    return subprocess.run([sys.executable, "-c", SCRIPT, str(fail_at)], capture_output=True, text=True, env=env,
                          timeout=120)


def test_results_come_back_in_order_from_several_processes() -> None:
    result = _run(-1, "3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "True", "3", "False"]  # three processes, none of them this one


def test_one_process_when_asked() -> None:
    result = _run(-1, "1")
    assert result.stdout.split() == ["1", "True", "1", "True"]


def test_an_error_in_a_child_is_raised_in_the_parent() -> None:
    result = _run(17, "2")
    assert result.returncode == 1
    assert result.stderr.rstrip().endswith("ValueError: no 17")


def test_a_process_with_another_thread_never_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENERATOR_WORKERS", "4")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert worker_count() == 1
    finally:
        stop.set()
        other.join()


def test_one_process_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS's own libraries are not safe to use after a fork: one process there, whatever is asked."""
    monkeypatch.setenv("GENERATOR_WORKERS", "4")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert worker_count() == 1


def test_the_parts_of_the_site_are_the_pages_of_the_site(monkeypatch: pytest.MonkeyPatch) -> None:
    """Place pages split into parts of 7 places make the same pages as one part of them all."""
    site = load_site(REPO / "site-data", display_root=REPO)
    whole = {page.path: page.text for page in render_site(site)}
    monkeypatch.setattr(build_module, "PLACES_PER_PART", 7)
    parts = build_module.site_parts(site, build_module.shared_environment())
    assert len(parts) > len(site.places) // 7
    assert {page.path: page.text for part in parts for page in part()} == whole


def test_a_build_in_several_processes_is_the_build_in_one(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    sites = {}
    for workers in ("1", "2"):
        env = {**os.environ, "GENERATOR_WORKERS": workers, "SOURCE_DATE_EPOCH": "1700000000"}
        result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "build",
                                 "--site-dir", str(tmp_path / f"site-{workers}")], capture_output=True, text=True,
                                env=env, timeout=300)
        assert result.returncode == 0, result.stderr
        sites[workers] = digests(tmp_path / f"site-{workers}")
    assert sites["1"] == sites["2"] and len(sites["1"]) > 100
