"""Hostile text in every field that reaches a page, met the way a reader meets it, in Chromium.

The HTML we write escapes every value (``test_escaping_fuzz``), but the theme's own JavaScript can
read that text back and put it into the page as HTML: Material's ``content.tooltips`` did exactly
that with an overflowing table-of-contents entry. So this test builds a site whose place, story,
quote, outcome and vocabulary names all carry script, then on every kind of page hovers every link,
navigation entry and header element, Tabs through every focusable element, searches for the hostile
text and hovers the results, and asserts that nothing ran and no element was made from the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import REPO, copy_project

from generator.commands.build import build

pytestmark = pytest.mark.browser


def payload(key: str) -> str:
    """Text that runs ``__xss.push(key)`` if a page ever turns it into HTML (or into a URL)."""
    return (f"<img src=x onerror=\"window.__xss.push('{key}')\"><svg onload=window.__xss.push('{key}-svg')>"
            f"\"><script>window.__xss.push('{key}-script')</script>")


LONG = "Meeting the parish council, the county's health and wellbeing board and every school head again "
PLACE = "calderdale"


def _hostile_vocabulary(data_dir: Path, name: str, ids: set[str], fields: tuple[str, ...]) -> None:
    path = data_dir / f"{name}.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in entries:
        if entry["id"] in ids:
            for field in fields:
                entry[field] = f"{entry[field]} {payload(f'{name}.{field}')}"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "p")
    path = project.data_dir / "places" / f"{PLACE}.yaml"
    place = yaml.safe_load(path.read_text(encoding="utf-8"))
    place["name"] = f"Calderdale {LONG}{payload('name')}"
    place["focus"] = f"{place['focus']} {payload('focus')}"
    place["summary"] = f"{place['summary']}\n\n{payload('summary')}"
    place["location"]["label"] = f"Halifax {payload('label')}"
    for index, story in enumerate(place["stories"]):
        story["title"] = f"{LONG}{payload(f'story{index}.title')}"
        story["text"] = f"{story['text']} {payload(f'story{index}.text')}"
        for quote in story.get("quotes", []):
            quote["speaker"] = f"{quote['speaker']} {payload('speaker')}"
            if quote.get("role"):
                quote["role"] = f"{quote['role']} {payload('role')}"
    for index, outcome in enumerate(place["outcomes"]):
        outcome["text"] = f"{outcome['text']} {payload(f'outcome{index}')}"
    path.write_text(yaml.safe_dump(place, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    _hostile_vocabulary(project.data_dir, "themes", set(place["themes"]), ("name", "description"))
    _hostile_vocabulary(project.data_dir, "enablers", set(place["enablers"]), ("name",))
    _hostile_vocabulary(project.data_dir, "regions", {place["region"]}, ("name",))
    _hostile_vocabulary(project.data_dir, "lessons", {story["lesson"] for story in place["stories"]}, ("short", "title"))
    _hostile_vocabulary(project.data_dir, "programmes", set(place["programmes"]), ("name",))
    build(project, project.root / "site")
    return serve(project.root / "site")


def _pages(place: dict) -> list[str]:
    return [
        "", "map/", "places/", f"places/{PLACE}/", f"themes/{place['themes'][0]}/", "themes/",
        f"lessons/{place['stories'][0]['lesson']}/", "lessons/", f"enablers/{place['enablers'][0]}/", "enablers/",
        f"regions/{place['region']}/", "regions/", f"programmes/{place['programmes'][0]}/", "programmes/",
        "report/hurdles/", "data/", "sources/", "sources/revolution-2015/", "contribute/",
    ]


CALDERDALE = yaml.safe_load((REPO / "site-data" / "places" / f"{PLACE}.yaml").read_text(encoding="utf-8"))
PAGES = _pages(CALDERDALE)

# Everything a reader can point at: links, buttons, labels, navigation and header entries, any
# element the theme shortens with an ellipsis, and anything with a title.
POINTABLE = ("a, button, label, summary, .md-ellipsis, .md-nav__link, .md-header__topic, .md-tabs__link, "
             "[title], [tabindex]")
INIT = """
window.__xss = [];
for (const name of ['alert', 'confirm', 'prompt', 'print'])
  window[name] = (...args) => window.__xss.push(name + ': ' + args.join(' '));
