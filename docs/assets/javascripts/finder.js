/* The finder (find/): searches every base and studio in the browser, with no server.
 *
 * Data: window.HSP_FINDER, assigned by find/data.js (generator/finder.py documents the layout).
 * State: the query string (?q=地铁&level=municipal), so a search can be bookmarked and shared;
 * the back button restores the previous search. Results are built with DOM APIs and textContent
 * only: names come from announcements and are never parsed as HTML.
 */
(function () {
  "use strict";
  var DATA = window.HSP_FINDER;
  var PAGE = 200;                       // rows rendered at a time ("显示更多" adds another page)
  var FACETS = ["type", "level", "province", "year", "announcement"];
  var form = document.getElementById("hsp-finder");
  if (!form) { return; }
  var box = document.getElementById("hsp-finder-q");
  var status = document.getElementById("hsp-finder-status");
  var list = document.getElementById("hsp-finder-results");
  var more = document.getElementById("hsp-finder-more");
  if (!DATA) {
    status.textContent = "查找数据（data.js）没有载入，无法查找。请重新生成网站或联系维护者。";
    return;
  }
  var START = window.location.search;
  if (!window.HSPSearchCore) {
    status.textContent = "查找程序（search-core.js）没有载入，无法查找。请重新生成网站或联系维护者。";
    return;
  }

  /* Matching and ranking (search-core.js, shared with the header search): every word of the query
   * must occur in the name, masters, host, city or id, or name the province, level, year or kind. */
  var engine = window.HSPSearchCore.engine(DATA);
  var records = engine.records;
  var FIELD = {type: "kind", level: "level", province: "province", year: "year", announcement: "announcement"};

  /* Facet values: [value in the URL, label, index or year in a record]. */
  var choices = {
    type: DATA.kinds.map(function (k, i) { return [k[0], k[1], i]; }),
    level: DATA.levels.map(function (l, i) { return [l[0], l[1], i]; }),
    province: DATA.provinces.map(function (p, i) { return [p[0], p[1], i]; }),
    year: Array.from(new Set(records.map(function (r) { return r.year; }))).sort(function (a, b) { return b - a; })
      .map(function (y) { return [y ? String(y) : "unknown", y ? y + " 年" : "年份不详", y]; }),
    announcement: DATA.announcements.map(function (a, i) {
      return [a[0], (a[2] ? a[2] + " " : "") + a[1], i];
    }).concat([["none", "无对应公告（新闻提及）", -1]]),
  };
  addLifeFacets();
  var selects = {};
  FACETS.forEach(function (name) {
    var select = document.getElementById("hsp-finder-" + name);
    selects[name] = select;
    choices[name].forEach(function (choice) {
      var option = document.createElement("option");
      option.value = choice[0];
      option.textContent = choice[1];
      option.dataset.label = choice[1];
      select.appendChild(option);
    });
    select.firstElementChild.dataset.label = "全部";
  });
  selects.scope.options[1].defaultSelected = true;  // 现有 is the default, also after 清除条件

  /* State <-> URL. */
  function readUrl(search) {
    var params = new URLSearchParams(search);
    var state = {q: params.get("q") || ""};
    FACETS.forEach(function (name) { state[name] = params.get(name) || ""; });
    scopeFromUrl(params, state);
    return state;
  }
  function readForm() {
    var state = {q: box.value};
    FACETS.forEach(function (name) { state[name] = selects[name].value; });
    return state;
  }
  function toQuery(state) {
    var params = new URLSearchParams();
    if (state.q.trim()) { params.set("q", state.q.trim()); }
    FACETS.forEach(function (name) { if (state[name]) { params.set(name, state[name]); } });
    scopeToUrl(state, params);
    var text = params.toString();
    return text ? "?" + text : "";
  }
  function fill(state) {
    box.value = state.q;
    FACETS.forEach(function (name) {
      var select = selects[name];
      select.value = state[name];
      if (select.value !== state[name]) { select.value = ""; }   // unknown value in a shared link
    });
  }
  var typing = false;  // one history entry per typing session, not one per keystroke
  function remember(push) {
    var query = toQuery(readForm());
    if (query === window.location.search) { return; }
    var url = query || window.location.pathname;
    try {
      if (push) { window.history.pushState(null, "", url); } else { window.history.replaceState(null, "", url); }
    } catch (e) { /* some browsers refuse history changes on file:// */ }
  }

  /* Search: the query ranks the records (search-core.js); the facets then filter them. */
  function wanted(state) {
    var want = {};
    FACETS.forEach(function (name) {
      var value = state[name];
      if (!value) { return; }
      var choice = choices[name].find(function (c) { return c[0] === value; });
      if (choice) { want[name] = choice[2]; }
    });
    return want;
  }
  var shown = PAGE;
  var hiddenEnded = 0;
  var matches = [];
  var hint = [];
  function run(state) {
    var found = engine.searchRecords(state.q);
    var ranked = state.q.trim() ? found.hits.map(function (h) { return h.item; }) : records;
    hint = engine.facetsOf(found.words);
    var want = wanted(state);
    var active = FACETS.filter(function (name) { return name in want; });
    var counts = {};
    FACETS.forEach(function (name) { counts[name] = new Map(); });
    matches = [];
    for (var i = 0; i < ranked.length; i++) {
      var r = ranked[i];
      var failed = null, failures = 0;
      for (var f = 0; f < active.length; f++) {
        if (r[FIELD[active[f]]] !== want[active[f]]) { failed = active[f]; failures++; }
      }
      if (failures > 1) { continue; }
      /* Live counts: each facet counts the records that pass the query and every *other* facet. */
      FACETS.forEach(function (name) {
        if (failures === 0 || name === failed) {
          var key = r[FIELD[name]];
          counts[name].set(key, (counts[name].get(key) || 0) + 1);
        }
      });
      if (failures === 0) { matches.push(r); }
    }
    /* Records the default 状态 filter (现有) leaves out are said, not silently hidden: a revoked studio keeps its page. */
    hiddenEnded = want.scope === 0 ? (counts.scope.get(1) || 0) : 0;
    shown = PAGE;
    draw();
    /* The facet counts: at once on a small site; on a large one just after the results are painted
     * (rewriting thousands of options costs more than the search), or when a select is opened. */
    pendingCounts = counts;
    if (records.length <= DEFER_COUNTS_ABOVE) { showCounts(); return; }
    window.cancelAnimationFrame(countsFrame);
    countsFrame = window.requestAnimationFrame(function () { window.setTimeout(showCounts, 0); });
  }
  var DEFER_COUNTS_ABOVE = 5000, pendingCounts = null, countsFrame = 0;
  function showCounts() {
    var counts = pendingCounts;
    if (!counts) { return; }
    pendingCounts = null;
    FACETS.forEach(function (name) {
      var total = 0;  // 全部 counts records with no value for this facet too (e.g. province unknown)
      counts[name].forEach(function (count) { total += count; });
      var options = selects[name].options;
      for (var n = 1; n < options.length; n++) {   // only what changed: thousands of options at scale
        var option = options[n], count = counts[name].get(choices[name][n - 1][2]) || 0;
        if (option.hspCount !== count) {
          option.hspCount = count;
          option.textContent = choices[name][n - 1][1] + "（" + count + "）";
        }
        var off = count === 0 && !option.selected;
        if (option.disabled !== off) { option.disabled = off; }
      }
      options[0].textContent = "全部（" + total + "）";
    });
  }

  function recordUrl(r) {
    var url = "../" + DATA.kinds[r.kind][2] + "/" + encodeURIComponent(r.id) + "/";
    return window.location.protocol === "file:" ? url + "index.html" : url;  // no directory index on file://
  }
  function hintText() {
    if (!hint.length) { return ""; }
    return "（" + hint.map(function (f) {
      var label = f.word === f.label ? "" : "“" + f.label + "”";
      return "「" + f.word + "」按" + (f.facet === "province" ? "省份" : "层级") + label + "匹配";
    }).join("，") + "；也可以用下面的筛选）";
  }
  function draw() {
    list.replaceChildren();
    var fragment = document.createDocumentFragment();
    matches.slice(0, shown).forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = recordUrl(r);
      link.textContent = r.name;
      item.appendChild(link);
      var badge = statusBadge(r);
      if (badge) { item.appendChild(badge); }
      var meta = document.createElement("span");
      meta.className = "hsp-finder__meta";
      var parts = [DATA.kinds[r.kind][1]];
      if (r.level >= 0) { parts.push(DATA.levels[r.level][1]); }
      var province = r.province >= 0 ? DATA.provinces[r.province][1] : "";
      var place = [province, r.city === province ? "" : r.city].filter(Boolean).join(" ");
      if (place) { parts.push(place); }
      parts.push(r.year ? r.year + " 年" : "年份不详");
      if (r.masters) { parts.push("大师：" + r.masters); }
      if (r.host && r.host !== r.name) { parts.push("依托单位：" + r.host); }
      meta.textContent = parts.join(" · ");
      item.appendChild(meta);
      fragment.appendChild(item);
    });
    list.appendChild(fragment);
    var rest = matches.length - Math.min(shown, matches.length);
    var ended = hiddenEnded ? "另有 " + hiddenEnded + " 条已结束（撤销或到期）的记录没有显示：状态选“全部”可以看到。" : "";
    status.textContent = matches.length === 0
      ? (ended ? "没有找到符合条件的现有记录。" + ended : "没有找到符合条件的记录。可以减少关键词或放宽筛选条件。")
      : "找到 " + matches.length + " 条记录" + (rest > 0 ? "，显示前 " + shown + " 条" : "") + hintText() + "。" + ended;
    more.hidden = rest <= 0;
    more.textContent = "显示更多（还有 " + rest + " 条）";
  }

  /* Pasted and IME-committed text searches at once; while a pinyin IME is composing, nothing runs
   * (so 没有找到 does not flash for half-typed pinyin). */
  box.addEventListener("compositionend", function () {
    run(readForm());
    remember(!typing);
    typing = true;
  });
  box.addEventListener("input", function (event) {
    if (event.isComposing) { return; }
    run(readForm());
    remember(!typing);
    typing = true;
  });
  box.addEventListener("blur", function () { typing = false; });
  FACETS.forEach(function (name) {
    selects[name].addEventListener("focus", showCounts);
    selects[name].addEventListener("pointerdown", showCounts);
    selects[name].addEventListener("change", function () {
      typing = false;
      run(readForm());
      remember(true);
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    typing = false;
    run(readForm());
    remember(true);
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { typing = false; run(readForm()); remember(true); }, 0);
  });
  more.addEventListener("click", function () {
    var first = shown;
    shown += PAGE;
    draw();
    var next = list.children[first];
    if (next) { next.firstChild.focus(); }
  });
  window.addEventListener("popstate", function () {
    typing = false;
    var state = readUrl(window.location.search);
    fill(state);
    run(readForm());
  });

  /* Status and occupation (issue 15). A row ends with [status, occupation, ended]; the 状态 filter is
   * 现有 (current, 公示中 included: the default when the URL has no scope) / 已结束 / 全部 (scope=all),
   * and 职业 lists the occupations as printed. Each result shows its status as a badge. */
  function addLifeFacets() {
    records.forEach(function (r, i) {
      var row = DATA.rows[i];
      r.status = row[10]; r.occupation = row[11]; r.scope = row[12];
    });
    FIELD.scope = "scope";
    FIELD.occupation = "occupation";
    choices.scope = [["current", "现有（含公示中）", 0], ["ended", "已结束（撤销或到期）", 1]];
    choices.occupation = DATA.occupations.map(function (name, i) { return [name, name, i]; });
    var fieldset = form.querySelector("fieldset");
    [["scope", "状态"], ["occupation", "职业（工种）"]].forEach(function (facet) {
      var p = document.createElement("p");
      p.className = "hsp-finder__facet";
      var label = document.createElement("label");
      label.htmlFor = "hsp-finder-" + facet[0];
      label.textContent = facet[1];
      var select = document.createElement("select");
      select.id = "hsp-finder-" + facet[0];
      select.name = facet[0];
      var all = document.createElement("option");
      all.value = "";
      all.textContent = "全部";
      select.appendChild(all);
      p.appendChild(label);
      p.appendChild(select);
      fieldset.appendChild(p);
      FACETS.push(facet[0]);
    });
  }
  function scopeFromUrl(params, state) {
    if (!params.has("scope")) { state.scope = "current"; } else if (params.get("scope") === "all") { state.scope = ""; }
  }
  function scopeToUrl(state, params) {
    if (state.scope === "current") { params.delete("scope"); } else if (!state.scope) { params.set("scope", "all"); }
  }
  function statusBadge(r) { return window.HSPSearchCore.statusBadge(DATA, r.n); }

  /* On a phone the seven filters fill the screen below the keyword box, so the count and the results
   * were out of sight while typing: there they fold behind one button (unless a shared link set one),
   * which names the filters in force. On a wider screen the button is not shown and they stay open. */
  var fold = form.querySelector(".hsp-finder__fold");
  var facets = document.getElementById("hsp-finder-facets");
  var chosen = fold && fold.querySelector(".hsp-finder__chosen");
  function setFolded(folded) {
    facets.classList.toggle("hsp-folded", folded);
    fold.setAttribute("aria-expanded", folded ? "false" : "true");
  }
  function sayChosen() {
    var labels = [];
    FACETS.forEach(function (name) {
      var select = selects[name];
      if (select.value === (name === "scope" ? "current" : "")) { return; }
      labels.push(name === "scope" && !select.value ? "全部状态" : select.options[select.selectedIndex].dataset.label);
    });
    if (chosen) { chosen.textContent = labels.length ? "（已选：" + labels.join("、") + "）" : "（类型、层级、省份、年份、公告、状态、职业）"; }
    return labels.length;
  }
  form.addEventListener("change", sayChosen);
  form.addEventListener("reset", function () { window.setTimeout(sayChosen, 0); });
  window.addEventListener("popstate", sayChosen);

  fill(readUrl(START));
  run(readForm());
  if (fold && facets) {
    fold.hidden = false;
    fold.addEventListener("click", function () { setFolded(!facets.classList.contains("hsp-folded")); });
    setFolded(!sayChosen() && window.matchMedia("(max-width: 44.9375em)").matches);
  }
})();
