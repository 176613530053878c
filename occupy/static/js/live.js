/* The live page, a session's questions, the chair's and the presenter's views: each region marked
   data-poll-url is refreshed every data-poll-every seconds from a JSON endpoint whose "html" is the region's new
   content, rendered by the server (so it is escaped there). The page's own ?tz= is kept. Without JavaScript the
   pages work by reload (the live page refreshes itself through a <noscript> meta refresh). */
(function () {
  "use strict";
  if (!window.fetch) {
    return;
  }
  var regions = document.querySelectorAll("[data-poll-url]");
  Array.prototype.forEach.call(regions, function (region) {
    var every = Math.max(2, parseInt(region.getAttribute("data-poll-every"), 10) || 20) * 1000;
    var url = region.getAttribute("data-poll-url") + window.location.search;
    var last = null;
    var busy = false;

    function refresh() {
      if (busy || document.hidden) {
        return;
      }
      busy = true;
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (!data || typeof data.html !== "string" || data.html === last) {
            return;
          }
          // Do not pull a form away from someone using it: try again at the next tick.
          if (region.contains(document.activeElement) && document.activeElement !== document.body) {
            return;
          }
          last = data.html;
          region.innerHTML = data.html;
        })
        .catch(function () {})
        .then(function () {
          busy = false;
        });
    }

    window.setInterval(refresh, every);
    document.addEventListener("visibilitychange", refresh);
  });
})();
