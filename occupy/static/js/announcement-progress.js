// The announcement's progress bar: asks the server how many e-mails are sent every two seconds and updates the
// bar and the "x of N sent" line, until all are sent. Without this script the page has a link to look again.
(function () {
  "use strict";

  var POLL_MS = 2000;
  var box = document.getElementById("announcement-progress");
  if (!box || !window.fetch) return;
  var bar = document.getElementById("progress-bar");
  var text = document.getElementById("progress-text");
  Array.prototype.forEach.call(box.querySelectorAll(".no-js-only"), function (element) {
    element.hidden = true;
  });

  function show(progress) {
    bar.max = progress.total;
    bar.value = progress.sent;
    bar.textContent = progress.sent + " / " + progress.total;
    var line = text.getAttribute("data-template")
      .replace("{sent}", String(progress.sent))
      .replace("{total}", String(progress.total));
    if (progress.done) line += " · " + text.getAttribute("data-done-text");
    text.textContent = line;
  }

  function poll() {
    fetch(box.getAttribute("data-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (progress) {
        if (progress) show(progress);
        if (!progress || !progress.done) window.setTimeout(poll, POLL_MS);
      })
      .catch(function () { window.setTimeout(poll, POLL_MS); });
  }

  window.setTimeout(poll, POLL_MS / 4);
})();
