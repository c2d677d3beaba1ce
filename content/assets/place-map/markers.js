/* Markers, groups, popups, the basemap. Leaflet classes are made on first use: Node needs none. */
(function (api) {
  "use strict";

  var classes = null;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A popup's lines after the name, as [class, label, text]; the quote and the link are added apart. */
  function popupRows(place, labels) {
    var programmes = place.programmeNames.join(" and ");
    if (place.number) programmes += " (" + labels.number + " " + place.number + ")";
    return [
      ["place-popup__programmes", "", programmes],
      ["place-popup__focus", "", place.focus],
    ].filter(function (row) { return row[2]; });
  }

  /** The popup: name, programmes, focus, the way into the story (or word that the report only lists
   *  the place), and a quote where the report gives one. Every value is text, never HTML. */
  function popupContent(place, labels) {
    var box = element("div", "place-popup");
    box.tabIndex = -1;
    box.appendChild(element("p", "place-popup__name", place.name));
    popupRows(place, labels).forEach(function (row) {
      var line = element("p", row[0]);
      if (row[1]) line.appendChild(element("span", "place-popup__label", row[1]));
      line.appendChild(document.createTextNode(row[2]));
      box.appendChild(line);
    });
    if (!place.story) box.appendChild(element("p", "place-popup__listed", "The report lists this place; it tells no story about it."));
    if (place.url) {  // before the quote: a popup too tall for a phone's map scrolls, and the way in stays in sight
      var text = place.story ? "Read the story of " + place.name : "About " + place.name;
      var link = element("a", "place-popup__link", text), para = element("p");
      link.href = place.url.href;
      para.appendChild(link);
      box.appendChild(para);
    }
    if (place.quote) {
      var quote = box.appendChild(element("blockquote", "place-popup__quote"));
      quote.appendChild(element("p", "", "\u201c" + place.quote.text + "\u201d"));
      if (place.quote.by) quote.appendChild(element("p", "place-popup__by", "\u2014 " + place.quote.by));
    }
    return box;
  }

  /** A marker's name, for screen readers and as a tooltip. */
  function markerLabel(place) {
    return place.name + (place.programmeNames.length ? " (" + place.programmeNames.join(" and ") + ")" : "");
  }

  /** A group's name: how many places, which, what selecting does. */
  function clusterLabel(names) {
    return names.length + " places: " + names.slice().sort().join(", ") + ". Select to zoom in.";
  }

  /** How far a popup stays from each edge to clear the controls: those on the left, at the top
   *  right, and the attribution. */
  function controlPadding(map) {
    var box = map.getContainer().getBoundingClientRect(), gap = 10, left = 0, top = 0, bottom = 0;
    map.getContainer().querySelectorAll(".leaflet-control").forEach(function (control) {
      var r = control.getBoundingClientRect(), corner = control.parentNode.classList;
      if (!r.width || !r.height) return;
      if (corner.contains("leaflet-left")) left = Math.max(left, r.right - box.left);
      else if (corner.contains("leaflet-top")) top = Math.max(top, r.bottom - box.top);
      if (corner.contains("leaflet-bottom") && corner.contains("leaflet-right")) bottom = Math.max(bottom, box.bottom - r.top);
    });
    return { topLeft: L.point(left + gap, top + gap), bottomRight: L.point(gap, bottom + gap) };
  }

  function leafletClasses() {
    if (classes) return classes;
    classes = {
      // An icon names its place(s); Leaflet would make a group's a button.
      Icon: L.DivIcon.extend({
        createIcon: function (old) {
          var div = L.DivIcon.prototype.createIcon.call(this, old);
          div.setAttribute("role", "img");
          div.setAttribute("aria-label", this.options.label);
          return div;
        },
      }),
      Popup: L.Popup.extend({
        // A popup never grows taller than the map leaves between its controls (the tip and the
        // marker below it take about 40 px): a longer one scrolls, rather than run under the
        // attribution when a font or a phone makes its text wrap more.
        _updateLayout: function () {
          if (this._map) {
            var padding = controlPadding(this._map);
            this.options.maxHeight = Math.max(120, this._map.getSize().y - padding.topLeft.y - padding.bottomRight.y - 40);
          }
          return L.Popup.prototype._updateLayout.apply(this, arguments);
        },
        _adjustPan: function () {
          if (this._map) {
            var padding = controlPadding(this._map);
            this.options.autoPanPaddingTopLeft = padding.topLeft;
            this.options.autoPanPaddingBottomRight = padding.bottomRight;
          }
          return L.Popup.prototype._adjustPan.apply(this, arguments);
        },
      }),
      // The map's own basemap: England's regions (named), Wales and Scotland faded; no tiles.
      Basemap: L.Layer.extend({
        initialize: function (options) { L.setOptions(this, options); },
        onAdd: function (map) {
          if (!map.getPane("placeBasemap")) map.createPane("placeBasemap").style.zIndex = 150;  // tiles: 200
          if (!map.getPane("placeRegionNames")) map.createPane("placeRegionNames").style.zIndex = 450;  // markers: 600
          var names = (this._names = L.layerGroup().addTo(map));
          var layer = (this._layer = L.geoJSON(null, {
            pane: "placeBasemap", interactive: false, attribution: this.options.attribution,
            style: function (f) { return { className: "place-map__" + (f.properties.kind === "region" ? "region" : "neighbour") }; },
            onEachFeature: function (f) {
              var at = f.properties.label;
              if (!Array.isArray(at) || typeof f.properties.name !== "string") return;
              names.addLayer(L.marker([at[1], at[0]], {
                pane: "placeRegionNames", interactive: false, keyboard: false,
                icon: L.divIcon({ className: "place-map__region-name", html: element("span", "", f.properties.name), iconSize: null }),
              }));
            },
          }).addTo(map));
          // One region a task: drawing the whole basemap in one would hold a phone's page up.
          var next = function (features, i) {
            if (i >= features.length || !layer._map) return;
            layer.addData(features[i]);
            setTimeout(function () { next(features, i + 1); }, 0);
          };
          if (this.options.url) api.data.load(this.options.url).then(function (data) { next((data && data.features) || [], 0); }).catch(function () {});
        },
        onRemove: function (map) { map.removeLayer(this._layer); map.removeLayer(this._names); },
      }),
    };
    return classes;
  }

  /** A dot in the programme's colour (the page's config), split for a place in two. */
  function markerIcon(place, programmes) {
    var ids = place.programmes.slice(0, 2), dot = element("span", "place-marker__dot");
    if (ids.length === 2) dot.className += " place-marker__dot--split";
    ids.forEach(function (id, index) { dot.style.setProperty("--c" + (index + 1), programmes[id].colour); });
    return new (leafletClasses().Icon)({
      html: dot,
      className: ["place-marker"].concat(place.programmes.map(function (id) { return "place-marker--" + id; })).join(" "),
      iconSize: L.point(22, 22),
      popupAnchor: L.point(0, -8),
      label: markerLabel(place),
    });
  }

  function clusterIcon(cluster) {
    var names = cluster.getAllChildMarkers().map(function (m) { return m.place.name; });
    var inner = element("div");
    inner.appendChild(element("span", "", String(names.length)));
    return new (leafletClasses().Icon)({
      html: inner, className: "marker-cluster place-cluster", iconSize: L.point(40, 40), label: clusterLabel(names),
    });
  }

  function popup(options) { return new (leafletClasses().Popup)(options); }
  function basemap(options) { return new (leafletClasses().Basemap)(options); }

  api.markers = {
    popupRows: popupRows, popupContent: popupContent, markerLabel: markerLabel, clusterLabel: clusterLabel,
    markerIcon: markerIcon, element: element, clusterIcon: clusterIcon, popup: popup, basemap: basemap,
  };
})(typeof module == "object" ? module.exports : (window.PlaceMapParts = window.PlaceMapParts || {}));
