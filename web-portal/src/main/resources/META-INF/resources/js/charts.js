// Draws the progress and report charts from data- attributes (JSON); the pages carry the same data as tables.
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  // No animation for whoever asked their system for less motion (WCAG 2.3.3).
  if (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
    Chart.defaults.animation = false;
  }
  // Series names and axis titles come from the page, in its language (data-label-*), English as a last resort.
  function word(canvas, name, fallback) {
    return canvas.getAttribute("data-label-" + name) || fallback;
  }
  function read(canvas) {
    try { return JSON.parse(canvas.getAttribute("data-points") || "[]"); } catch (e) { return []; }
  }
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var points = read(canvas);
    if (!points.length) { return; }
    var kind = canvas.getAttribute("data-chart");
    if (kind === "report-bar" || kind === "report-line") {
      // Report charts (admin reports page): points are [{label, value}], the series name is in data-series.
      new Chart(canvas, {
        type: kind === "report-bar" ? "bar" : "line",
        data: {
          labels: points.map(function (p) { return p.label; }),
          datasets: [{ label: canvas.getAttribute("data-series") || "", data: points.map(function (p) { return p.value; }), borderColor: "#0b5cad", backgroundColor: "#0b5cad" }]
        },
        // Counts of programs and sessions: whole-number ticks only, never "0.2 programs".
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    } else if (kind === "measure") {
      // A questionnaire's scores over the program: points are [{timepoint, completedOn, score}], the scale in data-min/max.
      var min = parseFloat(canvas.getAttribute("data-min"));
      var max = parseFloat(canvas.getAttribute("data-max"));
      var y = {};
      if (!isNaN(min)) { y.min = min; }
      if (!isNaN(max)) { y.max = max; }
      new Chart(canvas, {
        type: "line",
        data: {
          labels: points.map(function (p) { return p.completedOn || p.timepoint; }),
          datasets: [{ label: canvas.getAttribute("data-series") || "Score", data: points.map(function (p) { return p.score; }), borderColor: "#0b5cad", backgroundColor: "#0b5cad" }]
        },
        options: { scales: { y: y } }
      });
    } else if (kind === "pain") {
      new Chart(canvas, {
        type: "line",
        data: {
          labels: points.map(function (p) { return p.date; }),
          datasets: [
            // Told apart by line style and point shape too, never by colour alone (WCAG 1.4.1).
            { label: word(canvas, "before", "Pain before"), data: points.map(function (p) { return p.painBefore; }), borderColor: "#a1120f", backgroundColor: "#a1120f", pointStyle: "circle" },
            { label: word(canvas, "after", "Pain after"), data: points.map(function (p) { return p.painAfter; }), borderColor: "#0b5cad", backgroundColor: "#0b5cad", borderDash: [6, 4], pointStyle: "rect" }
          ]
        },
        options: { scales: { y: { min: 0, max: 10, title: { display: true, text: word(canvas, "axis", "Pain (0-10)") } } } }
      });
    } else {
      new Chart(canvas, {
        type: "bar",
        data: {
          labels: points.map(function (p) { return p.weekStart; }),
          datasets: [{ label: word(canvas, "series", "Adherence (%)"), data: points.map(function (p) { return p.percent; }), backgroundColor: "#13693a" }]
        },
        options: { scales: { y: { min: 0, max: 100 } } }
      });
    }
  });
})();
