// Check-in page enhancements. Without this script the page still works: type the code or search by name.
// - Scan: where the browser has BarcodeDetector and a camera, read the ticket's QR code and submit it.
// - Count: refresh the number of people checked in every few seconds.
(function () {
  "use strict";

  var POLL_MS = 10000;
  var SCANNING_KEY = "occupy-checkin-scanning";

  function pollCount() {
    var box = document.getElementById("checkin-count");
    if (!box || !window.fetch) return;
    var url = box.getAttribute("data-url");
    function update() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (counts) {
          if (!counts) return;
          ["today", "total"].forEach(function (key) {
            var el = box.querySelector('[data-count="' + key + '"]');
            if (el && typeof counts[key] === "number") el.textContent = String(counts[key]);
          });
        })
        .catch(function () { /* offline for a moment: try again at the next tick */ });
    }
    window.setInterval(function () {
      if (!document.hidden) update();
    }, POLL_MS);
  }

  function setUpScanner() {
    var start = document.getElementById("scan-start");
    var stop = document.getElementById("scan-stop");
    var scanner = document.getElementById("scanner");
    var video = document.getElementById("scanner-video");
    var status = document.getElementById("scanner-status");
    var form = document.getElementById("code-form");
    var input = document.getElementById("code");
    if (!start || !("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return; // no camera scanning here: typing the code and searching by name still work
    }
    var detector;
    try {
      detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    } catch (error) {
      return;
    }
    var stream = null;
    var running = false;

    function stopCamera() {
      running = false;
      if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
      scanner.hidden = true;
      start.hidden = false;
    }

    function scanFrame() {
      if (!running) return;
      detector.detect(video).then(function (codes) {
        var value = codes.length ? codes[0].rawValue : "";
        if (value) {
          running = false;
          status.textContent = start.getAttribute("data-found") || "";
          input.value = value;
          if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
          form.submit();
          return;
        }
        window.requestAnimationFrame(scanFrame);
      }).catch(function () {
        window.setTimeout(scanFrame, 250);
      });
    }

    function startCamera() {
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
        .then(function (mediaStream) {
          stream = mediaStream;
          video.srcObject = mediaStream;
          scanner.hidden = false;
          start.hidden = true;
          running = true;
          sessionStorage.setItem(SCANNING_KEY, "1");
          return video.play();
        })
        .then(scanFrame)
        .catch(function (error) {
          stopCamera();
          sessionStorage.removeItem(SCANNING_KEY);
          status.textContent = String(error && error.message ? error.message : error);
        });
    }

    start.hidden = false;
    start.addEventListener("click", startCamera);
    stop.addEventListener("click", function () {
      sessionStorage.removeItem(SCANNING_KEY);
      stopCamera();
    });
    // After a scan the page reloads with the result: carry on scanning the next ticket.
    if (sessionStorage.getItem(SCANNING_KEY) === "1") startCamera();
  }

  pollCount();
  setUpScanner();
})();
