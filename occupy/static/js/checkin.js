// Check-in page enhancements. Without this script the page still works: type the code or search by name.
// - Scan: read the ticket's QR code with the camera (the reader is js/qr-reader.js, loaded before this script).
// - Queue: every check-in (scanned, typed, or picked from the search) is kept in localStorage with the time it was
//   made, then sent; while the network is down it waits and is sent when it returns (the `online` event, and
//   retries with a growing pause). The server checks in once per day, so a code sent twice is "already checked in".
// - Count: refresh the number of people checked in every few seconds.
(function () {
  "use strict";

  var POLL_MS = 10000;
  var SCANNING_KEY = "occupy-checkin-scanning";
  var QUEUE_KEY = "occupy-checkin-queue:" + window.location.pathname;
  var SAME_CODE_MS = 4000; // one ticket held in front of the camera is seen in many frames: it counts once
  var FIRST_RETRY_MS = 1000;
  var LAST_RETRY_MS = 30000;
  var MESSAGES_SHOWN = 3;

  var countBox = document.getElementById("checkin-count");
  var queueBox = document.getElementById("checkin-queue");
  var live = document.getElementById("checkin-live");

  function attr(element, name) {
    return (element && element.getAttribute("data-" + name)) || "";
  }

  function say(message, kind) {
    if (!live || !message) return;
    var line = document.createElement("p");
    line.className = "checkin-message checkin-message--" + (kind || "info");
    line.textContent = message;
    live.insertBefore(line, live.firstChild);
    while (live.children.length > MESSAGES_SHOWN) live.removeChild(live.lastChild);
  }

  // ---- the count -------------------------------------------------------------------------------------------

  function updateCount() {
    if (!countBox || !window.fetch) return;
    fetch(countBox.getAttribute("data-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (counts) {
        if (!counts) return;
        ["today", "total"].forEach(function (key) {
          var element = countBox.querySelector('[data-count="' + key + '"]');
          if (element && typeof counts[key] === "number") element.textContent = String(counts[key]);
        });
      })
      .catch(function () { /* offline for a moment: try again at the next tick */ });
  }

  function pollCount() {
    window.setInterval(function () {
      if (!document.hidden) updateCount();
    }, POLL_MS);
  }

  // ---- the queue -------------------------------------------------------------------------------------------

  var queueForm = document.getElementById("code-form");
  var sending = false;
  var retryMs = FIRST_RETRY_MS;
  var retryTimer = null;

  function loadQueue() {
    try {
      var scans = JSON.parse(window.localStorage.getItem(QUEUE_KEY) || "[]");
      return Array.isArray(scans) ? scans : [];
    } catch (error) {
      return [];
    }
  }

  function saveQueue(scans) {
    try {
      window.localStorage.setItem(QUEUE_KEY, JSON.stringify(scans));
    } catch (error) { /* private mode or full: the scans in this page's memory are lost with the page */ }
    showQueue(scans);
  }

  function showQueue(scans) {
    if (!queueBox) return;
    queueBox.hidden = scans.length === 0;
    var category = "other";
    try {
      category = new Intl.PluralRules(document.documentElement.lang || "en").select(scans.length);
    } catch (error) { /* an old browser: the "other" form */ }
    var text = attr(queueBox, "waiting-" + category) || attr(queueBox, "waiting-other");
    queueBox.textContent = text.replace("{count}", String(scans.length));
  }

  function retryLater() {
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(send, retryMs);
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  }

  // Send the oldest waiting scan, then the next. A scan leaves the queue once the server has answered it (checked
  // in, already checked in, or refused with a reason); a network failure, a sign-in page or a server error keeps it.
  function send() {
    if (sending || !queueForm) return;
    var scans = loadQueue();
    showQueue(scans);
    if (!scans.length) {
      retryMs = FIRST_RETRY_MS;
      return;
    }
    sending = true;
    var scan = scans[0];
    var body = new URLSearchParams();
    body.set("csrfmiddlewaretoken", queueForm.querySelector("[name=csrfmiddlewaretoken]").value);
    if (scan.code) body.set("code", scan.code);
    if (scan.registration) body.set("registration", scan.registration);
    body.set("scanned_at", scan.at);
    fetch(queueForm.getAttribute("action"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") !== 0) {
          if (response.redirected || response.status === 403) say(attr(queueBox, "signed-out"), "error");
          throw new Error("not an answer to the scan: " + response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        saveQueue(loadQueue().filter(function (waiting) { return waiting.id !== scan.id; }));
        say(answer.message, answer.kind);
        sending = false;
        retryMs = FIRST_RETRY_MS;
        updateCount();
        send();
      })
      .catch(function () {
        sending = false;
        retryLater();
      });
  }

  function queueScan(fields) {
    var scans = loadQueue();
    scans.push({
      id: String(Date.now()) + "-" + Math.random().toString(36).slice(2),
      code: fields.code || "",
      registration: fields.registration || "",
      at: new Date().toISOString()
    });
    saveQueue(scans);
    var offline = attr(queueBox, "offline");
    var newest = live && live.firstChild;
    if (navigator.onLine === false && !(newest && newest.textContent === offline)) say(offline, "info"); // said once
    window.clearTimeout(retryTimer);
    send();
  }

  function setUpQueue() {
    if (!queueForm || !window.fetch || !window.localStorage || !window.URLSearchParams) return;
    Array.prototype.forEach.call(document.querySelectorAll("form[data-queue]"), function (form) {
      form.addEventListener("submit", function (event) {
        var code = form.querySelector("[name=code]");
        var registration = form.querySelector("[name=registration]");
        var fields = { code: code ? code.value.trim() : "", registration: registration ? registration.value : "" };
        if (!fields.code && !fields.registration) return; // the server explains what to type
        event.preventDefault();
        queueScan(fields);
        if (code) {
          code.value = "";
          code.focus();
        }
      });
    });
    window.addEventListener("online", function () {
      window.clearTimeout(retryTimer);
      retryMs = FIRST_RETRY_MS;
      send();
    });
    send(); // scans left from before a reload
  }

  var start = document.getElementById("scan-start");

  // ---- the camera ------------------------------------------------------------------------------------------

  function cameraMessage(error) {
    var name = error && error.name;
    if (name === "NotAllowedError" || name === "SecurityError") return attr(start, "denied");
    if (name === "NotFoundError" || name === "OverconstrainedError" || name === "NoCamera") return attr(start, "no-camera");
    if (name === "Decoder") return attr(start, "no-decoder");
    return attr(start, "failed");
  }

  function setUpScanner() {
    var stop = document.getElementById("scan-stop");
    var scanner = document.getElementById("scanner");
    var video = document.getElementById("scanner-video");
    var status = document.getElementById("scanner-status");
    if (!start) return;
    var stream = null;
    var running = false;
    var reader = null;
    var lastCode = "";
    var lastCodeAt = 0;

    function stopCamera() {
      running = false;
      if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
      scanner.hidden = true;
      start.hidden = false;
    }

    function found(value) {
      var now = Date.now();
      if (value === lastCode && now - lastCodeAt < SAME_CODE_MS) return;
      lastCode = value;
      lastCodeAt = now;
      if (navigator.vibrate) navigator.vibrate(80);
      if (queueForm && window.fetch && window.localStorage) {
        queueScan({ code: value }); // the camera stays on for the next ticket
      } else {
        document.getElementById("code").value = value;
        running = false;
        queueForm.submit();
      }
    }

    function scanFrame() {
      if (!running) return;
      reader.detect(video).then(function (codes) {
        var value = codes.length ? codes[0].rawValue : "";
        if (value) found(value);
        window.setTimeout(scanFrame, value ? 500 : 150);
      }).catch(function () {
        window.setTimeout(scanFrame, 250);
      });
    }

    function startCamera() {
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        status.textContent = attr(start, "no-camera");
        return;
      }
      status.textContent = attr(start, "starting");
      // The camera first (its permission prompt at once), then the reader, which may have a library to load.
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
        .then(function (mediaStream) {
          stream = mediaStream;
          return Promise.resolve()
            .then(function () { return window.occupyQrReader.detector(); })
            .catch(function () { throw { name: "Decoder" }; });
        })
        .then(function (ready) {
          reader = ready;
          video.srcObject = stream;
          scanner.hidden = false;
          start.hidden = true;
          running = true;
          window.sessionStorage.setItem(SCANNING_KEY, "1");
          status.textContent = attr(start, "scanning");
          return video.play();
        })
        .then(scanFrame)
        .catch(function (error) {
          stopCamera();
          window.sessionStorage.removeItem(SCANNING_KEY);
          status.textContent = cameraMessage(error);
        });
    }

    start.hidden = false;
    start.addEventListener("click", startCamera);
    stop.addEventListener("click", function () {
      window.sessionStorage.removeItem(SCANNING_KEY);
      stopCamera();
      status.textContent = "";
    });
    // After a check-in without the queue the page reloads with the result: carry on scanning the next ticket.
    if (window.sessionStorage.getItem(SCANNING_KEY) === "1") startCamera();
  }

  pollCount();
  setUpQueue();
  setUpScanner();
})();
