/* The maps' data: the page's config, places.geojson, bounds, addresses (files: RUNTIME_JS in
   generator/map/elements.py). A value from the data reaches the page as text, never HTML or code. */
(function (api) {
  "use strict";

  var cache = {};

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function strings(value) {
    return Array.isArray(value) ? value.filter(function (v) { return typeof v === "string"; }) : [];
  }

  /** "south,west,north,east" as [[s, w], [n, e]], or the fallback. */
  function parseBounds(text, fallback) {
    var n = String(text || "").split(",").map(function (p) { return p.trim() ? Number(p) : NaN; });
    var ok = n.length === 4 && n.every(isFinite) &&
      Math.abs(n[0]) <= 90 && Math.abs(n[2]) <= 90 && Math.abs(n[1]) <= 180 && Math.abs(n[3]) <= 180;
    return ok ? [[n[0], n[1]], [n[2], n[3]]] : fallback;
  }

  // folium's script calls this
  function bounds(container, fallback) { return parseBounds(container.getAttribute("data-bounds"), fallback); }

  /** A map's data-config (see map_config in generator/map/config.py), or null if it is not that. */
  function parseConfig(text, pageUrl) {
    try {
      var c = JSON.parse(text);
      if (typeof c.root !== "string" || typeof c.slug !== "string" || typeof c.programmes !== "object" || !c.programmes) return null;
      return { root: new URL(c.root, pageUrl), slug: new RegExp(c.slug), programmes: c.programmes, labels: c.labels || {} };
    } catch (e) {
      return null;
    }
  }

  /** An address as a URL on this site (root's origin), or null. */
  function siteUrl(value, root) {
    if (typeof value !== "string") return null;
    var url;
    try { url = new URL(value, root); } catch (e) { return null; }
    return url.origin === new URL(root).origin ? url : null;
  }

  /** A place from a GeoJSON feature, checked; null if it is not a usable place. */
  function placeOf(feature, config) {
    var p = feature && feature.properties, g = feature && feature.geometry;
    if (!p || !g || g.type !== "Point" || !Array.isArray(g.coordinates)) return null;
    var lon = Number(g.coordinates[0]), lat = Number(g.coordinates[1]);
    if (typeof p.slug !== "string" || !config.slug.test(p.slug) || !isFinite(lat) || !isFinite(lon)) return null;
    return {
      slug: p.slug,
      name: String(p.name || p.slug),
      number: Number.isInteger(p.number) ? p.number : null,
      focus: typeof p.focus === "string" ? p.focus : "",
      programmes: strings(p.programmes).filter(function (id) { return has(config.programmes, id); }),
      themes: strings(p.themes),
      themeNames: strings(p.theme_names),
      programmeNames: strings(p.programme_names),
      lat: lat,
      lon: lon,
      // places.geojson gives full addresses when the site was built with SITE_URL; a copy served
      // from elsewhere (a preview, a mirror) then links to the place's page on this site instead.
      url: siteUrl(p.url, config.root) || new URL("places/" + p.slug + "/", config.root),
      story: p.story === true,
      quote: p.quote && typeof p.quote.text === "string"
        ? { text: p.quote.text, by: typeof p.quote.by === "string" ? p.quote.by : "" } : null,
    };
  }

  /** The JSON at url, fetched once (again after a failure). */
  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.statusText);
        return response.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }

  api.data = { parseBounds: parseBounds, parseConfig: parseConfig, siteUrl: siteUrl, placeOf: placeOf, load: load };
  api.bounds = bounds;
})(typeof module == "object" ? module.exports : (window.PlaceMapParts = window.PlaceMapParts || {}));
