// The "Propose a new place" form's YAML writer (content/assets/place-form/yaml.js). What PyYAML reads
// back from it is checked in tests/schema/test_form_rules.py; here, what it writes.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { yaml } = require("../../content/assets/place-form/yaml.js");

const CASES = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "data", "form-rules.json"), "utf8"));

test("a line is double-quoted, with JSON's escapes and YAML's for what YAML reads otherwise", () => {
  assert.equal(yaml.quoted('Snoring: "Great" # \\'), '"Snoring: \\"Great\\" # \\\\"');
  assert.equal(yaml.quoted("yes"), '"yes"');
  assert.equal(yaml.quoted("tab\there\nnul\u0000"), '"tab\\there\\nnul\\u0000"');
  assert.equal(yaml.quoted("del\u007f nel\u0085 c1\u009f"), '"del\\x7f nel\\x85 c1\\x9f"');
  assert.equal(yaml.quoted("a\u2028b\u2029c"), '"a\\u2028b\\u2029c"');
  assert.equal(yaml.quoted("\ufffe\uffff"), '"\\ufffe\\uffff"');
  assert.equal(yaml.quoted("café 🏰"), '"café 🏰"');  // printable text stays as it is
});

test("every awkward line of the fixture stays on one line", () => {
  for (const text of CASES.texts.lines) assert.doesNotMatch(yaml.quoted(text), /[\n\r\u0085\u2028\u2029]/, JSON.stringify(text));
});

test("prose: paragraphs at blank lines, spaces made single", () => {
  assert.deepEqual(yaml.paragraphs("One\ntwo  three\n\n \n\nFour\t five\n"), ["One two three", "Four five"]);
  assert.deepEqual(yaml.paragraphs(" \n\n "), []);
});

test("prose is a folded block, wrapped at 96, a blank line between paragraphs", () => {
  assert.equal(yaml.folded("First paragraph.\n\nSecond,   with spaces.", 2), ">-\n  First paragraph.\n\n  Second, with spaces.");
  const words = Array.from({ length: 40 }, (_, i) => "word" + i).join(" ");
  const lines = yaml.folded(words, 4).split("\n");
  assert.equal(lines[0], ">-");
  assert.ok(lines.length > 2);
  for (const line of lines.slice(1)) {
    assert.ok(line.startsWith("    ") && !line.startsWith("     "), line);
    assert.ok(line.length - 4 <= 96, line);
  }
  assert.equal(lines.slice(1).map((l) => l.trim()).join(" "), words);
  assert.equal(yaml.folded("x".repeat(120) + " y", 2), ">-\n  " + "x".repeat(120) + "\n  y");  // a long word keeps its line
});

test("prose a block cannot hold is quoted instead", () => {
  assert.equal(yaml.folded("next\u0085line\n\nsecond", 2), '"next\\x85line\\nsecond"');
  assert.equal(yaml.folded("a\u2028b", 2), ">-\n  a b");  // a line separator is a space between words
  assert.equal(yaml.folded("non\ufffecharacter", 2), '"non\\ufffecharacter"');
});

test("degrees as YAML's decimals", () => {
  assert.equal(yaml.decimal("53.7248"), "53.7248");
  assert.equal(yaml.decimal("+53.72480"), "53.7248");
  assert.equal(yaml.decimal("-1"), "-1.0");
  assert.equal(yaml.decimal("0"), "0.0");
  assert.equal(yaml.decimal("053.5"), "53.5");
  assert.equal(yaml.decimal("51.123456789"), "51.123457");
  assert.equal(yaml.decimal("1" + "0".repeat(25)), '"1' + "0".repeat(25) + '"');  // no 1e+25, which YAML reads as text
});

test("a whole number as YAML reads it: no leading zeros, no plus", () => {
  for (const c of CASES.numbers.cases) {
    if (c.writes) assert.equal(yaml.integer(c.typed), c.writes, c.typed);
  }
  assert.equal(yaml.integer("-0038"), "-38");
  assert.equal(yaml.integer("000"), "0");
  assert.equal(yaml.integer("3,8"), '"3,8"');
  assert.equal(yaml.integer("seven"), '"seven"');
});

