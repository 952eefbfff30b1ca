/* Large-text setting: a button in the header toggles it; the choice persists in localStorage. */
(function () {
  var KEY = "hsp-large-text";
  var root = document.documentElement;
  function apply(on) {
    root.classList.toggle("hsp-large", on);
    var button = document.getElementById("hsp-large-text");
    if (button) { button.setAttribute("aria-pressed", on ? "true" : "false"); }
  }
  var stored = false;
  try { stored = window.localStorage.getItem(KEY) === "1"; } catch (e) { /* storage disabled */ }
  apply(stored);
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("#hsp-large-text") : null;
    if (!button) { return; }
    var on = !root.classList.contains("hsp-large");
    apply(on);
    try { window.localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* storage disabled */ }
  });
  document.addEventListener("DOMContentLoaded", function () { apply(root.classList.contains("hsp-large")); });
})();
