// Scrolling past a map (content/assets/place-map/scrolling.js): what the wheel, one finger, focus
// and the pointer do, with stand-ins for the map and its box. Making one (Leaflet's events on a real
// page) is left to the browser tests (tests/browser/test_map_reader.py).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");

const PATH = require.resolve("../../content/assets/place-map/scrolling.js");

/** The file as a browser on `platform` (and `userAgent`) runs it: which key the hint names is read then. */
function load(platform, userAgent = "") {
  Object.defineProperty(globalThis, "navigator", { value: { platform, userAgent }, configurable: true, writable: true });
  delete require.cache[PATH];
  return require(PATH).scrolling.Gestures;
}

const Gestures = load("Linux x86_64");

/** A clock for the hint's timer: time moves only when a test says. */
function fakeTimers(t) {
  const timers = new Map(), real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout };
  let now = 0, next = 1;
  globalThis.setTimeout = (callback, delay) => { timers.set(next, { at: now + delay, callback }); return next++; };
  globalThis.clearTimeout = (id) => { timers.delete(id); };
  t.after(() => Object.assign(globalThis, real));
  return function tick(ms) {
    now += ms;
    for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= now && timers.delete(id)) timer.callback();
    }
  };
}

function handler() {
  return { enabled: null, enable() { this.enabled = true; }, disable() { this.enabled = false; } };
}

/** Gestures on a stand-in map, as its constructor leaves them (not engaged). */
function gesturesOn({ touch = false, Kind = Gestures } = {}) {
  const classes = new Set(), inside = { name: "a marker" };
  const container = {
    classList: {
      add: (name) => classes.add(name), remove: (name) => classes.delete(name), contains: (name) => classes.has(name),
      toggle: (name, on) => (on ? classes.add(name) : classes.delete(name)),
    },
    contains: (node) => node === inside || node === container,
  };
  const wheel = handler(), zoomed = [];
  wheel._onWheelScroll = (event) => zoomed.push(event);
  const g = Object.create(Kind.prototype);
  Object.assign(g, { _container: container, _map: { scrollWheelZoom: wheel, dragging: handler() }, _hint: { textContent: "" }, _touch: touch });
  g._disengage();
  return { g, classes, inside, wheel, zoomed, dragging: g._map.dragging };
}

function wheelEvent(keys = {}) {
  return { ctrlKey: false, metaKey: false, ...keys, prevented: false, preventDefault() { this.prevented = true; } };
}

test("a map starts with the wheel and one finger left to the page", () => {
  const mouse = gesturesOn(), touch = gesturesOn({ touch: true });
  assert.equal(mouse.wheel.enabled, false);
  assert.equal(mouse.dragging.enabled, null);  // a mouse drags the map at any time
  assert.equal(touch.dragging.enabled, false);
  assert.equal(mouse.classes.has("place-map--engaged"), false);
});

test("engaged, the wheel zooms the map; on a touch screen one finger moves it too", () => {
  for (const touch of [false, true]) {
    const { g, classes, wheel, dragging } = gesturesOn({ touch });
    g._engage();
    assert.equal(wheel.enabled, true);
    assert.equal(dragging.enabled, touch ? true : null);
    assert.ok(classes.has("place-map--engaged"));
    g._disengage();
    assert.equal(wheel.enabled, false);
    assert.equal(dragging.enabled, touch ? false : null);
    assert.equal(classes.has("place-map--engaged"), false);
  }
});

test("the wheel over a map not engaged scrolls the page, and a hint says how to zoom, for 1.5 s", (t) => {
  const tick = fakeTimers(t);
  const { g, classes, zoomed } = gesturesOn();
  const event = wheelEvent();
  g._onWheel(event);
  assert.equal(event.prevented, false);
  assert.deepEqual(zoomed, []);
  assert.equal(g._hint.textContent, "Use Ctrl + scroll to zoom the map");
  assert.ok(classes.has("place-map--hint"));
  tick(1000);
  g._onWheel(wheelEvent());  // the reader still scrolls: the hint stays 1.5 s from now
  tick(1499);
  assert.ok(classes.has("place-map--hint"));
  tick(1);
  assert.equal(classes.has("place-map--hint"), false);
});

test("on a Mac, an iPhone or an iPad the hint names ⌘", () => {
  for (const [platform, userAgent] of [["MacIntel", ""], ["iPhone", ""], ["iPad", ""], ["", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)"]]) {
    const { g } = gesturesOn({ Kind: load(platform, userAgent) });
    g._onWheel(wheelEvent());
    g._hide();
    assert.equal(g._hint.textContent, "Use ⌘ + scroll to zoom the map", platform || userAgent);
  }
});

test("Ctrl or ⌘ with the wheel zooms a map not engaged, through Leaflet's wheel handler, and hides the hint", () => {
  for (const keys of [{ ctrlKey: true }, { metaKey: true }]) {
    const { g, classes, wheel, zoomed } = gesturesOn();
    g._onWheel(wheelEvent());
    const event = wheelEvent(keys);
    g._onWheel(event);
    assert.deepEqual(zoomed, [event]);
    assert.equal(wheel._delta, 0);  // Leaflet starts its total only when the handler is turned on
    assert.equal(classes.has("place-map--hint"), false);
    wheel._delta = 120;
    g._onWheel(wheelEvent(keys));
    assert.equal(wheel._delta, 120);  // a total under way is kept
    wheel._delta = NaN;
    g._onWheel(wheelEvent(keys));
    assert.equal(wheel._delta, 0);
  }
});

test("engaged, the wheel is left to Leaflet: no hint, and no second zoom", () => {
  const { g, classes, zoomed } = gesturesOn();
  g._engage();
  g._onWheel(wheelEvent());
  g._onWheel(wheelEvent({ ctrlKey: true }));
  assert.deepEqual(zoomed, []);
  assert.equal(classes.has("place-map--hint"), false);
});

test("one finger over a map not engaged says to use two; two fingers, or an engaged map, hide it", () => {
  const { g, classes } = gesturesOn({ touch: true });
  g._onTouchMove({ touches: [{}] });
  assert.equal(g._hint.textContent, "Use two fingers to move the map");
  assert.ok(classes.has("place-map--hint"));
  g._onTouchMove({ touches: [{}, {}] });
  assert.equal(classes.has("place-map--hint"), false);
  g._onTouchMove({ touches: [{}] });
  g._engage();
  assert.equal(classes.has("place-map--hint"), false);
  g._onTouchMove({ touches: [{}] });
  assert.equal(classes.has("place-map--hint"), false);
  g._hide();
});

test("the focus moving within the map keeps it engaged; leaving the map or the page disengages it", () => {
  const { g, inside, wheel } = gesturesOn();
  g._engage();
  g._onFocusOut({ relatedTarget: inside });
  assert.equal(wheel.enabled, true);
  g._onFocusOut({ relatedTarget: { name: "a link below the map" } });
  assert.equal(wheel.enabled, false);
  g._engage();
  g._onFocusOut({ relatedTarget: null });
  assert.equal(wheel.enabled, false);
});

test("the mouse leaving disengages the map; a finger or a pen lifted off does not", () => {
  const { g, wheel } = gesturesOn({ touch: true });
  g._engage();
  g._onLeave({ pointerType: "touch" });
  g._onLeave({ pointerType: "pen" });
  assert.equal(wheel.enabled, true);
  g._onLeave({ pointerType: "mouse" });
  assert.equal(wheel.enabled, false);
});