const CONFIG = {
  modeline: "# yaml-language-server: $schema=../place.schema.json",
  lists: [
    { key: "stories", kind: "list", noun: "story", members: [
      { key: "lesson", kind: "choice", required: true, options: [["relationships", "Relationships"]] },
      { key: "title", kind: "line", required: true },
      { key: "text", kind: "text", required: true },
      { key: "quotes", kind: "list", noun: "quote", members: [
        { key: "text", kind: "line", required: true }, { key: "speaker", kind: "line", required: true },
        { key: "role", kind: "line", required: false }] },
      { key: "publication", kind: "choice", required: false, options: [["revolution-2015", "The 2015 report"]] },
      { key: "source", kind: "section", required: false, options: [] },
      { key: "enablers", kind: "choices", required: false, options: [["paul-tarplett", "Paul Tarplett"]] }] },
    { key: "outcomes", kind: "list", noun: "outcome", members: [{ key: "text", kind: "text", required: true }] },
    { key: "updates", kind: "list", noun: "update", members: [
      { key: "date", kind: "date", required: true }, { key: "title", kind: "line", required: true },
      { key: "publication", kind: "choice", required: false, options: [["revolution-2015", "The 2015 report"]] },
      { key: "link", kind: "set", members: [{ key: "url", kind: "url", required: true }, { key: "date", kind: "date", required: true }] }] },
  ],
  fields: [
    { path: "name", kind: "line", required: true },
    { path: "programmes", kind: "choices", required: true, options: ["a", "b"] },
    { path: "local_vision_number", kind: "integer", required: false },
    { path: "summary", kind: "text", required: true },
    { path: "region", kind: "choice", required: true, options: ["london"] },
    { path: "location.label", kind: "line", required: true },
    { path: "location.latitude", kind: "number", required: true },
    { path: "location.longitude", kind: "number", required: true },
    { path: "themes", kind: "choices", required: true, options: ["x"] },
  ],
};

test("the whole file: the schema's order, an empty optional field left out, the lists for later", () => {
  const values = {
    name: "Little Snoring & Fakenham", programmes: ["a", "b"], local_vision_number: "", summary: "One.\n\nTwo.",
    region: "london", "location.label": "yes", "location.latitude": "52.8302", "location.longitude": "0.8485", themes: [],
  };
  assert.equal(yaml.placeFile(CONFIG, values), [
    "# yaml-language-server: $schema=../place.schema.json",
    'name: "Little Snoring & Fakenham"',
    "programmes: [a, b]",
    "summary: >-",
    "  One.",
    "",
    "  Two.",
    "region: london",
    "location:",
    '  label: "yes"',
    "  latitude: 52.8302",
    "  longitude: 0.8485",
    "themes: []",
    "stories: []",
    "outcomes: []",
    "updates: []",
    "",
  ].join("\n"));
});

test("values not yet right are quoted, never written as YAML could misread them", () => {
  const values = {
    name: "", programmes: [], local_vision_number: "0037", summary: "", region: "nowhere: [x]",
    "location.label": "", "location.latitude": "52,8", "location.longitude": ".5", themes: [],
  };
  const lines = yaml.placeFile(CONFIG, values).split("\n");
  assert.ok(lines.includes("local_vision_number: 37"));
  assert.ok(lines.includes('region: "nowhere: [x]"'));
  assert.ok(lines.includes('  latitude: "52,8"'));
  assert.ok(lines.includes('  longitude: ".5"'));
  assert.ok(lines.includes('name: ""'));
  assert.ok(lines.includes("summary: >-"));
});

test("the lists of sets: each entry's members in the schema's order, nested lists and sets, empty ones left out", () => {
  const values = {
    name: "A", programmes: ["a"], local_vision_number: "", summary: "S.", region: "london",
    "location.label": "L", "location.latitude": "52.8", "location.longitude": "0.8", themes: ["x"],
  };
  const lists = {
    counts: { stories: 1, "stories.0.quotes": 2, outcomes: 0, updates: 2 },
    values: {
      "stories.0.lesson": "relationships", "stories.0.title": "A title: with a colon", "stories.0.text": "One.\n\nTwo.",
      "stories.0.quotes.0.text": "Quoted", "stories.0.quotes.0.speaker": "Someone", "stories.0.quotes.0.role": "",
      "stories.0.quotes.1.text": "Again", "stories.0.quotes.1.speaker": "Another",
      "stories.0.publication": "revolution-2015", "stories.0.source": "hurdles", "stories.0.enablers": ["paul-tarplett"],
      "updates.0.date": "2016", "updates.0.title": "Later", "updates.0.publication": "revolution-2015",
      "updates.1.date": "2017-03", "updates.1.title": "Linked",
      "updates.1.link.url": "https://example.org/a", "updates.1.link.date": "2017-03-01",
    },
  };
  const text = yaml.placeFile(CONFIG, values, lists);
  assert.equal(text.slice(text.indexOf("stories:")), [
    "stories:",
    "  - lesson: relationships",
    '    title: "A title: with a colon"',
    "    text: >-",
    "      One.",
    "",
    "      Two.",
    "    quotes:",
    '      - text: "Quoted"',
    '        speaker: "Someone"',
    '      - text: "Again"',
    '        speaker: "Another"',
    "    publication: revolution-2015",
    '    source: "hurdles"',
    "    enablers: [paul-tarplett]",
    "outcomes: []",
    "updates:",
    '  - date: "2016"',
    '    title: "Later"',
    "    publication: revolution-2015",
    '  - date: "2017-03"',
    '    title: "Linked"',
    "    link:",
    '      url: "https://example.org/a"',
    '      date: "2017-03-01"',
    "",
  ].join("\n"));
});
