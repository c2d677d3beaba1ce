/* The filter state (a theme, the programmes ticked) and the address: ?theme=, ?programme=, ?place=. */
(function (api) {
  "use strict";

  /** The state from the form: the theme chosen, the boxes ticked, how many boxes. */
  function formState(theme, ticked, boxes) {
    return { theme: theme || "", programmes: ticked.length === boxes ? null : ticked.slice() };
  }

  /** What an address asks: a theme the form offers, else ""; the programmes to tick, or null. */
  function fromSearch(search, themes, programmes) {
    var params = new URLSearchParams(search), theme = params.get("theme");
    return {
      theme: themes.indexOf(theme) >= 0 ? theme : "",
      programmes: params.has("programme")
        ? params.getAll("programme").filter(function (id) { return programmes.indexOf(id) >= 0; })
        : null,
    };
  }

  /** href with values written in: "" or null removes a key, a list repeats it ([]: kept, empty). */
  function withValues(href, values) {
    var url = new URL(href);
    Object.keys(values).forEach(function (key) {
      var value = values[key];
      url.searchParams.delete(key);
      if (Array.isArray(value)) {
        if (!value.length) url.searchParams.append(key, "");
        value.forEach(function (item) { url.searchParams.append(key, item); });
      } else if (value) url.searchParams.set(key, value);
    });
    return url.href;
  }

  /** The place an address opens: a slug among `known`'s own keys, else null. */
  function deepLink(search, known) {
    var slug = new URLSearchParams(search).get("place");
    return slug && Object.prototype.hasOwnProperty.call(known, slug) ? slug : null;
  }

  api.state = { formState: formState, fromSearch: fromSearch, withValues: withValues, deepLink: deepLink };
})(typeof module == "object" ? module.exports : (window.PlaceMapParts = window.PlaceMapParts || {}));
