/* Site-wide behaviour on top of Material:
 * - display settings (大字号, 高对比度, 阅读模式): buttons in the header toggle a class on <html>; each
 *   choice persists in localStorage (overrides/main.html applies it before the page paints);
 * - the navigation drawer: while closed at drawer widths (phones, 200% zoom) it is inert, so Tab
 *   does not walk through its links; its menu button works by keyboard; Escape closes it;
 * - names for Material's landmarks that have none (search dialog, nested navs, code-block toolbars)
 *   and a tab stop on code blocks that scroll sideways;
 * - on a phone, the site's name without its tail (· 公开数据), so that the plan's name is not cut. */
(function () {
  var root = document.documentElement;
  var MODES = [
    { id: "hsp-large-text", key: "hsp-large-text", cls: "hsp-large", title: "切换大字号（设置会被记住）" },
    { id: "hsp-contrast", key: "hsp-contrast", cls: "hsp-contrast", title: "切换高对比度配色（设置会被记住）" },
    { id: "hsp-reading", key: "hsp-reading", cls: "hsp-reading", title: "切换阅读模式：行距加大，隐藏侧栏（设置会被记住）" }
  ];
  var DRAWER_QUERY = "(max-width: 76.234375em)"; /* Material: below 76.25em the primary sidebar is a drawer */

  function stored(mode) {
    try { return window.localStorage.getItem(mode.key) === "1"; } catch (e) { return false; /* storage disabled */ }
  }
  function apply(mode, on) {
    root.classList.toggle(mode.cls, on);
    var button = document.getElementById(mode.id);
    if (button) { button.setAttribute("aria-pressed", on ? "true" : "false"); }
  }
  function applyAll() {
    MODES.forEach(function (mode) { apply(mode, root.classList.contains(mode.cls) || stored(mode)); });
  }
  applyAll();
  document.addEventListener("click", function (event) {
    if (!event.target.closest) { return; }
    MODES.forEach(function (mode) {
      if (!event.target.closest("#" + mode.id)) { return; }
      var on = !root.classList.contains(mode.cls);
      apply(mode, on);
      try { window.localStorage.setItem(mode.key, on ? "1" : "0"); } catch (e) { /* storage disabled */ }
    });
  });

  /* overrides/main.html renders the switches below the header (hidden by site.css); put them in the
   * header bar, after the site title, where they stay visible on every page and at any width. */
  function place() {
    var group = document.getElementById("hsp-display");
    var title = document.querySelector(".md-header__inner > .md-header__title");
    if (!group || !title || group.classList.contains("hsp-display--placed")) { return; }
    group.classList.add("hsp-display--placed");
    MODES.forEach(function (mode) {
      var button = document.getElementById(mode.id);
      if (button) { button.title = mode.title; }
    });
    title.parentNode.insertBefore(group, title.nextSibling);
  }

  /* The drawer is Material's checkbox #__drawer and the primary sidebar; its menu button is a label,
   * which a keyboard cannot reach, so a real button takes its place. */
  function menuButton() {
    var label = document.querySelector('label.md-header__button[for="__drawer"]');
    if (!label) { return null; }
    var button = document.getElementById("hsp-menu");
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.id = "hsp-menu";
      button.className = "md-header__button md-icon hsp-menu-button";
      button.setAttribute("aria-label", "导航菜单");
      button.innerHTML = label.innerHTML;
      label.parentNode.insertBefore(button, label);
      label.hidden = true;
    }
    return button;
  }
  function drawer() {
    var toggle = document.getElementById("__drawer");
    var nav = document.querySelector(".md-sidebar--primary");
    if (!toggle || !nav) { return; }
    var closed = window.matchMedia(DRAWER_QUERY).matches && !toggle.checked;
    if (nav.hasAttribute("inert") !== closed) { nav.toggleAttribute("inert", closed); }
    if (closed) { nav.setAttribute("aria-hidden", "true"); } else if (nav.hasAttribute("aria-hidden")) { nav.removeAttribute("aria-hidden"); }
    var button = menuButton();
    if (button) { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
  }
  function openDrawer(open) {
    var toggle = document.getElementById("__drawer");
    if (!toggle || toggle.checked === open) { return; }
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    drawer();
    if (open) {
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (first) { first.focus(); }
    }
  }
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__drawer") { drawer(); }
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("#hsp-menu")) {
      var toggle = document.getElementById("__drawer");
      openDrawer(!(toggle && toggle.checked));
    }
  });
  document.addEventListener("keydown", function (event) {
    var toggle = document.getElementById("__drawer");
    if (event.key === "Escape" && toggle && toggle.checked && window.matchMedia(DRAWER_QUERY).matches) {
      openDrawer(false);
      var button = document.getElementById("hsp-menu");
      if (button) { button.focus(); }
    }
  });
  var query = window.matchMedia(DRAWER_QUERY);
  if (query.addEventListener) { query.addEventListener("change", drawer); }

  /* Names for landmarks Material leaves unnamed or names from an icon. */
  var codeNavs = 0;
  function names() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) { dialog.setAttribute("aria-label", "搜索"); }
    Array.prototype.forEach.call(document.querySelectorAll("nav.md-nav[aria-labelledby]"), function (nav) {
      var title = nav.querySelector(":scope > .md-nav__title");
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      var text = title ? title.textContent.replace(/\s+/g, " ").trim() : "";
      if (label && text && !label.hasAttribute("aria-label")) { label.setAttribute("aria-label", text); }
    });
    Array.prototype.forEach.call(document.querySelectorAll("nav.md-code__nav:not([aria-label])"), function (nav) {
      codeNavs += 1;
      nav.setAttribute("aria-label", "代码块 " + codeNavs + " 的操作");
    });
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset pre"), function (pre) {
      if (pre.scrollWidth > pre.clientWidth && !pre.querySelector("[tabindex]") && !pre.hasAttribute("tabindex")) {
        pre.setAttribute("tabindex", "0");
        pre.setAttribute("role", "region");
        pre.setAttribute("aria-label", "代码（可左右滚动）");
      }
    });
  }

  /* Tables of bases, studios and announcements read as one block per row on a phone (site.css, .hsp-cards): each
   * cell gets its column's title as data-label; the status cell and empty (—) cells are marked. */
  function cards() {
    document.querySelectorAll("table.hsp-table--records:not(.hsp-cards), table.hsp-table--announcements:not(.hsp-cards)").forEach(function (table) {
      var titles = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          Array.prototype.forEach.call(row.cells, function (cell, i) {
            if (cell.tagName !== "TD") { return; }
            if (cell.querySelector(".hsp-status") && titles[i] === "状态") { cell.classList.add("hsp-cell-status"); return; }
            cell.setAttribute("data-label", titles[i] || "");
            if (cell.textContent.trim() === "—") { cell.classList.add("hsp-cell-none"); }
          });
        });
      });
      table.classList.add("hsp-cards");
    });
  }

  /* The site's name, 国家高技能人才振兴计划 · 公开数据, is cut to "国家高技能人才振兴计划 • …" on a phone;
   * its tail goes in a span that site.css hides there, so the plan's name reads whole. */
  function titleTail() {
    var name = document.querySelector(".md-header__topic:first-child > .md-ellipsis");
    if (!name || name.querySelector(".hsp-title-tail")) { return; }
    var text = name.textContent.trim();
    var cut = text.indexOf(" · ");
    if (cut < 1) { return; }
    var tail = document.createElement("span");
    tail.className = "hsp-title-tail";
    tail.textContent = text.slice(cut);
    name.textContent = text.slice(0, cut);
    name.appendChild(tail);
  }

  function init() { place(); applyAll(); drawer(); names(); cards(); titleTail(); }
  init();
  document.addEventListener("DOMContentLoaded", init);
  window.addEventListener("resize", names);
  if (window.MutationObserver) {
    var pending = false;
    new MutationObserver(function () {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; names(); drawer(); });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
})();