"""
# Elements that only the text could have made: the payload's tags, or any inline event handler.
INJECTED = """() => [...document.querySelectorAll("img[src='x'], svg[onload], [onerror], [onload], script")]
  .filter(e => e.tagName !== 'SCRIPT' || (!['application/ld+json', 'application/json'].includes(e.type) && e.textContent.includes('__xss'))).map(e => e.outerHTML.slice(0, 120))"""


@pytest.fixture
def reader(new_page) -> Iterator:
    tab = new_page(viewport={"width": 1280, "height": 800}, init_script=INIT)
    tab.dialogs = []  # type: ignore[attr-defined]
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    # Nothing leaves this machine: the map's tiles are refused, so is any request off 127.0.0.1.
    tab.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).hostname == "127.0.0.1"
              else route.abort())
    yield tab


# The pointable elements not yet pointed at (window.__pointed holds the others) that are in view now
# and not covered, each with the middle of its box. When none is, the next ones are scrolled into view
# in turn until one shows (one that never shows, being hidden or covered, is counted as done). Every
# call marks at least one element done, so the loop below ends. Moving to each element in turn would
# cost two round trips per element; this costs one per screenful.
IN_VIEW = """(selector) => {
  const done = window.__pointed;
  const pointAt = (element) => {
    const r = element.getBoundingClientRect();
    if (!r.width || !r.height) return null;
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return null;
    const top = document.elementFromPoint(x, y);
    return top && (top === element || element.contains(top) || top.contains(element)) ? {x, y} : null;
  };
  const inView = (elements) => elements.map((e) => [e, pointAt(e)]).filter(([, p]) => p)
    .map(([e, p]) => { done.add(e); return p; });
  const left = [...document.querySelectorAll(selector)].filter((e) => !done.has(e));
  let points = inView(left);
  for (const next of left) {  // none in view: scroll to the next one that shows when scrolled to
    if (points.length) break;
    if (done.has(next)) continue;
    done.add(next);
    if (!next.getClientRects().length) continue;
    next.scrollIntoView({block: 'center', inline: 'center'});
    if (pointAt(next)) points = inView(left.filter((e) => !done.has(e) || e === next));
  }
  return {points, left: left.filter((e) => !done.has(e)).length};
}"""


def _point_at_everything(page, selector: str = POINTABLE) -> int:
    """Move the mouse over every pointable element (in ``selector``) in turn; returns how many."""
    page.evaluate("window.__pointed = new Set()")
    pointed, left = 0, 1
    while left:
        batch = page.evaluate(IN_VIEW, selector)
        for point in batch["points"]:
            page.mouse.move(point["x"], point["y"])
        pointed, left = pointed + len(batch["points"]), batch["left"]
    # A wait for something that must not happen (a payload run by a hover, a focus or a timer): there
    # is no event to wait for instead.
    page.wait_for_timeout(300)
    return pointed


# Records each element that gets the focus; the second time one does, Tab has been round the page.
CYCLE = """() => {
  const focused = new Set();
  window.__tabbedRound = false;
  document.addEventListener('focusin', (event) => {
    if (focused.has(event.target)) window.__tabbedRound = true;
    focused.add(event.target);
  }, true);
}"""


def _tab_through_everything(page) -> int:
    """Press Tab until the focus has been round every element that takes it and comes back to one it
    has had (at most once per candidate element and five more: hidden ones are skipped by Tab)."""
    focusable = page.evaluate("document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length")
    page.evaluate(CYCLE)
    page.mouse.move(0, 0)
    page.keyboard.press("Escape")
    for count in range(1, focusable + 6):
        page.keyboard.press("Tab")
        if count % 8 == 0 and page.evaluate("window.__tabbedRound"):
            break
    # A wait for something that must not happen (a payload run by a hover, a focus or a timer): there
    # is no event to wait for instead.
    page.wait_for_timeout(300)
    return focusable


def _assert_nothing_ran(page, where: str) -> None:
    assert page.evaluate("window.__xss") == [], f"script ran on {where}"
    assert page.dialogs == [], f"a dialog opened on {where}"
    assert page.evaluate(INJECTED) == [], f"markup made from text on {where}"


@pytest.mark.parametrize("path", PAGES)
def test_hovering_and_tabbing_through_a_page_of_hostile_text_runs_nothing(reader, hostile_site: str, path: str) -> None:
    reader.goto(hostile_site + path)
    reader.wait_for_load_state("load")
    assert "onerror" in reader.inner_text("body") or path in ("", "map/", "report/hurdles/", "data/", "sources/"), \
        "the hostile text should show, as text, on this page"
    assert _point_at_everything(reader) > 10
    _assert_nothing_ran(reader, path)
    assert _tab_through_everything(reader) > 10
    _assert_nothing_ran(reader, path)


def test_on_a_phone_the_menu_and_header_run_nothing(new_page, hostile_site: str) -> None:
    """At 375 px the navigation lives in a drawer and the header shows the page title: open the
    drawer, tap and Tab through everything in it."""
    phone = new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True, init_script=INIT)
    phone.dialogs = []  # type: ignore[attr-defined]
    phone.on("dialog", lambda dialog: (phone.dialogs.append(dialog.message), dialog.dismiss()))
    phone.goto(hostile_site + f"places/{PLACE}/")
    phone.locator("label.md-header__button[for='__drawer']").click()
    # The drawer has slid in: it is open and no transition is running.
    phone.wait_for_function("() => document.getElementById('__drawer').checked && document.getAnimations().length === 0")
    assert _point_at_everything(phone) > 10
    assert _tab_through_everything(phone) > 10
    _assert_nothing_ran(phone, "the phone menu")


def test_an_overflowing_table_of_contents_entry_shows_its_text_and_runs_nothing(reader, hostile_site: str) -> None:
    """The case that ran script: a story title wider than the table of contents, hovered and focused."""
    reader.goto(hostile_site + f"places/{PLACE}/")
    entries = reader.locator(".md-sidebar--secondary .md-nav__link .md-ellipsis")
    overflowing = [i for i in range(entries.count())
                   if entries.nth(i).evaluate("e => e.scrollWidth > e.offsetWidth")]
    assert overflowing, "no table-of-contents entry is wider than its column: the test would prove nothing"
    for index in overflowing:
        entry = entries.nth(index)
        entry.hover()  # waits for what must not happen: a tooltip made from the entry's text
        reader.wait_for_timeout(100)
        entry.evaluate("e => e.closest('a').focus()")
        reader.wait_for_timeout(100)
        assert "onerror" in entry.inner_text()
    _assert_nothing_ran(reader, "the table of contents")


def test_searching_for_hostile_text_shows_it_as_text(reader, hostile_site: str) -> None:
    reader.goto(hostile_site + f"places/{PLACE}/")
    reader.keyboard.press("/")  # Material's shortcut: focus the search box
    search = reader.locator("input.md-search__input")
    search.wait_for(state="visible")
    for query in ("parish council", "onerror", "script", "Calderdale"):
        search.fill("")
        search.type(query, delay=10)
        reader.locator(".md-search-result__item").first.wait_for(timeout=15_000)
        assert _point_at_everything(reader, ".md-search__output :is(a, article, mark, [title])") > 0
        reader.keyboard.press("ArrowDown")
        reader.keyboard.press("ArrowDown")
        _assert_nothing_ran(reader, f"search results for {query!r}")
    # Following a result highlights the query on the page it opens (search.highlight).
    reader.locator(".md-search-result__link").first.click()
    reader.wait_for_load_state("load")
    # A wait for something that must not happen: the highlight, or a payload it would set off.
    reader.wait_for_timeout(500)
    _assert_nothing_ran(reader, "the page opened from search")


def test_the_theme_features_that_turn_text_into_html_stay_off() -> None:
    """Material's tooltips (``content.tooltips``, and the footnote and instant-preview variants)
    copy an element's decoded text or title into a tooltip as HTML. A place file's text reaches
    those elements, so the features stay off (mkdocs.yml says why)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    features = set(config["theme"].get("features", []))
    assert not features & {"content.tooltips", "content.footnote.tooltips", "navigation.instant.preview"}
