/* The "Propose a new place" form (contribute/): checks what a browser can, shows the place file it
   makes, and opens GitHub's new-file page with it. The fields and their limits come from the page's
   JSON (made from the place schema by generator/contribute.py); `python -m generator validate`
   stays the judge, in the pull request's checks. Runs on every page load, including Material's
   instant navigation (document$). */
(function () {
  "use strict";

  var URL_LIMIT = 8000; // GitHub refuses longer addresses
  var FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

  function slugify(name) {
    var text = name.normalize("NFKD").replace(/[^\u0000-\u007f]/g, "").toLowerCase().replace(/&/g, " and ");
    return (text.match(/[a-z0-9]+/g) || []).join("-").slice(0, 80).replace(/^-+|-+$/g, "");
  }

  function inRing(x, y, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var x1 = ring[j][0], y1 = ring[j][1], x2 = ring[i][0], y2 = ring[i][1];
      if ((y1 > y) !== (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1)) inside = !inside;
    }
    return inside;
  }

  function inEngland(config, latitude, longitude) {
    return config.england.some(function (ring) { return inRing(longitude, latitude, ring); });
  }

  // A one-line value as a YAML double-quoted string. JSON's escapes are YAML's too; YAML also
  // reads U+2028/U+2029 as line breaks and refuses C1 control characters, so those are escaped.
  function quoted(value) {
    return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]/g, function (c) {
      var hex = c.charCodeAt(0).toString(16);
      return c.charCodeAt(0) > 0xff ? "\\u" + ("000" + hex).slice(-4) : "\\x" + hex;
    });
  }

  function paragraphs(text) {
    return text.split(/\n\s*\n/).map(function (p) { return p.split(/\s+/).join(" ").trim(); })
      .filter(function (p) { return p; });
  }

  // Prose as a folded block (`>-`), wrapped, a blank line between paragraphs: as the guide writes it.
  function folded(text, indent) {
    var pad = new Array(indent + 1).join(" ");
    return ">-\n" + paragraphs(text).map(function (p) {
      var lines = [], line = "";
      p.split(" ").forEach(function (word) {
        if (line && (line + " " + word).length > 96) { lines.push(line); line = word; }
        else line = line ? line + " " + word : word;
      });
      lines.push(line);
      return lines.map(function (l) { return pad + l; }).join("\n");
    }).join("\n\n");
  }

  function decimal(value) {
    var text = Number(value).toFixed(6).replace(/0+$/, "");
    return /\.$/.test(text) ? text + "0" : text;
  }

  function setup() {
    var form = document.getElementById("place-form");
    // The form's data-config, not a <script type="application/json">: Material's instant navigation
    // re-creates each script in the page without its type, and runs the JSON as code.
    if (!form || !form.hasAttribute("data-config") || form.dataset.ready) return;
    form.dataset.ready = "true";
    var config = JSON.parse(form.getAttribute("data-config"));
    var meta = document.querySelector('meta[name="repository"]');
    var repo = meta ? meta.content.replace(/\/+$/, "") : "";
    var open = document.getElementById("place-form-open");
    var status = document.getElementById("place-form-status");
    var problemsBox = document.getElementById("place-form-problems");
    var output = document.getElementById("place-form-yaml");
    var filename = document.getElementById("place-form-filename");
    var touched = {}, showAll = false, current = { yaml: "", slug: "", valid: false };

    function box(path) { return form.querySelector('[data-path="' + path + '"]'); }

    function read(field) {
      var element = box(field.path);
      if (field.kind === "choices") {
        return Array.prototype.map.call(element.querySelectorAll("input:checked"), function (i) { return i.value; });
      }
      return element.querySelector("input, select, textarea").value.trim();
    }

    function check(field, value, values) {
      var empty = field.kind === "choices" ? value.length === 0 : value === "";
      if (empty) {
        if (field.path === "local_vision_number" && values.programmes.indexOf("local-vision") >= 0) {
          return "A Local Vision place needs its number from Appendix A.";
        }
        if (!field.required) return "";
        return field.kind === "choices" ? "Choose at least " + (field.minItems || 1) + "." : "This is required.";
      }
      if (field.kind === "choices" || field.kind === "choice") {
        var unknown = [].concat(value).filter(function (v) { return field.options.indexOf(v) < 0; });
        return unknown.length ? "Not an allowed value: " + unknown.join(", ") + "." : "";
      }
      if (field.kind === "line" || field.kind === "text") {
        if (field.maxLength && value.length > field.maxLength) {
          return "At most " + field.maxLength + " characters; this has " + value.length + ".";
        }
        if (FORBIDDEN.test(value)) return "It contains a control character: retype it without.";
        if (field.path === "name") {
          var slug = slugify(value);
          if (!slug) return "The name needs at least one letter a–z or digit, for its file name.";
          if (config.places[slug]) return "“" + config.places[slug] + "” is already on the site: correct its page instead (the link at its foot).";
        }
        return "";
      }
      if (field.kind === "integer") {
        if (!/^\d+$/.test(value)) return "Write a whole number, such as 7.";
        var n = Number(value);
        if (n < field.minimum || n > field.maximum) return "Appendix A numbers run from " + field.minimum + " to " + field.maximum + ".";
        if (values.programmes.indexOf("local-vision") < 0) return "Only Local Vision places have a number: tick Local Vision, or leave this empty.";
        if (config.numbers[value]) return "Number " + value + " is " + config.numbers[value] + " already.";
        return "";
      }
      if (/^-?\d+,\d+$/.test(value)) return "Use a decimal point, not a comma: " + value.replace(",", ".");
      if (!/^[-+]?\d+(\.\d+)?$/.test(value)) return "Write a number in degrees, such as " + (field.path.indexOf("lat") >= 0 ? "53.7248" : "-1.8658") + ".";
      var x = Number(value);
      if (x < field.minimum || x > field.maximum) return "Must lie between " + field.minimum + " and " + field.maximum + ".";
      return "";
    }

    function checkPoint(values, errors) {
      var lat = values["location.latitude"], lon = values["location.longitude"];
      if (errors["location.latitude"] || errors["location.longitude"] || lat === "" || lon === "") return;
      lat = Number(lat); lon = Number(lon);
      if (inEngland(config, lat, lon)) return;
      var hint = inEngland(config, lon, lat) ? " They look swapped." : inEngland(config, lat, -lon) ? " The longitude's sign looks wrong: west of Greenwich is negative." : "";
      errors["location.latitude"] = "This point (" + lat + ", " + lon + ") is not in England." + hint;
    }

    function yamlFile(values) {
      var lines = [config.modeline];
      config.fields.forEach(function (field) {
        var value = values[field.path], parts = field.path.split(".");
        var key = parts[parts.length - 1], indent = parts.length > 1 ? "  " : "";
        if (parts.length > 1 && field.path === config.fields.filter(function (f) { return f.path.indexOf(parts[0] + ".") === 0; })[0].path) {
          lines.push(parts[0] + ":");
        }
        if (field.kind === "choices") lines.push(indent + key + ": [" + value.join(", ") + "]");
        else if (value === "" && !field.required) return;
        else if (field.kind === "text") lines.push(indent + key + ": " + folded(value, indent.length + 2));
        else if (field.kind === "number" && /^[-+]?\d+(\.\d+)?$/.test(value)) lines.push(indent + key + ": " + decimal(value));
        else if (field.kind === "integer" && /^\d+$/.test(value)) lines.push(indent + key + ": " + Number(value));
        else if (field.kind === "choice" && field.options.indexOf(value) >= 0) lines.push(indent + key + ": " + value);
        else lines.push(indent + key + ": " + quoted(value));
      });
      lines.push("# " + config.later.join(", ") + ": add them in the pull request (CONTRIBUTING.md explains how).");
      config.later.forEach(function (name) { lines.push(name + ": []"); });
      return lines.join("\n") + "\n";
    }

    function update() {
      var values = {}, errors = {};
      config.fields.forEach(function (field) { values[field.path] = read(field); });
      config.fields.forEach(function (field) { errors[field.path] = check(field, values[field.path], values); });
      checkPoint(values, errors);
      var list = problemsBox.querySelector("ul");
      list.textContent = "";
      config.fields.forEach(function (field) {
        var message = errors[field.path], element = document.getElementById(box(field.path).querySelector("[id$='-error']").id);
        var shown = message && (showAll || touched[field.path]);
        element.hidden = !shown;
        element.textContent = shown ? message : "";
        var input = box(field.path).querySelector("input, select, textarea");
        if (field.kind !== "choices") input.setAttribute("aria-invalid", shown ? "true" : "false");
        if (message) {
          var item = document.createElement("li");
          item.textContent = field.label + ": " + message;
          list.appendChild(item);
        }
      });
      var valid = !list.children.length;
      current.slug = slugify(values.name || "");
      current.yaml = yamlFile(values);
      current.valid = valid;
      var path = config.folder + "/" + (current.slug || "new-place") + ".yaml";
      filename.textContent = path;
      output.textContent = current.yaml;
      problemsBox.hidden = valid || !showAll;
      var address = repo + "/new/main?filename=" + encodeURIComponent(path).replace(/%2F/g, "/");
      var full = address + "&value=" + encodeURIComponent(current.yaml);
      current.tooLong = full.length > URL_LIMIT;
      if (valid && repo) {
        open.href = current.tooLong ? address : full;
        open.setAttribute("data-ready", "true");
        open.target = "_blank";
        open.rel = "noopener";
      } else {
        open.href = "#place-form-problems";
        open.setAttribute("data-ready", "false");
        open.removeAttribute("target");
      }
    }

    form.addEventListener("input", update);
    form.addEventListener("change", function (event) {
      var field = event.target.closest("[data-path]");
      if (field) touched[field.getAttribute("data-path")] = true;
      update();
    });
    form.addEventListener("focusout", function (event) {
      var field = event.target.closest("[data-path]");
      if (field && field.tagName !== "FIELDSET") { touched[field.getAttribute("data-path")] = true; update(); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    open.addEventListener("click", function (event) {
      showAll = true;
      update();
      if (!current.valid) {
        event.preventDefault();
        status.textContent = "The form has problems: they are listed below.";
        problemsBox.focus();
      } else {
        status.textContent = current.tooLong
          ? "The file is too long to pass in a link: GitHub's page opens empty. Copy or download the file and paste it there."
          : "GitHub opens in a new tab with the file filled in: choose “Propose changes”, then open a pull request.";
      }
    });

    document.getElementById("place-form-copy").addEventListener("click", function () {
      function fallback() {
        var range = document.createRange();
        range.selectNodeContents(output);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
        status.textContent = copied ? "Copied the file." : "Select the file below and copy it (Ctrl+C or ⌘C).";
      }
      update();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(current.yaml).then(function () { status.textContent = "Copied the file."; }, fallback);
      } else {
        fallback();
      }
    });

    document.getElementById("place-form-download").addEventListener("click", function () {
      update();
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([current.yaml], { type: "text/yaml;charset=utf-8" }));
      link.download = (current.slug || "new-place") + ".yaml";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      status.textContent = "Downloaded " + link.download + ": upload it to site-data/places/ on GitHub (Add file → Upload files).";
    });

    update();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
