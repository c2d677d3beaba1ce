/* What a key does: Leaflet opens a marker's popup on Enter and pans with the arrows; these name the
   actions it lacks. */
(function (api) {
  "use strict";

  /** On a marker or group: "zoom" (group: Enter, Space), "toggle" (popup: Space), or null. */
  function onMarker(key, target) {
    if (key !== "Enter" && key !== " ") return null;
    if (target.cluster) return "zoom";
    return key === " " && target.popup ? "toggle" : null;
  }

  /** In a popup: Escape closes it (the focus goes back to its marker). */
  function inPopup(key) { return key === "Escape" ? "close" : null; }

  /** While a map fills the window: Escape leaves (true fullscreen has its own). */
  function onPage(key, fullWindow) { return key === "Escape" && fullWindow ? "leave" : null; }

  api.keyboard = { onMarker: onMarker, inPopup: inPopup, onPage: onPage };
})(typeof module == "object" ? module.exports : (window.PlaceMapParts = window.PlaceMapParts || {}));
