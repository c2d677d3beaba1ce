/* The list of places beside the map, its text alternative, and the status line above it. */
(function (api) {
  "use strict";

  /** The status line, with the theme's name and the ticked programmes' names. */
  function statusText(state, count, total, theme, ticked) {
    var parts = [];
    if (!state.theme && !state.programmes) return "Showing all " + total + " places.";
    if (state.theme) parts.push("theme " + (theme || state.theme));
    if (state.programmes) parts.push(ticked.length ? ticked.join(" and ") : "no programme");
    if (!count) return "No place matches: " + parts.join("; ") + ". Show all to see every place.";
    return "Showing " + count + " of " + total + " places: " + parts.join("; ") + ".";
  }

  /** The places the list shows: the page's style sheet, the filter's one definition (filter_rules in
   *  generator/map/filters.py), hides the others. isShown(item) defaults to the computed style. */
  function shown(list, isShown) {
    var items = list.querySelectorAll("li[data-slug]"), slugs = Object.create(null), count = 0;
    isShown = isShown || function (item) { return getComputedStyle(item).display !== "none"; };
    items.forEach(function (item) {
      if (!isShown(item)) return;
      slugs[item.getAttribute("data-slug")] = true;
      count += 1;
    });
    return { slugs: slugs, count: count, total: items.length };
  }

  /** The names the status line gives for the form's choices. */
  function chosenNames(form, boxes) {
    var option = form.elements.theme && form.elements.theme.selectedOptions[0];
    return {
      theme: option ? option.getAttribute("data-name") || option.textContent : "",
      ticked: boxes.filter(function (box) { return box.checked; })
        .map(function (box) { return box.getAttribute("data-name") || box.value; }),
    };
  }

  api.list = { statusText: statusText, shown: shown, chosenNames: chosenNames };
})(typeof module == "object" ? module.exports : (window.PlaceMapParts = window.PlaceMapParts || {}));
