// Setting close neighbours apart (content/assets/place-map/spread.js): the pure layout. Placing the
// markers on a real map is left to the browser tests (tests/browser/test_map_in_sight.py).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { spread } = require("../../content/assets/place-map/spread.js");

function distance(a, b) { return Math.hypot(a.x - b.x, a.y - b.y); }

function closest(points) {
  let least = Infinity;
  points.forEach((a, i) => points.slice(i + 1).forEach((b) => { least = Math.min(least, distance(a, b)); }));
  return least;
}

test("points closer than the gap are set apart, the input left alone", () => {
  const points = [{ x: 100, y: 100 }, { x: 104, y: 101 }, { x: 98, y: 106 }, { x: 101, y: 99 }, { x: 300, y: 300 }];
  const copy = JSON.parse(JSON.stringify(points));
  const out = spread.spread(points, 23);
  assert.deepEqual(points, copy);
  assert.equal(out.length, points.length);
  assert.ok(closest(out) >= 22.5, `closest pair ${closest(out)}`);
});

test("points already far enough apart do not move", () => {
  const points = [{ x: 0, y: 0 }, { x: 30, y: 0 }, { x: 0, y: 30 }];
  assert.deepEqual(spread.spread(points, 23), points);
});

test("a crowd of points on the very same spot parts, the same way every time", () => {
  const crowd = Array.from({ length: 12 }, () => ({ x: 50, y: 50 }));
  const first = spread.spread(crowd, 23), second = spread.spread(crowd, 23);
  assert.deepEqual(first, second);
  assert.ok(closest(first) >= 20, `closest pair ${closest(first)}`);
  // Each moves only as far as the crowd needs: no point is flung off.
  assert.ok(first.every((p) => distance(p, { x: 50, y: 50 }) < 60));
});

test("names show beside every marker only when few places are in view", () => {
  assert.equal(spread.namesShown(0, 8), false);
  assert.equal(spread.namesShown(3, 8), true);
  assert.equal(spread.namesShown(8, 8), true);
  assert.equal(spread.namesShown(9, 8), false);
});

test("boxes overlap only when they share some area", () => {
  const box = (left, top, right, bottom) => ({ left, top, right, bottom });
  assert.equal(spread.overlaps(box(0, 0, 10, 10), box(5, 5, 15, 15)), true);
  assert.equal(spread.overlaps(box(0, 0, 10, 10), box(10, 0, 20, 10)), false);  // touching edges
  assert.equal(spread.overlaps(box(0, 0, 10, 10), box(0, 11, 10, 20)), false);
});
