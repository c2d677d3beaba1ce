// The status line above the list (content/assets/place-map/list.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { list } = require("../../content/assets/place-map/list.js");

test("no filter: all places", () => {
  assert.equal(list.statusText({ theme: "", programmes: null }, 41, 41, "", []), "Showing all 41 places.");
});

test("a theme, programmes, or both are named", () => {
  assert.equal(list.statusText({ theme: "dementia", programmes: null }, 3, 41, "Dementia", []),
    "Showing 3 of 41 places: theme Dementia.");
  assert.equal(list.statusText({ theme: "", programmes: ["local-vision"] }, 39, 41, "", ["Local Vision"]),
    "Showing 39 of 41 places: Local Vision.");
  assert.equal(list.statusText({ theme: "dementia", programmes: ["a", "b"] }, 2, 41, "Dementia", ["A", "B"]),
    "Showing 2 of 41 places: theme Dementia; A and B.");
  assert.equal(list.statusText({ theme: "", programmes: [] }, 0, 41, "", []), "Showing 0 of 41 places: no programme.");
});

test("a theme without a name is named by its id", () => {
  assert.equal(list.statusText({ theme: "dementia", programmes: null }, 3, 41, "", []), "Showing 3 of 41 places: theme dementia.");
});

function item(slug, themes, programmes) {
  const attributes = { "data-slug": slug, "data-themes": themes, "data-programmes": programmes };
  return { hidden: false, getAttribute: (name) => (name in attributes ? attributes[name] : null) };
}

test("the list hides the places that do not match and counts the rest", () => {
  const items = [item("a", "dementia older-people", "local-vision"), item("b", "", "leadership-for-change"),
    item("c", "dementia", "leadership-for-change local-vision")];
  const fake = { querySelectorAll: () => items };
  const seen = [];
  const counts = list.filterList(fake, (themes, programmes) => {
    seen.push([themes, programmes]);
    return themes.includes("dementia");
  });
  assert.deepEqual(counts, [2, 3]);
  assert.deepEqual(items.map((i) => i.hidden), [false, true, false]);
  assert.deepEqual(seen[0], [["dementia", "older-people"], ["local-vision"]]);
});
