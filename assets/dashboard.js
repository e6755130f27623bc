/* Browser-only behaviour of the dashboard: the URL follows the view state, links and texts are
   copied to the clipboard, downloads say they are being made, the presenter view steps with the
   arrow keys, narrow charts are scaled, and an embed tells its frame how tall it is. The start of
   the live page over the drawn one is assets/live_start.js. */
(function () {
  "use strict";

  var scrolledToHash = false;

  /* Scroll to #figur-… once the charts above it have been drawn (their height is known then). */
  function scrollToHash() {
    if (scrolledToHash || !window.location.hash) { return; }
    scrolledToHash = true;
    var started = Date.now();
    (function attempt() {
      var target;
      try { target = document.getElementById(decodeURIComponent(window.location.hash.slice(1))); } catch (error) { return; }
      var graphs = Array.prototype.slice.call(document.querySelectorAll(".chart-card .js-plotly-plot"));
      var allDrawn = graphs.length > 0 && graphs.every(function (g) {
        return g.querySelector(".main-svg") && !(g.layout && g.layout.meta === "placeholder");
      });
      if (target && (allDrawn || Date.now() - started > 4000)) {
        target.scrollIntoView({ block: "start" });
        if (target.focus) { target.setAttribute("tabindex", "-1"); target.focus({ preventScroll: true }); }
      } else if (Date.now() - started < 5000) {
        window.setTimeout(attempt, 100);
      }
    })();
  }

  /* A freshly served page's figures of every chart but the first, applied a frame after the
     first chart has been drawn (plotly.js draws every graph of one render in a single batch, so
     the first chart would otherwise wait for the others). */
  function applyNextFrame(updates) {
    var page = window.location.pathname;
    window.requestAnimationFrame(function () {
      window.setTimeout(function () {
        if (window.location.pathname !== page) { return; }  /* the person went to another page */
        updates.forEach(function (update) {
          var props = {};
          props[update.prop] = update.value;
          window.dash_clientside.set_props(update.id, props);
        });
      }, 0);
    });
  }

  /* A drawn page (#ib-server-view, assets/live_start.js) has been scrolled to its #figur-… by the
     browser, and the live page takes over in the same place: scrolling there again would pull back
     a reader who has scrolled on meanwhile. The chart takes the focus, as when the live page scrolls. */
  (function () {
    var server = document.getElementById("ib-server-view");
    var target = null;
    try {
      target = server && window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    } catch (error) { return; }  /* a malformed address: nothing to scroll to */
    if (target && server.contains(target)) {
      scrolledToHash = true;
      target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    }
  })();

  /* »Kopiér link« and »Kopiér link til figuren« (data-copy-link: »page« or »chart«): the address of
     the view, or of the chart the button is in, copied in the person's own click (a browser allows
     the clipboard only there), on the drawn page as on the live one. The button carries the words
     to say (data-copied, data-failed); its status follows it. */
  function pageAddress() {
    return window.location.origin + window.location.pathname + window.location.search;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-link]");
    if (!button) { return; }
    var chart = button.getAttribute("data-copy-link") === "chart" && button.closest("[id^='figur-']");
    var status = button.nextElementSibling && button.nextElementSibling.matches(".copy-status") ? button.nextElementSibling : null;
    var say = function (text) { if (status) { status.textContent = text; } };
    var address = pageAddress() + (chart ? "#" + chart.id : "");
    /* Refused: the page's address is in the address bar; a chart's is shown to copy by hand. */
    var failed = function () { say(button.getAttribute("data-failed") + (chart ? " " + address : "")); };
    if (!navigator.clipboard) { failed(); return; }
    navigator.clipboard.writeText(address).then(function () { say(button.getAttribute("data-copied")); }, failed);
  });

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    ib: {
      /* Keep the address bar equal to the view state; replace, so Back leaves the page. */
      syncUrl: function (query) {
        var wanted = window.location.pathname + (query || "") + window.location.hash;
        if (wanted !== window.location.pathname + window.location.search + window.location.hash) {
          window.history.replaceState(window.history.state, "", wanted);
        }
        scrollToHash();
        return query;
      },
      /* The page's later updates ({id, prop, value}), on its first render only. */
      applyLater: function (updates) {
        applyNextFrame(updates || []);
        return window.dash_clientside.callback_context.outputs_list.map(function () {
          return window.dash_clientside.no_update;
        });
      },
      /* A preset button or menu item names what it sets in its id: the group and value of »Kun …«,
         the group of »Nulstil« (every option, from `defaults`), or the latest edition. */
      applyPreset: function (_only, _reset, _latest, defaults) {
        var noUpdate = window.dash_clientside.no_update;
        var out = [noUpdate, noUpdate, noUpdate];
        var triggered = (window.dash_clientside.callback_context.triggered || [])[0];
        if (!triggered || !triggered.value) { return out; }
        var id = JSON.parse(triggered.prop_id.slice(0, triggered.prop_id.lastIndexOf(".")));
        var groups = ["period", "type", "sector"];
        if (id.role === "filter-latest") { out[0] = [defaults.latest]; }
        if (id.role === "filter-only") { out[groups.indexOf(id.group)] = [id.value]; }
        if (id.role === "filter-reset") { out[groups.indexOf(id.group)] = defaults[id.group]; }
        return out;
      }
    }
  });

  /* Downloads: an export can take a few seconds (an image is drawn by a browser on the server).
     While it is made, the tools say so (»Forbereder …«) and further clicks are ignored; the file
     is then saved under the name the server gives. Without JavaScript the links download as they are. */
  function announce(text) {
    var status = document.getElementById("ib-download-status");
    if (!status) {
      status = document.createElement("div");
      status.id = "ib-download-status";
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = text;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.download-link");
    var tools = link && link.closest("[data-preparing]");
    if (!tools || !window.fetch || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    event.preventDefault();
    if (tools.getAttribute("data-state") === "preparing") { return; }
    tools.setAttribute("data-state", "preparing");
    tools.setAttribute("aria-busy", "true");
    announce(tools.getAttribute("data-preparing"));
    var href = link.href;
    window.fetch(href).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      var match = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
      return response.blob().then(function (blob) { return { blob: blob, name: match ? match[1] : "" }; });
    }).then(function (file) {
      var save = document.createElement("a");
      save.href = URL.createObjectURL(file.blob);
      save.download = file.name;
      document.body.appendChild(save);
      save.click();
      window.setTimeout(function () { URL.revokeObjectURL(save.href); save.remove(); }, 1000);
    }).catch(function () {
      window.location.assign(href);  /* the server's own answer, e.g. why images cannot be made now */
    }).then(function () {
      tools.removeAttribute("data-state");
      tools.removeAttribute("aria-busy");
      announce("");
    });
  });

  /* Presenter view: one slide visible; its chart is in the address (#figur-<chart id>). The drawn
     view's slides (#ib-server-view) and the live page's show the same one, so the handover shows
     the slide the speaker is at; the first on the page is the one seen. */
  function presenters() { return Array.prototype.slice.call(document.querySelectorAll(".presenter")); }
  function slides(presenter) {
    presenter = presenter || presenters()[0];
    return presenter ? Array.prototype.slice.call(presenter.querySelectorAll(".presenter-slide")) : [];
  }

  function show(next) {
    var all = slides();
    if (!all.length) { return; }
    next = Math.min(Math.max(next, 0), all.length - 1);
    presenters().forEach(function (presenter) {
      slides(presenter).forEach(function (slide, i) { slide.hidden = i !== next; });
      var counter = presenter.querySelector(".presenter-counter");
      if (counter) { counter.textContent = (next + 1) + " / " + all.length; }
    });
    var hash = "#figur-" + all[next].getAttribute("data-chart");
    /* The drawn view's exit is a plain link: it goes back to the chart shown, as Esc does. */
    presenters().forEach(function (presenter) {
      var exit = presenter.closest("#react-entry-point") ? null : presenter.querySelector(".presenter-exit");
      if (exit) { exit.setAttribute("href", exit.getAttribute("href").split("#")[0] + hash); }
    });
    if (window.location.hash !== hash) {
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search + hash);
    }
    window.dispatchEvent(new Event("resize"));  /* let the newly shown graph take its size */
  }

  function current() {
    var index = 0;
    slides().forEach(function (slide, i) { if (!slide.hidden) { index = i; } });
    return index;
  }

  /* The slide the address names, once the presenter view is on the page. */
  function showFromAddress() {
    var wanted;
    try { wanted = decodeURIComponent(window.location.hash.replace(/^#figur-/, "")); } catch (error) { return; }
    var index = slides().findIndex(function (slide) { return slide.getAttribute("data-chart") === wanted; });
    if (index >= 0) { show(index); }
  }
  function showNamedSlide() {
    presenters().forEach(function (presenter) {
      if (!presenter.ibShown) { presenter.ibShown = true; showFromAddress(); }
    });
  }
  showNamedSlide();  /* the drawn view's */
  new MutationObserver(showNamedSlide).observe(document.documentElement, { childList: true, subtree: true });

  /* Esc: back to the page, with the same view (the exit link's), scrolled to the chart that was shown. */
  function leave() {
    var exit = document.querySelector(".presenter-exit");
    if (!exit) { return; }
    var hash = window.location.hash;
    exit.click();
    var started = Date.now();
    (function attempt() {
      if (!document.querySelector(".presenter") && document.querySelector(".theme-page")) {
        if (hash) {
          window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search + hash);
          scrolledToHash = false;
          scrollToHash();
        }
      } else if (Date.now() - started < 5000) {
        window.setTimeout(attempt, 50);
      }
    })();
  }

  /* Plotly cannot wrap text: where a chart has less room than a phone's 360 px, it is drawn at
     360 px and scaled to the room, as the page the server drew shows it (02-dashboard.css). A CSS
     transform, not zoom: plotly.js finds the bar under the pointer through a transform. */
  var NARROWEST_GRAPH = 360;
  function fitGraph(graph) {
    var box = graph.parentNode, style = window.getComputedStyle(box);
    var room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    var scale = room < NARROWEST_GRAPH ? room / NARROWEST_GRAPH : 1;
    graph.style.width = scale < 1 ? NARROWEST_GRAPH + "px" : "";
    graph.style.transform = scale < 1 ? "scale(" + scale + ")" : "";
    graph.style.transformOrigin = scale < 1 ? "0 0" : "";
    graph.style.marginRight = scale < 1 ? (room - NARROWEST_GRAPH) + "px" : "";
    graph.style.marginBottom = scale < 1 ? (graph.offsetHeight * (scale - 1)) + "px" : "";
  }
  if (window.ResizeObserver) {
    var watchedGraphs = new WeakSet();
    var sizes = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) {
        Array.prototype.forEach.call(entry.target.children, function (child) {
          if (child.matches(".dash-graph.chart-graph:not(.server-graph)")) { fitGraph(child); }
        });
      });
    });
    new MutationObserver(function () {
      document.querySelectorAll(":is(.chart-card, .embed) > .dash-graph.chart-graph:not(.server-graph)").forEach(function (graph) {
        if (watchedGraphs.has(graph)) { return; }
        watchedGraphs.add(graph);
        fitGraph(graph);
        sizes.observe(graph.parentNode);
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  /* An embed in another site's page says how tall it is, so a page that has the responsive embed
     code (»Indlejr eller citér«) sizes the frame to it: no scroll bar at any width. */
  var HEIGHT_MESSAGE = "innovationsbarometeret-hoejde";
  if (window.parent !== window && window.ResizeObserver) {
    var sentHeight = 0;
    new ResizeObserver(function () {
      if (!document.querySelector(".embed-site")) { return; }
      var height = Math.ceil(document.documentElement.scrollHeight);
      if (height !== sentHeight) {
        sentHeight = height;
        var message = {};
        message[HEIGHT_MESSAGE] = height;
        window.parent.postMessage(message, "*");
      }
    }).observe(document.documentElement);
  }

  /* The preview on »Indlejr eller citér« is one of our embeds: it takes the height it says it has. */
  window.addEventListener("message", function (event) {
    var height = +(event.data && event.data[HEIGHT_MESSAGE]);
    if (event.origin !== window.location.origin || !(height > 0)) { return; }
    document.querySelectorAll("iframe.share-preview").forEach(function (frame) {
      if (frame.contentWindow === event.source) { frame.style.height = height + "px"; }
    });
  });

  /* A text to copy (embed code, address, citation): the button names its box (data-copy), and the
     status says it in the page's words. Where the clipboard is out of reach (an address without
     https, a refusal) the text is left selected, and the status says to copy it by hand. */
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) { return; }
    var box = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!box) { return; }
    box.focus();
    box.select();
    var say = function (text) { if (status) { status.textContent = text; } };
    var byHand = function () { say(button.getAttribute("data-select")); };
    if (!navigator.clipboard) { byHand(); return; }
    navigator.clipboard.writeText(box.value).then(function () { say(button.getAttribute("data-copied")); }, byHand);
  });

  var KEYS = {
    ArrowRight: function () { show(current() + 1); }, PageDown: function () { show(current() + 1); },
    ArrowLeft: function () { show(current() - 1); }, PageUp: function () { show(current() - 1); },
    Home: function () { show(0); }, End: function () { show(slides().length - 1); }, Escape: leave
  };
  document.addEventListener("keydown", function (event) {
    if (!document.querySelector(".presenter") || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (KEYS[event.key]) { KEYS[event.key](); event.preventDefault(); }
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest(".presenter-next")) { show(current() + 1); }
    if (event.target.closest(".presenter-previous")) { show(current() - 1); }
  });
  /* Swipe on a phone: left for the next chart, right for the one before. */
  var touchX = null;
  document.addEventListener("touchstart", function (event) {
    touchX = document.querySelector(".presenter") ? event.changedTouches[0].clientX : null;
  }, { passive: true });
  document.addEventListener("touchend", function (event) {
    if (touchX === null) { return; }
    var dx = event.changedTouches[0].clientX - touchX;
    touchX = null;
    if (Math.abs(dx) > 60) { show(current() + (dx < 0 ? 1 : -1)); }
  }, { passive: true });
})();
