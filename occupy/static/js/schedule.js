/* The schedule and session pages are cached for everyone, so what is personal or changes by the minute is
   added here, after the page has loaded (every page works without it):
   - the visitor's agenda: sessions in it are marked and offer "remove", "add to my agenda" shows once this
     browser is known as a participant, and sessions with limited seats say how many are left — all from the
     private, never cached <edition>/agenda/mine.json;
   - "now" and "next", from the cards' times;
   - on phones, one day at a time (the current day during the event, else the first), chosen by the day links,
     and the filters unfolded on wide screens. */
(function () {
  "use strict";
  var root = document.querySelector("[data-schedule]");
  if (!root) {
    return;
  }
  var wide = window.matchMedia ? window.matchMedia("(min-width: 60rem)") : { matches: true };

  function label(name, n) {
    return (root.getAttribute("data-label-" + name) || "").replace("{n}", n);
  }

  function cards() {
    return root.hasAttribute("data-session") ? [root] : Array.prototype.slice.call(root.querySelectorAll("[data-session]"));
  }

  function badge(card, kind, text) {
    var existing = card.querySelector(".mark--" + kind);
    if (existing) {
      return existing;
    }
    var mark = document.createElement("p");
    mark.className = "mark mark--" + kind;
    mark.textContent = text;
    var title = card.querySelector("h1, h4");
    title.parentNode.insertBefore(mark, title.nextSibling);
    return mark;
  }

  function markAgenda(card, state) {
    var slug = card.getAttribute("data-session");
    card.classList.add(state === "chosen" ? "is-chosen" : "is-waiting");
    var mark = badge(card, "agenda", label(state));
    if (state !== "chosen") {
      return;
    }
    var remove = document.createElement("a");
    remove.href = root.getAttribute("data-remove-base") + slug + "/";
    remove.className = "mark__remove";
    remove.textContent = label("remove");
    mark.appendChild(document.createTextNode(" · "));
    mark.appendChild(remove);
    var add = card.querySelector("[data-agenda]");
    if (add) {
      add.hidden = true;
    }
  }

  function showSeats(card, left) {
    var place = card.querySelector("[data-seats]");
    if (!place || left === undefined) {
      return;
    }
    place.textContent = left > 0 ? label("seats", left) : label("full");
    place.hidden = false;
    var row = card.querySelector("[data-seats-row]");
    if (row) {
      row.hidden = false;
    }
  }

  function applyMine(mine) {
    var chosen = mine.chosen || [];
    var waiting = mine.waiting || [];
    var seats = mine.seats || {};
    cards().forEach(function (card) {
      var slug = card.getAttribute("data-session");
      showSeats(card, seats[slug]);
      if (mine.known) {
        var add = card.querySelector("[data-agenda]");
        if (add) {
          add.hidden = false;
        }
      }
      if (chosen.indexOf(slug) !== -1) {
        markAgenda(card, "chosen");
      } else if (waiting.indexOf(slug) !== -1) {
        markAgenda(card, "waiting");
      }
    });
  }

  // A day carries its times as data-starts/data-ends; a card in its <time data-starts|data-ends datetime>.
  function time(element, name) {
    var value = element.getAttribute(name);
    if (value === null || value === "") {
      var inner = element.querySelector("time[" + name + "]");
      value = inner ? inner.getAttribute("datetime") : null;
    }
    return value ? Date.parse(value) : NaN;
  }

  function markNowAndNext() {
    var now = Date.now();
    var next = Infinity;
    var all = root.hasAttribute("data-session") ? [] : cards();
    all.forEach(function (card) {
      card.classList.remove("is-now", "is-next");
      Array.prototype.forEach.call(card.querySelectorAll(".mark--now, .mark--next"), function (mark) {
        mark.parentNode.removeChild(mark);
      });
      var start = time(card, "data-starts");
      var end = time(card, "data-ends") || start + 30 * 60000;
      if (start <= now && now < end) {
        card.classList.add("is-now");
        badge(card, "now", label("now"));
      } else if (start > now && start < next) {
        next = start;
      }
    });
    all.forEach(function (card) {
      if (time(card, "data-starts") === next && next - now < 12 * 3600000) {
        card.classList.add("is-next");
        badge(card, "next", label("next"));
      }
    });
  }

  function openDay(anchor) {
    var days = root.querySelectorAll("[data-day]");
    Array.prototype.forEach.call(days, function (day) {
      day.classList.toggle("is-open", day.getAttribute("data-day") === anchor);
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-day-tab]"), function (tab) {
      var link = tab.querySelector("a");
      if (tab.getAttribute("data-day-tab") === anchor) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    });
  }

  function setUpDays() {
    var days = root.querySelectorAll("[data-day]");
    if (days.length < 2) {
      return;
    }
    var now = Date.now();
    var current = days[0];
    if (now >= time(days[0], "data-starts") - 12 * 3600000 && now < time(days[days.length - 1], "data-ends")) {
      current = Array.prototype.filter.call(days, function (day) {
        return time(day, "data-ends") > now;
      })[0] || days[0];
    }
    var fromHash = window.location.hash && root.querySelector("[data-day='" + window.location.hash.slice(1) + "']");
    root.classList.add("days-tabbed");
    openDay((fromHash || current).getAttribute("data-day"));
    Array.prototype.forEach.call(document.querySelectorAll("[data-day-tab]"), function (tab) {
      tab.addEventListener("click", function () {
        openDay(tab.getAttribute("data-day-tab"));
      });
    });
  }

  var results = document.getElementById("results");
  if (results && window.location.hash === "#results") {
    results.focus();
  }
  var filters = document.querySelector("[data-filter-box]");
  if (filters && wide.matches) {
    filters.open = true;
  }
  if (!root.hasAttribute("data-session")) {
    setUpDays();
    markNowAndNext();
    window.setInterval(markNowAndNext, 60000);
  }
  var mineUrl = root.getAttribute("data-mine");
  if (mineUrl && window.fetch) {
    window
      .fetch(mineUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (mine) {
        if (mine) {
          applyMine(mine);
        }
      })
      .catch(function () {});
  }
})();
