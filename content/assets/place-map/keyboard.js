/* What a key does on a marker, a group, a popup or a map filling the window: Leaflet opens a
   marker's popup on Enter and pans with the arrows; these name the actions it lacks. */
(function (api) {
  "use strict";

  /** A key on a focused marker or group: "zoom" (a group: Enter or Space), "toggle" (a marker with a
   *  popup: Space), or null (Leaflet's own, or nothing). */
  function onMarker(key, target) {
    if (key !== "Enter" && key !== " ") return null;
    if (target.cluster) return "zoom";
    return key === " " && target.popup ? "toggle" : null;
  }

  /** A key inside an open popup: Escape closes it and puts the focus back on its marker. */
  function inPopup(key) { return key === "Escape" ? "close" : null; }

  /** A key anywhere while a map fills the window: Escape leaves (true fullscreen handles its own). */
  function onPage(key, fullWindow) { return key === "Escape" && fullWindow ? "leave" : null; }

  api.keyboard = { onMarker: onMarker, inPopup: inPopup, onPage: onPage };
})(typeof module == "object" ? module.exports : (window.PlaceMapParts = window.PlaceMapParts || {}));
