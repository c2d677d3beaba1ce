"""Builds that can't half-fail, and builds that repeat exactly."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import copy_project, digests, keep_only_small

from generator.commands.build import build


def test_a_build_killed_midway_leaves_the_previous_site_intact(tmp_path: Path, copy_built) -> None:
    project = copy_built(tmp_path / "p")
    site_dir = project.root / "site"
    before = digests(site_dir)
    (project.data_dir / "places" / "york.yaml").write_text(
        (project.data_dir / "places" / "york.yaml").read_text(encoding="utf-8").replace("name: York", "name: Yorvik"),
        encoding="utf-8",
    )
    process = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(project.root), "build"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    staging: list[Path] = []
    while time.monotonic() < deadline and not staging:  # mkdocs has started writing the new site
        staging = [p for p in project.root.glob(".site.building-*") if any(p.rglob("*.html"))]
        time.sleep(0.01)
    assert staging, "the build never reached mkdocs"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert digests(site_dir) == before
    # The next build clears the leftovers and publishes the change.
    build(project, site_dir)
    assert not list(project.root.glob(".site.*"))
    assert "Yorvik" in (site_dir / "places" / "york" / "index.html").read_text(encoding="utf-8")


def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path: Path, built_site: Path) -> None:
    """The session's build of the real sources and another, later, in another folder."""
    second = copy_project(tmp_path / "b")
    build(second, second.root / "site")
    one, two = digests(built_site), digests(second.root / "site")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def _builder(project, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "--root", str(project.root), "build", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _mkdocs_of(builder: subprocess.Popen) -> int:
    """The pid of the mkdocs process a build started, once it is writing the site."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = subprocess.run(["pgrep", "-f", "-P", str(builder.pid), "generator.commands.mkdocs_run build"],
                               capture_output=True, text=True).stdout.split()
        if found:
            return int(found[0])
        time.sleep(0.01)
    raise AssertionError("the build never reached mkdocs")


def _stderr_until(process: subprocess.Popen, text: str, timeout: float = 60) -> str:
    """What ``process`` wrote to stderr up to and including the line that holds ``text``."""
    said = ""
    deadline = time.monotonic() + timeout
    while text not in said:
        assert process.poll() is None, f"the build ended without saying {text!r}: {said}"
        assert time.monotonic() < deadline, f"the build never said {text!r}: {said}"
        if select.select([process.stderr], [], [], 0.1)[0]:
            said += process.stderr.readline()
    return said


def _assert_waits_for_a_lock(process: subprocess.Popen) -> None:
    """``process`` sleeps in the kernel waiting for a file lock (Linux names what a process waits in
    /proc/<pid>/wchan). Where the kernel does not say, three seconds pass instead, in which a build
    that did not wait would have started writing its own staging folder."""
    try:
        wchan = Path(f"/proc/{process.pid}/wchan").read_text(encoding="ascii")
    except OSError:
        wchan = "0"
    if wchan in ("", "0"):
        time.sleep(3)
        return
    deadline = time.monotonic() + 10
    while "lock" not in wchan:
        assert process.poll() is None and time.monotonic() < deadline, f"the build is not waiting for a lock: {wchan}"
        time.sleep(0.05)
        wchan = Path(f"/proc/{process.pid}/wchan").read_text(encoding="ascii")


def test_a_second_build_waits_for_the_first_while_it_is_paused_mid_write(tmp_path: Path) -> None:
    project = keep_only_small(copy_project(tmp_path / "p"))
    site_dir = project.root / "site"
    first = _builder(project)
    mkdocs = _mkdocs_of(first)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(project.root.glob(".site.building-*/**/*.html")):
        time.sleep(0.01)
    os.kill(mkdocs, signal.SIGSTOP)  # the first build is paused while MkDocs writes
    try:
        second = _builder(project)
        said = _stderr_until(second, "Waiting for another build of this project to finish")
        _assert_waits_for_a_lock(second)
        assert second.poll() is None, "the second build did not wait for the first"
        staging = list(project.root.glob(".site.building-*"))
        assert len(staging) == 1 and staging[0].name.endswith(str(first.pid)), "the first build's staging folder was touched"
    finally:
        os.kill(mkdocs, signal.SIGCONT)
    out_first, err_first = first.communicate(timeout=300)
    out_second, err_second = second.communicate(timeout=300)
    err_second = said + err_second
    assert first.returncode == 0, err_first
    assert second.returncode == 0, err_second
    assert "Waiting for another build of this project to finish" in err_second
    assert (site_dir / "index.html").is_file() and (site_dir / "places" / "york" / "index.html").is_file()
    assert not list(project.root.glob(".site.*"))


def test_an_interrupted_swap_is_undone_by_the_next_build(tmp_path: Path, copy_built) -> None:
    """Where folders are swapped in two renames, a build killed between them leaves no site/ and
    the old one beside it: the next build puts it back before anything else, then replaces it."""
    project = keep_only_small(copy_built(tmp_path / "p"))
    site_dir = project.root / "site"
    site_dir.rename(project.root / ".site.old-4242")
    (project.docs_dir / "themes").rename(project.docs_dir / ".themes.old-4242")
    build(project, site_dir)
    assert (site_dir / "index.html").is_file()
    assert not list(project.root.glob(".site.*")) and not list(project.docs_dir.glob(".themes.*"))
    assert (project.docs_dir / "themes" / "index.md").is_file()


def test_folders_are_exchanged_in_one_step(tmp_path: Path) -> None:
    """On Linux, replace_dir swaps the folders with renameat2(RENAME_EXCHANGE): the target keeps its
    inode number's folder whole at every instant, and the swap never goes through a missing target."""
    from generator.commands import write

    old, new = tmp_path / "site", tmp_path / ".site.building-1"
    old.mkdir()
    (old / "index.html").write_text("old", encoding="utf-8")
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")
    renames: list[tuple] = []
    real_rename = Path.rename
    Path.rename = lambda self, target: renames.append((self, target)) or real_rename(self, target)  # type: ignore[method-assign]
    try:
        write.replace_dir(new, old)
    finally:
        Path.rename = real_rename  # type: ignore[method-assign]
    assert (old / "index.html").read_text(encoding="utf-8") == "new"
    assert not new.exists()
    assert renames == [], "fell back to two renames"


def _run_cli(project, *args: str) -> tuple[int, str]:
    import contextlib
    import io

    from generator.cli import main

    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = main(["--root", str(project.root), *args])
    return status, stderr.getvalue()


def test_site_dir_that_would_replace_the_sources_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project.root / ".git").mkdir()
    (project.root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    before = digests(project.root)
    for site_dir in (".", "site-data", "content", "overrides", "content/site", ".git", "..", str(tmp_path)):
        status, stderr = _run_cli(project, "build", "--site-dir", str(project.root / site_dir))
        assert status == 1, site_dir
        assert len(stderr.splitlines()) == 1 and stderr.startswith("Stopped: the site folder "), stderr
        assert digests(project.root) == before, site_dir


def test_a_full_disk_during_generate_is_one_line_and_keeps_the_site(tmp_path: Path, monkeypatch, copy_built) -> None:
    import errno

    project = keep_only_small(copy_built(tmp_path / "p"))
    before = digests(project.root / "site")
    real_write = Path.write_text

    def full_disk(self, *args, **kwargs):
        if ".generated-staging" in str(self) and "york" in self.name:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_disk)
    status, stderr = _run_cli(project, "build")
    assert status == 1
    assert len(stderr.splitlines()) == 1 and "No space left on device" in stderr and "Traceback" not in stderr
    assert digests(project.root / "site") == before
    monkeypatch.undo()
    build(project, project.root / "site")
    assert not list(project.docs_dir.glob(".generated-staging"))


