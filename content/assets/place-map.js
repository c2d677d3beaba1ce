/*
 * The place maps: markers from places.geojson, popups, filters, deep links, and the list of places
 * kept in step with the map. map/place-maps.js (written by folium, see generator/map_elements.py)
 * creates each map and calls PlaceMaps.placesLayer() and the controls defined here.
 *
 * Every value from the data reaches the page through textContent, setAttribute or a Leaflet option
 * that Leaflet sets as a property (title, alt), never as HTML or as code.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  // This file is assets/place-map.js: the site's root is one folder up.
  var root = new URL("../", script ? script.src : window.location.href);
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var cache = {};
  var instances = new WeakMap();
  var live = [];

  var PlaceMaps = (window.PlaceMaps = {
    setups: {},
    bounds: bounds,
    placesLayer: function (container, options) { return new PlacesLayer(container, options); },
    outlineLayer: outlineLayer,
    resetViewControl: function (options) { return new ResetView(options); },
    fullscreenControl: function (options) { return new Fullscreen(options); },
    gestures: function (map) { return new Gestures(map); },
    get: function (container) { return instances.get(container); },
  });

  // ----- helpers --------------------------------------------------------------------------------

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function icon(path) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var shape = document.createElementNS("http://www.w3.org/2000/svg", "path");
    shape.setAttribute("d", path);
    svg.appendChild(shape);
    return svg;
  }

  function byId(id) { return id ? document.getElementById(id) : null; }

  function strings(value) {
    return Array.isArray(value) ? value.filter(function (v) { return typeof v === "string"; }) : [];
  }

  /** The container's data-bounds ("south,west,north,east"), or the fallback. */
  function bounds(container, fallback) {
    var parts = (container.getAttribute("data-bounds") || "").split(",").map(Number);
    var ok = parts.length === 4 && parts.every(isFinite) &&
      Math.abs(parts[0]) <= 90 && Math.abs(parts[2]) <= 90 && Math.abs(parts[1]) <= 180 && Math.abs(parts[3]) <= 180;
    return ok ? [[parts[0], parts[1]], [parts[2], parts[3]]] : fallback;
  }

  function load(path) {
    var url = new URL(path, root).href;
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.statusText);
        return response.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }

  /** A place from a GeoJSON feature, checked; null if the feature is not a usable place. */
  function placeOf(feature) {
    var p = feature && feature.properties, g = feature && feature.geometry;
    if (!p || !g || g.type !== "Point" || !Array.isArray(g.coordinates)) return null;
    var lon = Number(g.coordinates[0]), lat = Number(g.coordinates[1]);
    if (typeof p.slug !== "string" || !SLUG.test(p.slug) || !isFinite(lat) || !isFinite(lon)) return null;
    var url = null;
    if (typeof p.url === "string") {
      url = new URL(p.url, root);
      if (url.origin !== root.origin) url = null;  // only this site's own pages
    }
    return {
      slug: p.slug,
      name: String(p.name || p.slug),
      number: Number.isInteger(p.number) ? p.number : null,
      focus: typeof p.focus === "string" ? p.focus : "",
      programmes: strings(p.programmes).filter(function (id) { return SLUG.test(id); }),
      themes: strings(p.themes),
      themeNames: strings(p.theme_names),
      programmeNames: strings(p.programme_names),
      latlng: L.latLng(lat, lon),
      url: url,
    };
  }

  function popupContent(place) {
    var box = element("div", "place-popup");
    box.tabIndex = -1;
    box.appendChild(element("p", "place-popup__name", place.name));
    if (place.number) box.appendChild(element("p", "place-popup__number", "Local Vision place no. " + place.number));
    if (place.programmeNames.length) {
      var programmes = element("p", "place-popup__programmes");
      programmes.appendChild(element("span", "place-popup__label", "Programmes: "));
      programmes.appendChild(document.createTextNode(place.programmeNames.join(", ")));
      box.appendChild(programmes);
    }
    if (place.focus) {
      var focus = element("p", "place-popup__focus");
      focus.appendChild(element("span", "place-popup__label", "Focus: "));
      focus.appendChild(document.createTextNode(place.focus));
      box.appendChild(focus);
    }
    if (place.themeNames.length) {
      var themes = element("p", "place-popup__themes");
      themes.appendChild(element("span", "place-popup__label", "Themes: "));
      themes.appendChild(document.createTextNode(place.themeNames.join(", ")));
      box.appendChild(themes);
    }
    if (place.url) {
      var link = element("a", "place-popup__link", "Read the story of " + place.name);
      link.href = place.url.href;
      var para = element("p");
      para.appendChild(link);
      box.appendChild(para);
    }
    return box;
  }

  // A cluster's icon names its places, for screen readers and as a tooltip.
  var LabelledIcon = L.DivIcon.extend({
    createIcon: function (old) {
      var div = L.DivIcon.prototype.createIcon.call(this, old);
      div.setAttribute("role", "img");  // Leaflet makes it a button where it can be selected
      div.setAttribute("aria-label", this.options.label);
      div.title = this.options.label;
      return div;
    },
  });

  /** A place's marker: a dot in its programme's colour, split in two for a place in two programmes. */
  function markerIcon(place) {
    var ids = place.programmes.slice(0, 2);
    var dot = element("span", "place-marker__dot");
    if (ids.length === 2) dot.className += " place-marker__dot--split";
    ids.forEach(function (id, index) { dot.setAttribute("data-programme-" + (index + 1), id); });
    var label = place.name + (place.programmeNames.length ? " (" + place.programmeNames.join(" and ") + ")" : "");
    return new LabelledIcon({
      html: dot,
      className: ["place-marker"].concat(place.programmes.map(function (id) { return "place-marker--" + id; })).join(" "),
      iconSize: L.point(22, 22),
      popupAnchor: L.point(0, -8),
      label: label,
    });
  }

  function clusterIcon(cluster) {
    var names = cluster.getAllChildMarkers().map(function (m) { return m.place.name; }).sort();
    var count = names.length;
    var inner = element("div");
    inner.appendChild(element("span", "", String(count)));
    return new LabelledIcon({
      html: inner,
      className: "marker-cluster place-cluster",
      iconSize: L.point(40, 40),
      label: count + " places: " + names.join(", ") + ". Select to zoom in.",
    });
  }

  /**
   * How far a popup must stay from each edge of the map to be clear of every control, measured on
   * the controls themselves: the buttons down the left side, anything at the top right, and the
   * attribution along the bottom.
   */
  function controlPadding(map) {
    var box = map.getContainer().getBoundingClientRect(), gap = 10;
    var left = 0, top = 0, bottom = 0, right = 0;
    map.getContainer().querySelectorAll(".leaflet-control").forEach(function (control) {
      var r = control.getBoundingClientRect(), corner = control.parentNode.classList;
      if (!r.width || !r.height) return;
      if (corner.contains("leaflet-left")) left = Math.max(left, r.right - box.left);
      else if (corner.contains("leaflet-top")) top = Math.max(top, r.bottom - box.top);
      if (corner.contains("leaflet-bottom") && corner.contains("leaflet-right")) bottom = Math.max(bottom, box.bottom - r.top);
    });
    return { topLeft: L.point(left + gap, top + gap), bottomRight: L.point(right + gap, bottom + gap) };
  }

  var PlacePopup = L.Popup.extend({
    _adjustPan: function () {
      if (this._map) {
        var padding = controlPadding(this._map);
        this.options.autoPanPaddingTopLeft = padding.topLeft;
        this.options.autoPanPaddingBottomRight = padding.bottomRight;
      }
      return L.Popup.prototype._adjustPan.apply(this, arguments);
    },
  });

  /** England's outline under the tiles: where the places are still shows when no tiles load. */
  var Outline = L.Layer.extend({
    initialize: function (options) { L.setOptions(this, options); },
    onAdd: function (map) {
      if (!map.getPane("placeOutline")) map.createPane("placeOutline").style.zIndex = 150;  // tiles: 200
      var layer = (this._layer = L.geoJSON(null, {
        pane: "placeOutline", interactive: false, style: { className: "place-map__outline" },
      }).addTo(map));
      load(this.options.data).then(function (data) { layer.addData(data); }).catch(function () {});
    },
    onRemove: function (map) { map.removeLayer(this._layer); },
  });

  function outlineLayer(options) { return new Outline(options); }

  // ----- the places layer -----------------------------------------------------------------------

  var PlacesLayer = L.Layer.extend({
    initialize: function (container, options) {
      L.setOptions(this, options);
      this._container = container;
      this._markers = [];
      this._bySlug = {};
      this._state = { theme: "", programmes: null };  // programmes: null is every programme
    },

    onAdd: function (map) {
      var self = this, c = this._container;
      // Groups above single markers: a number is never hidden under a marker beside it.
      if (!map.getPane("placeClusters")) map.createPane("placeClusters").style.zIndex = 640;  // markers: 600
      this._group = this.options.cluster || L.featureGroup();
      if (this.options.cluster) {
        this._group.options.iconCreateFunction = clusterIcon;
        this._group.options.clusterPane = "placeClusters";
      }
      if (!map.hasLayer(this._group)) this._group.addTo(map);
      this._only = c.getAttribute("data-places") ? c.getAttribute("data-places").split(" ") : null;
      this._popups = c.getAttribute("data-popups") !== "false";
      this._form = byId(c.getAttribute("data-filters"));
      this._list = byId(c.getAttribute("data-list"));
      this._status = byId(c.getAttribute("data-status"));
      this._urlState = Boolean(this._form);
      if (this._form) this._bindForm();
      this._filterList();
      map.on("popupopen", this._onPopupOpen, this);
      map.on("popupclose", this._onPopupClose, this);
      map.on("layeradd", this._remember, this);
      L.DomEvent.on(map.getContainer(), "keydown", this._onKeyDown, this);
      this._icons = new WeakMap();
      load(this.options.data).then(function (collection) {
        if (self._map) self._build(collection);
      }).catch(function (error) {
        self._message("The places could not be loaded (" + error.message + "). The list of places on this site has them all.");
      });
    },

    onRemove: function (map) {
      map.off("popupopen", this._onPopupOpen, this);
      map.off("popupclose", this._onPopupClose, this);
      map.off("layeradd", this._remember, this);
      L.DomEvent.off(map.getContainer(), "keydown", this._onKeyDown, this);
      this._group.clearLayers();
    },

    /** The slugs of the markers now on the map (in clusters or not). */
    visibleSlugs: function () {
      return this._group.getLayers().map(function (m) { return m.place.slug; }).sort();
    },

    _build: function (collection) {
      var self = this, features = (collection && collection.features) || [];
      // A popup as wide as a phone's map allows beside the controls (see controlPadding).
      var width = Math.max(160, Math.min(280, this._map.getSize().x - 130));
      features.forEach(function (feature) {
        var place = placeOf(feature);
        if (!place || self._bySlug[place.slug]) return;
        if (self._only && self._only.indexOf(place.slug) < 0) return;
        var marker = L.marker(place.latlng, {
          title: place.name,
          keyboard: self._popups,
          riseOnHover: true,
          icon: markerIcon(place),
        });
        marker.place = place;
        if (self._popups) {
          marker.bindPopup(new PlacePopup({ maxWidth: width, minWidth: Math.min(200, width) })
            .setContent(function () { return popupContent(place); }));
        }
        self._markers.push(marker);
        self._bySlug[place.slug] = marker;
      });
      this._apply();
      if (this._urlState) this._openFromUrl();
    },

    /** One filter for the map, the list, the status line and the address: a theme (or any) and the
     *  programmes ticked in the key (a place in two programmes shows while either is ticked). */
    _matches: function (themes, programmes) {
      var s = this._state;
      if (s.theme && themes.indexOf(s.theme) < 0) return false;
      return !s.programmes || programmes.some(function (id) { return s.programmes.indexOf(id) >= 0; });
    },

    _apply: function () {
      if (!this._map) return;
      var self = this;
      var shown = this._markers.filter(function (m) { return self._matches(m.place.themes, m.place.programmes); });
      this._map.closePopup();
      this._group.clearLayers();
      if (this._group.addLayers) this._group.addLayers(shown);
      else shown.forEach(function (m) { self._group.addLayer(m); });
    },

    // The list under the map is the text alternative: the same filters hide the same places.
    _filterList: function () {
      if (!this._list) return;
      var self = this, items = this._list.querySelectorAll("li[data-slug]"), count = 0;
      items.forEach(function (item) {
        var show = self._matches((item.getAttribute("data-themes") || "").split(" "),
          (item.getAttribute("data-programmes") || "").split(" "));
        item.hidden = !show;
        if (show) count += 1;
      });
      if (this._status) this._status.textContent = this._describe(count, items.length);
    },

    /** The status line: how many places show, and which filters chose them. */
    _describe: function (count, total) {
      var form = this._form, s = this._state, parts = [];
      if (!s.theme && !s.programmes) return "Showing all " + total + " places.";
      if (s.theme && form.elements.theme) {
        var option = form.elements.theme.selectedOptions[0];
        parts.push("theme " + (option ? option.getAttribute("data-name") || option.textContent : s.theme));
      }
      if (s.programmes) {
        var names = this._programmeBoxes().filter(function (box) { return box.checked; })
          .map(function (box) { return box.getAttribute("data-name") || box.value; });
        parts.push(names.length ? names.join(" and ") : "no programme");
      }
      return "Showing " + count + " of " + total + " places: " + parts.join("; ") + ".";
    },

    _programmeBoxes: function () {
      return Array.prototype.slice.call(this._form.querySelectorAll('input[type="checkbox"][name="programme"]'));
    },

    _bindForm: function () {
      var self = this, form = this._form, params = new URLSearchParams(window.location.search);
      var select = form.elements.theme, theme = params.get("theme");
      if (select && Array.prototype.some.call(select.options, function (o) { return o.value === theme; })) select.value = theme;
      if (params.has("programme")) {
        var wanted = params.getAll("programme");
        this._programmeBoxes().forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
      }
      this._readForm();
      L.DomEvent.on(form, "change", function () { self._readForm(); self._changed(); });
      L.DomEvent.on(form, "reset", function () { setTimeout(function () { self._readForm(); self._changed(); }, 0); });
      L.DomEvent.on(form, "submit", L.DomEvent.preventDefault);
    },

    _readForm: function () {
      var form = this._form, boxes = this._programmeBoxes();
      var ticked = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      this._state = {
        theme: form.elements.theme ? form.elements.theme.value : "",
        programmes: ticked.length === boxes.length ? null : ticked,
      };
    },

    _changed: function () {
      this._filterList();
      this._apply();
      this._writeUrl({ theme: this._state.theme, programme: this._state.programmes, place: "" });
    },

    /** Write values into the address: "" or null removes a key, a list repeats it ([] keeps it empty). */
    _writeUrl: function (values) {
      if (!this._urlState) return;
      var url = new URL(window.location.href);
      Object.keys(values).forEach(function (key) {
        var value = values[key];
        url.searchParams.delete(key);
        if (Array.isArray(value)) {
          if (!value.length) url.searchParams.append(key, "");
          value.forEach(function (item) { url.searchParams.append(key, item); });
        } else if (value) url.searchParams.set(key, value);
      });
      // Keep the state Material's instant navigation stored for this entry (its scroll offset).
      if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url.href);
    },

    _openFromUrl: function () {
      var slug = new URLSearchParams(window.location.search).get("place");
      var marker = slug && this._bySlug.hasOwnProperty(slug) ? this._bySlug[slug] : null;
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
        if (event.key !== "Escape") return;
        marker.closePopup();
        if (marker.getElement()) marker.getElement().focus();
      });
      // Opened from the keyboard: take focus into the popup, so that Tab reaches its link next.
      if (document.activeElement === marker.getElement()) box.focus({ preventScroll: true });
    },

    _onPopupClose: function (e) {
      if (e.popup._source && e.popup._source.place) this._writeUrl({ place: "" });
    },

    _remember: function (e) {
      if (e.layer.getElement && e.layer.getElement()) this._icons.set(e.layer.getElement(), e.layer);
    },

    // Markers are buttons: Leaflet opens a popup on Enter; clusters and Space need help.
    _onKeyDown: function (e) {
      if (e.key !== "Enter" && e.key !== " ") return;
      var layer = this._icons.get(e.target);
      if (!layer) return;
      if (L.MarkerCluster && layer instanceof L.MarkerCluster) {
        L.DomEvent.preventDefault(e);
        layer.fire("click", { originalEvent: { keyCode: 13 }, latlng: layer.getLatLng() }, true);
      } else if (e.key === " " && layer.getPopup && layer.getPopup()) {
        L.DomEvent.preventDefault(e);
        layer.togglePopup();
      }
    },

    _message: function (text) {
      var note = element("p", "place-map__message", text);
      note.setAttribute("role", "status");
      this._container.appendChild(note);
    },
  });

  // ----- gestures: the page scrolls over a map until the reader engages it ----------------------

  var MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

  /**
   * The wheel and one-finger drags belong to the page until the reader engages the map: by clicking
   * or tapping it, or moving the keyboard focus into it. Ctrl/⌘ with the wheel zooms at any time, and
   * two fingers always move and zoom it (Leaflet's touch zoom). A short hint says so.
   */
  function Gestures(map) {
    this._map = map;
    this._container = map.getContainer();
    this._touch = L.Browser.mobile || Boolean(window.matchMedia && window.matchMedia("(pointer: coarse)").matches);
    this._hint = element("div", "place-map__hint");
    this._hint.setAttribute("aria-hidden", "true");
    this._container.appendChild(this._hint);
    this._disengage();
    L.DomEvent.on(this._container, "wheel", this._onWheel, this);
    L.DomEvent.on(this._container, "touchmove", this._onTouchMove, this);
    L.DomEvent.on(this._container, "click focusin", this._engage, this);
    L.DomEvent.on(this._container, "focusout", this._onFocusOut, this);
    L.DomEvent.on(this._container, "pointerleave", this._onLeave, this);
    var self = this;
    this._outside = function (e) { if (!self._container.contains(e.target)) self._disengage(); };
    document.addEventListener("pointerdown", this._outside, true);
    map.on("unload", function () { document.removeEventListener("pointerdown", self._outside, true); });
  }

  Gestures.prototype = {
    engaged: function () { return this._engaged; },
    _engage: function () {
      if (this._engaged) return;
      this._engaged = true;
      this._container.classList.add("place-map--engaged");
      this._map.scrollWheelZoom.enable();
      if (this._touch) this._map.dragging.enable();
      this._hide();
    },
    _disengage: function () {
      this._engaged = false;
      this._container.classList.remove("place-map--engaged");
      this._map.scrollWheelZoom.disable();
      if (this._touch) this._map.dragging.disable();
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
        // Leaflet's own wheel zoom, which also stops the browser zooming the page. Its running total
        // is only set up while the handler is on.
        var wheel = this._map.scrollWheelZoom;
        if (typeof wheel._delta !== "number" || !isFinite(wheel._delta)) wheel._delta = 0;
        wheel._onWheelScroll(e);
        this._hide();
      } else {
        this._show(MAC ? "Use ⌘ + scroll to zoom the map" : "Use Ctrl + scroll to zoom the map");
      }
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

  // ----- controls -------------------------------------------------------------------------------

  function button(bar, label, path, onClick) {
    var b = L.DomUtil.create("button", "place-map__button", bar);
    b.type = "button";
    b.title = label;
    b.setAttribute("aria-label", label);
    b.appendChild(icon(path));
    L.DomEvent.on(b, "click", onClick);
    return b;
  }

  var ResetView = L.Control.extend({
    options: { position: "topleft" },
    onAdd: function (map) {
      var bar = L.DomUtil.create("div", "leaflet-bar place-map__control");
      L.DomEvent.disableClickPropagation(bar);
      button(bar, "Reset the view", "M12 3 2 12h3v8h6v-5h2v5h6v-8h3z", function () {
        map.closePopup();
        map.fitBounds(map.placeHome.bounds, map.placeHome.options);
      });
      return bar;
    },
  });

  var Fullscreen = L.Control.extend({
    options: { position: "topleft" },
    onAdd: function (map) {
      var self = this, bar = L.DomUtil.create("div", "leaflet-bar place-map__control");
      L.DomEvent.disableClickPropagation(bar);
      this._map = map;
      this._button = button(bar, "Show the map full screen",
        "M4 4h6v2H6v4H4zm10 0h6v6h-2V6h-4zM4 14h2v4h4v2H4zm14 0h2v6h-6v-2h4z",
        function () { self._toggle(); });
      this._button.setAttribute("aria-pressed", "false");
      this._sync = function () { self._update(); };
      document.addEventListener("fullscreenchange", this._sync);
      this._escape = function (e) { if (e.key === "Escape" && self._fullWindow()) self._setFullWindow(false); };
      document.addEventListener("keydown", this._escape);
      return bar;
    },
    onRemove: function () {
      document.removeEventListener("fullscreenchange", this._sync);
      document.removeEventListener("keydown", this._escape);
    },
    _full: function () {
      return document.fullscreenElement === this._map.getContainer() || this._fullWindow();
    },
    _fullWindow: function () {
      return this._map.getContainer().classList.contains("place-map--fullwindow");
    },
    _toggle: function () {
      var self = this, container = this._map.getContainer();
      if (document.fullscreenElement === container) document.exitFullscreen();
      else if (this._fullWindow()) this._setFullWindow(false);
      else if (container.requestFullscreen) {
        // Where the browser refuses (an iPhone, a frame), fill the window instead.
        container.requestFullscreen().catch(function () { self._setFullWindow(true); });
      } else this._setFullWindow(true);
    },
    _setFullWindow: function (on) {
      this._map.getContainer().classList.toggle("place-map--fullwindow", on);
      document.documentElement.classList.toggle("place-map-fullwindow", on);
      this._update();
    },
    _update: function () {
      var full = this._full(), label = full ? "Leave full screen" : "Show the map full screen";
      this._button.setAttribute("aria-pressed", String(full));
      this._button.setAttribute("aria-label", label);
      this._button.title = label;
      this._map.invalidateSize();
    },
  });

  // ----- set up the maps of each page (again after each instant navigation) ---------------------

  function setUp() {
    live = live.filter(function (item) {
      if (item.container.isConnected) return true;
      item.map.remove();
      return false;
    });
    document.querySelectorAll("[data-place-map]").forEach(function (container) {
      if (instances.has(container)) return;
      var setup = PlaceMaps.setups[container.getAttribute("data-place-map")];
      if (!setup) return;
      container.hidden = false;
      var map = setup(container);
      var layer = null;
      map.eachLayer(function (l) { if (l instanceof PlacesLayer) layer = l; });
      instances.set(container, { map: map, places: layer, gestures: map.placeGestures || null });
      live.push({ container: container, map: map });
    });
  }

  // map/place-maps.js calls this once it has defined every kind of map (it loads after this file).
  var started = false;
  PlaceMaps.ready = function () {
    if (started) return;
    started = true;
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUp);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
    else setUp();
  };
})();
