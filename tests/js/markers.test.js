// Markers' and popups' text (content/assets/place-map/markers.js); drawing them needs Leaflet and
// a page, which the browser tests cover.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { markers } = require("../../content/assets/place-map/markers.js");

const LABELS = { number: "Local Vision place no." };
const YORK = { name: "York", number: 31, focus: "Ageing well", programmeNames: ["Local Vision"], themeNames: ["Older people", "Dementia"] };

test("a popup has the programmes with the number, then the focus in one line", () => {
  assert.deepEqual(markers.popupRows(YORK, LABELS), [
    ["place-popup__programmes", "", "Local Vision (Local Vision place no. 31)"],
    ["place-popup__focus", "", "Ageing well"],
  ]);
  assert.deepEqual(markers.popupRows({ ...YORK, number: null, programmeNames: ["A", "B"] }, LABELS)[0],
    ["place-popup__programmes", "", "A and B"]);
});

test("a popup leaves out what a place does not have", () => {
  const bare = { name: "X", number: null, focus: "", programmeNames: [], themeNames: [] };
  assert.deepEqual(markers.popupRows(bare, LABELS), []);
});

test("a marker is named with its programmes; a group with its places, sorted", () => {
  assert.equal(markers.markerLabel(YORK), "York (Local Vision)");
  assert.equal(markers.markerLabel({ ...YORK, programmeNames: ["A", "B"] }), "York (A and B)");
  assert.equal(markers.markerLabel({ ...YORK, programmeNames: [] }), "York");
  const names = ["York", "Brent", "Leeds"];
  assert.equal(markers.clusterLabel(names), "3 places: Brent, Leeds, York. Select to zoom in.");
  assert.deepEqual(names, ["York", "Brent", "Leeds"]);  // the caller's list is left alone
});
