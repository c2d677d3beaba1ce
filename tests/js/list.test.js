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
  assert.equal(list.statusText({ theme: "", programmes: [] }, 0, 41, "", []),
    "No place matches: no programme. Show all to see every place.");
  assert.equal(list.statusText({ theme: "dementia", programmes: ["b"] }, 0, 41, "Dementia", ["B"]),
    "No place matches: theme Dementia; B. Show all to see every place.");
});

test("a theme without a name is named by its id", () => {
  assert.equal(list.statusText({ theme: "dementia", programmes: null }, 3, 41, "", []), "Showing 3 of 41 places: theme dementia.");
});

function item(slug, display) {
  return { display, getAttribute: (name) => (name === "data-slug" ? slug : null) };
}

test("the places shown are the list's places its style sheet shows, counted", () => {
  const items = [item("york", "list-item"), item("brent", "none"), item("__proto__", "list-item")];
  const fake = { querySelectorAll: (selector) => (selector === "li[data-slug]" ? items : []) };
  const shown = list.shown(fake, (i) => i.display !== "none");
  assert.equal(shown.count, 2);
  assert.equal(shown.total, 3);
  assert.deepEqual(Object.keys(shown.slugs).sort(), ["__proto__", "york"]);
  assert.equal(shown.slugs.brent, undefined);
  assert.equal(list.shown({ querySelectorAll: () => [] }, () => true).count, 0);
});
