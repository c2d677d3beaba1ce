/*
 * The site's own script, on every page: the "Link to this quote" links copy the quote's address.
 * Small on purpose; the map's files are loaded only by pages with a map (see place-map-loader.js).
 */
(function () {
  "use strict";

  function announce(link, text) {
    var original = link.getAttribute("data-label") || link.textContent;
    link.setAttribute("data-label", original);
    link.textContent = text;
    setTimeout(function () { link.textContent = original; }, 2000);
  }

  // The link still goes to the quote (the address bar then shows it); where the browser lets us,
  // the address is copied too.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-quote-link]") : null;
    if (!link || !navigator.clipboard || !window.isSecureContext) return;
    var url = new URL(link.getAttribute("href"), window.location.href).href;
    navigator.clipboard.writeText(url).then(function () { announce(link, "Link copied"); }, function () {});
  });
})();
