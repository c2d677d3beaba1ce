/* The "Propose a new place" form's rules: what it refuses in each field, and the file name a name
   gives. Pure functions, no page. The rules it shares with `python -m generator validate` come from
   the page as data (`rules` in the form's data-config, made by form_rules() in
   generator/pages/contribute.py): the hidden characters, a visible letter, the slug, the Local Vision
   number and England's outline. tests/data/form-rules.json holds the tricky cases that both
   this file (tests/js/place-form-rules.test.js) and Python (tests/schema/test_form_rules.py) are held to. */
(function (api) {
  "use strict";

  /** The page's rules, their patterns made into regular expressions once. */
  function compile(rules) {
    return {
      hidden: new RegExp(rules.hidden, "u"),
      letter: new RegExp(rules.letter, "u"),
      word: new RegExp(rules.slug.word, "g"),
      slugPattern: new RegExp(rules.slug.pattern),
      slugLength: rules.slug.maxLength,
      number: rules.number,
      england: rules.england,
      lookalike: rules.lookalike,
      date: new RegExp(rules.date.pattern),
      url: new RegExp(rules.url.pattern),
      urlLength: rules.url.maxLength,
    };
  }

  /** A name's skeleton, as text.lookalikes.skeleton makes it: names with the same skeleton look the
   *  same (case, spacing and look-alike letters aside: a Cyrillic о is an o). The page's table gives
   *  each character whose skeleton is not its lower case. */
  function skeleton(name, r) {
    var out = "";
    for (var ch of name.normalize("NFKC")) out += has(r.lookalike, ch) ? r.lookalike[ch] : ch.toLowerCase();
    return out.replace(/rn/g, "m").split(/\s+/).filter(Boolean).join(" ");
  }

  /** Today's date as validate's computer sees it (local time), `YYYY-MM-DD`. */
  function isoToday(now) {
    var d = now || new Date();
    return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map(function (n, i) {
      return ("000" + n).slice(i ? -2 : -4);
    }).join("-");
  }

  /** A date's problem as schema.fields.IsoDate gives it ("" if none): the grammar from the page,
   *  then the calendar, then today (the first day of a year or month must not be after it). */
  function checkDate(value, r, today) {
    if (!r.date.test(value)) return "Write the date as YYYY, YYYY-MM or YYYY-MM-DD, such as 2015-11.";
    var parts = value.split("-").map(Number), y = parts[0];
    var m = parts.length > 1 ? parts[1] : 1, d = parts.length > 2 ? parts[2] : 1;
    var day = new Date(Date.UTC(2000, 0, 1));
    day.setUTCFullYear(y, m - 1, d);
    if (y < 1 || day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
      return "This is not a date in the calendar.";
    }
    var first = ("000" + y).slice(-4) + "-" + ("0" + m).slice(-2) + "-" + ("0" + d).slice(-2);
    return first > (today || isoToday()) ? "This is in the future: only what has already happened, or been published, has a date." : "";
  }

  /** A web address's problem as schema.fields.HttpsUrl gives it ("" if none). */
  function checkUrl(value, r) {
    var scheme = value.indexOf(":") >= 0 ? value.split(":")[0].toLowerCase() : "";
    if (scheme !== "https") return "Give a public address starting with https://" + (scheme ? ", not " + scheme + ":." : ".");
    if (value.length > r.urlLength) return "At most " + r.urlLength + " characters; this has " + value.length + ".";
    if (!r.url.test(value)) return "A plain web address only: no spaces, quotes, <, >, backslashes or letters outside ASCII (percent-encode them).";
    return "";
  }

  /** A name's file name stem, as schema.slugify makes it: `Adur & Worthing` → `adur-and-worthing`. */
  function slugify(name, r) {
    var text = name.normalize("NFKD").replace(/[^\u0000-\u007f]/g, "").toLowerCase().replace(/&/g, " and ");
    return (text.match(r.word) || []).join("-").slice(0, r.slugLength).replace(/^-+|-+$/g, "");
  }

  /** The first hidden character of text (see generator/text/hidden.py), as `U+200B`; "" if none. */
  function hiddenCharacter(text, r) {
    var found = r.hidden.exec(text);
    if (!found) return "";
    var hex = found[0].codePointAt(0).toString(16).toUpperCase();
    return "U+" + ("000" + hex).slice(-Math.max(4, hex.length));
  }

  /** A whole number as a person types it: digits, a sign, leading zeros (`0038` is 38); else null. */
  function wholeNumber(text) {
    return /^[-+]?[0-9]+$/.test(text) ? Number(text) : null;
  }

  function inRing(x, y, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var x1 = ring[j][0], y1 = ring[j][1], x2 = ring[i][0], y2 = ring[i][1];
      if ((y1 > y) !== (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1)) inside = !inside;
    }
    return inside;
  }

  /** Is (latitude, longitude) inside England's outline? england.in_england's even-odd test. */
  function inEngland(r, latitude, longitude) {
    return r.england.some(function (ring) { return inRing(longitude, latitude, ring); });
  }

  /** Where a point is: "england", else the likely slip ("swapped", "sign") or "" (validate's order). */
  function placeOfPoint(r, latitude, longitude) {
    if (inEngland(r, latitude, longitude)) return "england";
    if (inEngland(r, longitude, latitude)) return "swapped";
    return inEngland(r, latitude, -longitude) ? "sign" : "";
  }

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function isNumbered(ctx, values) {
    return (values.programmes || []).indexOf(ctx.rules.number.programme) >= 0;
  }

  function checkEmpty(ctx, field, values) {
    if (field.kind === "section") return "Choose the section of the publication it comes from.";
    if (field.path === ctx.rules.number.field && isNumbered(ctx, values)) {
      return "A Local Vision place needs its number from Appendix A.";
    }
    if (!field.required) return "";
    return field.kind === "choices" ? "Choose at least " + (field.minItems || 1) + "." : "This is required.";
  }

  function checkChoice(field, value) {
    var ids = field.options.map(function (o) { return Array.isArray(o) ? o[0] : o; });
    var unknown = [].concat(value).filter(function (v) { return ids.indexOf(v) < 0; });
    return unknown.length ? "Not an allowed value: " + unknown.join(", ") + "." : "";
  }

  function checkName(ctx, value) {
    if (!ctx.rules.letter.test(value)) return "A name needs at least one visible letter or digit.";
    var slug = slugify(value, ctx.rules);
    if (!ctx.rules.slugPattern.test(slug)) return "The name needs at least one letter a–z or digit, for its file name.";
    if (has(ctx.places, slug)) return "“" + ctx.places[slug] + "” is already on the site: correct its page instead (the link at its foot).";
    var same = skeleton(value, ctx.rules);
    if (ctx.names && has(ctx.names, same)) {
      return "“" + ctx.names[same] + "” is already on the site, and this name looks the same: correct that page instead (the link at its foot).";
    }
    return "";
  }

  function checkText(ctx, field, value) {
    if (field.maxLength && value.length > field.maxLength) {
      return "At most " + field.maxLength + " characters; this has " + value.length + ".";
    }
    var hidden = hiddenCharacter(value, ctx.rules);
    if (hidden) return "It contains the invisible or control character " + hidden + ": delete it.";
    if (field.kind === "line" && /[\t\n\r]/.test(value)) return "It must be one line, with no tab: use a space.";
    return field.path === "name" ? checkName(ctx, value) : "";
  }

  function checkInteger(ctx, field, value, values) {
    var n = wholeNumber(value);
    if (n === null) return "Write a whole number, such as 7.";
    if (n < field.minimum || n > field.maximum) return "Appendix A numbers run from " + field.minimum + " to " + field.maximum + ".";
    if (!isNumbered(ctx, values)) return "Only Local Vision places have a number: tick Local Vision, or leave this empty.";
    if (has(ctx.numbers, String(n))) return "Number " + n + " is " + ctx.numbers[String(n)] + " already.";
    return "";
  }

  function checkDegrees(field, value) {
    if (/^-?\d+,\d+$/.test(value)) return "Use a decimal point, not a comma: " + value.replace(",", ".");
    if (!/^[-+]?\d+(\.\d+)?$/.test(value)) return "Write a number in degrees, such as " + (field.path.indexOf("lat") >= 0 ? "53.7248" : "-1.8658") + ".";
    var x = Number(value);
    if (x < field.minimum || x > field.maximum) return "Must lie between " + field.minimum + " and " + field.maximum + ".";
    return "";
  }

  /** What is wrong with one field's value ("" if nothing). ctx: {rules: compile(...), places, numbers}. */
  function checkField(ctx, field, value, values) {
    if (field.kind === "choices" ? value.length === 0 : value === "") return checkEmpty(ctx, field, values);
    if (field.kind === "choices" || field.kind === "choice") return checkChoice(field, value);
    if (field.kind === "section") return "";  // the page offers only the chosen publication's sections
    if (field.kind === "date") return checkText(ctx, field, value) || checkDate(value, ctx.rules);
    if (field.kind === "url") return checkText(ctx, field, value) || checkUrl(value, ctx.rules);
    if (field.kind === "line" || field.kind === "text") return checkText(ctx, field, value);
    if (field.kind === "integer") return checkInteger(ctx, field, value, values);
    return checkDegrees(field, value);
  }

  /** The location's problem, added to the latitude's, when both numbers are fine but not in England. */
  function checkPoint(ctx, values, errors) {
    var lat = values["location.latitude"], lon = values["location.longitude"];
    if (errors["location.latitude"] || errors["location.longitude"] || !lat || !lon) return;
    lat = Number(lat); lon = Number(lon);
    var where = placeOfPoint(ctx.rules, lat, lon);
    if (where === "england") return;
    var hint = where === "swapped" ? " They look swapped."
      : where === "sign" ? " The longitude's sign looks wrong: west of Greenwich is negative." : "";
    errors["location.latitude"] = "This point (" + lat + ", " + lon + ") is not in England." + hint;
  }

  /** The spec of a list's field from its path in the file: `stories.0.quotes.1.text` → the quotes'
   *  `text` (lists: the page's config.lists, from the schema). */
  function specOf(lists, path) {
    var found = null, pool = lists;
    path.split(".").filter(function (part) { return !/^[0-9]+$/.test(part); }).forEach(function (key) {
      found = pool && pool.filter(function (spec) { return spec.key === key; })[0];
      pool = found && found.members;
    });
    return found;
  }

  /** Where a field of the lists is, in words: `stories.0.quotes.1.speaker` → "Story 1, quote 2: Speaker". */
  function describePath(lists, path) {
    var parts = path.split("."), words = [], pool = lists, spec = null;
    parts.forEach(function (part) {
      if (/^[0-9]+$/.test(part)) { words.push(spec.noun + " " + (Number(part) + 1)); return; }
      spec = pool.filter(function (s) { return s.key === part; })[0];
      pool = spec.members || [];
      if (spec.kind === "set") words.push(spec.label.toLowerCase());
    });
    var where = words.join(", ");
    return where.charAt(0).toUpperCase() + where.slice(1) + ": " + spec.label;
  }

  /** Every problem of the lists' fields (values: those asked for, by path). A story's Enablers must
   *  be among the place's own (placeValues.enablers), as checks/rules.check_story_enablers wants. */
  function checkLists(ctx, lists, values, placeValues) {
    var errors = {};
    Object.keys(values).forEach(function (path) {
      var spec = specOf(lists, path);
      if (!spec) return;
      errors[path] = checkField(ctx, { path: path, kind: spec.kind, required: spec.required, label: spec.label,
        maxLength: spec.maxLength, options: spec.options || [] }, values[path], values);
      var own = placeValues && placeValues.enablers;
      if (!errors[path] && spec.key === "enablers" && Array.isArray(own)) {
        var missing = values[path].filter(function (id) { return own.indexOf(id) < 0; });
        if (missing.length) errors[path] = "Tick " + missing.join(", ") + " among the place's Enablers above too, or untick it here.";
      }
    });
    return errors;
  }

  /** Every field's problem by its path ("" for none). */
  function checkAll(ctx, fields, values) {
    var errors = {};
    fields.forEach(function (field) { errors[field.path] = checkField(ctx, field, values[field.path], values); });
    checkPoint(ctx, values, errors);
    return errors;
  }

  api.rules = {
    compile: compile, slugify: slugify, hiddenCharacter: hiddenCharacter, wholeNumber: wholeNumber,
    skeleton: skeleton, checkDate: checkDate, checkUrl: checkUrl, isoToday: isoToday,
    specOf: specOf, describePath: describePath, checkLists: checkLists,
    inEngland: inEngland, placeOfPoint: placeOfPoint, checkField: checkField, checkAll: checkAll,
  };
})(typeof module == "object" ? module.exports : (window.PlaceFormParts = window.PlaceFormParts || {}));
