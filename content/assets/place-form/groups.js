/* The "Propose a new place" form's lists of sets: stories (with their quotes), outcomes, corrections
   and updates (with their link), as groups the contributor adds and removes. Their shape comes from
   the form's data-config (`lists`, made from the schema by generator/pages/contribute.py's
   form_lists); each field's name is its path in the file (`stories.0.quotes.1.text`). Each entry is a
   fieldset with a legend ("Story 1"), its buttons say what they add or remove, and focus moves to
   what was added (or to the list's Add button after a removal), announced in the status line. */
(function (api) {
  "use strict";

  function make(tag, attrs, text) {
    var element = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { element.setAttribute(key, attrs[key]); });
    if (text) element.textContent = text;
    return element;
  }

  function idOf(path) { return "pf-" + path.replace(/[._]/g, "-"); }
  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /** Our own description text with its `code` in <code>, built as nodes (never as HTML). */
  function help(text, id) {
    var p = make("p", { class: "place-form__help", id: id });
    text.split("`").forEach(function (part, i) { p.appendChild(i % 2 ? make("code", {}, part) : document.createTextNode(part)); });
    return p;
  }

  /** The options a field offers: a publication's sections for `section`, else the vocabulary's. */
  function options(spec, path, values, config) {
    if (spec.kind !== "section") return spec.options;
    return config.sections[values[sibling(path, "publication")]] || [];
  }

  function sibling(path, key) { return path.replace(/[^.]+$/, key); }

  function control(spec, path, values, config) {
    var id = idOf(path), described = id + "-help " + id + "-error";
    if (spec.kind === "choice" || spec.kind === "section") {
      var select = make("select", { id: id, name: path, "aria-describedby": described });
      if (!spec.default) select.appendChild(make("option", { value: "" }, spec.empty || "Choose one"));
      options(spec, path, values, config).forEach(function (o) { select.appendChild(make("option", { value: o[0] }, o[1])); });
      return select;
    }
    if (spec.kind === "text") return make("textarea", { id: id, name: path, rows: "5", "aria-describedby": described });
    return make("input", { id: id, name: path, type: "text", "aria-describedby": described });
  }

  /** One field of an entry: its label, help, control and error. */
  function field(spec, path, values, config) {
    var id = idOf(path), required = spec.required ? " (required)" : "";
    if (spec.kind === "choices") {
      var set = make("fieldset", { class: "place-form__field", id: id, "data-path": path, "aria-describedby": id + "-help " + id + "-error" });
      set.appendChild(make("legend", {}, spec.label + required));
      set.appendChild(help(spec.description, id + "-help"));
      var box = set.appendChild(make("div", { class: "place-form__options" }));
      spec.options.forEach(function (o) {
        var label = box.appendChild(make("label"));
        label.appendChild(make("input", { type: "checkbox", name: path, value: o[0] }));
        label.appendChild(document.createTextNode(" " + o[1]));
      });
      set.appendChild(make("p", { class: "place-form__error", id: id + "-error", hidden: "" }));
      return set;
    }
    var div = make("div", { class: "place-form__field", "data-path": path });
    div.appendChild(make("label", { for: id }, spec.label + required));
    div.appendChild(help(spec.description, id + "-help"));
    div.appendChild(control(spec, path, values, config));
    div.appendChild(make("p", { class: "place-form__error", id: id + "-error", hidden: "" }));
    return div;
  }

  /** A list of entries at `path` (`stories`, `stories.0.quotes`): its entries and its Add button. */
  function list(spec, path, state, depth) {
    var counts = state.lists.counts, values = state.lists.values;
    var box = make("fieldset", { class: "place-form__list", "data-list": path });
    box.appendChild(make("legend", { class: depth ? "place-form__list-name" : "place-form__list-heading" }, spec.label));
    box.appendChild(help(spec.description, idOf(path) + "-help"));
    for (var i = 0; i < (counts[path] || 0); i++) {
      var at = path + "." + i, name = capital(spec.noun) + " " + (i + 1);
      var item = box.appendChild(make("fieldset", { class: "place-form__entry", "data-entry": at }));
      item.appendChild(make("legend", {}, name));
      members(spec.members, at, state, depth + 1).forEach(function (m) { item.appendChild(m); });
      item.appendChild(make("button", { type: "button", class: "md-button", "data-remove": at }, "Remove " + spec.noun + " " + (i + 1)));
    }
    box.appendChild(make("button", { type: "button", class: "md-button", "data-add": path }, "Add " + (counts[path] ? "another " : /^[aeiou]/.test(spec.noun) ? "an " : "a ") + spec.noun));
    return box;
  }

  function members(specs, at, state, depth) {
    return specs.map(function (spec) {
      var path = at + "." + spec.key;
      if (spec.kind === "list") return list(spec, path, state, depth);
      if (spec.kind !== "set") return field(spec, path, state.lists.values, state.config);
      var set = make("fieldset", { class: "place-form__set", "data-set": path });
      set.appendChild(make("legend", {}, spec.label));
      set.appendChild(help(spec.description, idOf(path) + "-help"));
      members(spec.members, path, state, depth + 1).forEach(function (m) { set.appendChild(m); });
      return set;
    });
  }

  /** The value of every named control of the lists, by path (checkboxes as lists). */
  function collect(root) {
    var values = {};
    Array.prototype.forEach.call(root.querySelectorAll("[name]"), function (input) {
      if (input.type === "checkbox") {
        values[input.name] = (values[input.name] || []).concat(input.checked ? [input.value] : []);
      } else {
        values[input.name] = input.value;
      }
    });
    return values;
  }

  function apply(root, values) {
    Array.prototype.forEach.call(root.querySelectorAll("[name]"), function (input) {
      if (!has(values, input.name)) return;
      if (input.type === "checkbox") input.checked = [].concat(values[input.name]).indexOf(input.value) >= 0;
      else input.value = values[input.name];
    });
  }

  /** Which fields are asked for: a section only for a publication that lists sections, the link only
   *  for an update that names no publication. A field not asked for is hidden and left out. */
  function showAsked(state) {
    Array.prototype.forEach.call(state.lists.root.querySelectorAll("[data-set]"), function (set) {
      var publication = state.lists.root.querySelector('[name="' + sibling(set.getAttribute("data-set"), "publication") + '"]');
      set.hidden = !!(publication && publication.value);
    });
    Array.prototype.forEach.call(state.lists.root.querySelectorAll("select"), function (select) {
      var spec = specOf(state.config.lists, select.name);
      if (spec && spec.kind === "section") select.closest("[data-path]").hidden = !select.options.length || select.options.length === 1;
    });
  }

  function specOf(lists, path) { return api.rules.specOf(lists, path); }

  function render(state) {
    var root = state.lists.root;
    root.textContent = "";
    state.config.lists.forEach(function (spec) { root.appendChild(list(spec, spec.key, state, 0)); });
    apply(root, state.lists.values);
    showAsked(state);
  }

  /** Rename every key under `path.j` to `path.(j-1)` for j after `index`, dropping `path.index`. */
  function shift(object, path, index) {
    var out = {}, prefix = path + ".";
    Object.keys(object).forEach(function (key) {
      if (key.indexOf(prefix) !== 0) { out[key] = object[key]; return; }
      var rest = key.slice(prefix.length), n = parseInt(rest, 10), tail = rest.slice(String(n).length);
      if (n < index) out[key] = object[key];
      else if (n > index) out[prefix + (n - 1) + tail] = object[key];
    });
    return out;
  }

  function add(state, path) {
    var lists = state.lists, n = lists.counts[path] || 0, spec = specOf(state.config.lists, path);
    lists.values = collect(lists.root);
    lists.counts[path] = n + 1;
    spec.members.forEach(function (m) { if (m.default) lists.values[path + "." + n + "." + m.key] = m.default; });
    render(state);
    var first = lists.root.querySelector('[data-entry="' + path + "." + n + '"] [name]');
    if (first) first.focus();
    return capital(spec.noun) + " " + (n + 1) + " added.";
  }

  function remove(state, target) {
    var lists = state.lists, cut = target.lastIndexOf("."), path = target.slice(0, cut), index = Number(target.slice(cut + 1));
    var spec = specOf(state.config.lists, path);
    lists.values = shift(collect(lists.root), path, index);
    lists.counts = shift(lists.counts, path, index);
    lists.counts[path] -= 1;
    render(state);
    lists.root.querySelector('[data-add="' + path + '"]').focus();
    return capital(spec.noun) + " " + (index + 1) + " removed.";
  }

  /** Set the lists up in `root`, from what the page kept (state.lists.counts and values), and call
   *  `changed(message)` after each entry added or removed. */
  function setup(state, root, kept, changed) {
    state.lists = { root: root, counts: (kept && kept.counts) || {}, values: (kept && kept.values) || {} };
    render(state);
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-add")) changed(add(state, button.getAttribute("data-add")));
      if (button.hasAttribute("data-remove")) changed(remove(state, button.getAttribute("data-remove")));
    });
    root.addEventListener("change", function (event) {
      var name = event.target.name;
      if (!name || !/\.publication$/.test(name)) return;
      state.lists.values = collect(root);
      render(state);  // the sections offered, and whether a link is asked for, follow the publication
      root.querySelector('[name="' + name + '"]').focus();
    });
  }

  /** The values of the fields asked for, by path; and what the page should keep. */
  function read(state) {
    var all = collect(state.lists.root), asked = {};
    state.lists.values = all;
    Object.keys(all).forEach(function (path) {
      var box = state.lists.root.querySelector('[data-path="' + path + '"]');
      if (box && !box.closest("[hidden]")) asked[path] = typeof all[path] === "string" ? all[path].trim() : all[path];
    });
    return asked;
  }

  api.groups = { setup: setup, read: read, specOf: specOf, shift: shift, collect: collect };
})(typeof module == "object" ? module.exports : (window.PlaceFormParts = window.PlaceFormParts || {}));
