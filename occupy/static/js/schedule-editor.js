/* The schedule editor, enhanced: drag a session onto a grid cell (or onto "Unscheduled sessions"), or submit
   a session's form, and the change is posted with fetch and the grid redrawn in place. A placed session carries
   a "Move" link instead of a form (the page would carry hundreds); dropping it posts the page's shared form with
   its fields. Without this script the forms post and the page reloads: the same result, by keyboard or mouse. */
(function () {
  "use strict";
  var root = document.getElementById("schedule-editor");
  if (!root || !window.fetch || !window.FormData || !window.DOMParser) {
    return;
  }
  var status = document.getElementById("editor-status");
  var dragged = null;

  function say(text) {
    status = document.getElementById("editor-status");
    if (status) {
      status.textContent = text;
    }
  }

  function redraw(focusId) {
    return fetch(window.location.pathname, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("schedule-editor");
        if (!fresh) {
          return;
        }
        root.innerHTML = fresh.innerHTML;
        var moved = focusId && document.getElementById("session-" + focusId);
        if (moved) {
          var summary = moved.querySelector("summary");
          (summary || moved).focus();
        }
      });
  }

  function post(form, overrides) {
    var data = new FormData(form);
    Object.keys(overrides || {}).forEach(function (name) { data.set(name, overrides[name]); });
    var sessionId = data.get("session");
    return fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": data.get("csrfmiddlewaretoken") || "" },
    })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (!result.ok) {
          say((result.body.errors || []).join(" "));
          return null;
        }
        return redraw(sessionId).then(function () { say(root.getAttribute("data-saved") || ""); });
      })
      .catch(function () {
        form.submit();  // the server answers the plain form as it would without this script
      });
  }

  root.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form.placement, form.unschedule")) {
      return;
    }
    event.preventDefault();
    post(form);
  });

  root.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest("[data-session]");
    if (!card) {
      return;
    }
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.getAttribute("data-session"));
  });

  function target(event) {
    return event.target.closest && event.target.closest("td[data-room], [data-drop='unschedule']");
  }

  var highlighted = null;
  function highlight(element) {
    if (highlighted) {
      highlighted.classList.remove("is-drop-target");
    }
    highlighted = element;
    if (element) {
      element.classList.add("is-drop-target");
    }
  }

  root.addEventListener("dragover", function (event) {
    var cell = dragged && target(event);
    if (cell) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
    }
    highlight(cell || null);
  });

  root.addEventListener("dragend", function () {
    dragged = null;
    highlight(null);
  });

  root.addEventListener("drop", function (event) {
    var cell = target(event);
    highlight(null);
    if (!dragged || !cell) {
      return;
    }
    event.preventDefault();
    var card = dragged;
    dragged = null;
    var session = card.getAttribute("data-session");
    // A placed session carries a "Move" link, not a form: the page's shared forms post the same fields.
    if (cell.getAttribute("data-drop") === "unschedule") {
      if (card.hasAttribute("data-placed")) {
        post(card.querySelector("form.unschedule") || document.getElementById("unschedule-shared"), {
          session: session,
        });
      }
      return;
    }
    var own = card.querySelector("form.placement");
    post(own || document.getElementById("placement-shared"), {
      session: session,
      room: cell.getAttribute("data-room"),
      day: cell.getAttribute("data-day"),
      start: cell.getAttribute("data-start"),
      minutes: own ? own.elements.minutes.value : card.getAttribute("data-minutes"),
    });
  });
})();
