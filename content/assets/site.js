/*
 * The site's own script, on every page: the "Link to this quote" links copy the quote's address.
 * Small on purpose; the map's files and the form's are loaded only by pages with a map or the form
 * (the second part below).
 */
(function () {
  "use strict";

  function announce(link, text) {
    var original = link.getAttribute("data-label") || link.textContent;
    link.setAttribute("data-label", original);
    link.textContent = text;
    setTimeout(function () { link.textContent = original; }, 2000);
  }

  // On paper a link shows where it goes: its full address, written in just before printing.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("article a[href]:not([href^='#']):not(.headerlink)").forEach(function (link) {
      link.setAttribute("data-print-href", link.href);
    });
  });

  // A generated page (a place, theme, lesson...) is outside the navigation, so Material marks no tab
  // as active: mark the tab of the section its breadcrumb names, found through the navigation.
  function markSection() {
    document.querySelectorAll(".md-tabs__item[data-section-tab]").forEach(function (tab) {
      tab.classList.remove("md-tabs__item--active");
      tab.removeAttribute("data-section-tab");
    });
    var tabs = document.querySelectorAll(".md-tabs__item");
    var crumb = document.querySelectorAll("nav.breadcrumb a")[1];
    if (!tabs.length || !crumb || document.querySelector(".md-tabs__item--active")) return;
    var items = document.querySelectorAll(".md-nav--primary > .md-nav__list > .md-nav__item");
    items.forEach(function (item, index) {
      var links = Array.prototype.slice.call(item.querySelectorAll("a[href]"));
      if (tabs[index] && links.some(function (a) { return a.href === crumb.href; })) {
        tabs[index].classList.add("md-tabs__item--active");
        tabs[index].setAttribute("data-section-tab", "");
      }
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(markSection);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", markSection);
  else markSection();

  // The link still goes to the quote (the address bar then shows it); where the browser lets us,
  // the address is copied too.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-quote-link]") : null;
    if (!link || !navigator.clipboard || !window.isSecureContext) return;
    var url = new URL(link.getAttribute("href"), window.location.href).href;
    navigator.clipboard.writeText(url).then(function () { announce(link, "Link copied"); }, function () {});
  });
})();

/*
 * The maps' files load only on a page that has a map (an element with data-place-map), once, in
 * order: Leaflet, Leaflet.markercluster, the map runtime (assets/place-map/) and the maps folium
 * wrote (map/place-maps.js). The runtime then sets up every map on the page, again after each of
 * Material's instant navigations. The map's box is reserved by site.css, so nothing moves meanwhile.
 *
 * The "Propose a new place" form's files (assets/place-form/) load the same way on the page that has
 * the form (#place-form), but at once: the form is the page's content, so they do not wait for its
 * first paint, and as they are inserted before the page's load event, that event waits for them to
 * run. form.js then sets the form up, again after each instant navigation (a page reached that way
 * loads the files first).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = new URL("../", script ? script.src : window.location.href);  // this file is assets/site.js
  var MAP_STYLES = [
    "map/leaflet/leaflet.css",
    "map/leaflet.markercluster/MarkerCluster.css",
    "map/leaflet.markercluster/MarkerCluster.Default.css",
    "assets/place-map.css",
  ];
  var MAP_SCRIPTS = [
    "map/leaflet/leaflet.js",
    "map/leaflet.markercluster/leaflet.markercluster.js",
    "assets/place-map/data.js",
    "assets/place-map/state.js",
    "assets/place-map/list.js",
    "assets/place-map/markers.js",
    "assets/place-map/spread.js",
    "assets/place-map/keyboard.js",
    "assets/place-map/layer.js",
    "assets/place-map/scrolling.js",
    "assets/place-map/controls.js",
    "assets/place-map/map.js",
    "map/place-maps.js",
  ];
  var FORM_SCRIPTS = [
    "assets/place-form/rules.js",
    "assets/place-form/yaml.js",
    "assets/place-form/groups.js",
    "assets/place-form/form.js",
  ];
  var loading = false, loadingForm = false;

  function loadScripts(paths) {
    paths.forEach(function (path) {
      var tag = document.createElement("script");
      tag.src = new URL(path, root).href;
      tag.async = false;  // fetched together, run in this order
      document.head.appendChild(tag);
    });
  }

  function loadMapFiles() {
    if (loading || !document.querySelector("[data-place-map]")) return;
    loading = true;
    MAP_STYLES.forEach(function (path) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL(path, root).href;
      document.head.appendChild(link);
    });
    loadScripts(MAP_SCRIPTS);
  }

  function loadFormFiles() {
    if (loadingForm || !document.getElementById("place-form")) return;
    loadingForm = true;
    loadScripts(FORM_SCRIPTS);
  }

  // After the page has loaded and its text has been painted, so that the reader sees the page's own
  // words first and the map's files never compete with them (the map's box is reserved meanwhile).
  // Waiting for the load alone was not enough: on a busy processor the first paint can come after
  // the load event, and it then waited behind Leaflet. A page reached by Material's instant
  // navigation was painted long ago, so its map's files start at its next frame.
  function afterFirstPaint(callback) {
    var done = false;
    function once() {
      if (!done) { done = true; callback(); }
    }
    function afterNextFrame() {
      requestAnimationFrame(function () { setTimeout(once, 0); });
    }
    var observable = typeof PerformanceObserver === "function" &&
      (PerformanceObserver.supportedEntryTypes || []).indexOf("paint") >= 0;
    // A page out of sight reports no first paint (its next frame comes when it is shown), and a
    // browser without paint timing has painted by its next frame.
    if (!observable || document.visibilityState === "hidden" ||
        performance.getEntriesByName("first-contentful-paint").length) {
      afterNextFrame();
      return;
    }
    var observer = new PerformanceObserver(function (list) {
      if (list.getEntriesByName("first-contentful-paint").length) { observer.disconnect(); once(); }
    });
    observer.observe({ type: "paint", buffered: true });
    setTimeout(afterNextFrame, 5000);  // should no first paint ever be reported, the map still comes
  }

  function loadMapFilesSoon() {
    if (document.readyState === "complete") afterFirstPaint(loadMapFiles);
    else window.addEventListener("load", function () { afterFirstPaint(loadMapFiles); }, { once: true });
  }

  function loadFiles() {
    loadFormFiles();
    loadMapFilesSoon();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(loadFiles);
  else loadFiles();
})();
