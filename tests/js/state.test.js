// The map page's filter state and address (content/assets/place-map/state.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { state } = require("../../content/assets/place-map/state.js");

const THEMES = ["", "dementia", "physical-activity"];
const PROGRAMMES = ["local-vision", "leadership-for-change"];

test("every box ticked is every programme (null); fewer is that list", () => {
  assert.deepEqual(state.formState("", PROGRAMMES, 2), { theme: "", programmes: null });
  assert.deepEqual(state.formState("dementia", ["local-vision"], 2), { theme: "dementia", programmes: ["local-vision"] });
  assert.deepEqual(state.formState(undefined, [], 2), { theme: "", programmes: [] });
});

test("the address chooses a theme and ticks programmes the form offers", () => {
  assert.deepEqual(state.fromSearch("?theme=dementia&programme=local-vision", THEMES, PROGRAMMES),
    { theme: "dementia", programmes: ["local-vision"] });
  assert.deepEqual(state.fromSearch("", THEMES, PROGRAMMES), { theme: "", programmes: null });
  assert.deepEqual(state.fromSearch("?programme=", THEMES, PROGRAMMES), { theme: "", programmes: [] });
  assert.deepEqual(state.fromSearch("?programme=local-vision&programme=leadership-for-change", THEMES, PROGRAMMES),
    { theme: "", programmes: PROGRAMMES });
});

test("an unknown or hostile theme or programme in the address is ignored", () => {
  for (const search of ["?theme=<script>alert(1)</script>", "?theme=nope", "?theme=../../x", "?theme=__proto__"]) {
    assert.equal(state.fromSearch(search, THEMES, PROGRAMMES).theme, "", search);
  }
  assert.deepEqual(state.fromSearch("?programme=<b>&programme=local-vision&programme=constructor", THEMES, PROGRAMMES).programmes,
    ["local-vision"]);
});

test("writing the address: set, remove, repeat, keep an empty list, leave other keys", () => {
  const base = "https://example.org/map/?x=1&place=york";
  assert.equal(state.withValues(base, { theme: "dementia", programme: null, place: "" }),
    "https://example.org/map/?x=1&theme=dementia");
  assert.equal(state.withValues(base, { programme: PROGRAMMES }),
    "https://example.org/map/?x=1&place=york&programme=local-vision&programme=leadership-for-change");
  assert.equal(state.withValues(base, { programme: [] }), "https://example.org/map/?x=1&place=york&programme=");
  assert.equal(state.withValues("https://example.org/map/#list", { place: "york" }), "https://example.org/map/?place=york#list");
  assert.equal(state.withValues(base, {}), base);
});

test("written values are encoded, not markup", () => {
  const href = state.withValues("https://example.org/map/", { theme: "<script>&x=1" });
  assert.equal(href, "https://example.org/map/?theme=%3Cscript%3E%26x%3D1");
  assert.equal(new URL(href).searchParams.get("theme"), "<script>&x=1");
});

test("what the form asks, written and read back, is the same state", () => {
  const wanted = { theme: "physical-activity", programmes: ["leadership-for-change"] };
  const href = state.withValues("https://example.org/map/", { theme: wanted.theme, programme: wanted.programmes });
  assert.deepEqual(state.fromSearch(new URL(href).search, THEMES, PROGRAMMES), wanted);
});

test("a deep link opens a place that is on the map", () => {
  const known = { york: 1, calderdale: 2 };
  assert.equal(state.deepLink("?place=york", known), "york");
  assert.equal(state.deepLink("?theme=dementia&place=calderdale", known), "calderdale");
});

test("an unknown or hostile deep link opens nothing", () => {
  const known = { york: 1 };
  for (const search of ["", "?place=", "?place=leeds", "?place=<script>alert(1)</script>", "?place=../../x",
    "?place=york/../x", "?place=__proto__", "?place=constructor", "?place=hasOwnProperty", "?place=toString",
    "?place=YORK", "?place=%00york", "?place=javascript:alert(1)"]) {
    assert.equal(state.deepLink(search, known), null, search);
  }
});
