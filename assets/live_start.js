/* From the page the server drew to the live page.

   The page arrives drawn (#ib-server-view): every chart, its words, and the filters as links. Dash's
   and plotly.js's script files are held back (<script data-held-src>, fetched meanwhile where the
   browser prefetches): an untouched page costs a slow phone nothing. The live page starts when a
   person first shows they are there (a pointer, a key, a touch that is not on a link, a wheel,
   focus), or at once where the server sent the scripts as usual (a chart not drawn yet; the
   presenter view, which a speaker steps with). It renders hidden beneath the drawn page
   (#react-entry-point.ib-live-pending) and takes its place once it has drawn every chart, in the
   same layout, so nothing moves. It waits while the person is busy with the drawn page (typing,
   a menu open, text selected), and the focus goes to the same place in the live page. A click
   before that is a link to the view it names.
   The event that starts Dash's renderer is dash_internals.LIVE_START. */
(function () {
  "use strict";

  var LIVE_START = "ib-start-live";
  var INTENT = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "focusin"];
  var FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]";
  var TAKE_OVER_WITHIN = 15000;  /* ms from the start: a live page whose charts cannot be drawn still takes over */

  var server = document.getElementById("ib-server-view");
  var handedOver = !server;
  var started = false;
  var deadline = Infinity;
  var pending = false;
  var changes = null;  /* watches the live page render, until it has taken over */

  if (handedOver) { document.documentElement.setAttribute("data-live", ""); }

  function liveDrawn(live) {
    return Array.prototype.every.call(live.querySelectorAll(".dash-graph"), function (graph) {
      var plot = graph.querySelector(".js-plotly-plot");
      return plot && plot.querySelector(".main-svg") && !(plot.layout && plot.layout.meta === "placeholder");
    });
  }

  /* The person is in the middle of something on the drawn page: typing in a field (on a phone,
     replacing it would close the keyboard), a menu open, text selected. */
  function busy() {
    var active = document.activeElement;
    if (active && server.contains(active) && active.matches("input:not([type=checkbox]):not([type=radio]), textarea")) { return true; }
    if (server.querySelector("details[open]")) { return true; }
    var selection = window.getSelection && window.getSelection();
    return !!(selection && !selection.isCollapsed && server.contains(selection.anchorNode));
  }

  /* The live page's element where the drawn page's focused one was: the one of the same id; else,
     of the one at the same place (the two pages have the same layout) and the one at the same
     position among the focusable ones, that which says the same; else the one at the same place. */
  function words(element) {
    return (element.getAttribute("aria-label") || element.textContent || "").replace(/\s+/g, " ").trim();
  }

  function sameInLive(focused, live, box, index) {
    var same = focused.id && document.getElementById(focused.id);
    if (same && live.contains(same)) { return same; }
    var atPlace = null;
    if (box.width && box.top >= 0 && box.bottom <= window.innerHeight) {
      var there = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      atPlace = there && live.contains(there) ? there.closest(FOCUSABLE + ", label") : null;
    }
    var atIndex = live.querySelectorAll(FOCUSABLE)[index] || null;
    var said = words(focused);
    var chosen = [atPlace, atIndex].filter(function (candidate) { return candidate && words(candidate) === said; })[0] || atPlace;
    return chosen && (chosen.control || chosen);
  }

  /* What the person typed in a field they have since left goes on in the live field of the same
     id (set as typing does: the field is React's). */
  function typedFields() {
    return Array.prototype.filter.call(server.querySelectorAll("input[id], textarea[id]"), function (field) {
      return field.value !== field.defaultValue;
    }).map(function (field) { return { id: field.id, value: field.value }; });
  }

  function carryOver(typed) {
    typed.forEach(function (entry) {
      var field = document.getElementById(entry.id);
      if (!field || !("value" in field) || field.type === "checkbox" || field.type === "radio") { return; }
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value").set.call(field, entry.value);
      field.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  function handOver() {
    pending = false;
    var live = document.getElementById("react-entry-point");
    if (handedOver || !live || !live.querySelector(".site") || busy()) { return; }
    if (!liveDrawn(live) && Date.now() < deadline) { return; }
    handedOver = true;
    changes.disconnect();
    var focused = document.activeElement && server.contains(document.activeElement) ? document.activeElement : null;
    var box = focused && focused.getBoundingClientRect();
    var index = focused ? Array.prototype.indexOf.call(server.querySelectorAll(FOCUSABLE), focused) : -1;
    var typed = typedFields();
    server.remove();
    live.classList.remove("ib-live-pending");
    carryOver(typed);
    if (focused) {
      var target = sameInLive(focused, live, box, index) || live;
      if (!target.matches(FOCUSABLE)) { target.setAttribute("tabindex", "-1"); }  /* a chart card, the page */
      target.focus({ preventScroll: true });
    }
    document.documentElement.setAttribute("data-live", "");
  }

  function scheduleHandOver() {
    if (pending || handedOver) { return; }
    pending = true;
    window.requestAnimationFrame(handOver);
  }

  function watch() {
    deadline = Date.now() + TAKE_OVER_WITHIN;
    changes = new MutationObserver(scheduleHandOver);
    changes.observe(document.documentElement, { childList: true, subtree: true });
    (function check() {
      if (handedOver) { return; }
      var live = document.getElementById("react-entry-point");
      if (Date.now() > deadline && !(live && live.querySelector(".site"))) { return; }  /* it will not start: the drawn page stays */
      scheduleHandOver();
      window.setTimeout(check, 500);
    })();
  }

  function startLive(event) {
    if (started) { return; }
    /* A touch or press on a link leaves the page: no use starting a live page for it. */
    if (event && (event.type === "touchstart" || event.type === "pointerdown") && event.target.closest && event.target.closest("a[href]")) { return; }
    started = true;
    INTENT.forEach(function (type) { window.removeEventListener(type, startLive, true); });
    var held = Array.prototype.slice.call(document.querySelectorAll("script[data-held-src]"));
    var start = function () { document.dispatchEvent(new Event(LIVE_START)); };
    if (!handedOver) { watch(); }
    if (!held.length) {  /* the shell's scripts are deferred as usual: they have all run by DOMContentLoaded */
      document.addEventListener("DOMContentLoaded", start);
      return;
    }
    var failed = false;
    held.forEach(function (placeholder, i) {
      var script = document.createElement("script");
      script.src = placeholder.getAttribute("data-held-src");
      script.async = false;  /* run in the shell's order */
      script.addEventListener("error", function () { failed = true; });
      if (i === held.length - 1) {
        script.addEventListener("load", function () { if (!failed) { start(); } });  /* else the drawn page stays */
      }
      placeholder.parentNode.insertBefore(script, placeholder);
    });
  }

  var heldBack = document.querySelector("script[data-held-src]");
  var there = document.activeElement && document.activeElement !== document.body || document.querySelector("body:hover");
  if (!heldBack || there) {
    startLive();  /* nothing held back, or the person was already there before this script ran */
  } else {
    INTENT.forEach(function (type) { window.addEventListener(type, startLive, { capture: true, passive: true }); });
  }
})();
