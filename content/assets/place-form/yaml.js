/* The "Propose a new place" form's YAML writer: the place file, as the contributor guide writes one,
   that `python -m generator validate` reads back as the text typed. Pure functions, no page; Node's
   unit tests (tests/js/place-form-yaml.test.js) and PyYAML (tests/schema/test_form_rules.py) check them. */
(function (api) {
  "use strict";

  // What YAML reads raw: tab, line feed, carriage return, printable ASCII, NEL and the rest of
  // Unicode but surrogates, U+FFFE and U+FFFF (PyYAML's and libyaml's readers refuse the others).
  var UNPRINTABLE = /[^\t\n\r\u0020-\u007e\u0085\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
  // YAML reads NEL, U+2028 and U+2029 as line breaks; C1 controls and DEL are escaped too.
  var ESCAPED = /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g;

  /** A value as a YAML double-quoted string on one line. JSON's escapes are YAML's too. */
  function quoted(value) {
    return JSON.stringify(value).replace(ESCAPED, function (c) {
      var hex = c.charCodeAt(0).toString(16);
      return c.charCodeAt(0) > 0xff ? "\\u" + ("000" + hex).slice(-4) : "\\x" + hex;
    });
  }

  /** Prose as paragraphs: split at blank lines, each on one line with single spaces. */
  function paragraphs(text) {
    return text.split(/\n\s*\n/).map(function (p) { return p.split(/\s+/).join(" ").trim(); })
      .filter(function (p) { return p; });
  }

  function wrap(paragraph, width) {
    var lines = [], line = "";
    paragraph.split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > width) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    });
    lines.push(line);
    return lines;
  }

  /** Prose as a folded block (`>-`), wrapped at 96, a blank line between paragraphs: as the guide
   *  writes it; YAML reads it back as the paragraphs joined by line feeds. Text a block cannot hold
   *  (a character YAML reads as a line break, or refuses raw) is written quoted instead. */
  function folded(text, indent) {
    var kept = paragraphs(text);
    if (kept.some(function (p) { return UNPRINTABLE.test(p) || /[\u0085\u2028\u2029]/.test(p); })) {
      return quoted(kept.join("\n"));
    }
    var pad = new Array(indent + 1).join(" ");
    return ">-\n" + kept.map(function (p) {
      return wrap(p, 96).map(function (l) { return pad + l; }).join("\n");
    }).join("\n\n");
  }

  /** Degrees as YAML reads a decimal number: `53.7248`, `-1.0`, at most 6 decimals (about 0.1 m). */
  function decimal(value) {
    var text = Number(value).toFixed(6).replace(/0+$/, "");
    text = /\.$/.test(text) ? text + "0" : text;
    return /^-?[0-9]+\.[0-9]+$/.test(text) ? text : quoted(value);
  }

  /** A whole number typed as text, as YAML reads a number: `0038` → `38`, `+7` → `7`. YAML would
   *  read `0038` as text, and a YAML 1.1 reader `0037` as the octal 31. Anything else is quoted. */
  function integer(value) {
    var parts = /^([-+]?)0*([0-9]+)$/.exec(value);
    return parts ? (parts[1] === "-" ? "-" : "") + parts[2] : quoted(value);
  }

  function scalar(field, value) {
    if (field.kind === "number" && /^[-+]?\d+(\.\d+)?$/.test(value)) return decimal(value);
    if (field.kind === "integer") return integer(value);
    var ids = (field.options || []).map(function (o) { return Array.isArray(o) ? o[0] : o; });
    if ((field.kind === "choice" || field.kind === "section") && ids.indexOf(value) >= 0) return value;
    return quoted(value);
  }

  function entry(field, value, indent) {
    var parts = (field.path || field.key).split("."), key = indent + parts[parts.length - 1] + ": ";
    if (field.kind === "choices") return key + "[" + value.join(", ") + "]";
    if (field.kind === "text") return key + folded(value, indent.length + 2);
    return key + scalar(field, value);
  }

  /** The lines of an entry's members (fields, lists, sets) at `at`, an empty optional one left out. */
  function memberLines(specs, at, lists, indent) {
    var lines = [];
    specs.forEach(function (spec) {
      var path = at + "." + spec.key, value = lists.values[path];
      if (spec.kind === "list") {
        var n = lists.counts[path] || 0;
        if (n) lines.push(indent + spec.key + ":");
        for (var i = 0; i < n; i++) lines = lines.concat(entryLines(spec.members, path + "." + i, lists, indent + "  "));
      } else if (spec.kind === "set") {
        var inner = memberLines(spec.members, path, lists, indent + "  ");
        if (inner.length) lines = lines.concat([indent + spec.key + ":"], inner);
      } else if (value !== undefined && (spec.kind === "choices" ? value.length : value !== "")) {
        lines.push(entry(spec, value, indent));
      }
    });
    return lines;
  }

  /** One entry of a list: `- ` before its first member, the others in line with it. */
  function entryLines(specs, at, lists, indent) {
    var lines = memberLines(specs, at, lists, indent + "  ");
    if (!lines.length) return [indent + "- {}"];
    lines[0] = indent + "- " + lines[0].slice(indent.length + 2);
    return lines;
  }

  /** The place file: the modeline, each field in the schema's order (an empty optional one left out),
   *  then each list of sets (config.lists) with the entries made (lists: {values by path, counts}),
   *  or `[]`. config: the form's (modeline, fields, lists). */
  function placeFile(config, values, lists) {
    var lines = [config.modeline], groups = {};
    config.fields.forEach(function (field) {
      var value = values[field.path], parts = field.path.split(".");
      if (parts.length > 1 && !groups[parts[0]]) {
        groups[parts[0]] = true;
        lines.push(parts[0] + ":");
      }
      if (field.kind !== "choices" && value === "" && !field.required) return;
      lines.push(entry(field, value, parts.length > 1 ? "  " : ""));
    });
    lists = lists || { values: {}, counts: {} };
    (config.lists || []).forEach(function (spec) {
      var n = lists.counts[spec.key] || 0;
      if (!n) { lines.push(spec.key + ": []"); return; }
      lines.push(spec.key + ":");
      for (var i = 0; i < n; i++) lines = lines.concat(entryLines(spec.members, spec.key + "." + i, lists, "  "));
    });
    return lines.join("\n") + "\n";
  }

  api.yaml = { quoted: quoted, paragraphs: paragraphs, folded: folded, decimal: decimal, integer: integer, placeFile: placeFile };
})(typeof module == "object" ? module.exports : (window.PlaceFormParts = window.PlaceFormParts || {}));
