// places.geojson gives page addresses relative to the site's root, or absolute under SITE_URL when the
// site is built for one (generator/map/geojson.py): the map resolves both to the same page.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { data } = require("../../content/assets/place-map/data.js");

const ROOT = "https://example.org/revolution/";
const CONFIG = data.parseConfig(JSON.stringify({
  root: "../../", slug: "^[a-z0-9]+(?:-[a-z0-9]+)*$", labels: { number: "Local Vision place no." },
  programmes: { "local-vision": { name: "Local Vision", colour: "#2c5fb8" } },
}), ROOT + "themes/dementia/");

function feature(url) {
  return { type: "Feature", geometry: { type: "Point", coordinates: [-1.08, 53.96] },
    properties: { slug: "york", name: "York", programmes: ["local-vision"], url } };
}

test("a relative and an absolute page address lead to the same page", () => {
  const relative = data.placeOf(feature("places/york/"), CONFIG);
  const absolute = data.placeOf(feature(ROOT + "places/york/"), CONFIG);
  assert.equal(relative.url.href, ROOT + "places/york/");
  assert.equal(absolute.url.href, relative.url.href);
});
