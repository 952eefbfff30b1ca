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
  /* overrides/main.html renders the switch below the header (hidden by site.css); put it in the
   * header bar, after the site title, where it stays visible on every page and at any width. */
  function place() {
    var button = document.getElementById("hsp-large-text");
    var title = document.querySelector(".md-header__inner > .md-header__title");
    if (!button || !title || button.classList.contains("hsp-large-toggle")) { return; }
    button.classList.add("hsp-large-toggle");
    button.title = "切换大字号（设置会被记住）";
    title.parentNode.insertBefore(button, title.nextSibling);
  }
  place();
  /* Material's search box is a dialog without a name; screen readers should announce it. */
  function nameSearch() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) { dialog.setAttribute("aria-label", "搜索"); }
  }
  nameSearch();
  document.addEventListener("DOMContentLoaded", function () { place(); nameSearch(); apply(root.classList.contains("hsp-large")); });
})();
