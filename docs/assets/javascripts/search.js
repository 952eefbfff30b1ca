/* Site search in the header of every page (markup: overrides/partials/search.html).
 *
 * Material's search box and styles, our behaviour: Material's own search code is not attached to
 * this box. On first use the box loads three scripts (they work from file:// too, unlike fetch):
 * find/data.js (every base and studio, window.HSP_FINDER), search/data.js (announcements and list
 * pages, window.HSP_SEARCH) and search/pages.js (the sections of the content pages,
 * window.HSP_SEARCH_PAGES); generator/export/search_index.py prepares the last two. Matching
 * is search-core.js, shared with the finder. Results are grouped by kind, the best group first, and
 * built with DOM APIs and textContent only (names come from announcements and are never parsed as
 * HTML). Searching runs on every input event that is not part of an IME composition, and on
 * compositionend: pasted and IME-committed text searches at once; nothing flashes while composing.
 */
(function () {
  "use strict";
  var form = document.getElementById("hsp-search-form");
  if (!form) { return; }
  var box = document.getElementById("hsp-search-q");
  var status = document.getElementById("hsp-search-status");
  var output = document.getElementById("hsp-search-results");
  var toggle = document.getElementById("__search");
  var LIMIT = {studio: 10, base: 10, list: 4, announcement: 5, page: 8};
  var GROUPS = [
    ["list", "名单"], ["studio", "技能大师工作室"], ["base", "高技能人才培训基地"],
    ["announcement", "公告"], ["page", "政策、条件与数据页"],
  ];
  var HINT = "输入名称、技能大师、依托单位、城市、省份、层级、年份、编号或政策用语";
  var config = {};
  try { config = JSON.parse(document.getElementById("__config").textContent); } catch (e) { /* default base */ }
  var BASE = String(config.base || ".").replace(/\/$/, "");
  var FILE = window.location.protocol === "file:";

  function href(url) {                 // a site URL (studios/S000001/, page/#anchor) from this page
    var cut = url.indexOf("#");
    var path = cut < 0 ? url : url.slice(0, cut), anchor = cut < 0 ? "" : url.slice(cut);
    if (FILE && (path === "" || path.endsWith("/"))) { path += "index.html"; }  // no folder index on file://
    return BASE + "/" + path + anchor;
  }

  /* Loading: both data scripts, once, when the box is first used. */
  var state = "idle", engine = null, waiting = [];
  function load(then) {
    if (state === "ready") { then(); return; }
    waiting.push(then);
    if (state !== "idle") { return; }
    state = "loading";
    status.textContent = "正在载入搜索数据……";
    var need = [["HSP_FINDER", "find/data.js"], ["HSP_SEARCH", "search/data.js"], ["HSP_SEARCH_PAGES", "search/pages.js"]];
    var left = need.length, failed = false;
    need.forEach(function (pair) {
      if (window[pair[0]]) { done(); return; }
      var script = document.createElement("script");
      script.src = href(pair[1]);
      script.async = true;
      script.onload = done;
      script.onerror = function () { failed = true; done(); };
      document.head.appendChild(script);
    });
    function done() {
      if (--left > 0) { return; }
      if (failed || !window.HSP_FINDER || !window.HSP_SEARCH || !window.HSP_SEARCH_PAGES) {
        state = "failed";
        status.textContent = "搜索数据没有载入，无法搜索。可以改用“查找”页面，或重新生成网站。";
        return;
      }
      prepare();
      state = "ready";
      waiting.splice(0).forEach(function (f) { f(); });
    }
  }

  var others = {announcement: [], list: [], page: []};
  function prepare() {
    var S = window.HSP_SEARCH, P = window.HSP_SEARCH_PAGES;
    engine = window.HSPSearchCore.engine(window.HSP_FINDER, [S.t2s, P.t2s]);
    var norm = engine.norm;
    others.announcement = S.announcements.map(function (a) {
      var year = /^\d{4}/.exec(a[4] || "");
      return {kind: "announcement", url: "announcements/" + encodeURIComponent(a[0]) + "/", title: a[1],
        issuer: a[2], doc: a[3], date: a[4], levelLabel: a[5], province: a[6], year: year ? Number(year[0]) : 0,
        k: {title: norm(a[1]), issuer: norm(a[2]), doc: norm(a[3])}};
    });
    others.list = S.lists.map(function (l) {
      return {kind: "list", url: l[0], title: l[1], recordKind: l[2], province: l[3], level: l[4], count: l[5],
        k: {title: norm(l[1])}};
    });
    others.page = P.pages.map(function (p) {
      return {kind: "page", url: p[0], title: p[1] || p[2], pageTitle: p[2], text: p[3],
        k: {title: norm(p[1]), pageTitle: norm(p[2]), text: norm(p[3])}};
    });
  }

  var inText = window.HSPSearchCore.inText;
  function announcementWord(a, wd) {
    var w = wd.text, k = a.k;
    if (wd.province || wd.level) {   // a place or level word: the lists and records of it come first
      var hit = (wd.province && wd.province === a.province) || (wd.level && engine.norm(a.levelLabel) === w)
        || k.title.indexOf(w) >= 0 || k.issuer.indexOf(w) >= 0;
      return hit ? 75 : 0;
    }
    var s = Math.max(inText(w, k.title, 500, 80, 50), inText(w, k.doc, 600, 150, 150), inText(w, k.issuer, 200, 50, 40));
    if (wd.year && wd.year === a.year) { s = Math.max(s, 80); }
    return s;
  }
  function listWord(l, wd) {
    if (wd.province) { return wd.province === l.province ? 90 : 0; }
    if (wd.level) { return wd.level === l.level ? 90 : 0; }
    if (wd.kind >= 0) {
      if (wd.kind !== (l.recordKind === "base" ? 0 : 1)) { return 0; }
      return l.province || l.level ? 30 : 450;  // 培训基地, 工作室: the list of all of that kind first
    }
    return l.k.title.indexOf(wd.text) >= 0 && wd.text.length >= 2 ? 20 : 0;
  }
  /* A province's or level's list only when the query names that province or level. */
  function listWanted(l, list) {
    if (!l.province && !l.level) { return true; }
    return list.some(function (wd) { return (l.province && wd.province === l.province) || (l.level && wd.level === l.level); });
  }
  function pageWord(p, wd) {
    var w = wd.text, k = p.k;
    var s = Math.max(inText(w, k.title, 400, 150, 150), inText(w, k.pageTitle, 100, 60, 60));
    var at = k.text.indexOf(w);
    if (at >= 0) { s = Math.max(s, 30 + Math.min(count(k.text, w), 10) * 2); }
    return wd.province || wd.level || wd.year ? Math.min(s, 40) : s;   // such a word is about records
  }
  function count(text, w) {
    var n = 0, at = text.indexOf(w);
    while (at >= 0 && n < 10) { n++; at = text.indexOf(w, at + w.length); }
    return n;
  }
  function score(item, list, one) {
    var total = 0;
    for (var i = 0; i < list.length; i++) {
      var s = one(item, list[i]);
      if (!s) { return 0; }
      total += s;
    }
    return total;
  }

  /* One search: {groups: [[kind, label, hits, total]], words}. */
  function search(query) {
    var found = engine.searchRecords(query);
    var list = found.words;
    var hits = {studio: [], base: [], announcement: [], list: [], page: []};
    found.hits.forEach(function (h) { hits[h.item.kind === 0 ? "base" : "studio"].push(h); });
    [["announcement", announcementWord], ["list", listWord], ["page", pageWord]].forEach(function (pair) {
      others[pair[0]].forEach(function (item, n) {
        var s = list.length && (pair[0] !== "list" || listWanted(item, list)) ? score(item, list, pair[1]) : 0;
        if (s) { hits[pair[0]].push({score: s, item: item, n: n}); }
      });
      hits[pair[0]].sort(function (a, b) { return b.score - a.score || a.n - b.n; });
    });
    var groups = GROUPS.map(function (g, order) {
      return {kind: g[0], label: g[1], hits: hits[g[0]], best: hits[g[0]].length ? hits[g[0]][0].score : 0, order: order};
    }).filter(function (g) { return g.hits.length; });
    groups.sort(function (a, b) { return b.best - a.best || a.order - b.order; });
    return {groups: groups, words: list};
  }

  /* Drawing. */
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function marked(tag, cls, text, list) {   // text with the query words in <mark>
    var node = el(tag, cls), norm = engine.norm;
    var plain = "", from = [];       // normalised text, and where each of its characters came from
    for (var i = 0; i < text.length; i++) {
      var n = norm(text[i]);
      for (var j = 0; j < n.length; j++) { from.push(i); }
      plain += n;
    }
    from.push(text.length);
    var marks = [];
    list.forEach(function (wd) {
      var at = plain.indexOf(wd.text);
      if (at >= 0) { marks.push([from[at], from[at + wd.text.length - 1] + 1]); }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    marks.forEach(function (m) {
      if (m[0] < pos) { return; }
      node.appendChild(document.createTextNode(text.slice(pos, m[0])));
      node.appendChild(el("mark", "", text.slice(m[0], m[1])));
      pos = m[1];
    });
    node.appendChild(document.createTextNode(text.slice(pos)));
    return node;
  }
  function snippet(p, list) {
    var at = -1;
    for (var i = 0; i < list.length && at < 0; i++) { at = p.k.text.indexOf(list[i].text); }
    if (at < 0) { return p.text.slice(0, 80); }
    var from = Math.max(0, at - 30);
    return (from > 0 ? "…" : "") + p.text.slice(from, from + 90) + (from + 90 < p.text.length ? "…" : "");
  }
  function recordMeta(r) {
    var D = window.HSP_FINDER, parts = [D.kinds[r.kind][1]];
    if (r.level >= 0) { parts.push(D.levels[r.level][1]); }
    var province = r.province >= 0 ? D.provinces[r.province][1] : "";
    var place = [province, r.city === province ? "" : r.city].filter(Boolean).join(" ");
    parts.push(place || "省份不详");
    parts.push(r.year ? r.year + " 年" : "年份不详");
    return parts.join(" · ");
  }
  function item(hit, list) {
    var it = hit.item, li = el("li", "md-search-result__item"), a = el("a", "md-search-result__link hsp-sr");
    var article = el("article", "md-search-result__article");
    var extra = "";
    if (it.kind === "announcement") {
      a.href = href(it.url);
      article.appendChild(marked("h3", "hsp-sr__title", it.title, list));
      extra = ["公告", it.levelLabel, engine.provinceName(it.province), it.date || "日期不详", it.doc].filter(Boolean).join(" · ");
      article.appendChild(el("p", "hsp-sr__meta", extra));
      if (it.issuer) { article.appendChild(el("p", "hsp-sr__more", "发文机关：" + it.issuer)); }
    } else if (it.kind === "list") {
      a.href = href(it.url);
      article.appendChild(marked("h3", "hsp-sr__title", it.title, list));
      article.appendChild(el("p", "hsp-sr__meta", "名单 · " + it.count + " 个"));
    } else if (it.kind === "page") {
      a.href = href(it.url);
      article.appendChild(marked("h3", "hsp-sr__title", it.title, list));
      article.appendChild(el("p", "hsp-sr__meta", it.pageTitle && it.pageTitle !== it.title ? "页面 · " + it.pageTitle : "页面"));
      article.appendChild(marked("p", "hsp-sr__more", snippet(it, list), list));
    } else {
      a.href = href(window.HSP_FINDER.kinds[it.kind][2] + "/" + encodeURIComponent(it.id) + "/");
      article.appendChild(marked("h3", "hsp-sr__title", it.name, list));
      var meta = el("p", "hsp-sr__meta", recordMeta(it) + " · " + it.id);
      var badge = window.HSPSearchCore.statusBadge(window.HSP_FINDER, it.n);
      if (badge) { meta.insertBefore(document.createTextNode(" "), meta.firstChild); meta.insertBefore(badge, meta.firstChild); }
      article.appendChild(meta);
      var more = [];
      if (it.masters) { more.push("大师：" + it.masters); }
      if (it.host && it.host !== it.name) { more.push("依托单位：" + it.host); }
      if (more.length) { article.appendChild(marked("p", "hsp-sr__more", more.join(" · "), list)); }
    }
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  var last = null;
  function run() {
    if (state !== "ready") { load(run); return; }
    var query = box.value;
    if (query === last) { return; }
    last = query;
    output.replaceChildren();
    if (!query.trim()) { status.textContent = HINT; return; }
    var result = search(query);
    var total = 0, fragment = document.createDocumentFragment();
    result.groups.forEach(function (g) {
      total += g.hits.length;
      var section = el("section", "hsp-sr-group");
      section.dataset.kind = g.kind;
      var heading = el("h2", "hsp-sr-group__title", g.label + "（" + g.hits.length + "）");
      section.appendChild(heading);
      var ol = el("ol", "md-search-result__list");
      g.hits.slice(0, LIMIT[g.kind]).forEach(function (h) { ol.appendChild(item(h, result.words)); });
      section.appendChild(ol);
      if ((g.kind === "studio" || g.kind === "base") && g.hits.length > LIMIT[g.kind]) {
        var all = el("a", "hsp-sr-group__all", "在查找中查看全部 " + g.hits.length + " 条 →");
        all.href = href("find/") + "?q=" + encodeURIComponent(query.trim()) + "&type=" + g.kind;
        section.appendChild(all);
      } else if (g.hits.length > LIMIT[g.kind]) {
        section.appendChild(el("p", "hsp-sr-group__rest", "另有 " + (g.hits.length - LIMIT[g.kind]) + " 条，请输入更多字缩小范围。"));
      }
      fragment.appendChild(section);
    });
    output.appendChild(fragment);
    var facets = engine.facetsOf(result.words).map(function (f) {
      return "「" + f.word + "」按" + (f.facet === "province" ? "省份" : "层级") + "匹配";
    });
    status.textContent = total
      ? "找到 " + total + " 条结果" + (facets.length ? "（" + facets.join("，") + "）" : "") + "。"
      : "没有找到“" + query.trim() + "”。请检查错别字，或只输入名称的一部分（如“一鸣”“地铁”）。";
  }

  /* Opening, closing, keys. The overlay is Material's: the #__search checkbox and its CSS. */
  function open() {
    if (toggle && !toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
    load(function () { last = null; run(); });
  }
  function close() {
    if (toggle && toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event("change")); }
    box.blur();
  }
  box.addEventListener("focus", open);
  box.addEventListener("input", function (event) {
    if (event.isComposing) { return; }    // the IME is still composing: search when it commits
    open();
    run();
  });
  box.addEventListener("compositionend", function () { run(); });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked && document.activeElement !== box) { window.setTimeout(function () { box.focus(); }, 50); }
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = output.querySelector("a.hsp-sr");
    if (first) { window.location.href = first.href; }
  });
  form.addEventListener("reset", function () { window.setTimeout(function () { last = null; run(); box.focus(); }, 0); });
  /* Keyboard users leave the search by Tab: the overlay closes with them, so it never covers the page. */
  form.parentNode.parentNode.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (next && !form.parentNode.parentNode.contains(next) && toggle && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  form.parentNode.parentNode.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { close(); return; }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
    var links = Array.from(output.querySelectorAll("a"));
    if (!links.length) { return; }
    var at = links.indexOf(document.activeElement);
    var next = event.key === "ArrowDown" ? (at < 0 ? 0 : Math.min(at + 1, links.length - 1)) : at - 1;
    event.preventDefault();
    if (next < 0) { box.focus(); } else { links[next].focus(); }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    if (event.key === "/" || event.key === "s" || event.key === "S") { event.preventDefault(); box.focus(); }
  });

  /* Forms elsewhere (home page, 404 page) marked data-hsp-search hand their text to this box. */
  document.querySelectorAll("form[data-hsp-search]").forEach(function (other) {
    other.addEventListener("submit", function (event) {
      var input = other.querySelector("input[name=q]");
      if (!input) { return; }
      event.preventDefault();
      box.value = input.value;
      box.focus();
      last = null;
      run();
    });
  });

  window.HSPSiteSearch = {search: function (q) { return search(q); }, ready: function () { return state === "ready"; }};
})();
