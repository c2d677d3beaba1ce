// The "Propose a new place" form's rules (content/assets/place-form/rules.js), held to the cases that
// Python's own functions are held to (tests/data/form-rules.json, tests/schema/test_form_rules.py), with
// the rules config the generator writes into the form's page (tests/data/form-rules-config.json,
// kept up to date by tests/schema/test_form_rules.py).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { rules } = require("../../content/assets/place-form/rules.js");

const FIXTURES = path.join(__dirname, "..", "data");
const CASES = JSON.parse(fs.readFileSync(path.join(FIXTURES, "form-rules.json"), "utf8"));
const CONFIG = JSON.parse(fs.readFileSync(path.join(FIXTURES, "form-rules-config.json"), "utf8"));
const R = rules.compile(CONFIG);
const CTX = { rules: R, places: {}, numbers: {} };

// Fields as the page's config gives them (generator/pages/contribute.py's form_fields, from the schema).
const NAME = { path: "name", label: "Name", kind: "line", required: true, maxLength: 300 };
const SUMMARY = { path: "summary", label: "Summary", kind: "text", required: true, maxLength: 4000 };
const NUMBER = { path: "local_vision_number", label: "Local Vision number", kind: "integer", required: false, minimum: 1, maximum: 39 };
const PROGRAMMES = { path: "programmes", label: "Programmes", kind: "choices", required: true, minItems: 1, options: [CONFIG.number.programme, "leadership-for-change"] };
const LATITUDE = { path: "location.latitude", label: "Latitude", kind: "number", required: true, minimum: -90, maximum: 90 };
const LONGITUDE = { path: "location.longitude", label: "Longitude", kind: "number", required: true, minimum: -180, maximum: 180 };
const NUMBERED = { programmes: [CONFIG.number.programme] };

function char(code) { return String.fromCodePoint(parseInt(code.slice(2), 16)); }
function label(text) { return JSON.stringify(text).slice(0, 60); }

for (const c of CASES.names.cases) {
  test("name " + label(c.text) + (c.accepted ? " is accepted" : " is refused"), () => {
    const message = rules.checkField(CTX, NAME, c.text, {});
    assert.equal(message === "", c.accepted, message);
    assert.equal(rules.slugify(c.text, R), c.slug);
    if (c.code) {
      assert.equal(rules.hiddenCharacter(c.text, R), c.code);
      assert.match(message, new RegExp("character " + c.code.replace("+", "\\+") + ": delete it"));
    } else {
      assert.equal(rules.hiddenCharacter(c.text, R), "");
    }
  });
}

for (const c of CASES.slugs.cases) {
  test("slug of " + label(c.text), () => assert.equal(rules.slugify(c.text, R), c.slug));
}

test("hidden characters, one by one and inside text", () => {
  for (const c of CASES.hidden.cases) {
    assert.equal(rules.hiddenCharacter(char(c.code), R), c.hidden ? c.code : "", c.code);
    assert.equal(rules.hiddenCharacter("a" + char(c.code) + "b", R), c.hidden ? c.code : "", c.code);
    // prose may hold tabs and line breaks; the same characters are refused in it
    assert.equal(rules.checkField(CTX, SUMMARY, "a" + char(c.code) + "b", {}) !== "", c.hidden, c.code);
  }
});

for (const c of CASES.points.cases) {
  test("point: " + c.name, () => {
    assert.equal(rules.placeOfPoint(R, c.latitude, c.longitude), c.where);
    const values = { "location.latitude": String(c.latitude), "location.longitude": String(c.longitude) };
    const errors = rules.checkAll(CTX, [LATITUDE, LONGITUDE], values);
    const message = errors["location.latitude"];
    assert.equal(message === "", c.where === "england", message);
    assert.equal(/look swapped/.test(message), c.where === "swapped", message);
    assert.equal(/sign looks wrong/.test(message), c.where === "sign", message);
  });
}

