// The map's data: places.geojson features, bounds, and addresses (content/assets/place-map/data.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { data } = require("../../content/assets/place-map/data.js");

const ROOT = "https://example.org/revolution/";
// A config as the generator writes it into a map's page (map_config in generator/map/config.py;
// tests/map/test_map.py checks the built pages' own).
const CONFIG_TEXT = JSON.stringify({
  root: "../../", slug: "^[a-z0-9]+(?:-[a-z0-9]+)*$", labels: { number: "Local Vision place no." },
  programmes: { "local-vision": { name: "Local Vision", colour: "#2c5fb8" } },
});
const CONFIG = data.parseConfig(CONFIG_TEXT, ROOT + "themes/dementia/");

function feature(properties, coordinates = [-1.8658, 53.7248]) {
  return { type: "Feature", geometry: { type: "Point", coordinates }, properties };
}

test("bounds: four numbers in range, south,west,north,east", () => {
  assert.deepEqual(data.parseBounds("50.1,-5.7,55.8,1.8", "fallback"), [[50.1, -5.7], [55.8, 1.8]]);
  assert.deepEqual(data.parseBounds(" 50 , -5 , 55 , 1 ", null), [[50, -5], [55, 1]]);
});

test("bad bounds give the fallback", () => {
  const fallback = [[1, 2], [3, 4]];
  for (const bad of [null, undefined, "", "1,2,3", "1,2,3,4,5", "a,b,c,d", "1,2,,4", "91,0,0,0", "0,181,0,0",
    "0,0,-91,0", "0,0,0,-180.5", "Infinity,0,0,0", "NaN,0,0,0", "1e999,0,0,0", "<script>,0,0,0", ",,,"]) {
    assert.equal(data.parseBounds(bad, fallback), fallback, String(bad));
  }
});

test("an address on this site is kept, made absolute", () => {
  assert.equal(data.siteUrl("places/york/", ROOT).href, "https://example.org/revolution/places/york/");
  assert.equal(data.siteUrl("/other/", ROOT).href, "https://example.org/other/");
});

test("an address off this site, or not an address, is refused", () => {
  for (const bad of ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", "data:text/html,<b>x</b>",
    "http://example.org/revolution/", "https://example.org:8443/", "vbscript:x", " javascript:alert(1)", 42, null,
    { href: "places/york/" }]) {
    assert.equal(data.siteUrl(bad, ROOT), null, String(bad));
  }
});

test("the page's config gives the root from the page's address, the slug pattern and the programmes", () => {
  assert.equal(CONFIG.root.href, ROOT);
  assert.equal(data.parseConfig(CONFIG_TEXT, ROOT + "map/?place=york").root.href, "https://example.org/");
  assert.ok(CONFIG.slug.test("older-people") && !CONFIG.slug.test("Older people") && !CONFIG.slug.test("a--b"));
  assert.deepEqual(Object.keys(CONFIG.programmes), ["local-vision"]);
  assert.equal(CONFIG.labels.number, "Local Vision place no.");
});

test("a missing or broken config is refused, not guessed", () => {
  for (const bad of [null, "", "{", "null", "[]", "42", '{"root": "../"}', '{"root": "../", "slug": "^a$"}',
    '{"root": 1, "slug": "^a$", "programmes": {}}', '{"root": "../", "slug": "(", "programmes": {}}',
    '{"root": "../", "slug": "^a$", "programmes": null}']) {
    assert.equal(data.parseConfig(bad, ROOT), null, String(bad));
  }
});

test("a feature becomes a place with checked values", () => {
  const place = data.placeOf(feature({
    slug: "calderdale", name: "Calderdale", number: 7, focus: "Children's activity",
    programmes: ["local-vision", "not-in-the-vocabulary", "__proto__", 3], programme_names: ["Local Vision"],
    themes: ["physical-activity", {}], theme_names: ["Physical activity"], url: "places/calderdale/",
    story: true, quote: { text: "We did it together.", by: "A participant", extra: 1 },
  }), CONFIG);
  assert.deepEqual({ ...place, url: place.url.href }, {
    slug: "calderdale", name: "Calderdale", number: 7, focus: "Children's activity",
    programmes: ["local-vision"], programmeNames: ["Local Vision"], themes: ["physical-activity"],
    themeNames: ["Physical activity"], lat: 53.7248, lon: -1.8658,
    url: "https://example.org/revolution/places/calderdale/",
    story: true, quote: { text: "We did it together.", by: "A participant" },
  });
});

test("a place the report only lists has no story; a quote that is not text is dropped", () => {
  const place = data.placeOf(feature({ slug: "york", name: "York", story: "yes", quote: { text: ["<b>x</b>"] } }), CONFIG);
  assert.equal(place.story, false);
  assert.equal(place.quote, null);
  const bare = data.placeOf(feature({ slug: "york", quote: { text: "Words", by: 7 } }), CONFIG);
  assert.deepEqual(bare.quote, { text: "Words", by: "" });
});

test("a feature whose page is on another site links to the place's page on this site instead", () => {
  // places.geojson built with SITE_URL gives the published address; a preview elsewhere, or a hostile
  // value, never sends the reader off this site.
  for (const url of ["https://evil.example/york/", "https://places.example/revolution/places/york/", "javascript:x", 7]) {
    const place = data.placeOf(feature({ slug: "york", name: "York", url: url }), CONFIG);
    assert.equal(place.url.href, "https://example.org/revolution/places/york/", String(url));
    assert.equal(place.name, "York");
  }
});

test("features that are not usable places are left out", () => {
  for (const bad of [null, {}, { properties: { slug: "york" } },
    feature({ slug: "<script>" }), feature({ slug: "../../x" }), feature({ slug: "York" }), feature({ slug: 7 }),
    feature({ slug: "york" }, ["a", 53]), feature({ slug: "york" }, [NaN, 53]),
    { geometry: { type: "Polygon", coordinates: [] }, properties: { slug: "york" } }]) {
    assert.equal(data.placeOf(bad, CONFIG), null, JSON.stringify(bad));
  }
});

test("text stays text: a name or focus with markup is kept as it is, a non-integer number dropped", () => {
  const name = "<img src=x onerror=alert(1)> ${alert(2)}";
  const place = data.placeOf(feature({ slug: "x", name, focus: name, number: "7" }), CONFIG);
  assert.equal(place.name, name);
  assert.equal(place.focus, name);
  assert.equal(place.number, null);
});

test("the JSON is fetched once, and again after a failure", async () => {
  const calls = [];
  let fail = true;
  global.fetch = async (url) => {
    calls.push(url);
    return fail ? { ok: false, status: 404, statusText: "Not Found" } : { ok: true, json: async () => ({ n: 1 }) };
  };
  try {
    await assert.rejects(data.load("https://example.org/a.json"), /404 Not Found/);
    fail = false;
    assert.deepEqual(await data.load("https://example.org/a.json"), { n: 1 });
    assert.deepEqual(await data.load("https://example.org/a.json"), { n: 1 });
    assert.equal(calls.length, 2);
  } finally {
    delete global.fetch;
  }
});
