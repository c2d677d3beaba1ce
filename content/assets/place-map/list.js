/* The list of places beside the map, its text alternative, and the status line above it. */
(function (api) {
  "use strict";

  /** The status line. theme: the chosen theme's name; ticked: the names of the programmes ticked. */
  function statusText(state, count, total, theme, ticked) {
    var parts = [];
    if (!state.theme && !state.programmes) return "Showing all " + total + " places.";
    if (state.theme) parts.push("theme " + (theme || state.theme));
    if (state.programmes) parts.push(ticked.length ? ticked.join(" and ") : "no programme");
    return "Showing " + count + " of " + total + " places: " + parts.join("; ") + ".";
  }

  function words(item, name) { return (item.getAttribute(name) || "").split(" "); }

  /** Hide the list's places that do not match; returns [shown, total]. */
  function filterList(list, matches) {
    var items = list.querySelectorAll("li[data-slug]"), count = 0;
    items.forEach(function (item) {
      item.hidden = !matches(words(item, "data-themes"), words(item, "data-programmes"));
      if (!item.hidden) count += 1;
    });
    return [count, items.length];
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

  api.list = { statusText: statusText, filterList: filterList, chosenNames: chosenNames };
})(typeof module == "object" ? module.exports : (window.PlaceMaps = window.PlaceMaps || {}));
