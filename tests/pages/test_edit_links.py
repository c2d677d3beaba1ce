"""The way in from the site: every page links to its source file on GitHub and to a prefilled issue."""

from __future__ import annotations

import contextlib
import html
import io
import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import REPO, build_copy, digests
from site_pages import load_places

from generator.cli import main
from generator.commands.project import GENERATED_FOLDERS
from generator.commands.repository import RepositoryError, github_url, repo_environment

VOCABULARY_FOLDERS = ("themes", "lessons", "enablers", "programmes", "regions")


def _repo_url() -> str:
    return os.environ["REPO_URL"]  # tests/conftest.py sets it for every test build


def _improve_links(page: Path) -> dict[str, str]:
    """The "edit" and "suggest" addresses at the foot of a page, unescaped."""
    source = page.read_text(encoding="utf-8")
    article = source[source.index("<article"): source.index("</article>")]
    found = dict(re.findall(r'<a class="page-improve__(\w+)" href="([^"]*)"', article))
    return {kind: html.unescape(href) for kind, href in found.items()}


def _issue_query(url: str, repo: str) -> dict[str, list[str]]:
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{repo}/issues/new"
    return parse_qs(parts.query, strict_parsing=True)


def _expected_sources(site: Path) -> dict[Path, str]:
    """Each generated page's HTML file and the repository file it is made from, from the data."""
    expected = {site / "places" / slug / "index.html": f"site-data/places/{slug}.yaml" for slug in load_places()}
    for folder in VOCABULARY_FOLDERS:
        for page in (site / folder).rglob("index.html"):
            expected[page] = f"site-data/{folder}.yaml"
    expected[site / "places" / "index.html"] = "generator/templates/places.md.j2"
    expected[site / "map" / "index.html"] = "generator/templates/map.md.j2"
    expected[site / "data" / "index.html"] = "generator/templates/data.md.j2"
    expected[site / "contribute" / "index.html"] = "generator/templates/contribute.md.j2"
    return expected


def test_every_generated_page_links_to_edit_its_source_file(built_site: Path) -> None:
    repo = _repo_url()
    expected = _expected_sources(built_site)
    assert len(expected) > len(load_places()) + len(VOCABULARY_FOLDERS)
    for page, source in expected.items():
        assert (REPO / source).is_file(), source
        links = _improve_links(page)
        assert links.get("edit") == f"{repo}/edit/main/{source}", page
        query = _issue_query(links["suggest"], repo)
        assert set(query) == {"title", "body"}, page
        assert f"Source file: {source}\n" in query["body"][0]


def test_hand_written_pages_link_to_their_own_file(built_site: Path) -> None:
    repo = _repo_url()
    for markdown in (REPO / "content").rglob("*.md"):
        relative = markdown.relative_to(REPO / "content").as_posix()
        if relative.split("/")[0] in GENERATED_FOLDERS:
            continue
        location = relative.removesuffix(".md").removesuffix("index").rstrip("/")
        links = _improve_links(built_site / location / "index.html" if location else built_site / "index.html")
        assert links["edit"] == f"{repo}/edit/main/content/{relative}"


def test_suggest_a_correction_names_the_page(built_site: Path) -> None:
    repo = _repo_url()
    for slug, place in load_places().items():
        query = _issue_query(_improve_links(built_site / "places" / slug / "index.html")["suggest"], repo)
        assert query["title"] == [f"Correction: {' '.join(place['name'].split())}"]
        assert query["body"][0].startswith(f"Page: places/{slug}/\n")


def test_the_header_links_to_the_repository_without_calling_github(built_site: Path) -> None:
    source = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{_repo_url()}" title="Go to repository" class="md-source"' in source
    # Material's own source component fetches star counts from api.github.com on every page.
    assert 'data-md-component="source"' not in source


HOSTILE_NAME = 'Ampersand & co?title=x&body=<script>alert(1)</script>#"><img src=x onerror=alert(2)> %41 +'
HOSTILE = f"""\
name: {HOSTILE_NAME!r}
programmes: [leadership-for-change]
focus: A focus in our words.
summary: A summary in our words.
region: london
location: {{label: Town, latitude: 51.5, longitude: -0.12}}
themes: [data]
stories: []
outcomes: []
"""


