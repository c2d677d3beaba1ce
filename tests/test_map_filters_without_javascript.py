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


def test_every_programme_and_theme_filters_the_list_without_javascript(new_page, site_url: str) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "map/")
    assert _listed(page) == sorted(PLACES)
    for field, select in (("programmes", "#place-filter-programme"), ("themes", "#place-filter-theme")):
        offered = page.eval_on_selector_all(f"{select} option", "options => options.map(o => o.value)")
        # Every entry with a place is offered (one with none is not); each choice shows exactly its places.
        assert offered[1:] == [entry["id"] for entry in load_vocabulary(field) if _with(field, entry["id"])]
        for key in offered[1:]:
            page.select_option(select, key)
            assert _listed(page) == sorted(_with(field, key)), key
        page.select_option(select, "")
        assert _listed(page) == sorted(PLACES)
    page.select_option("#place-filter-programme", "leadership-for-change")
    page.select_option("#place-filter-theme", "integrated-care")
    both = _with("programmes", "leadership-for-change") & _with("themes", "integrated-care")
    assert _listed(page) == sorted(both)
