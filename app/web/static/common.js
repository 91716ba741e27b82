/* Shared by the facilitator pages: the key (kept for this tab only), errors, small DOM helpers. */
(function () {
  "use strict";
  var KEY = "balcony.facilitatorKey";
  var field = document.querySelector("[data-facilitator-key]");
  if (field) {
    field.value = sessionStorage.getItem(KEY) || "";
    field.addEventListener("change", function () { sessionStorage.setItem(KEY, field.value.trim()); });
  }
  function headers(extra) {
    var h = {}, key = field ? field.value.trim() : "";
    if (key) { h.Authorization = "Bearer " + key; }
    for (var name in extra || {}) { h[name] = extra[name]; }
    return h;
  }
  var problem = window.balconyProblem;
  var errorBox = document.querySelector("[data-error]");
  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
    if (message) { errorBox.setAttribute("tabindex", "-1"); errorBox.focus(); }
  }
  function make(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  function announce(text) {
    var region = document.querySelector("[data-announce]");
    if (region) { region.textContent = text; }
  }
  function printing() {
    var button = document.querySelector("[data-print]");
    if (button) { button.addEventListener("click", function () { window.print(); }); }
  }
  printing();
  window.Balcony = { headers: headers, problem: problem, showError: showError, make: make, announce: announce };
})();
