/* Matching and ranking shared by the header search (search.js) and the finder (finder.js).
 *
 * A query is split into words at spaces and commas; a thing matches when every word is found in it.
 * A word is found in a field when it occurs anywhere in it (any part of a name of two or more
 * characters: 培训基地, 大师工作室, 一鸣), after both sides are normalised: full-width → half-width
 * (NFKC), lower case, traditional → simplified, and 〔〕［］【】 → []. Some words also mean a value:
 * a province (湖北, 湖北省, 广西壮族自治区), a level (国家级, 市级), a year (2023, 2023年), an id
 * (S000001) and a kind (基地, 工作室). A word run together with such words (湖北国家级) is split
 * when it finds nothing whole. Ranking: an exact id or whole name first, then whole master, host,
 * then the start of a name, then parts, weighted by how much of the field the word covers.
 *
 * window.HSPSearchCore.engine(finderData, [t2s, …]) → {norm, words, records, searchRecords, ...}
 */
(function () {
  "use strict";
  if (window.HSPSearchCore) { return; }

  var BRACKETS = {"〔": "[", "［": "[", "【": "[", "〕": "]", "］": "]", "】": "]"};
  var KIND_WORDS = [["基地", "培训基地", "高技能人才培训基地"], ["工作室", "大师工作室", "技能大师工作室"]];

  function makeNorm(maps) {
    var t2s = {};
    maps.forEach(function (pair) {
      if (!pair) { return; }
      var trad = Array.from(pair[0] || ""), simp = Array.from(pair[1] || "");
      for (var i = 0; i < trad.length; i++) { t2s[trad[i]] = simp[i]; }
    });
    Object.keys(BRACKETS).forEach(function (ch) { t2s[ch] = BRACKETS[ch]; });
    /* One regular expression for every mapped character: far faster than a loop over characters
     * when 100,000 fields are normalised at start-up on a large site. */
    var mapped = new RegExp("[" + Object.keys(t2s).join("").replace(/[\\\]^-]/g, "\\$&") + "]", "gu");
    function swap(ch) { return t2s[ch]; }
    return function norm(text) {
      var s = String(text || "");
      if (s.normalize) { s = s.normalize("NFKC"); }
      return s.toLowerCase().replace(mapped, swap);
    };
  }

  function cover(word, field) { return field ? word.length / field.length : 0; }

  /* Score of one word in one text field: 0 when absent. */
  function inText(w, field, exact, start, part) {
    if (!field) { return 0; }
    if (field === w) { return exact; }
    var at = field.indexOf(w);
    if (at < 0) { return 0; }
    return (at === 0 ? start : part) + 100 * cover(w, field);
  }

  function engine(DATA, extraT2s) {   // extraT2s: more [traditional, simplified] pairs, for other text
    var norm = makeNorm([DATA && DATA.t2s].concat(extraT2s || []));
    var provinceWords = {}, levelWords = {}, kindWords = {};
    var provinces = (DATA && DATA.provinces) || [], levels = (DATA && DATA.levels) || [];
    provinces.forEach(function (p) {
      var name = norm(p[1]);
      [name, norm(p[2] || "")].forEach(function (w) { if (w) { provinceWords[w] = p[0]; } });  // 湖北, 湖北省
    });
    levels.forEach(function (l) { levelWords[norm(l[1])] = l[0]; });
    KIND_WORDS.forEach(function (words, i) { words.forEach(function (w) { kindWords[w] = i; }); });
    /* Cut out levels first (市级 in 北京市级), then provinces, each longest first. */
    function longestFirst(a, b) { return b.length - a.length; }
    var facetWords = Object.keys(levelWords).sort(longestFirst).concat(Object.keys(provinceWords).sort(longestFirst));

    function word(text) {
      var year = /^((?:19|20)\d\d)年?$/.exec(text);
      return {
        text: text,
        province: provinceWords[text] || "",
        level: levelWords[text] || "",
        year: year ? Number(year[1]) : 0,
        kind: text in kindWords ? kindWords[text] : -1,
      };
    }
    function words(query) {
      return norm(query).split(/[\s,;、]+/).filter(Boolean).map(word);
    }
    /* 湖北国家级 → 湖北 国家级: facet words (and years) cut out of a word; null when none is found. */
    function split(list) {
      var changed = false, out = [];
      list.forEach(function (wd) {
        if (wd.province || wd.level || wd.year) { out.push(wd); return; }
        var rest = wd.text, found = [];
        var year = /(?:19|20)\d\d年?/.exec(rest);
        if (year) { found.push(year[0]); rest = rest.replace(year[0], " "); }
        facetWords.forEach(function (f) {
          if (rest.indexOf(f) >= 0) { found.push(f); rest = rest.replace(f, " "); }
        });
        if (!found.length) { out.push(wd); return; }
        changed = true;
        found.concat(rest.split(" ").filter(Boolean)).forEach(function (t) { out.push(word(t)); });
      });
      return changed ? out : null;
    }

    /* Records, decoded once. A row: [kind, id, name, masters, host, city, province, level, year, announcement]. */
    var records = ((DATA && DATA.rows) || []).map(function (row, n) {
      var host = row[4] >= 0 ? DATA.hosts[row[4]] : "";
      var city = row[5] >= 0 ? DATA.cities[row[5]] : "";
      var masters = row[3] ? row[3].split("、") : [];
      return {
        n: n, kind: row[0], id: row[1], name: row[2], masters: row[3], host: host, city: city,
        province: row[6], level: row[7], year: row[8], announcement: row[9],
        provinceCode: row[6] >= 0 ? provinces[row[6]][0] : "",
        levelCode: row[7] >= 0 ? levels[row[7]][0] : "",
        k: {
          id: norm(row[1]), name: norm(row[2]), masters: masters.map(norm), host: norm(host), city: norm(city),
          kind: norm(DATA.kinds[row[0]][1]),
        },
      };
    });

    function recordWord(r, wd) {
      var w = wd.text, k = r.k;
      if (k.id === w) { return 1000; }
      var s = inText(w, k.name, 500, 200, 100);
      for (var m = 0; m < k.masters.length; m++) { s = Math.max(s, inText(w, k.masters[m], 400, 150, 60)); }
      s = Math.max(s, inText(w, k.host, 300, 60, 40), inText(w, k.city, 90, 40, 30));
      if (k.city && (k.city + "市" === w)) { s = Math.max(s, 90); }
      if (wd.province && wd.province === r.provinceCode) { s = Math.max(s, 80); }
      if (wd.level && wd.level === r.levelCode) { s = Math.max(s, 80); }
      if (wd.year && wd.year === r.year) { s = Math.max(s, 80); }
      if (wd.kind === r.kind) { s = Math.max(s, 50); } else if (w.length >= 2 && k.kind.indexOf(w) >= 0) { s = Math.max(s, 20); }
      return s;
    }
    /* Sum of the words' scores, or 0 when a word is missing. */
    function matchRecord(r, list) {
      var total = 0;
      for (var i = 0; i < list.length; i++) {
        var s = recordWord(r, list[i]);
        if (!s) { return 0; }
        total += s;
      }
      return total;
    }
    /* Best first; ties: higher level first, newer first, then in data order (by id). */
    function byRank(a, b) {
      return b.score - a.score || (a.item.level < 0 ? 99 : a.item.level) - (b.item.level < 0 ? 99 : b.item.level)
        || (b.item.year || 0) - (a.item.year || 0) || a.item.n - b.item.n;
    }
    /* Records matching the words (none when the query is empty), ranked; splits run-together words. */
    function searchRecords(query, accept) {
      var list = words(query);
      if (!list.length) { return {words: list, hits: []}; }
      var hits = scan(list, accept);
      if (!hits.length) {
        var parts = split(list);
        if (parts) { list = parts; hits = scan(list, accept); }
      }
      return {words: list, hits: hits};
    }
    function scan(list, accept) {
      var hits = [];
      for (var i = 0; i < records.length; i++) {
        var r = records[i];
        if (accept && !accept(r)) { continue; }
        var s = matchRecord(r, list);
        if (s) { hits.push({score: s, item: r}); }
      }
      return hits.sort(byRank);
    }
    /* Which words were taken as a province or a level (for a hint next to the results). */
    function facetsOf(list) {
      var out = [];
      list.forEach(function (wd) {
        if (wd.province) {
          var p = provinces.find(function (x) { return x[0] === wd.province; });
          out.push({word: wd.text, facet: "province", value: wd.province, label: p ? p[1] : wd.province});
        } else if (wd.level) {
          var l = levels.find(function (x) { return x[0] === wd.level; });
          out.push({word: wd.text, facet: "level", value: wd.level, label: l ? l[1] : wd.level});
        }
      });
      return out;
    }
    return {
      norm: norm, words: words, split: split, records: records, matchRecord: matchRecord,
      searchRecords: searchRecords, facetsOf: facetsOf, inText: inText, byRank: byRank,
      provinceName: function (code) {
        var p = provinces.find(function (x) { return x[0] === code; });
        return p ? p[1] : "";
      },
    };
  }

  /* A record's status as a badge (a <span>, text only), shared by the finder and the header search so
   * that a 公示 record reads 拟入选 wherever it is listed. A row ends with [status, occupation, ended]
   * (generator/export/finder.py); data without them gives no badge. */
  function statusBadge(DATA, n) {
    var row = DATA && DATA.rows && DATA.rows[n];
    if (!row || row.length < 13 || !DATA.statuses) { return null; }
    var status = DATA.statuses[row[10]] || ["", "状态未载"];
    var badge = document.createElement("span");
    badge.className = "hsp-status hsp-status--" + (status[0] || "unknown");
    badge.textContent = status[1] + (row[12] && status[0] !== "revoked" ? "（已到期）" : "");
    return badge;
  }

  window.HSPSearchCore = {engine: engine, makeNorm: makeNorm, inText: inText, statusBadge: statusBadge};
})();
