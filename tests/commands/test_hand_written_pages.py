"""Hand-written pages come from pull requests too: they may include only the snippets the build
writes, by their exact names, and nothing in them may run or embed (checks/pages.py). Each refusal
names the file and line, prints no traceback, and leaves the previous site/ exactly as it was."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest
from conftest import digests, keep_only_small

from generator.cli import main
from generator.commands.project import Project

SECRET = "SECRET-4be1c0de-from-the-build-machine"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, copy_built) -> Project:
    return keep_only_small(copy_built(tmp_path_factory.mktemp("pages") / "p"))


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "outside.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def _build(project: Project) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        status = main(["--root", str(project.root), "build"])
    return status, out.getvalue() + err.getvalue()


@contextlib.contextmanager
def added(project: Project, files: dict[str, str | Path]):
    """Files added (or replaced) under the project for one build: text, or a symbolic link to a Path."""
    made, originals = [], {}
    try:
        for name, content in files.items():
            path = project.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists():
                originals[path] = path.read_bytes()
                path.unlink()
            if isinstance(content, Path):
                path.symlink_to(content)
            else:
                path.write_text(content, encoding="utf-8")
            made.append(path)
        yield
    finally:
        for path in reversed(made):
            path.unlink()
            if path in originals:
                path.write_bytes(originals[path])
            with contextlib.suppress(OSError):
                path.parent.rmdir()  # a folder the case made, if it is empty now


def _refused(project: Project, files: dict[str, str | Path]) -> list[str]:
    before = digests(project.root / "site")
    with added(project, files):
        status, output = _build(project)
    assert status == 1 and "Traceback" not in output and SECRET not in output
    assert digests(project.root / "site") == before
    assert not any(SECRET.encode() in path.read_bytes() for path in (project.root / "site").rglob("*") if path.is_file())
    return output.splitlines()


def test_a_link_in_a_hidden_folder_to_a_file_outside_is_refused(project: Project, secret_file: Path) -> None:
    lines = _refused(project, {"content/.generated-x/leak.md": secret_file,
                               "content/report/leak.md": '# Leak\n\n--8<-- ".generated-x/leak.md"\n'})
    assert "content/.generated-x/leak.md:1:1: (file): this is a symbolic link: only regular files are published" in lines


@pytest.mark.parametrize("target", ["/dev/zero", "/etc"])
def test_links_to_devices_and_folders_are_refused(project: Project, target: str) -> None:
    lines = _refused(project, {"content/deep/.generated/x.md": Path(target)})
    assert any(line.startswith("content/deep/.generated/x.md:1:1: (file): this is a symbolic link") for line in lines)


@pytest.mark.parametrize("name", ["report/evil.html", "evil.svg", "evil.js", "report/x.xhtml", "EVIL.HTM"])
def test_content_holds_only_pages_and_images_outside_assets(project: Project, name: str) -> None:
    """MkDocs publishes any other file of the docs folder as it is: an .html or .svg could carry a script."""
    lines = _refused(project, {f"content/{name}": "<script>alert(1)</script>\n"})
    assert any(line.startswith(f"content/{name}:1:1: (file): MkDocs would publish this file as it is") for line in lines)


@pytest.mark.parametrize("snippet", [
    '--8<-- ".generated-x/leak.md"', '--8<-- "../.generated-x/leak.md"', '--8<-- "generated/../.generated-x/leak.md"',
    "--8<-- '../.generated-x/leak.md'", '---8<--- "../.generated-x/leak.md"', '--8<-- "{secret}"',
    '--8<-- "../../../../../../../../{secret}"', '--8<-- "home.md/../../.generated-x/leak.md"',
    '--8<--\n../.generated-x/leak.md\n--8<--', '--8<-- "../.generated-x/leak.md:1:2"',
])
def test_a_snippet_may_only_name_a_file_the_build_writes(project: Project, secret_file: Path, snippet: str) -> None:
    page = f"# Leak\n\nSome text.\n\n{snippet.format(secret=secret_file)}\n"
    line = 5 + snippet.startswith("--8<--\n")
    lines = _refused(project, {"content/.generated-x/leak.md": SECRET + "\n", "content/report/leak.md": page})
    assert any(problem.startswith(f"content/report/leak.md:{line}:1: (snippet): the snippet `")
               and "is not one the build writes into content/generated/" in problem for problem in lines), lines


HOSTILE_PAGE = """\
# A page with everything it may not hold

<script>alert(1)</script>

<img src="x.png" alt="" onerror="alert(2)">

[a link](javascript:alert(3))

[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)

[attributes](https://example.org){ onclick="alert(5)" }

<iframe src="https://example.org"></iframe>

<object data="x.swf"></object>

<a href="&#106;avascript:alert(6)">character references</a>

<a href="java&#9;script:alert(7)">a tab inside</a>

<svg><a xlink:href="vbscript:alert(8)"><text>svg</text></a></svg>

<p style="background: url(https://tracker.example/pixel)">styled</p>

<form action="https://example.org"><button>Go</button></form>
"""


def test_a_hand_written_page_may_not_run_or_embed_anything(project: Project) -> None:
    page = "content/report/outcomes.md"  # a page of the navigation (a page outside it fails --strict first)
    original = (project.root / page).read_text(encoding="utf-8")
    offset = len(original.splitlines()) + 1
    lines = _refused(project, {page: original + "\n" + HOSTILE_PAGE})
    problems = [line for line in lines if line.startswith(f"{page}:")]
    expected = {
        "the element `<script>`": 3, "the attribute `onerror=` on `<img>`": 5,
        "a `javascript:` address in `href=` on `<a>`": 7, "a `data:` address in `href=` on `<a>`": 9,
        "the attribute `onclick=` on `<a>`": 11, "the element `<iframe>`": 13, "the element `<object>`": 15,
        "a `vbscript:` address in `xlink:href=` on `<a>`": 21, "a style that loads an address": 23,
        "the element `<form>`": 25, "the element `<button>`": 25,
    }
    for what, line in expected.items():
        assert any(problem.startswith(f"{page}:{line + offset}:1: (page): holds {what}") for problem in problems), \
            (what, problems)
    # written with character references: found in the built page, reported at the page's first line
    assert sum("holds a `javascript:` address" in problem for problem in problems) == 1  # one message per kind
    assert lines[-1].startswith("Stopped: ")


def test_the_site_s_own_pages_pass_and_snippets_still_work(built_site: Path) -> None:
    """The real build ran both checks; the snippets the pages include were included."""
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "--8<--" not in home and "home-map__dot" in home
    assert os.path.getsize(built_site / "report" / "appendices" / "index.html") > 20_000
