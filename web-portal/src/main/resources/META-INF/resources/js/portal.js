// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // Show the emergency advice as soon as a red-flag symptom is ticked, before the form is even sent.
  var boxes = document.querySelectorAll("input[name=redFlagSymptoms]");
  var advice = document.getElementById("emergency-advice");
  if (boxes.length && advice) {
    var sync = function () {
      advice.hidden = !Array.prototype.some.call(boxes, function (b) { return b.checked; });
    };
    boxes.forEach(function (b) { b.addEventListener("change", sync); });
    sync();
  }
  // Print buttons (no inline onclick: the CSP forbids inline script).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
