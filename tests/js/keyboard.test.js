// What a key does on the maps (content/assets/place-map/keyboard.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { keyboard } = require("../../content/assets/place-map/keyboard.js");

const GROUP = { cluster: true, popup: false };
const MARKER = { cluster: false, popup: true };
const BARE = { cluster: false, popup: false };  // a small map's marker without a popup

test("Enter and Space on a group zoom into it", () => {
  assert.equal(keyboard.onMarker("Enter", GROUP), "zoom");
  assert.equal(keyboard.onMarker(" ", GROUP), "zoom");
});

test("Space toggles a marker's popup; Enter is left to Leaflet, which opens it", () => {
  assert.equal(keyboard.onMarker(" ", MARKER), "toggle");
  assert.equal(keyboard.onMarker("Enter", MARKER), null);
  assert.equal(keyboard.onMarker(" ", BARE), null);
});

test("arrows, Escape, Tab and letters on a marker or group are left to Leaflet and the browser", () => {
  for (const key of ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Escape", "Tab", "a", "+", "-", "Spacebar"]) {
    for (const target of [GROUP, MARKER, BARE]) assert.equal(keyboard.onMarker(key, target), null, key);
  }
});

test("Escape in a popup closes it; other keys do not", () => {
  assert.equal(keyboard.inPopup("Escape"), "close");
  for (const key of ["Enter", " ", "Tab", "ArrowDown", "Esc"]) assert.equal(keyboard.inPopup(key), null, key);
});

test("Escape leaves a map that fills the window, and only then", () => {
  assert.equal(keyboard.onPage("Escape", true), "leave");
  assert.equal(keyboard.onPage("Escape", false), null);
  assert.equal(keyboard.onPage("Enter", true), null);
  assert.equal(keyboard.onPage(" ", true), null);
});