def test_an_old_site_that_cannot_be_removed_is_a_warning_and_the_new_site_is_whole(tmp_path: Path, monkeypatch,
                                                                                  copy_built) -> None:
    import shutil

    from generator.commands import write

    project = keep_only_small(copy_built(tmp_path / "p"))
    real_rmtree = shutil.rmtree

    def refuse_old_site(path, *args, **kwargs):
        if Path(path).name.startswith(".site.building-"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(write.shutil, "rmtree", refuse_old_site)
    status, stderr = _run_cli(project, "build")
    assert status == 0
    assert [line for line in stderr.splitlines() if line] == [
        line for line in stderr.splitlines() if line.startswith("Warning: could not remove .site.building-")]
    assert (project.root / "site" / "index.html").is_file()
    monkeypatch.undo()
    build(project, project.root / "site")  # the next build clears the leftover
    assert not list(project.root.glob(".site.*"))


def test_build_site_dir_builds_into_the_folder_given(tmp_path: Path) -> None:
    """`build --site-dir` (what the deploy workflow and scripts may use) writes there and nowhere else."""
    project = keep_only_small(copy_project(tmp_path / "p"))
    elsewhere = tmp_path / "elsewhere" / "public"
    status, stderr = _run_cli(project, "build", "--site-dir", str(elsewhere))
    assert status == 0, stderr
    assert (elsewhere / "index.html").is_file() and (elsewhere / "places" / "york" / "index.html").is_file()
    assert not (project.root / "site").exists()
    assert not list(elsewhere.parent.glob(".public.building-*"))  # no staging folder left beside it


def test_site_dir_is_never_anything_git_tracks_nor_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    import subprocess

    project = copy_project(tmp_path / "p")
    for name, text in {"README.md": "# Read me\n", "requirements/lock.txt": "x==1\n", "docs/notes/a.md": "a\n",
                       "new-work.txt": "not committed yet, not ignored\n"}.items():
        (project.root / name).parent.mkdir(parents=True, exist_ok=True)
        (project.root / name).write_text(text, encoding="utf-8")
    (project.root / ".gitignore").write_text("/site/\n/ignored/\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=project.root, check=True)
    subprocess.run([*git, "add", "README.md", "requirements", "docs", ".gitignore"], cwd=project.root, check=True)
    subprocess.run([*git, "commit", "-qm", "x"], cwd=project.root, check=True)
    elsewhere = tmp_path / "documents"
    (elsewhere / "letters").mkdir(parents=True)
    (elsewhere / "letters" / "mine.txt").write_text("mine\n", encoding="utf-8")
    before, before_elsewhere = digests(project.root), digests(elsewhere)
    for site_dir in ("requirements", "README.md", "docs", "docs/notes", "docs/new", "requirements/site",
                     "new-work.txt", str(elsewhere), str(elsewhere / "letters")):
        status, stderr = _run_cli(project, "build", "--site-dir", str(project.root / site_dir))
        assert status == 1, site_dir
        assert len(stderr.splitlines()) == 1 and stderr.startswith(("Stopped: the site folder ", "Stopped: ")), stderr
        assert "Traceback" not in stderr
        assert digests(project.root) == before and digests(elsewhere) == before_elsewhere, site_dir
    # An empty folder, and then the site built there, are fine; so is a new folder in an ignored one.
    empty = tmp_path / "empty"
    empty.mkdir()
    for site_dir in (empty, empty, project.root / "ignored" / "site"):
        status, stderr = _run_cli(keep_only_small(project), "build", "--site-dir", str(site_dir))
        assert status == 0, stderr
        assert (site_dir / "index.html").is_file()
