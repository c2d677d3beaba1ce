/* The wheel and one finger scroll the page over a map until the reader engages it (the namespace is
   not "gestures": PlaceMaps.gestures is the factory folium's script calls, in map.js). */
(function (api) {
  "use strict";

  // markers.element is looked up when a map is made: Node's tests load this file alone.
  var markers = api.markers;

  var MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

  /** The wheel and one finger scroll the page until the reader engages the map (click, tap, focus);
   *  Ctrl/⌘ + wheel and two fingers work at any time. A hint says so. */
  function Gestures(map) {
    var self = this, c = (this._container = map.getContainer());
    this._map = map;
    this._touch = L.Browser.mobile || Boolean(window.matchMedia && window.matchMedia("(pointer: coarse)").matches);
    this._hint = c.appendChild(markers.element("div", "place-map__hint"));
    this._hint.setAttribute("aria-hidden", "true");
    this._disengage();
    L.DomEvent.on(c, { wheel: this._onWheel, touchmove: this._onTouchMove, click: this._engage, focusin: this._engage,
      focusout: this._onFocusOut, pointerleave: this._onLeave }, this);
    this._outside = function (e) { if (!c.contains(e.target)) self._disengage(); };
    document.addEventListener("pointerdown", this._outside, true);
    map.on("unload", function () { document.removeEventListener("pointerdown", self._outside, true); });
  }

  Gestures.prototype = {
    _engage: function () {
      if (this._engaged) return;
      this._set(true);
      this._hide();
    },
    _disengage: function () { this._set(false); },
    _set: function (on) {
      this._engaged = on;
      this._container.classList.toggle("place-map--engaged", on);
      this._map.scrollWheelZoom[on ? "enable" : "disable"]();
      if (this._touch) this._map.dragging[on ? "enable" : "disable"]();
    },
    _onFocusOut: function (e) {
      if (!e.relatedTarget || !this._container.contains(e.relatedTarget)) this._disengage();
    },
    _onLeave: function (e) {
      if (e.pointerType === "mouse") this._disengage();
    },
    _onWheel: function (e) {
      if (this._engaged) return;
      if (e.ctrlKey || e.metaKey) {
        // Leaflet's wheel zoom (the page does not zoom); its total is set up only while it is on.
        var wheel = this._map.scrollWheelZoom;
        if (typeof wheel._delta !== "number" || !isFinite(wheel._delta)) wheel._delta = 0;
        wheel._onWheelScroll(e);
        this._hide();
      } else this._show(MAC ? "Use ⌘ + scroll to zoom the map" : "Use Ctrl + scroll to zoom the map");
    },
    _onTouchMove: function (e) {
      if (!this._engaged && e.touches && e.touches.length === 1) this._show("Use two fingers to move the map");
      else this._hide();
    },
    _show: function (text) {
      var self = this;
      this._hint.textContent = text;
      this._container.classList.add("place-map--hint");
      clearTimeout(this._timer);
      this._timer = setTimeout(function () { self._hide(); }, 1500);
    },
    _hide: function () {
      clearTimeout(this._timer);
      this._container.classList.remove("place-map--hint");
    },
  };

  api.scrolling = { Gestures: Gestures };
})(typeof module == "object" ? module.exports : (window.PlaceMapParts = window.PlaceMapParts || {}));
