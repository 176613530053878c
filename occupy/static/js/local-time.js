/* Offers "show in my time (Europe/Kyiv)" on schedule and session pages: the browser knows the visitor's time
   zone, the server does not. Progressive enhancement: the pages already offer a time-zone select without it. */
(function () {
  "use strict";
  var offer = document.querySelector("[data-local-time-offer]");
  if (!offer || !window.Intl || !Intl.DateTimeFormat || !window.URL) {
    return;
  }
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone || zone === offer.getAttribute("data-shown-zone")) {
    return;
  }
  var url = new URL(window.location.href);
  url.searchParams.set("tz", zone);
  url.hash = "";
  var link = offer.querySelector("a");
  link.href = url.pathname + url.search;
  link.textContent = (offer.getAttribute("data-label") || "{zone}").replace("{zone}", zone);
  offer.hidden = false;
})();
