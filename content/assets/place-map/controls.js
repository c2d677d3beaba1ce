/* The map's own buttons: reset the view, and full screen (or, where that is refused, the window). */
(function (api) {
  "use strict";

  var keyboard = api.keyboard;

  function button(bar, label, path, onClick) {
    var b = L.DomUtil.create("button", "place-map__button", bar);
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    var shape = svg.appendChild(document.createElementNS("http://www.w3.org/2000/svg", "path"));
    b.type = "button";
    b.title = label;
    b.setAttribute("aria-label", label);
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    shape.setAttribute("d", path);
    b.appendChild(svg);
    L.DomEvent.on(b, "click", onClick);
    return b;
  }

  function bar() {
    var div = L.DomUtil.create("div", "leaflet-bar place-map__control");
    L.DomEvent.disableClickPropagation(div);
    return div;
  }

  var ResetView = L.Control.extend({
    options: { position: "topleft" },
    onAdd: function (map) {
      var div = bar();
      button(div, "Reset the view", "M12 3 2 12h3v8h6v-5h2v5h6v-8h3z", function () {
        map.closePopup();
        map.fitBounds(map.placeHome.bounds, map.placeHome.options);
      });
      return div;
    },
  });

  var Fullscreen = L.Control.extend({
    options: { position: "topleft" },
    onAdd: function (map) {
      var self = this, div = bar();
      this._map = map;
      this._button = button(div, "Show the map full screen",
        "M4 4h6v2H6v4H4zm10 0h6v6h-2V6h-4zM4 14h2v4h4v2H4zm14 0h2v6h-6v-2h4z", function () { self._toggle(); });
      this._button.setAttribute("aria-pressed", "false");
      this._sync = function () { self._update(); };
      this._escape = function (e) { if (keyboard.onPage(e.key, self._fullWindow()) === "leave") self._setFullWindow(false); };
      document.addEventListener("fullscreenchange", this._sync);
      document.addEventListener("keydown", this._escape);
      return div;
    },
    onRemove: function () {
      document.removeEventListener("fullscreenchange", this._sync);
      document.removeEventListener("keydown", this._escape);
    },
    // The map and, on the map page, its filters (the element marked data-fullscreen around them).
    _target: function () {
      var c = this._map.getContainer();
      return c.closest("[data-fullscreen]") || c;
    },
    _fullWindow: function () {
      return this._target().classList.contains("place-map--fullwindow");
    },
    _toggle: function () {
      var self = this, container = this._target();
      if (document.fullscreenElement === container) document.exitFullscreen();
      else if (this._fullWindow()) this._setFullWindow(false);
      else if (container.requestFullscreen) {
        // Refused (an iPhone, a frame): fill the window.
        container.requestFullscreen().catch(function () { self._setFullWindow(true); });
      } else this._setFullWindow(true);
    },
    _setFullWindow: function (on) {
      this._target().classList.toggle("place-map--fullwindow", on);
      document.documentElement.classList.toggle("place-map-fullwindow", on);
      this._update();
    },
    _update: function () {
      var full = document.fullscreenElement === this._target() || this._fullWindow();
      var label = full ? "Leave full screen" : "Show the map full screen";
      this._button.setAttribute("aria-pressed", String(full));
      this._button.setAttribute("aria-label", label);
      this._button.title = label;
      this._map.invalidateSize();
    },
  });

  // OpenStreetMap's tiles, asked for only once the reader presses the button (the map's own basemap
  // needs no other host); their attribution shows while they do.
  var StreetMap = L.Control.extend({
    options: { position: "topright" },
    onAdd: function (map) {
      var self = this, div = bar(), o = this.options;
      var b = L.DomUtil.create("button", "place-map__button place-map__button--text", div);
      b.type = "button";
      b.textContent = "Street map";
      b.setAttribute("aria-pressed", "false");
      L.DomEvent.on(b, "click", function () {
        self._tiles = self._tiles || L.tileLayer(o.url, { attribution: o.attribution, maxZoom: o.max_zoom });
        var on = !map.hasLayer(self._tiles);
        if (on) self._tiles.addTo(map);
        else map.removeLayer(self._tiles);
        b.setAttribute("aria-pressed", String(on));
        map.getContainer().classList.toggle("place-map--streets", on);
      });
      return div;
    },
  });

  /** The "Filter" button of the map page: on a phone, and in full screen, the filters fold into a
   *  sheet it opens, so that the map has the screen; "Show the map" and Escape close it. */
  function filterSheet(form) {
    var finder = form.closest(".place-finder"), open = finder && finder.querySelector(".place-finder__filter");
    var done = form.querySelector(".place-filters__done");
    if (!open || !done || finder.classList.contains("place-finder--sheet")) return;
    function set(on, focus) {
      finder.classList.toggle("place-finder--open", on);
      open.setAttribute("aria-expanded", String(on));
      if (focus) (on ? form.querySelector("select, input") : open).focus();
    }
    finder.classList.add("place-finder--sheet");
    open.addEventListener("click", function () { set(!finder.classList.contains("place-finder--open"), true); });
    done.addEventListener("click", function () { set(false, true); });
    form.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && finder.classList.contains("place-finder--open")) { e.stopPropagation(); set(false, true); }
    });
  }

  api.controls = { ResetView: ResetView, Fullscreen: Fullscreen, StreetMap: StreetMap, filterSheet: filterSheet };
})(typeof module == "object" ? module.exports : (window.PlaceMapParts = window.PlaceMapParts || {}));
