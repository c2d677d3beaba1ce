/*
 * Reading aids on every page, after each of Material's instant navigations:
 * - tables: each cell gets its column's name as data-label, which stories.css shows before the
 *   value when a phone stacks the table's rows (without this script the rows stack unlabelled);
 * - the quotes page: its theme and place filters (without this script every quote shows).
 */
(function () {
  "use strict";

  function labelTables(root) {
    root.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
      var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (names[index]) cell.setAttribute("data-label", names[index]);
        });
      });
    });
  }

  function filterQuotes(root) {
    var form = root.querySelector("form.quote-filters");
    if (!form || form.hasAttribute("data-ready")) return;
    form.setAttribute("data-ready", "");
    form.hidden = false;
    var theme = form.querySelector("select[name=theme]");
    var place = form.querySelector("select[name=place]");
    var status = form.querySelector(".quote-filters__status");
    var figures = root.querySelectorAll("[data-quote-themes]");
    function apply() {
      var shown = 0;
      figures.forEach(function (figure) {
        var themes = figure.getAttribute("data-quote-themes").split(" ");
        var ok = (!theme.value || themes.indexOf(theme.value) >= 0) &&
          (!place.value || figure.getAttribute("data-quote-place") === place.value);
        figure.hidden = !ok;
        if (ok) shown += 1;
      });
      root.querySelectorAll("[data-quote-group]").forEach(function (group) {
        group.hidden = !group.querySelector("[data-quote-themes]:not([hidden])");
      });
      status.textContent = shown === 1 ? "1 quote shown" : shown + " quotes shown";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
  }

  function run() {
    labelTables(document);
    filterQuotes(document);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
