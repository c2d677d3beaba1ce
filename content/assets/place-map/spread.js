/* Every place in sight: close neighbours set apart on the screen (a thin line leads back to where the
   place is), and names shown when few places are in view. Where the map is too narrow for that, the
   places layer groups them instead (layer.js). */
(function (api) {
  "use strict";

  var GOLDEN = Math.PI * (3 - Math.sqrt(5));

  /** Points [{x, y}] (pixels) moved apart until no two are closer than `gap`, each as little as it
   *  can: a pair too close is pushed apart along the line between them, half each, and again until
   *  none is (or `rounds` have run). Points only meet their grid cell's neighbours. Same input, same
   *  output: points on the very same spot part at angles set by their order. */
  function spread(points, gap, rounds) {
    // Points on the same spot start on a small sunflower around it, so that they part evenly.
    var seen = new Map(), p = points.map(function (q) {
      var key = q.x + "," + q.y, k = seen.get(key) || 0, r = Math.sqrt(k) * gap * 0.3;
      seen.set(key, k + 1);
      return { x: q.x + r * Math.cos(k * GOLDEN), y: q.y + r * Math.sin(k * GOLDEN) };
    });
    rounds = rounds || 80;
    for (var round = 0; round < rounds; round += 1) {
      var grid = new Map(), moved = false;
      p.forEach(function (q, i) {
        var key = Math.floor(q.x / gap) + "," + Math.floor(q.y / gap);
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key).push(i);
      });
      p.forEach(function (q, i) {
        var cx = Math.floor(q.x / gap), cy = Math.floor(q.y / gap);
        for (var dx = -1; dx <= 1; dx += 1) {
          for (var dy = -1; dy <= 1; dy += 1) {
            (grid.get((cx + dx) + "," + (cy + dy)) || []).forEach(function (j) {
              if (j <= i) return;
              var r = p[j], ux = r.x - q.x, uy = r.y - q.y, d = Math.sqrt(ux * ux + uy * uy);
              if (d >= gap - 0.01) return;
              if (d < 0.01) { ux = Math.cos((i + j) * GOLDEN); uy = Math.sin((i + j) * GOLDEN); d = 1; }
              var push = (gap - d) / 2 + 0.05;
              q.x -= (ux / d) * push; q.y -= (uy / d) * push;
              r.x += (ux / d) * push; r.y += (uy / d) * push;
              moved = true;
            });
          }
        }
      });
      if (!moved) break;
    }
    return p;
  }

  /** The markers at their places, then set apart at this zoom; `leaders` gets a line from each place
   *  to its marker where the two are apart. */
  function spreadMarkers(map, markerList, leaders, gap) {
    var home = markerList.map(function (m) { return map.latLngToLayerPoint([m.place.lat, m.place.lon]); });
    var moved = spread(home, gap);
    leaders.clearLayers();
    markerList.forEach(function (m, i) {
      var to = L.point(moved[i].x, moved[i].y);
      m.setLatLng(map.layerPointToLatLng(to));
      if (to.distanceTo(home[i]) > 3) {
        leaders.addLayer(L.polyline([[m.place.lat, m.place.lon], m.getLatLng()], {
          className: "place-map__leader", interactive: false, weight: 1.5,
        }));
      }
    });
  }

  /** Whether names show beside every marker: when at most `most` of them are in view. */
  function namesShown(count, most) { return count > 0 && count <= most; }

  /** A marker's name: on hover and focus, or always (`always`); bound again only when that changes. */
  function setName(marker, always) {
    var tooltip = marker.getTooltip();
    if (tooltip && tooltip.options.permanent === always) return;
    if (tooltip) marker.unbindTooltip();
    var label = document.createElement("span");
    label.textContent = marker.place.name;
    marker.bindTooltip(label, {
      permanent: always, direction: "right", offset: L.point(10, 0), className: "place-map__name",
    });
  }

  /** Whether two boxes ({left, top, right, bottom}) overlap. */
  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  /** Names that would cover another name or a marker are hidden (in the markers' order), until their
   *  marker is hovered or focused: a name is never drawn over another. */
  function declutter(markerList) {
    var shown = markerList.filter(function (m) { return m.getElement(); });
    var taken = shown.map(function (m) { return m.getElement().getBoundingClientRect(); });
    shown.forEach(function (m, i) {
      var tooltip = m.getTooltip(), box = tooltip && tooltip.options.permanent && tooltip.getElement();
      if (!box) return;
      box.classList.remove("place-map__name--hidden");
      var r = box.getBoundingClientRect();
      var clear = taken.every(function (t, j) { return j === i || !overlaps(r, t); });
      if (clear) taken.push(r);
      else box.classList.add("place-map__name--hidden");
    });
  }

  /** Names beside the markers in view when few places are (grouped or not), else on hover and
   *  focus only. */
  function labelMarkers(map, markerList, most) {
    var view = map.getBounds(), inView = markerList.filter(function (m) { return view.contains([m.place.lat, m.place.lon]); });
    var always = namesShown(inView.length, most);
    markerList.forEach(function (m) { setName(m, always && Boolean(m.getElement()) && view.contains(m.getLatLng())); });
    if (always) declutter(markerList);
  }

  api.spread = { spread: spread, spreadMarkers: spreadMarkers, namesShown: namesShown, overlaps: overlaps, labelMarkers: labelMarkers };
})(typeof module == "object" ? module.exports : (window.PlaceMapParts = window.PlaceMapParts || {}));
