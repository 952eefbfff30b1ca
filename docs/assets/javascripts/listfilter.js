/* The 状态 / 职业 filter of the lists (bases/, studios/ and their per-province and per-level pages).
 *
 * Each row of the table carries data-scope ("current": 现有, 公示中 included; "ended": revoked or past
 * its period) and data-occupation (as printed). Without JavaScript the form stays hidden and every row
 * shows; with it the list opens on 现有. Only the rows' hidden attribute changes: no text is parsed.
 *
 * The choice is kept in the address as the finder keeps it (?scope=ended, ?scope=all, ?occupation=焊工;
 * no scope means 现有), so a filtered list can be bookmarked, shared and reopened with 返回. The rows the
 * 现有 default leaves out are counted aloud, with how to see them: an ended record is not missing.
 */
(function () {
  "use strict";
  function readUrl(scope, occupation) {
    var params = new URLSearchParams(window.location.search);
    if (params.has("scope")) {
      var wanted = params.get("scope") === "all" ? "" : params.get("scope");
      if (Array.prototype.some.call(scope.options, function (o) { return o.value === wanted; })) { scope.value = wanted; }
    }
    if (occupation && params.has("occupation")) {
      var job = params.get("occupation");
      if (Array.prototype.some.call(occupation.options, function (o) { return o.value === job; })) { occupation.value = job; }
    }
  }
  function writeUrl(scope, occupation) {
    var params = new URLSearchParams(window.location.search);
    if (scope.value === "current") { params.delete("scope"); } else { params.set("scope", scope.value || "all"); }
    if (occupation && occupation.value) { params.set("occupation", occupation.value); } else { params.delete("occupation"); }
    var query = params.toString();
    try {
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    } catch (e) { /* some file:// contexts refuse: the filter still works, only the address stays */ }
  }
  Array.prototype.forEach.call(document.querySelectorAll("form.hsp-list-filter"), function (form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    if (!table || !table.tBodies.length) { return; }
    var scope = form.querySelector("select[name=scope]");
    var occupation = form.querySelector("select[name=occupation]");
    var count = form.querySelector(".hsp-list-filter__count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var shown = 0, endedHidden = 0;
      rows.forEach(function (row) {
        var jobOk = !occupation || !occupation.value || row.getAttribute("data-occupation") === occupation.value;
        var ok = jobOk && (!scope.value || row.getAttribute("data-scope") === scope.value);
        if (jobOk && !ok && scope.value === "current" && row.getAttribute("data-scope") === "ended") { endedHidden++; }
        row.hidden = !ok;
        if (ok) { shown++; }
      });
      count.textContent = "显示 " + shown + " / " + rows.length + " 条" +
        (endedHidden ? "；另有 " + endedHidden + " 条已结束（撤销或到期）的记录未显示，状态选“全部”可查看" : "") +
        (shown === 0 && !endedHidden ? "；没有符合条件的记录，可放宽筛选条件" : "");
    }
    readUrl(scope, occupation);
    form.hidden = false;
    form.addEventListener("change", function () { apply(); writeUrl(scope, occupation); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  });
})();
