// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // Show the emergency advice as soon as a red-flag symptom is ticked, before the form is even sent.
  var box = document.getElementById("redFlagSymptoms");
  var advice = document.getElementById("emergency-advice");
  if (box && advice) {
    var sync = function () { advice.hidden = !box.checked; };
    box.addEventListener("change", sync);
    sync();
  }
  // Print buttons (no inline onclick: the CSP forbids inline script).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
