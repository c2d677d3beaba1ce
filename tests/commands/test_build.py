"""Real builds into temporary folders, asserting on the HTML a reader gets."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, build_copy, copy_project, digests, keep_only_small

from generator.commands.build import build, generate

PLACES = sorted(path.stem for path in (REPO / "site-data" / "places").glob("*.yaml"))


def _text(page: Path) -> str:
    """The visible text of a page's article, whitespace collapsed."""
    source = page.read_text(encoding="utf-8")
    article = source[source.index("<article"): source.index("</article>")]
    article = re.sub(r"<script.*?</script>", " ", article, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


def test_every_place_has_a_page_with_its_focus_and_quotes(built_site: Path) -> None:
    for slug in PLACES:
        data = yaml.safe_load((REPO / "site-data" / "places" / f"{slug}.yaml").read_text(encoding="utf-8"))
        text = _text(built_site / "places" / slug / "index.html")
        assert " ".join(data["name"].split()) in text
        assert " ".join(data["focus"].split()) in text, slug
        for story in data["stories"]:
            for quote in story["quotes"]:
                assert f"“{' '.join(quote['text'].split())}”" in text, (slug, quote["text"][:40])
                assert quote["speaker"] in text


def test_place_page_shows_facts_links_and_pager(built_site: Path) -> None:
    source = (built_site / "places" / "calderdale" / "index.html").read_text(encoding="utf-8")
    text = _text(built_site / "places" / "calderdale" / "index.html")
    assert "<title>Calderdale - " in source
    assert "Local Vision place no. 7" in text
    assert 'href="../../programmes/local-vision/"' in source
    assert 'href="../../themes/physical-activity/"' in source
    assert 'href="../../regions/yorkshire-and-the-humber/"' in source
    assert 'href="../../enablers/paul-tarplett/"' in source
    assert 'href="../../lessons/getting-going/"' in source
    assert "— Paul Butcher, Director of Public Health" in text
    # previous and next place, alphabetically: Bristol, Calderdale, Camden
    assert re.search(r'<a href="../bristol/" rel="prev">← Bristol</a>', source)
    assert re.search(r'<a href="../camden/" rel="next">Camden →</a>', source)
    assert "Firstly, the hurdles (there are lots of them), from page 3" in text


def test_all_places_page_lists_every_place(built_site: Path) -> None:
    source = (built_site / "places" / "index.html").read_text(encoding="utf-8")
    article = source[source.index("<article"):source.index("</article>")]
    items = re.findall(r"<li>(.*?)</li>", article, flags=re.S)  # a card or a line of the listed places
    linked = [re.search(r'href="([a-z0-9-]+)/"', item).group(1) for item in items]
    assert sorted(linked) == PLACES
    numbers = sorted(int(n) for n in re.findall(r"Local Vision place no\. (\d+)", article))
    assert numbers == list(range(1, 40))
    assert "Telford and Wrekin" in source and "Croydon" in source
    hackney = next(item for item in items if 'href="hackney/"' in item)
    assert "mutilation" in hackney and "mutation" not in hackney


def test_corrections_are_shown_on_the_place_page(built_site: Path) -> None:
    hackney = _text(built_site / "places" / "hackney" / "index.html")
    assert "female genital mutilation" in hackney
    assert "Corrections to the report" in hackney and "female genital mutation" in hackney
    solihull = _text(built_site / "places" / "solihull" / "index.html")
    assert "Chris Lawrence-Pietroni" in solihull and "Chris Lawrence-Pietrioni" in solihull


def test_pages_load_nothing_from_third_parties(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        source = page.read_text(encoding="utf-8")
        for url in re.findall(r'(?:src|href)="(https?:[^"]+)"', source):
            assert "fonts.googleapis" not in url and "fonts.gstatic" not in url, (page, url)
            if re.search(r"<(?:script|link)[^>]+(?:src|href)=\"" + re.escape(url), source):
                pytest.fail(f"{page} loads {url}")


HOSTILE = """\
name: "<script>alert('name')</script> {{ 7*7 }}"
programmes: [leadership-for-change]
focus: "[click](javascript:alert(1)) <img src=x onerror=alert(2)> Text {: onclick=alert(3) }"
summary: |-
  --8<-- "/etc/passwd"

  **bold** `code` ${alert(4)} {% raw %} </script><svg onload=alert(5)>
region: london
location: {label: "<b>Town</b>", latitude: 51.5, longitude: -0.12}
themes: [data]
stories:
  - lesson: relationships
    title: "# heading <iframe src=//evil>"
    text: "1. list? | table | ![img](x.png)"
    quotes:
      - text: "\\"><script>alert(6)</script>"
        speaker: "javascript:alert(7)"
        role: "{{ config }}"
    source: light-bulb-moments
outcomes: []
"""


def test_hostile_values_show_literally_and_inject_nothing(tmp_path: Path) -> None:
    site = build_copy(tmp_path / "p", places={"hostile-place.yaml": HOSTILE})
    page = site / "places" / "hostile-place" / "index.html"
    source = page.read_text(encoding="utf-8")
    assert "<script>alert" not in source
    assert "<img src=x" not in source and "<svg onload" not in source and "<iframe" not in source
    assert 'href="javascript:' not in source and "onclick=" not in source.replace("onclick=alert(3)", "")
    assert "root:" not in source  # no /etc/passwd
    assert "<strong>bold</strong>" not in source and "<code>code</code>" not in source
    text = _text(page)
    for literal in ("<script>alert('name')</script> {{ 7*7 }}", "[click](javascript:alert(1))",
                    "<img src=x onerror=alert(2)>", "Text {: onclick=alert(3) }", '--8<-- "/etc/passwd"',
                    "**bold** `code` ${alert(4)} {% raw %}", "# heading <iframe src=//evil>",
                    "1. list? | table | ![img](x.png)", "javascript:alert(7), {{ config }}"):
        assert literal in text, literal
    assert "49" not in text
    # The all-places table and the title carry it literally too.
    assert "&lt;script&gt;alert" in (site / "places" / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;" in source


def test_bad_data_stops_the_build_and_leaves_the_site_untouched(tmp_path: Path, copy_built) -> None:
    project = copy_built(tmp_path / "p")
    site_dir = tmp_path / "p" / "site"
    before = digests(site_dir)
    (project.data_dir / "places" / "broken.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project.root), "build"],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "site-data/places/broken.yaml:1:7: (file): not valid YAML: the `[` here is never closed" in result.stderr
    assert "Traceback" not in result.stderr
    assert digests(site_dir) == before


def test_removed_place_leaves_no_stale_page(tmp_path: Path) -> None:
    project = keep_only_small(copy_project(tmp_path / "p"))
    generate(project)
    assert (project.docs_dir / "places" / "york.md").exists()
    (project.data_dir / "places" / "york.yaml").unlink()
    generate(project)
    assert not (project.docs_dir / "places" / "york.md").exists()
    build(project, tmp_path / "p" / "site")
    assert not (tmp_path / "p" / "site" / "places" / "york").exists()


def test_two_generates_write_identical_files(tmp_path: Path) -> None:
    first = copy_project(tmp_path / "a")
    second = copy_project(tmp_path / "b")
    generate(first)
    generate(second)
    assert digests(first.docs_dir) == digests(second.docs_dir)


def test_command_line_build_prints_a_summary(tmp_path: Path) -> None:
    project = keep_only_small(copy_project(tmp_path / "p"))
    places = len(list((project.data_dir / "places").glob("*.yaml")))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project.root), "build"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(rf"Built {places} places \(\d+ generated pages\) into .+ \([\d.]+ s\)\n", result.stdout)
    assert (tmp_path / "p" / "site" / "index.html").exists()



def test_a_mkdocs_warning_fails_the_build_and_keeps_the_old_site(tmp_path: Path, copy_built) -> None:
    from generator.commands.publish import PublishError

    project = keep_only_small(copy_built(tmp_path / "p"))
    site_dir = tmp_path / "p" / "site"
    before = digests(site_dir)
    index = project.docs_dir / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[broken](no-such-page.md)\n", encoding="utf-8")
    with pytest.raises(PublishError, match="no-such-page.md"):
        build(project, site_dir)
    assert digests(site_dir) == before



def test_a_blank_line_in_a_place_file_starts_a_new_paragraph(tmp_path: Path) -> None:
    brook = (REPO / "tests" / "data" / "fixture-brook.yaml").read_text(encoding="utf-8")  # a place of the tests' own
    folded = re.sub(r"summary: >-\n(?:  .*\n)+", "summary: >-\n  First paragraph,\n  still first.\n\n  Second one.\n", brook)
    assert folded != brook
    literal = folded.replace("summary: >-", "summary: |-")
    for name, text in (("folded", folded), ("literal", literal)):
        project = copy_project(tmp_path / name, places={"fixture-brook.yaml": text})
        generate(project)
        page = (project.docs_dir / "places" / "fixture-brook.md").read_text(encoding="utf-8")
        assert "First paragraph, still first\\.\n\nSecond one\\." in page, name


def test_material_templates_stay_compiled_between_builds_and_change_nothing(tmp_path: Path, monkeypatch) -> None:
    """``generator.commands.mkdocs_run`` (which ``build`` and ``serve`` run MkDocs through) compiles Material's
    templates once and reads them back in later builds, and a build from the cache writes the same
    pages as plain MkDocs. A small project with the same theme keeps this test quick."""
    import tempfile

    import jinja2
    from mkdocs import theme
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from generator.commands import mkdocs_run

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# A page\n\nSome text.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ntheme:\n  name: material\n  custom_dir: overrides\n",
                                         encoding="utf-8")
    shutil.copytree(REPO / "overrides", tmp_path / "overrides")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # Jinja's default cache folder is in here
    monkeypatch.setattr(theme.Theme, "get_env", theme.Theme.get_env)  # put back after the test

    def site(name: str) -> str:
        mkdocs_build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / name)))
        return (tmp_path / name / "index.html").read_text(encoding="utf-8")

    plain = site("plain")
    cache = mkdocs_run.template_cache()
    loaded: list[tuple[str, bool]] = []
    dumped: list[str] = []
    load, dump = cache.load_bytecode, cache.dump_bytecode
    cache.load_bytecode = lambda bucket: (load(bucket), loaded.append((bucket.key, bucket.code is not None)))  # type: ignore[method-assign]
    cache.dump_bytecode = lambda bucket: (dumped.append(bucket.key), dump(bucket))  # type: ignore[method-assign]
    assert mkdocs_run.keep_compiled_templates(cache)

    assert site("first") == plain
    # Each template compiled once and written to the cache (MkDocs makes more than one environment
    # in a build: the later ones already read the cache).
    assert dumped and len(set(dumped)) == len(dumped)
    assert {key for key, hit in loaded if hit} <= set(dumped)
    files = list(tmp_path.glob(f"_jinja2-cache-*/__revolution_places_jinja{jinja2.__version__}_*.cache"))
    assert len(files) == len(dumped)
    compiled, loaded[:] = len(dumped), []
    assert site("second") == plain
    assert len(dumped) == compiled  # none compiled again
    assert loaded and all(hit for key, hit in loaded)  # every template read back
