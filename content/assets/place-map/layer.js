/* The places layer: the markers, the list beside the map, the status line and the address kept in
   step with the filter form. Leaflet must be loaded first (the class is made as the file runs). */
(function (api) {
  "use strict";

  var data = api.data, state = api.state, list = api.list, markers = api.markers, keyboard = api.keyboard;
  var element = markers.element, spread = api.spread;
  // A map at least this wide sets close neighbours apart; a narrower one (a phone's) groups them.
  var SPREAD_WIDTH = 520, GAP = 23, NAMED = 8;

  function byId(id) { return id ? document.getElementById(id) : null; }

  // A container's page config, read once; map.js's outline layer reads it too.
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
      var cluster = map.getSize().x < SPREAD_WIDTH ? this.options.cluster : null;
      if (this.options.cluster && !cluster && map.hasLayer(this.options.cluster)) map.removeLayer(this.options.cluster);
      this._group = cluster || L.featureGroup();
      this._spreading = !cluster;
      this._leaders = L.layerGroup().addTo(map);
      if (cluster) {
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
      map.removeLayer(this._leaders);
    },

    _listen: function (map, how) {
      map[how]({ popupopen: this._onPopupOpen, popupclose: this._onPopupClose, layeradd: this._remember,
        zoomend: this._layout, moveend: this._name }, this);
      L.DomEvent[how](map.getContainer(), "keydown", this._onKeyDown, this);
      L.DomEvent[how](map.getContainer(), "mouseover focusin", this._nameOn, this);
      L.DomEvent[how](map.getContainer(), "mouseout focusout", this._nameOff, this);
    },

    // A name hidden to keep clear of the others shows while its marker is hovered or focused.
    _nameOn: function (e) { this._activeName(e, true); },
    _nameOff: function (e) { this._activeName(e, false); },
    _activeName: function (e, on) {
      var icon = e.target.closest && e.target.closest(".leaflet-marker-icon"), layer = icon && this._icons.get(icon);
      var tooltip = layer && layer.getTooltip && layer.getTooltip(), box = tooltip && tooltip.getElement();
      if (box) box.classList.toggle("place-map__name--active", on);
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
          keyboard: self._popups, riseOnHover: true, icon: markers.markerIcon(place, self._config.programmes),
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
        if (!self._form) return;
        // An address with a filter shows its places as a change of filter would.
        if (self._state.theme || self._state.programmes) self._fit();
        self._openFromUrl();
      }, 0);
    },

    // The filter is defined once, in the map page's style sheet (filter_rules in generator/map/filters.py), which
    // hides the list's places with or without JavaScript: the markers follow the list.
    _apply: function () {
      if (!this._map) return;
      var self = this, listed = this._list && list.shown(this._list).slugs;
      var shown = this._markers.filter(function (m) { return !listed || listed[m.place.slug]; });
      this._map.closePopup();
      this._group.clearLayers();
      if (this._group.addLayers) this._group.addLayers(shown);
      else shown.forEach(function (m) { self._group.addLayer(m); });
      this._layout();
      this._showEmpty(!shown.length);
    },

    // Close neighbours set apart at this zoom (a wide map), then the names.
    _layout: function () {
      if (this._spreading && this._map) spread.spreadMarkers(this._map, this._group.getLayers(), this._leaders, GAP);
      this._name();
    },

    _name: function () {
      if (!this._map) return;
      spread.labelMarkers(this._map, this._group.getLayers(), NAMED);
    },

    // After a change of filter, the map shows every place that matches.
    _fit: function () {
      var shown = this._group.getLayers();
      if (!this._map || !shown.length) return;
      var bounds = L.latLngBounds(shown.map(function (m) { return [m.place.lat, m.place.lon]; }));
      this._map.fitBounds(bounds, { padding: [48, 48], maxZoom: 9, animate: false });
    },

    // When no place matches, the map says so and offers every place again.
    _showEmpty: function (empty) {
      if (!this._form) return;
      if (!this._empty) {
        var form = this._form, box = (this._empty = element("div", "place-map__empty"));
        box.appendChild(element("p", "", "No place matches these filters."));
        var again = box.appendChild(element("button", "md-button md-button--primary", "Show all places"));
        again.type = "button";
        L.DomEvent.on(again, "click", function () { form.reset(); });
        L.DomEvent.disableClickPropagation(box);
        this._container.appendChild(box);
      }
      this._empty.hidden = !empty;
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
      this._fit();
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
      // The map comes into view first (below the page's header: scroll-margin-top), then the popup.
      var box = this._container.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) this._container.scrollIntoView({ block: "start" });
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

  api.layer = { PlacesLayer: PlacesLayer, configOf: configOf };
})(typeof module == "object" ? module.exports : (window.PlaceMapParts = window.PlaceMapParts || {}));
