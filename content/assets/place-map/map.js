/* The Leaflet glue: the places layer (markers, list, status, address in step), controls, gestures,
   and each map set up, again after each instant navigation. */
(function (api) {
  "use strict";

  var data = api.data, state = api.state, list = api.list, markers = api.markers, keyboard = api.keyboard;
  var element = markers.element;
  var instances = new WeakMap(), starting = new WeakSet(), live = [];

  function byId(id) { return id ? document.getElementById(id) : null; }

  function configOf(container) {
    if (!("placeConfig" in container)) container.placeConfig = data.parseConfig(container.getAttribute("data-config"), window.location.href);
    return container.placeConfig;
  }

  var PlacesLayer = L.Layer.extend({
    initialize: function (container, options) {
      L.setOptions(this, options);
      this._container = container;
      this._markers = [];
      this._bySlug = {};
      this._state = { theme: "", programmes: null };
    },

    onAdd: function (map) {
      var self = this, c = this._container;
      // Groups above markers: a number is never hidden under a marker.
      if (!map.getPane("placeClusters")) map.createPane("placeClusters").style.zIndex = 640;  // markers: 600
      this._group = this.options.cluster || L.featureGroup();
      if (this.options.cluster) {
        this._group.options.iconCreateFunction = markers.clusterIcon;
        this._group.options.clusterPane = "placeClusters";
      }
      if (!map.hasLayer(this._group)) this._group.addTo(map);
      this._only = c.getAttribute("data-places") ? c.getAttribute("data-places").split(" ") : null;
      this._popups = c.getAttribute("data-popups") !== "false";
      this._form = byId(c.getAttribute("data-filters"));
      this._list = byId(c.getAttribute("data-list"));
      this._status = byId(c.getAttribute("data-status"));
      this._config = configOf(c);
      if (this._form) this._bindForm();
      this._showStatus();
      this._icons = new WeakMap();
      this._listen(map, "on");
      (this._config ? data.load(new URL(this.options.data, this._config.root).href)
        : Promise.reject(new Error("no map settings in the page"))).then(function (collection) {
        if (self._map) self._build(collection);
      }).catch(function (error) {
        self._message("The places could not be loaded (" + error.message + "). The list of places on this site has them all.");
      });
    },

    onRemove: function (map) {
      this._listen(map, "off");
      this._group.clearLayers();
    },

    _listen: function (map, how) {
      map[how]({ popupopen: this._onPopupOpen, popupclose: this._onPopupClose, layeradd: this._remember }, this);
      L.DomEvent[how](map.getContainer(), "keydown", this._onKeyDown, this);
    },

    /** The slugs of the markers now on the map (in clusters or not). */
    visibleSlugs: function () {
      return this._group.getLayers().map(function (m) { return m.place.slug; }).sort();
    },

    _build: function (collection) {
      var self = this, features = (collection && collection.features) || [];
      // As wide as a phone's map allows beside the controls.
      var width = Math.max(160, Math.min(280, this._map.getSize().x - 130));
      features.forEach(function (feature) {
        var place = data.placeOf(feature, self._config);
        if (!place || self._bySlug[place.slug] || (self._only && self._only.indexOf(place.slug) < 0)) return;
        var marker = L.marker([place.lat, place.lon], {
          title: place.name, keyboard: self._popups, riseOnHover: true, icon: markers.markerIcon(place, self._config.programmes),
        });
        marker.place = place;
        if (self._popups) {
          marker.bindPopup(markers.popup({ maxWidth: width, minWidth: Math.min(200, width) })
            .setContent(function () { return markers.popupContent(place, self._config.labels); }));
        }
        self._markers.push(marker);
        self._bySlug[place.slug] = marker;
      });
      // Placing the markers is a task of its own: reading which places the list shows makes the browser
      // work out the page's styles, and one long task would hold up the page longer than two short ones.
      setTimeout(function () {
        if (!self._map) return;
        self._apply();
        if (self._form) self._openFromUrl();
      }, 0);
    },

    // The filter is defined once, in the map page's style sheet (filter_rules in generator/map.py), which
    // hides the list's places with or without JavaScript: the markers follow the list.
    _apply: function () {
      if (!this._map) return;
      var self = this, listed = this._list && list.shown(this._list).slugs;
      var shown = this._markers.filter(function (m) { return !listed || listed[m.place.slug]; });
      this._map.closePopup();
      this._group.clearLayers();
      if (this._group.addLayers) this._group.addLayers(shown);
      else shown.forEach(function (m) { self._group.addLayer(m); });
    },

    _showStatus: function () {
      if (!this._status || !this._list || !this._form) return;
      var shown = list.shown(this._list), names = list.chosenNames(this._form, this._boxes());
      this._status.textContent = list.statusText(this._state, shown.count, shown.total, names.theme, names.ticked);
    },

    _boxes: function () {
      return Array.prototype.slice.call(this._form.querySelectorAll('input[type="checkbox"][name="programme"]'));
    },

    _bindForm: function () {
      var self = this, form = this._form, select = form.elements.theme, boxes = this._boxes();
      var themes = select ? Array.prototype.map.call(select.options, function (o) { return o.value; }) : [];
      var wanted = state.fromSearch(window.location.search, themes, boxes.map(function (b) { return b.value; }));
      if (select && wanted.theme) select.value = wanted.theme;
      if (wanted.programmes) boxes.forEach(function (box) { box.checked = wanted.programmes.indexOf(box.value) >= 0; });
      this._readForm();
      L.DomEvent.on(form, "change", function () { self._readForm(); self._changed(); });
      L.DomEvent.on(form, "reset", function () { setTimeout(function () { self._readForm(); self._changed(); }, 0); });
      L.DomEvent.on(form, "submit", L.DomEvent.preventDefault);
    },

    _readForm: function () {
      var boxes = this._boxes(), theme = this._form.elements.theme;
      var ticked = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      this._state = state.formState(theme ? theme.value : "", ticked, boxes.length);
    },

    _changed: function () {
      this._showStatus();
      this._apply();
      this._writeUrl({ theme: this._state.theme, programme: this._state.programmes, place: "" });
    },

    _writeUrl: function (values) {
      if (!this._form) return;
      var href = state.withValues(window.location.href, values);
      // Keeps the state Material's instant navigation stored (the scroll offset).
      if (href !== window.location.href) window.history.replaceState(window.history.state, "", href);
    },

    _openFromUrl: function () {
      var slug = state.deepLink(window.location.search, this._bySlug), marker = slug && this._bySlug[slug];
      if (!marker || !this._group.hasLayer(marker)) return;
      if (this._group.zoomToShowLayer) this._group.zoomToShowLayer(marker, function () { marker.openPopup(); });
      else marker.openPopup();
    },

    _onPopupOpen: function (e) {
      var marker = e.popup._source;
      if (!marker || !marker.place) return;
      this._writeUrl({ place: marker.place.slug });
      var box = e.popup.getElement() && e.popup.getElement().querySelector(".place-popup");
      if (!box) return;
      L.DomEvent.on(box, "keydown", function (event) {
        if (keyboard.inPopup(event.key) !== "close") return;
        marker.closePopup();
        if (marker.getElement()) marker.getElement().focus();
      });
      // Opened from the keyboard: the focus goes in, so that Tab reaches the link next.
      if (document.activeElement === marker.getElement()) box.focus({ preventScroll: true });
    },

    _onPopupClose: function (e) {
      if (e.popup._source && e.popup._source.place) this._writeUrl({ place: "" });
    },

    _remember: function (e) {
      if (e.layer.getElement && e.layer.getElement()) this._icons.set(e.layer.getElement(), e.layer);
    },

    _onKeyDown: function (e) {
      var layer = this._icons.get(e.target);
      if (!layer) return;
      var cluster = Boolean(L.MarkerCluster && layer instanceof L.MarkerCluster);
      var action = keyboard.onMarker(e.key, { cluster: cluster, popup: Boolean(layer.getPopup && layer.getPopup()) });
      if (action) L.DomEvent.preventDefault(e);
      if (action === "zoom") layer.fire("click", { originalEvent: { keyCode: 13 }, latlng: layer.getLatLng() }, true);
      else if (action === "toggle") layer.togglePopup();
    },

    _message: function (text) {
      var note = element("p", "place-map__message", text);
      note.setAttribute("role", "status");
      this._container.appendChild(note);
    },
  });

  var MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

  /** The wheel and one finger scroll the page until the reader engages the map (click, tap, focus);
   *  Ctrl/⌘ + wheel and two fingers work at any time. A hint says so. */
  function Gestures(map) {
    var self = this, c = (this._container = map.getContainer());
    this._map = map;
    this._touch = L.Browser.mobile || Boolean(window.matchMedia && window.matchMedia("(pointer: coarse)").matches);
    this._hint = c.appendChild(element("div", "place-map__hint"));
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
    _fullWindow: function () {
      return this._map.getContainer().classList.contains("place-map--fullwindow");
    },
    _toggle: function () {
      var self = this, container = this._map.getContainer();
      if (document.fullscreenElement === container) document.exitFullscreen();
      else if (this._fullWindow()) this._setFullWindow(false);
      else if (container.requestFullscreen) {
        // Refused (an iPhone, a frame): fill the window.
        container.requestFullscreen().catch(function () { self._setFullWindow(true); });
      } else this._setFullWindow(true);
    },
    _setFullWindow: function (on) {
      this._map.getContainer().classList.toggle("place-map--fullwindow", on);
      document.documentElement.classList.toggle("place-map-fullwindow", on);
      this._update();
    },
    _update: function () {
      var full = document.fullscreenElement === this._map.getContainer() || this._fullWindow();
      var label = full ? "Leave full screen" : "Show the map full screen";
      this._button.setAttribute("aria-pressed", String(full));
      this._button.setAttribute("aria-label", label);
      this._button.title = label;
      this._map.invalidateSize();
    },
  });

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
  api.outlineLayer = function (container, options) {
    var config = configOf(container);
    return markers.outline({ url: config && new URL(options.data, config.root).href });
  };
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
