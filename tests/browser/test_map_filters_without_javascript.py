"""The map page's list filters work in a browser with JavaScript off (the generated CSS does it):
each programme and each theme, and the two together."""

from __future__ import annotations

import pytest
from site_pages import load_places, load_vocabulary

pytestmark = pytest.mark.browser
PLACES = load_places()


def _listed(page) -> list[str]:
    return sorted(item.get_attribute("data-slug") for item in page.locator("#place-list > li:visible").all())


def _with(field: str, key: str) -> set[str]:
    return {slug for slug, place in PLACES.items() if key in place[field]}


def _tick_only(page, programmes: list[str], keep: set[str]) -> None:
    for key in programmes:
        box = page.locator(f"#place-filter-programme-{key}")
        box.check() if key in keep else box.uncheck()


def test_every_programme_and_theme_filters_the_list_without_javascript(new_page, site_url: str) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "map/")
    assert _listed(page) == sorted(PLACES)
    # The programmes are the key's checkboxes: every programme with a place has one, and ticking only
    # one shows exactly its places.
    boxes = page.eval_on_selector_all("input[id^='place-filter-programme-']", "boxes => boxes.map(b => b.value)")
    assert boxes == [entry["id"] for entry in load_vocabulary("programmes") if _with("programmes", entry["id"])]
    for key in boxes:
        _tick_only(page, boxes, {key})
        assert _listed(page) == sorted(_with("programmes", key)), key
    _tick_only(page, boxes, set(boxes))
    assert _listed(page) == sorted(PLACES)
    # The themes are a select: every theme with a place is offered; each choice shows exactly its places.
    offered = page.eval_on_selector_all("#place-filter-theme option", "options => options.map(o => o.value)")
    assert offered[1:] == [entry["id"] for entry in load_vocabulary("themes") if _with("themes", entry["id"])]
    for key in offered[1:]:
        page.select_option("#place-filter-theme", key)
        assert _listed(page) == sorted(_with("themes", key)), key
    page.select_option("#place-filter-theme", "")
    assert _listed(page) == sorted(PLACES)
    # The two together.
    _tick_only(page, boxes, {"leadership-for-change"})
    page.select_option("#place-filter-theme", "integrated-care")
    both = _with("programmes", "leadership-for-change") & _with("themes", "integrated-care")
    assert _listed(page) == sorted(both)