def test_a_hostile_name_stays_inside_the_issue_title_and_repo_url_is_configurable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fork = "https://github.com/example-fork/places-fork"
    monkeypatch.setenv("REPO_URL", fork)
    site = build_copy(tmp_path / "p", places={"hostile-name.yaml": HOSTILE})
    page = site / "places" / "hostile-name" / "index.html"
    source = page.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in source and "<img src=x" not in source
    links = _improve_links(page)
    assert links["edit"] == f"{fork}/edit/main/site-data/places/hostile-name.yaml"
    query = _issue_query(links["suggest"], fork)
    assert set(query) == {"title", "body"}
    assert query["title"] == [f"Correction: {HOSTILE_NAME}"]
    assert _improve_links(site / "index.html")["edit"] == f"{fork}/edit/main/content/index.md"


@pytest.mark.parametrize(("remote", "url"), [
    ("https://github.com/owner/repo.git\n", "https://github.com/owner/repo"),
    ("git@github.com:owner/repo.git", "https://github.com/owner/repo"),
    ("ssh://git@github.com/owner/re.po", "https://github.com/owner/re.po"),
    ("https://gitlab.com/owner/repo.git", None),
    ("https://github.com/owner/repo/extra", None),
    ("https://github.com/own\"er/repo", None),
])
def test_github_remotes_give_the_repository_address(remote: str, url: str | None) -> None:
    assert github_url(remote) == url


def test_repo_url_from_the_environment_wins_over_the_remote(tmp_path: Path) -> None:
    assert repo_environment(tmp_path, {"REPO_URL": "https://github.com/a/b"})["REPO_URL"] == "https://github.com/a/b"
    for spelling in ("https://github.com/a/b/", " https://github.com/a/b\n"):  # written back in one form
        assert repo_environment(tmp_path, {"REPO_URL": spelling})["REPO_URL"] == "https://github.com/a/b"
    assert repo_environment(tmp_path, {})["REPO_URL"] == ""  # not a git checkout: no repository known


@pytest.mark.parametrize("value", [
    "javascript:alert(1)", "https://github.com/a/b\njavascript:x", "http://github.com/a/b",
    "https://github.com.evil.example/a/b", "https://evil.example/github.com/a/b", "https://github.com/a/b/issues",
    "https://github.com/a/..", "https://github.com/a", "https://github.com/a/b?x=1", "https://github.com/a/b#x",
    "git@github.com:a/b.git", "https://github.com/a/b\u202e", "https://github.com/ａ/b", " https://github.com/a/b c",
])
def test_a_repo_url_that_is_not_a_github_repository_is_refused(tmp_path: Path, value: str) -> None:
    with pytest.raises(RepositoryError, match="it must be a GitHub repository's address"):
        repo_environment(tmp_path, {"REPO_URL": value})


def test_a_build_refuses_a_bad_repo_url_before_it_changes_anything(tmp_path: Path, monkeypatch, copy_built) -> None:
    project = copy_built(tmp_path / "p")
    before = digests(project.root)
    monkeypatch.setenv("REPO_URL", "javascript:alert(document.domain)//")
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = main(["--root", str(project.root), "build"])
    assert status == 1 and "Traceback" not in stderr.getvalue()
    assert stderr.getvalue().startswith("Stopped: REPO_URL is `javascript:alert(document.domain)//`: it must be")
    assert digests(project.root) == before


def test_with_no_repository_known_pages_have_no_repository_links_and_the_build_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("REPO_URL")
    site = build_copy(tmp_path / "p")  # a copy with no .git: no origin remote either
    assert "no GitHub repository is known" in capsys.readouterr().err
    for page in (site / "index.html", site / "places" / "york" / "index.html", site / "contribute" / "index.html"):
        text = page.read_text(encoding="utf-8")
        assert "github.com" not in text and "page-improve" not in text and 'name="repository"' not in text, page
