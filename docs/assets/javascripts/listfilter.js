/* The 状态 / 职业 filter of the lists (bases/, studios/ and their per-province and per-level pages).
 *
 * Each row of the table carries data-scope ("current": 现有, 公示中 included; "ended": revoked or past
 * its period) and data-occupation (as printed). Without JavaScript the form stays hidden and every row
 * shows; with it the list opens on 现有. Only the rows' hidden attribute changes: no text is parsed.
 */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("form.hsp-list-filter"), function (form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    if (!table || !table.tBodies.length) { return; }
    var scope = form.querySelector("select[name=scope]");
    var occupation = form.querySelector("select[name=occupation]");
    var count = form.querySelector(".hsp-list-filter__count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!scope.value || row.getAttribute("data-scope") === scope.value) &&
          (!occupation || !occupation.value || row.getAttribute("data-occupation") === occupation.value);
        row.hidden = !ok;
        if (ok) { shown++; }
      });
      count.textContent = "显示 " + shown + " / " + rows.length + " 条";
    }
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  });
})();
