/* Browser-only behaviour of the dashboard: the URL follows the view state, links are
   copied to the clipboard, and the presenter view steps with the arrow keys. */
(function () {
  "use strict";

  var scrolledToHash = false;

  /* Scroll to #figur-… once the charts above it have been drawn (their height is known then). */
  function scrollToHash() {
    if (scrolledToHash || !window.location.hash) { return; }
    scrolledToHash = true;
    var started = Date.now();
    (function attempt() {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
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

  /* `messages`: the page's texts in its language (a dcc.Store written by the server). */
  function copy(text, done, messages) {
    var failed = messages.copy_failed;
    if (!navigator.clipboard) { return failed; }
    return navigator.clipboard.writeText(text).then(function () { return done; }, function () { return failed; });
  }

  function pageAddress() {
    return window.location.origin + window.location.pathname + window.location.search;
  }

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
      /* The figures of every chart but the first, a frame after the first paint. A graph that a
         filter change has drawn meanwhile keeps its newer figure; one not drawn yet gets it too. */
      drawDeferred: function (figures) {
        var outputs = window.dash_clientside.callback_context.outputs_list;
        outputs = Array.isArray(outputs[0]) ? outputs[0] : outputs;
        return new Promise(function (resolve) {
          window.requestAnimationFrame(function () {
            window.setTimeout(function () {
              resolve(figures.map(function (figure, i) {
                var element = document.getElementById(JSON.stringify(outputs[i].id, Object.keys(outputs[i].id).sort()));
                var graph = element && (element.classList.contains("js-plotly-plot") ? element : element.querySelector(".js-plotly-plot"));
                /* Not drawn yet, or still the placeholder: a filter change has not replaced it. */
                var replaced = graph && graph.layout && graph.layout.meta !== "placeholder";
                return figure && !replaced ? figure : window.dash_clientside.no_update;
              }));
            }, 0);
          });
        });
      },
      copyPageLink: function (_clicks, messages) {
        return copy(pageAddress(), messages.copied, messages);
      },
      copyChartLink: function (_clicks, id, messages) {
        return copy(pageAddress() + "#figur-" + id.chart, messages.chart_copied, messages);
      }
    }
  });

  /* Presenter view: one slide visible; ← → (and PageUp/PageDown) step between them. */
  function step(by) {
    var slides = document.querySelectorAll(".presenter-slide");
    if (!slides.length) { return; }
    var current = 0;
    slides.forEach(function (slide, i) { if (!slide.hidden) { current = i; } });
    var next = Math.min(Math.max(current + by, 0), slides.length - 1);
    slides.forEach(function (slide, i) { slide.hidden = i !== next; });
    var counter = document.querySelector(".presenter-counter");
    if (counter) { counter.textContent = (next + 1) + " / " + slides.length; }
    window.dispatchEvent(new Event("resize"));  /* let the newly shown graph take its size */
  }

  document.addEventListener("keydown", function (event) {
    if (!document.querySelector(".presenter") || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "ArrowRight" || event.key === "PageDown") { step(1); event.preventDefault(); }
    if (event.key === "ArrowLeft" || event.key === "PageUp") { step(-1); event.preventDefault(); }
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest(".presenter-next")) { step(1); }
    if (event.target.closest(".presenter-previous")) { step(-1); }
  });
})();