for (const c of CASES.numbers.cases) {
  test("number typed " + label(c.typed), () => {
    const message = rules.checkField(CTX, NUMBER, c.typed, NUMBERED);
    assert.equal(message === "", c.number !== null, message);
    if (c.refused === "whole") {
      assert.equal(rules.wholeNumber(c.typed), null);
      assert.match(message, /whole number/);
    } else if (c.refused === "range") {
      assert.match(message, /run from 1 to 39/);
    } else {
      assert.equal(rules.wholeNumber(c.typed), c.number);
    }
  });
}

test("the number's range and programme come from the config", () => {
  const narrower = rules.compile({ ...CONFIG, number: { ...CONFIG.number, programme: "other" } });
  const ctx = { rules: narrower, places: {}, numbers: {} };
  assert.match(rules.checkField(ctx, NUMBER, "7", NUMBERED), /Only Local Vision places have a number/);
  assert.equal(rules.checkField(ctx, NUMBER, "7", { programmes: ["other"] }), "");
  assert.equal(rules.checkField(ctx, NUMBER, "", { programmes: ["other"] }), "A Local Vision place needs its number from Appendix A.");
  assert.equal(rules.checkField(CTX, NUMBER, "", { programmes: [] }), "");
});

test("a name or a number already taken, however it is typed", () => {
  const ctx = { rules: R, places: { "little-snoring": "Little Snoring" }, numbers: { 38: "Calderdale" } };
  assert.match(rules.checkField(ctx, NAME, "LITTLE  snoring!", {}), /“Little Snoring” is already on the site/);
  assert.match(rules.checkField(ctx, NUMBER, "38", NUMBERED), /Number 38 is Calderdale already/);
  assert.match(rules.checkField(ctx, NUMBER, "0038", NUMBERED), /Number 38 is Calderdale already/);
  assert.equal(rules.checkField(ctx, NAME, "constructor", {}), "");  // an object's own names are no places
  assert.equal(rules.checkField(ctx, NUMBER, "7", NUMBERED), "");
});

test("a one-line field takes no tab; prose may hold one", () => {
  assert.match(rules.checkField(CTX, NAME, "a\tb", {}), /one line/);
  assert.equal(rules.checkField(CTX, SUMMARY, "a\tb\n\nc", {}), "");
});

test("required fields, choices and lengths", () => {
  assert.equal(rules.checkField(CTX, NAME, "", {}), "This is required.");
  assert.equal(rules.checkField(CTX, PROGRAMMES, [], {}), "Choose at least 1.");
  assert.equal(rules.checkField(CTX, PROGRAMMES, ["nonsense"], {}), "Not an allowed value: nonsense.");
  assert.equal(rules.checkField(CTX, NAME, "a".repeat(300), {}), "");
  assert.equal(rules.checkField(CTX, NAME, "a".repeat(301), {}), "At most 300 characters; this has 301.");
});

test("degrees: a decimal point, in range", () => {
  assert.equal(rules.checkField(CTX, LATITUDE, "53,7248", {}), "Use a decimal point, not a comma: 53.7248");
  assert.match(rules.checkField(CTX, LATITUDE, "53°N", {}), /such as 53.7248/);
  assert.match(rules.checkField(CTX, LONGITUDE, "1e1", {}), /such as -1.8658/);
  assert.equal(rules.checkField(CTX, LATITUDE, "90.5", {}), "Must lie between -90 and 90.");
  assert.equal(rules.checkField(CTX, LATITUDE, "+53.7", {}), "");
});

test("a point is only placed once both numbers are fine", () => {
  const errors = rules.checkAll(CTX, [LATITUDE, LONGITUDE], { "location.latitude": "53.7", "location.longitude": "x" });
  assert.equal(errors["location.latitude"], "");
  assert.match(errors["location.longitude"], /degrees/);
});

