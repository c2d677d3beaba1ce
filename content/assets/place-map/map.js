/* Each map set up, again after each instant navigation, from the other parts (RUNTIME_JS in
   generator/map/elements.py gives their order; this file runs last). */
(function (api) {
  "use strict";

  var markers = api.markers, configOf = api.layer.configOf, PlacesLayer = api.layer.PlacesLayer;
  var Gestures = api.scrolling.Gestures, ResetView = api.controls.ResetView, Fullscreen = api.controls.Fullscreen;
  var StreetMap = api.controls.StreetMap;
  var instances = new WeakMap(), starting = new WeakSet(), live = [];

  // A map is set up a step at a time: map/place-maps.js writes each kind as a generator that yields
  // between its parts (the map, the tiles, the outline, the controls, the places), and each step runs
  // as a task of its own, so a phone's page is never held up long. A map whose page has gone (the
  // reader moved on meanwhile) is removed, half made or whole.
  function step(container, steps, map) {
    if (!container.isConnected) {
      starting.delete(container);
      if (map) map.remove();
      return;
    }
    var result = steps.next();
    if (result.value instanceof L.Map) map = result.value;
    if (!result.done) {
      setTimeout(function () { step(container, steps, map); }, 0);
      return;
    }
    var layer = null;
    starting.delete(container);
    map.eachLayer(function (l) { if (l instanceof PlacesLayer) layer = l; });
    instances.set(container, { map: map, places: layer, gestures: map.placeGestures || null });
    if (layer && layer._form) api.controls.filterSheet(layer._form);
    live.push({ container: container, map: map });
  }

  function setUp() {
    live = live.filter(function (item) {
      if (item.container.isConnected) return true;
      item.map.remove();
      return false;
    });
    document.querySelectorAll("[data-place-map]").forEach(function (container) {
      var setup = api.setups[container.getAttribute("data-place-map")];
      if (instances.has(container) || starting.has(container) || !setup) return;
      container.hidden = false;
      starting.add(container);
      step(container, setup(container), null);
    });
  }

  var started = false;
  api.setups = {};
  api.placesLayer = function (container, options) { return new PlacesLayer(container, options); };
  api.basemapLayer = function (container, options) {
    var config = configOf(container);
    return markers.basemap({ url: config && new URL(options.data, config.root).href, attribution: options.attribution });
  };
  api.streetMapControl = function (options) { return new StreetMap(options); };
  api.resetViewControl = function (options) { return new ResetView(options); };
  api.fullscreenControl = function (options) { return new Fullscreen(options); };
  api.gestures = function (map) { return new Gestures(map); };
  api.get = function (container) { return instances.get(container); };
  // map/place-maps.js calls this once it has defined each kind of map.
  api.ready = function () {
    if (started) return;
    started = true;
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUp);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
    else setUp();
  };
  // The parts become window.PlaceMaps only now, whole.
  window.PlaceMaps = api;
  delete window.PlaceMapParts;
})(window.PlaceMapParts);
