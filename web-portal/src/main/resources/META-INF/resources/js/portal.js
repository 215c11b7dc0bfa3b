// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // Show the advice that fits the ticked red flags as soon as one is ticked, before the form is even sent: emergency
  // care now when any ticked flag needs it (data-urgency EMERGENCY_NOW), else a doctor the same day.
  var boxes = document.querySelectorAll("input[name=redFlagSymptoms]");
  var advice = document.getElementById("emergency-advice");
  if (boxes.length && advice) {
    var emergency = advice.querySelector(".advice-emergency");
    var sameDay = advice.querySelector(".advice-same-day");
    var sync = function () {
      var ticked = Array.prototype.filter.call(boxes, function (b) { return b.checked; });
      var urgent = ticked.some(function (b) { return b.getAttribute("data-urgency") === "EMERGENCY_NOW"; });
      advice.hidden = ticked.length === 0;
      if (emergency) { emergency.hidden = !urgent; }
      if (sameDay) { sameDay.hidden = urgent || ticked.length === 0; }
    };
    boxes.forEach(function (b) { b.addEventListener("change", sync); });
    sync();
  }
  // A form that came back refused: focus goes to its error summary, so a screen reader reads what to fix first and a
  // keyboard user starts from the links to the fields (the summary has tabindex="-1").
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
  // A table wider than the screen scrolls sideways in its .table-wrap: such a region must take keyboard focus (arrow
  // keys then scroll it) and be named for a screen reader, after its caption or the section's heading.
  var markScrollable = function () {
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        if (!wrap.hasAttribute("tabindex")) {
          var named = wrap.querySelector("caption") || (wrap.closest("section") || document).querySelector("h2, h1");
          wrap.setAttribute("tabindex", "0");
          wrap.setAttribute("role", "region");
          if (named && named.textContent.trim()) { wrap.setAttribute("aria-label", named.textContent.trim()); }
        }
      }
    });
  };
  markScrollable();
  window.addEventListener("resize", markScrollable);
  // Print buttons (no inline onclick: the CSP forbids inline script).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