for (const c of CASES.lookalikes.cases) {
  test("names " + label(c.a) + " and " + label(c.b) + (c.same ? " look the same" : " differ"), () => {
    assert.equal(rules.skeleton(c.a, R) === rules.skeleton(c.b, R), c.same);
  });
}

test("a name that looks like a place's is refused, by the places' skeletons the page gives", () => {
  const ctx = { rules: R, places: { york: "York" }, numbers: {}, names: { [rules.skeleton("York", R)]: "York" } };
  assert.match(rules.checkField(ctx, NAME, "Y\u043erk", {}), /“York” is already on the site, and this name looks the same/);
  assert.match(rules.checkField(ctx, NAME, "YORK", {}), /“York” is already on the site/);
  assert.equal(rules.checkField(ctx, NAME, "Constructor", {}), "");
  assert.equal(rules.checkField(ctx, NAME, "__proto__", {}), "");
  assert.equal(rules.checkField(ctx, NAME, "Yorkshire", {}), "");
});

for (const c of CASES.dates.cases) {
  test("date " + label(c.text) + (c.refused ? " is refused: " + c.refused : " is accepted"), () => {
    const message = rules.checkDate(c.text, R, "2026-06-15");
    const refused = message === "" ? "" : /future/.test(message) ? "future" : /calendar/.test(message) ? "calendar" : "format";
    assert.equal(refused, c.refused, message);
  });
}

test("today and the days after it", () => {
  assert.equal(rules.checkDate("2026-06-15", R, "2026-06-15"), "");
  assert.equal(rules.checkDate("2026-06", R, "2026-06-15"), "");
  assert.equal(rules.checkDate("2026", R, "2026-06-15"), "");
  assert.match(rules.checkDate("2026-06-16", R, "2026-06-15"), /future/);
  assert.match(rules.checkDate("2026-07", R, "2026-06-15"), /future/);
  assert.match(rules.checkDate("2027", R, "2026-06-15"), /future/);
  assert.match(rules.isoToday(new Date(2016, 4, 2)), /^2016-05-02$/);
});

for (const c of CASES.urls.cases) {
  test("address " + label(c.text) + (c.accepted ? " is accepted" : " is refused"), () => {
    assert.equal(rules.checkUrl(c.text, R) === "", c.accepted, rules.checkUrl(c.text, R));
  });
}

test("the lists' fields: each checked by its kind, a story's Enablers among the place's", () => {
  const lists = [{ key: "stories", kind: "list", noun: "story", members: [
    { key: "title", kind: "line", required: true, label: "Title" },
    { key: "enablers", kind: "choices", required: false, label: "Enablers", options: [["a", "A"], ["b", "B"]] },
    { key: "quotes", kind: "list", noun: "quote", members: [{ key: "speaker", kind: "line", required: true, label: "Speaker" }] }] },
    { key: "updates", kind: "list", noun: "update", members: [
      { key: "date", kind: "date", required: true, label: "Date" },
      { key: "link", kind: "set", label: "Link", members: [{ key: "url", kind: "url", required: true, label: "Address" }] }] }];
  const errors = rules.checkLists(CTX, lists, {
    "stories.0.title": "", "stories.0.enablers": ["a", "b"], "stories.0.quotes.0.speaker": "Tab\there",
    "updates.0.date": "2999", "updates.0.link.url": "http://example.org/",
  }, { enablers: ["a"] });
  assert.equal(errors["stories.0.title"], "This is required.");
  assert.match(errors["stories.0.enablers"], /Tick b among the place's Enablers/);
  assert.match(errors["stories.0.quotes.0.speaker"], /one line/);
  assert.match(errors["updates.0.date"], /future/);
  assert.match(errors["updates.0.link.url"], /https:\/\//);
  assert.equal(rules.describePath(lists, "stories.0.quotes.1.speaker"), "Story 1, quote 2: Speaker");
  assert.equal(rules.describePath(lists, "updates.2.link.url"), "Update 3, link: Address");
});
