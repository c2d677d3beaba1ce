/* The "Propose a new place" form (contribute/) in the page: reads the inputs, shows each field's
   problem (rules.js) and the place file (yaml.js), and opens GitHub's new-file page with it. The
   fields, their limits and the rules shared with Python come from the form's data-config (made by
   generator/pages/contribute.py); `python -m generator validate` stays the judge, in the pull request's
   checks. assets/site.js loads these files, in order, only on a page with the form; the form is set
   up then, and again after each of Material's instant navigations (document$). */
(function (parts) {
  "use strict";

  var URL_LIMIT = 8000; // GitHub refuses longer addresses
  var rules = parts.rules, yaml = parts.yaml, groups = parts.groups;
  var KEPT = "place-form:" + location.pathname; // what was typed, kept for a reload (sessionStorage)

  function elements(form) {
    var meta = document.querySelector('meta[name="repository"]');
    return {
      form: form,
      repo: meta ? meta.content.replace(/\/+$/, "") : "",
      open: document.getElementById("place-form-open"),
      status: document.getElementById("place-form-status"),
      problems: document.getElementById("place-form-problems"),
      output: document.getElementById("place-form-yaml"),
      filename: document.getElementById("place-form-filename"),
      lists: document.getElementById("place-form-lists"),
    };
  }

  function box(form, path) { return form.querySelector('[data-path="' + path + '"]'); }

  function read(form, field) {
    var element = box(form, field.path);
    if (element.hidden) return field.kind === "choices" ? [] : "";  // a field not asked for (the number without Local Vision)
    if (field.kind === "choices") {
      return Array.prototype.map.call(element.querySelectorAll("input:checked"), function (i) { return i.value; });
    }
    return element.querySelector("input, select, textarea").value.trim();
  }

  /** Each field's message beside it (once it was left, or after a try to go on) and in the list. */
  function showProblems(state, errors, listValues) {
    var list = state.page.problems.querySelector("ul");
    list.textContent = "";
    var shown = Object.keys(listValues).map(function (path) {
      return { path: path, label: rules.describePath(state.config.lists, path), kind: rules.specOf(state.config.lists, path).kind };
    });
    state.config.fields.concat(shown).forEach(function (field) {
      var message = errors[field.path], container = box(state.page.form, field.path);
      var shown = message && (state.showAll || state.touched[field.path]);
      var element = container.querySelector("[id$='-error']");
      element.hidden = !shown;
      element.textContent = shown ? message : "";
      if (field.kind !== "choices") container.querySelector("input, select, textarea").setAttribute("aria-invalid", shown ? "true" : "false");
      if (message) {
        var item = document.createElement("li");
        item.textContent = field.label + ": " + message;
        list.appendChild(item);
      }
    });
    return !list.children.length;
  }

  function showLink(state, valid) {
    var page = state.page, current = state.current;
    var path = state.config.folder + "/" + (current.slug || "new-place") + ".yaml";
    page.filename.textContent = path;
    page.output.textContent = current.yaml;
    page.problems.hidden = valid || !state.showAll;
    var address = page.repo + "/new/main?filename=" + encodeURIComponent(path).replace(/%2F/g, "/");
    var full = address + "&value=" + encodeURIComponent(current.yaml);
    current.tooLong = full.length > URL_LIMIT;
    document.getElementById("place-form-long").hidden = !current.tooLong;
    if (valid && page.repo) {
      page.open.href = current.tooLong ? address : full;
      page.open.setAttribute("data-ready", "true");
      page.open.target = "_blank";
      page.open.rel = "noopener";
    } else {
      page.open.href = "#place-form-problems";
      page.open.setAttribute("data-ready", "false");
      page.open.removeAttribute("target");
    }
  }

  /** The Local Vision number is asked for only when Local Vision is ticked. */
  function showNumber(state) {
    var number = state.ctx.rules.number, form = state.page.form;
    var ticked = form.querySelector('input[name="programmes"][value="' + number.programme + '"]');
    var container = box(form, number.field);
    if (container && ticked) container.hidden = !ticked.checked;
  }

  /** What was typed, kept in the tab (sessionStorage) so that a reload loses nothing. */
  function keep(state) {
    var top = {};
    Array.prototype.forEach.call(state.page.form.querySelectorAll("[name]"), function (input) {
      if (state.page.lists.contains(input)) return;
      if (input.type === "checkbox") top[input.name] = (top[input.name] || []).concat(input.checked ? [input.value] : []);
      else top[input.name] = input.value;
    });
    try {
      sessionStorage.setItem(KEPT, JSON.stringify({ top: top, lists: { counts: state.lists.counts, values: state.lists.values } }));
    } catch (error) { /* storage full or refused: nothing is kept */ }
  }

  function kept() {
    try { return JSON.parse(sessionStorage.getItem(KEPT) || "null"); } catch (error) { return null; }
  }

  function restore(form, top) {
    Array.prototype.forEach.call(form.querySelectorAll("[name]"), function (input) {
      if (!top || !Object.prototype.hasOwnProperty.call(top, input.name)) return;
      if (input.type === "checkbox") input.checked = [].concat(top[input.name]).indexOf(input.value) >= 0;
      else input.value = top[input.name];
    });
  }

  function update(state) {
    var values = {};
    showNumber(state);
    state.config.fields.forEach(function (field) { values[field.path] = read(state.page.form, field); });
    var listValues = groups.read(state);
    var errors = rules.checkAll(state.ctx, state.config.fields, values);
    var listErrors = rules.checkLists(state.ctx, state.config.lists, listValues, values);
    Object.keys(listErrors).forEach(function (path) { errors[path] = listErrors[path]; });
    var valid = showProblems(state, errors, listValues);
    var was = state.current && state.current.valid;
    var file = yaml.placeFile(state.config, values, { values: listValues, counts: state.lists.counts });
    state.current = { slug: rules.slugify(values.name || "", state.ctx.rules), yaml: file, valid: valid };
    keep(state);
    showLink(state, valid);
    // The status line follows the form: once the problems it spoke of are fixed, it says so.
    if (valid && !was && state.showAll) state.page.status.textContent = "No problems left: the file below is ready to open on GitHub.";
    if (!valid && was && state.showAll) state.page.status.textContent = "The form has problems again: they are listed below.";
  }

  function onOpen(state, event) {
    state.showAll = true;
    update(state);
    var status = state.page.status;
    if (!state.current.valid) {
      event.preventDefault();
      status.textContent = "The form has problems: they are listed below.";
      state.page.problems.focus();
    } else {
      status.textContent = state.current.tooLong
        ? "The file is too long to pass in a link: GitHub's page opens empty. Copy or download the file and paste it there."
        : "GitHub opens in a new tab with the file filled in: choose “Propose changes”, then open a pull request.";
    }
  }

  function onCopy(state) {
    var status = state.page.status;
    function fallback() {
      var range = document.createRange();
      range.selectNodeContents(state.page.output);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      status.textContent = copied ? "Copied the file." : "Select the file below and copy it (Ctrl+C or ⌘C).";
    }
    update(state);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(state.current.yaml).then(function () { status.textContent = "Copied the file."; }, fallback);
    } else {
      fallback();
    }
  }

  function onDownload(state) {
    update(state);
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([state.current.yaml], { type: "text/yaml;charset=utf-8" }));
    link.download = (state.current.slug || "new-place") + ".yaml";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    state.page.status.textContent = "Downloaded " + link.download + ": upload it to site-data/places/ on GitHub (Add file → Upload files).";
  }

  // A field is "touched" once changed or left: its problem shows from then on.
  function touched(state, event, fieldsets) {
    var field = event.target.closest("[data-path]");
    if (!field || (!fieldsets && field.tagName === "FIELDSET")) return false;
    state.touched[field.getAttribute("data-path")] = true;
    return true;
  }

  function listen(state) {
    var form = state.page.form;
    form.addEventListener("input", function () { update(state); });
    form.addEventListener("change", function (event) { touched(state, event, true); update(state); });
    form.addEventListener("focusout", function (event) { if (touched(state, event, false)) update(state); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    state.page.open.addEventListener("click", function (event) { onOpen(state, event); });
    document.getElementById("place-form-copy").addEventListener("click", function () { onCopy(state); });
    document.getElementById("place-form-download").addEventListener("click", function () { onDownload(state); });
  }

  function setup() {
    var form = document.getElementById("place-form");
    // The form's data-config, not a <script type="application/json">: Material's instant navigation
    // re-creates each script in the page without its type, and runs the JSON as code.
    if (!form || !form.hasAttribute("data-config") || form.dataset.ready) return;
    form.dataset.ready = "true";
    var config = JSON.parse(form.getAttribute("data-config"));
    var state = {
      config: config, page: elements(form), touched: {}, showAll: false, current: null,
      ctx: { rules: rules.compile(config.rules), places: config.places, numbers: config.numbers, names: config.names },
    };
    var saved = kept();
    restore(form, saved && saved.top);
    groups.setup(state, state.page.lists, saved && saved.lists, function (message) {
      update(state);
      state.page.status.textContent = message;
    });
    listen(state);
    update(state);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})(window.PlaceFormParts);
