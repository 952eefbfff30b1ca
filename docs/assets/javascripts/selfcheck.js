/* selfcheck.js: the rule engine and form binder of the in-browser self-check (申报条件自查).
 * No dependencies, no network, nothing stored: inputs stay in the form and are never sent.
 *
 *   HSPSelfCheck.evaluate(criteria, inputs, routes) ->
 *     {criteria: [{id, programme, kind, group, clause, verdict, reason, answer, spared}],
 *      groups:   [{group, programme, kind, rule, verdict, manual, text}],
 *      summaries: {'base-condition': {verdict, text, counts, manual: [ids], notMet: [ids], invalid: [ids]}, …}}
 *   HSPSelfCheck.mount(form) binds a form whose fields are named after metrics.
 *
 * criteria are rows of datasets/policies/criteria.csv (numbers may be strings). Only `condition` and
 * `output` rows are judged. Numbers are compared exactly as decimal fractions ("44.9" is 449/10), so
 * 45 passes ">= 45" and 44.9 does not; ratios such as "1:16" become 1/16 and are compared by
 * cross-multiplication.
 *
 * Verdicts of a row: met (满足) and not_met (不满足), each with the computed value and the rule in
 * words; manual (需人工确认: no quantified rule, the page says what to check and where); missing (未填写);
 * invalid (输入无效: negative, not a number, a percentage over 100, a fraction of a person, with why);
 * excluded (不适用: a route the reader did not pick).
 * spared: a row of an `any` group that another row already meets; it keeps its verdict, says it does
 * not count, and is left out of the summary's counts and lists.
 * routes: [{groups: [group ids], chosen: group id or ''}] — alternatives of which one must be met.
 * A field inside a route is named metric--group; its value answers that route's rows only.
 */
(function (global) {
  'use strict';

  var JUDGED_KINDS = { condition: true, output: true };
  var TEXT = { met: '满足', not_met: '不满足', manual: '需人工确认', missing: '未填写', invalid: '输入无效',
               excluded: '不适用', pending: '—' };
  var WHOLE_UNITS = { '人': true, '家': true, '个': true };
  var TRUE_WORDS = ['true', 'yes', '1', '是', 'on'];
  var FALSE_WORDS = ['false', 'no', '0', '否', 'off'];
  var SEP = '--';
  var RATIO = 'teacher_student_ratio';

  function blank(x) {
    return x === undefined || x === null || (typeof x === 'string' && x.trim() === '');
  }

  /* Full-width digits and signs as typed with a Chinese input method, spaces and thousands separators. */
  function normalise(x) {
    var s = String(x).replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); });
    s = s.replace(/．/g, '.').replace(/^[－−]/, '-').replace(/^＋/, '+').replace(/\s+/g, '');
    if (/^[+-]?\d{1,3}([,，]\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[,，]/g, '');
    return s;
  }

  function divide(a, b) {
    if (!a || !b || b.n === 0) return null;
    var n = a.n * b.d, d = a.d * b.n;
    return d < 0 ? { n: -n, d: -d } : { n: n, d: d };
  }

  /* An exact fraction {n, d} (d > 0) from a number, decimal text, "a:b" text or
   * {numerator, denominator}; null when blank or not a number. Exact while the digits fit in 2^53. */
  function fraction(x) {
    if (blank(x) || typeof x === 'boolean') return null;
    if (typeof x === 'object') return divide(fraction(x.numerator), fraction(x.denominator));
    var s = normalise(x).replace(/[%％]$/, '');
    var parts = s.split(/[:：]/);
    if (parts.length === 2) return divide(fraction(parts[0]), fraction(parts[1]));
    var m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(s) || /^([+-]?)()\.(\d+)$/.exec(s);
    if (!m) {
      var f = Number(s); // e.g. 1e-7: no exact form, fall back to the float
      return s !== '' && isFinite(f) ? { n: f, d: 1 } : null;
    }
    var decimals = m[3] || '';
    var n = Number((m[2] || '0') + decimals);
    return { n: m[1] === '-' ? -n : n, d: Math.pow(10, decimals.length) };
  }

  /* Sign of a - b. */
  function compare(a, b) {
    var left = a.n * b.d, right = b.n * a.d;
    return left === right ? 0 : (left < right ? -1 : 1);
  }

  function toBoolean(x) {
    if (typeof x === 'boolean') return x;
    if (blank(x)) return null;
    var s = String(x).trim().toLowerCase();
    if (TRUE_WORDS.indexOf(s) >= 0) return true;
    if (FALSE_WORDS.indexOf(s) >= 0) return false;
    return null;
  }

  function round(x) {
    return String(Math.round(x * 100) / 100);
  }

  /* What the row measures, from its input label without the unit: 年培训规模（人） → 年培训规模. */
  function noun(row) {
    return String(row.input_label || row.text || '').replace(/（[^（）]*）$/, '');
  }

  function withUnit(shown, unit) {
    if (unit === '%') return shown + '%';
    return unit && unit !== 'ratio' ? shown + ' ' + unit : shown;
  }

  function ratioText(value) {
    var f = fraction(value);
    return f && f.n > 0 ? '1:' + round(f.d / f.n) : String(value);
  }

  /* The rule in words: 不少于 3000 人, 不低于 45%, 3—5 个, 在 1:16 至 1:20 之间. */
  function requirement(row) {
    var pct = row.unit === '%', ratio = row.unit === 'ratio';
    function show(v) { return ratio ? ratioText(v) : withUnit(normalise(v), row.unit); }
    switch (row.operator) {
      case '>=': return (pct || ratio ? '不低于 ' : '不少于 ') + show(row.value);
      case '>': return (pct || ratio ? '高于 ' : '多于 ') + show(row.value);
      case '<=': return (pct || ratio ? '不高于 ' : '不多于 ') + show(row.value);
      case 'between':
        if (ratio) return '在 ' + ratioText(row.value_max) + ' 至 ' + ratioText(row.value) + ' 之间';
        return '为 ' + withUnit(normalise(row.value) + '—' + normalise(row.value_max), row.unit);
      default: return '';
    }
  }

  /* A decimal as a reader would write it back: 5000 for +5000, 00003000 or 5000.0; 0 for -0; 0.5 for .5. */
  function canonical(s) {
    var m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
    if (!m) return s;
    var whole = m[2].replace(/^0+(?=\d)/, '') || '0', decimals = (m[3] || '').replace(/0+$/, '');
    var zero = /^0*$/.test(whole + decimals);
    return (m[1] === '-' && !zero ? '-' : '') + whole + (decimals ? '.' + decimals : '');
  }

  /* A number as entered: {value: fraction, shown} or {error} (why it is not a valid entry). */
  function reading(raw, unit, what) {
    var typed = normalise(raw).replace(/[%％]$/, '');
    var value = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(typed) ? fraction(typed) : null;
    if (value === null && /^[+-]?(\d+(\.\d*)?|\.\d+)e[+-]?\d+$/i.test(typed) && isFinite(Number(typed))) {
      return { error: (what || '') + '“' + String(raw).trim() + '”是科学计数法，请直接填写数字（如 '
        + Number(typed).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) + '）' };
    }
    if (value === null) return { error: (what || '') + '“' + String(raw).trim() + '”不是数字' };
    var shown = canonical(typed);
    if (value.n < 0) return { error: (what || '') + '不能是负数（填写了 ' + shown + '）' };
    if (unit === '%' && compare(value, { n: 100, d: 1 }) > 0) return { error: '百分比不能超过 100（填写了 ' + shown + '%）' };
    if (WHOLE_UNITS[unit] && value.n % value.d !== 0) return { error: (what || '') + '应为整数（填写了 ' + shown + '）' };
    return { value: value, shown: shown };
  }

  function result(verdict, reason, answer) {
    return { verdict: verdict, reason: reason || '', answer: answer || '' };
  }

  /* The teacher–student ratio from {numerator: teachers, denominator: students}, "1:16" or a number. */
  function ratioReading(raw) {
    if (raw && typeof raw === 'object') {
      var t = blank(raw.numerator) ? null : reading(raw.numerator, '人', '专兼职教师数');
      var s = blank(raw.denominator) ? null : reading(raw.denominator, '人', '在训学员数');
      if (!t && !s) return { missing: '未填写' };
      if ((t && t.error) || (s && s.error)) return { error: (t && t.error) || s.error };
      if (!t || !s) return { missing: '请同时填写专兼职教师数和在训学员数' };
      if (t.value.n === 0) return { error: '专兼职教师数为 0，无法计算师生比' };
      if (s.value.n === 0) return { error: '在训学员数为 0，无法计算师生比' };
      var v = divide(t.value, s.value);
      return { value: v, shown: '1:' + round(s.value.n / s.value.d / (t.value.n / t.value.d)),
               answer: '专兼职教师 ' + t.shown + ' 人，在训学员 ' + s.shown + ' 人' };
    }
    var f = fraction(raw);
    if (f === null) return { error: '“' + String(raw) + '”不是师生比' };
    if (f.n <= 0) return { error: '师生比须大于 0' };
    return { value: f, shown: ratioText(raw) };
  }

  function judge(row, inputs) {
    if (blank(row.metric)) return result('manual');
    var own = row.metric + SEP + row.group;
    var raw = Object.prototype.hasOwnProperty.call(inputs, own) ? inputs[own] : inputs[row.metric];
    if (row.operator === 'is_true') {
      var answer = toBoolean(raw);
      if (answer === null) {
        return blank(raw) ? result('missing', '未回答') : result('invalid', '回答“' + raw + '”无法识别，请选“是”或“否”');
      }
      return answer ? result('met', '回答为“是”', '是')
        : result('not_met', '回答为“否”；方案要求：' + row.text, '否');
    }
    if (blank(raw) || (typeof raw === 'object' && blank(raw.numerator) && blank(raw.denominator))) {
      return result('missing', '未填写');
    }
    var x = row.unit === 'ratio' || row.metric === RATIO ? ratioReading(raw) : reading(raw, row.unit);
    if (x.missing) return result('missing', x.missing);
    if (x.error) return result('invalid', x.error, String(typeof raw === 'object' ? '' : raw));
    var low = fraction(row.value), high = fraction(row.value_max), ok;
    if (low === null) return result('manual', '本条的量化标准缺失，请人工核对');
    switch (row.operator) {
      case '>=': ok = compare(x.value, low) >= 0; break;
      case '>': ok = compare(x.value, low) > 0; break;
      case '<=': ok = compare(x.value, low) <= 0; break;
      case 'between':
        if (high === null) return result('manual', '本条的量化标准缺失，请人工核对');
        ok = compare(x.value, low) >= 0 && compare(x.value, high) <= 0;
        break;
      default: return result('manual', '本条的量化标准无法识别，请人工核对');
    }
    var value = noun(row) + ' ' + (row.unit === 'ratio' ? x.shown : withUnit(x.shown, row.unit));
    var answerText = x.answer ? x.answer + '（' + x.shown + '）' : withUnit(x.shown, row.unit === 'ratio' ? '' : row.unit);
    return ok ? result('met', value + '，达到方案要求（' + requirement(row) + '）', answerText)
      : result('not_met', value + '，方案要求' + requirement(row), answerText);
  }

  function tally(items) {
    var c = { met: 0, not_met: 0, manual: 0, missing: 0, invalid: 0 };
    items.forEach(function (r) { if (c[r.verdict] !== undefined) c[r.verdict] += 1; });
    return c;
  }

  /* all: every row met, or met apart from rows to confirm by hand; any: one row met. */
  function combine(rule, items) {
    var c = tally(items), n = items.length;
    if (n === 0) return { verdict: 'manual', manual: 0 };
    if (rule === 'any') {
      if (c.met) return { verdict: 'met', manual: 0 };
      if (c.invalid) return { verdict: 'invalid', manual: c.manual, invalid: c.invalid };
      if (c.missing) return { verdict: 'missing', manual: c.manual, missing: c.missing };
      if (c.manual) return { verdict: 'manual', manual: c.manual };
      return { verdict: 'not_met', manual: 0 };
    }
    if (c.not_met) return { verdict: 'not_met', manual: c.manual, notMet: c.not_met };
    if (c.invalid) return { verdict: 'invalid', manual: c.manual, invalid: c.invalid };
    if (c.missing) return { verdict: 'missing', manual: c.manual, missing: c.missing };
    if (c.manual === n) return { verdict: 'manual', manual: c.manual };
    return { verdict: 'met', manual: c.manual };
  }

  function groupText(g) {
    switch (g.verdict) {
      case 'met': return g.manual ? '满足（' + g.manual + ' 项需人工确认）' : '满足';
      case 'manual': return '需人工确认（' + g.manual + ' 项）';
      case 'not_met': return g.notMet ? '不满足（' + g.notMet + ' 项不满足）' : '不满足';
      case 'missing': return g.unchosen ? '未选择依托方式' : '未填完（' + g.missing + ' 项未填写）';
      case 'excluded': return '不适用（未选此依托方式）';
      case 'invalid': return g.invalid ? '输入无效（' + g.invalid + ' 项）' : '输入无效';
      default: return TEXT[g.verdict];
    }
  }

  function evaluate(criteria, inputs, routes) {
    inputs = inputs || {};
    var routeOf = {};
    (routes || []).forEach(function (route) {
      route.groups.forEach(function (g) { routeOf[g] = route; });
    });
    var results = [], order = [], groups = {};
    (criteria || []).forEach(function (row) {
      if (!blank(row.kind) && !JUDGED_KINDS[row.kind]) return;
      var route = routeOf[row.group];
      var r = route && route.chosen && route.chosen !== row.group ? result('excluded', '未选此依托方式，不参与结论')
        : judge(row, inputs);
      r.id = row.id; r.clause = row.clause; r.group = row.group; r.programme = row.programme; r.kind = row.kind;
      results.push(r);
      if (blank(row.group)) return;
      if (!groups[row.group]) {
        groups[row.group] = { group: row.group, programme: row.programme, kind: row.kind,
                              rule: row.group_rule === 'any' ? 'any' : 'all', items: [] };
        order.push(row.group);
      }
      groups[row.group].items.push(r);
    });
    var out = order.map(function (name) {
      var g = groups[name], route = routeOf[name];
      var c = route && route.chosen && route.chosen !== name ? { verdict: 'excluded', manual: 0 } : combine(g.rule, g.items);
      var item = { group: name, programme: g.programme, kind: g.kind, rule: g.rule, verdict: c.verdict,
                   manual: c.manual || 0, notMet: c.notMet || 0, missing: c.missing || 0, invalid: c.invalid || 0,
                   unchosen: Boolean(route && !route.chosen) };
      item.text = groupText(item);
      if (g.rule === 'any' && c.verdict === 'met') {
        // One alternative met is enough: the others stay shown as they are, and say they do not count.
        g.items.forEach(function (r) {
          if (r.verdict === 'not_met' || r.verdict === 'missing' || r.verdict === 'invalid') {
            r.spared = true;
            r.reason = (r.reason ? r.reason + '；' : '') + '本组满足其中一项即可，已有一项满足，本项不影响结论';
          }
        });
      }
      return item;
    });
    return { criteria: results, groups: out, summaries: summarise(results, out, routes || []) };
  }

  /* Per programme and kind: the verdict of all its groups (a route block counts once, by the route
   * chosen), the three states counted, and the rows to confirm by hand, not met and invalid. */
  function summarise(results, groups, routes) {
    var out = {}, byGroup = {};
    groups.forEach(function (g) { byGroup[g.group] = g; });
    groups.forEach(function (g) {
      var key = g.programme + '-' + g.kind;
      var s = out[key] || (out[key] = { verdicts: [], counts: { met: 0, not_met: 0, manual: 0, missing: 0, invalid: 0 },
                                        manual: [], notMet: [], invalid: [], missing: [], unchosen: 0 });
      if (g.verdict === 'excluded') return;
      s.verdicts.push(g.unchosen ? 'missing' : g.verdict);
      if (g.unchosen) return; // no route picked yet: neither route counts or is listed, only the choice is due
      results.forEach(function (r) {
        if (r.group !== g.group) return;
        if (r.verdict === 'manual' && (g.rule === 'all' || g.verdict !== 'met')) { s.counts.manual += 1; s.manual.push(r.id); }
        if (r.spared) return; // an alternative not needed: neither counted nor listed
        if (r.verdict === 'met') s.counts.met += 1;
        if (r.verdict === 'not_met') { s.counts.not_met += 1; s.notMet.push(r.id); }
        if (r.verdict === 'invalid') { s.counts.invalid += 1; s.invalid.push(r.id); }
        if (r.verdict === 'missing') { s.counts.missing += 1; s.missing.push(r.id); }
      });
    });
    routes.forEach(function (route) {
      var g = byGroup[route.groups[0]];
      if (g && !route.chosen) out[g.programme + '-' + g.kind].unchosen += 1;
    });
    Object.keys(out).forEach(function (key) {
      var s = out[key], v = s.verdicts;
      function has(x) { return v.indexOf(x) >= 0; }
      s.verdict = has('not_met') ? 'not_met' : has('invalid') ? 'invalid' : has('missing') ? 'missing'
        : v.every(function (x) { return x === 'manual'; }) ? 'manual' : 'met';
      s.text = s.verdict === 'met' ? (s.counts.manual ? '满足（' + s.counts.manual + ' 项需人工确认）' : '满足')
        : s.verdict === 'manual' ? '需人工确认（' + s.counts.manual + ' 项）'
        : s.verdict === 'missing' ? (s.unchosen && !s.counts.missing ? '未选择依托方式' : '未填完（' + s.counts.missing + ' 项未填写' + (s.unchosen ? '，未选择依托方式' : '') + '）')
        : s.verdict === 'invalid' ? '输入无效（' + s.counts.invalid + ' 项）'
        : '不满足（' + s.counts.not_met + ' 项不满足）';
      delete s.verdicts;
    });
    return out;
  }

  /* Field values by name: checkboxes give true/false, radios their checked value, other fields their
   * text (kept as text so decimals stay exact). Disabled fields (a route not chosen) are skipped.
   * teachers + students give teacher_student_ratio. */
  function readInputs(form) {
    var inputs = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.matches(':disabled') || field.name.indexOf('hsp_') === 0) return;
      if (field.type === 'checkbox') inputs[field.name] = field.checked;
      else if (field.type === 'radio') { if (field.checked) inputs[field.name] = field.value; }
      else if (!blank(field.value)) inputs[field.name] = field.value.trim();
    });
    if (!blank(inputs.teachers) || !blank(inputs.students)) {
      inputs[RATIO] = { numerator: inputs.teachers, denominator: inputs.students };
    }
    return inputs;
  }

  function each(nodes, fn) { Array.prototype.forEach.call(nodes, fn); }

  function el(doc, tag, text, cls) {
    var node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  function mount(form) {
    var doc = form.ownerDocument;
    var source = doc.getElementById('hsp-criteria');
    var criteria = source ? JSON.parse(source.textContent) : [];
    var rows = {};
    criteria.forEach(function (r) { rows[r.id] = r; });
    var live = form.querySelector('[data-hsp-live]');
    var last = null;

    function text(selector) {
      var node = form.querySelector(selector);
      return node ? node.textContent.replace(/\s+/g, ' ').trim() : '';
    }
    function itemName(id) { return text('#sc-text-' + id) || (rows[id] && rows[id].text) || id; }
    function groupName(id) { return text('#sc-group-' + id + ' > legend'); }
    /* 方式二：依托城市公共职业技能实训基地建立技能大师工作室，…应当具备的条件 → 方式二（依托…工作室）:
     * a route said in one breath after 依托方式：, without a second colon. */
    function routeName(id) {
      var name = groupName(id), m = /^(方式[一二三四五六七八九十]+)：([^，,]+)/.exec(name);
      return m ? m[1] + '（' + m[2] + '）' : name;
    }

    function readRoutes() {
      var routes = [];
      each(form.querySelectorAll('[data-hsp-choice]'), function (block) {
        var name = 'route-' + block.getAttribute('data-hsp-choice');
        var chosen = block.querySelector('input[name="' + name + '"]:checked');
        var groups = [];
        each(block.querySelectorAll('fieldset[data-route]'), function (g) { groups.push(g.getAttribute('data-group')); });
        routes.push({ groups: groups, chosen: chosen ? chosen.value : '', block: block });
      });
      return routes;
    }

    /* The route not chosen: greyed out, out of the tab order and the accessibility tree, its fields
     * disabled so that they are neither read nor judged. */
    function applyRoutes(routes) {
      routes.forEach(function (route) {
        each(route.block.querySelectorAll('fieldset[data-route]'), function (g) {
          var off = Boolean(route.chosen) && route.chosen !== g.getAttribute('data-group');
          g.disabled = off;
          g.toggleAttribute('inert', off);
          g.setAttribute('aria-disabled', off ? 'true' : 'false');
          g.classList.toggle('hsp-sc-group--off', off);
        });
        var hint = route.block.querySelector('[data-hsp-route-hint]');
        if (hint) {
          hint.textContent = route.chosen ? '已选择“' + groupName(route.chosen) + '”；另一种方式已置灰，不参与结论。'
            : '请先选择依托方式；未选择时，结论显示“未选择依托方式”。';
        }
      });
    }

    function show(nodes, verdict, label) {
      each(nodes, function (node) {
        node.textContent = label;
        node.setAttribute('data-verdict', verdict);
      });
    }

    function list(holder, title, ids, detail) {
      holder.textContent = '';
      if (!ids.length) return;
      holder.appendChild(el(doc, 'h4', title));
      var ol = el(doc, 'ol');
      ids.forEach(function (id) {
        var li = el(doc, 'li');
        var a = el(doc, 'a', itemName(id));
        a.href = '#sc-' + id;
        li.appendChild(a);
        var more = detail(id);
        if (more) li.appendChild(doc.createTextNode('：' + more));
        ol.appendChild(li);
      });
      holder.appendChild(ol);
    }

    function manualDetail(id) {
      var link = form.querySelector('#sc-' + id + ' .hsp-clause-link');
      var where = link && link.firstChild ? link.firstChild.textContent.trim() : ''; // without the hidden （在新标签页打开）
      var evidence = rows[id] && rows[id].evidence;
      return '对照实施方案' + where + '核对' + (evidence ? '，建议准备' + evidence : '');
    }

    function reasonOf(result) {
      var r = {};
      result.criteria.forEach(function (c) { r[c.id] = c; });
      return r;
    }

    function printSheet(result, routes) {
      var sheet = form.querySelector('[data-hsp-print-body]');
      var chosen = form.querySelector('input[name="hsp_programme"]:checked');
      if (!sheet || !chosen) return;
      var code = chosen.value, byId = reasonOf(result);
      sheet.textContent = '';
      var title = text('#sc-title-' + code);
      sheet.appendChild(el(doc, 'p', '申报项目：' + title + '　　自查日期：' + today() + '（本机日期）', 'hsp-sc-print-meta'));
      routes.forEach(function (route) {
        var g = route.groups[0];
        if (result.groups.some(function (x) { return x.group === g && x.programme === code; })) {
          sheet.appendChild(el(doc, 'p', '依托方式：' + (route.chosen ? routeName(route.chosen) : '未选择')));
        }
      });
      ['condition', 'output'].forEach(function (kind) {
        var s = result.summaries[code + '-' + kind];
        if (s) sheet.appendChild(el(doc, 'p', (kind === 'condition' ? '申报条件：' : '项目产出（立项后须达到，供参考）：') + s.text
          + '。满足 ' + s.counts.met + ' 项，不满足 ' + s.counts.not_met + ' 项，需人工确认 ' + s.counts.manual + ' 项'
          + (s.counts.missing ? '，未填写 ' + s.counts.missing + ' 项' : '') + (s.counts.invalid ? '，输入无效 ' + s.counts.invalid + ' 项' : '') + '。',
          'hsp-sc-print-verdict'));
      });
      var table = el(doc, 'table', undefined, 'hsp-sc-print-table');
      table.appendChild(el(doc, 'caption', '逐项结果'));
      var head = el(doc, 'tr');
      ['条件', '填写', '结论'].forEach(function (h) { var th = el(doc, 'th', h); th.scope = 'col'; head.appendChild(th); });
      var thead = el(doc, 'thead');
      thead.appendChild(head);
      table.appendChild(thead);
      var body = el(doc, 'tbody'), onRoute = {};
      routes.forEach(function (route) { route.groups.forEach(function (g) { onRoute[g] = true; }); });
      criteria.forEach(function (row) {
        var r = byId[row.id];
        if (!r || row.programme !== code || r.verdict === 'excluded') return;
        var tr = el(doc, 'tr');
        // A route's rows name their route (方式一), so that the two routes' like rows can be told apart.
        var tag = row.kind === 'output' ? '［产出］' : onRoute[row.group] ? '［' + groupName(row.group).split('：')[0] + '］' : '';
        var th = el(doc, 'th', tag + (row.metric ? noun(row) : row.text));
        th.scope = 'row';
        tr.appendChild(th);
        tr.appendChild(el(doc, 'td', r.answer || (r.verdict === 'manual' ? '—' : '未填写')));
        var verdict = TEXT[r.verdict] + (r.verdict === 'not_met' || r.verdict === 'invalid' ? '：' + r.reason.replace(/^输入无效：/, '') : '');
        tr.appendChild(el(doc, 'td', verdict, 'hsp-sc-print-' + r.verdict));
        body.appendChild(tr);
      });
      table.appendChild(body);
      sheet.appendChild(table);
      var s = result.summaries[code + '-condition'];
      var manual = (s ? s.manual : []).concat((result.summaries[code + '-output'] || { manual: [] }).manual);
      if (manual.length) {
        sheet.appendChild(el(doc, 'h3', '需人工确认的 ' + manual.length + ' 项'));
        var ol = el(doc, 'ol', undefined, 'hsp-sc-print-manual');
        manual.forEach(function (id) { ol.appendChild(el(doc, 'li', itemName(id) + '：' + manualDetail(id))); });
        sheet.appendChild(ol);
      }
    }

    function update() {
      var routes = readRoutes();
      applyRoutes(routes);
      var result = evaluate(criteria, readInputs(form), routes);
      result.criteria.forEach(function (r) {
        show(doc.querySelectorAll('[data-verdict-for="' + r.id + '"]'), r.verdict, TEXT[r.verdict]);
        each(doc.querySelectorAll('[data-reason-for="' + r.id + '"]'), function (node) {
          // The verdict says it already: no “未填写 未回答” beside an unanswered question.
          var said = r.reason === TEXT[r.verdict] || (r.verdict === 'missing' && r.reason === '未回答');
          node.textContent = r.verdict === 'manual' || said ? '' : r.reason;
        });
      });
      result.groups.forEach(function (g) {
        show(doc.querySelectorAll('[data-group-verdict="' + g.group + '"]'), g.verdict, g.text);
      });
      Object.keys(result.summaries).forEach(function (key) {
        var s = result.summaries[key];
        show(doc.querySelectorAll('[data-overall="' + key + '"]'), s.verdict, s.text);
        each(doc.querySelectorAll('[data-counts="' + key + '"]'), function (node) {
          node.textContent = '满足 ' + s.counts.met + ' 项 · 不满足 ' + s.counts.not_met + ' 项 · 需人工确认 '
            + s.counts.manual + ' 项 · 未填写 ' + s.counts.missing + ' 项 · 输入无效 ' + s.counts.invalid + ' 项';
        });
      });
      var byId = reasonOf(result);
      each(form.querySelectorAll('[data-hsp-lists]'), function (holder) {
        var code = holder.getAttribute('data-hsp-lists');
        var cond = result.summaries[code + '-condition'] || { notMet: [], invalid: [], manual: [] };
        var outp = result.summaries[code + '-output'] || { notMet: [], invalid: [], manual: [] };
        list(holder.querySelector('[data-list="not_met"]'), '不满足的条件', cond.notMet.concat(outp.notMet),
             function (id) { return byId[id].reason; });
        list(holder.querySelector('[data-list="invalid"]'), '输入无效', cond.invalid.concat(outp.invalid),
             function (id) { return byId[id].reason.replace(/^输入无效：/, ''); });
        list(holder.querySelector('[data-list="manual"]'), '需人工确认', cond.manual.concat(outp.manual), manualDetail);
      });
      printSheet(result, routes);
      last = result;
      return result;
    }

    /* One polite announcement when an answer is committed: the row, its verdict and why, its group. */
    function announce(target) {
      if (!live || !last) return;
      if (target.name && target.name.indexOf('route-') === 0) {
        live.textContent = '已选择依托方式：' + routeName(target.value) + '。另一种方式已置灰，不参与结论。';
        return;
      }
      var item = target.closest ? target.closest('[data-criterion]') : null;
      if (!item) return;
      var id = item.getAttribute('data-criterion');
      var r = last.criteria.filter(function (c) { return c.id === id; })[0];
      var g = r && last.groups.filter(function (x) { return x.group === r.group; })[0];
      if (!r) return;
      live.textContent = itemName(id) + '：' + TEXT[r.verdict] + (r.reason && r.reason !== TEXT[r.verdict] ? '，' + r.reason : '') + '。'
        + (g ? groupName(g.group) + '：' + g.text + '。' : '');
    }

    form.addEventListener('input', update);
    form.addEventListener('change', function (event) { update(); announce(event.target); });
    form.addEventListener('submit', function (event) { event.preventDefault(); update(); });
    form.addEventListener('click', function (event) {
      var button = event.target.closest ? event.target.closest('[data-hsp-print]') : null;
      if (button) { update(); global.print(); }
    });
    form.setAttribute('data-hsp-mounted', 'true');
    update();
    return { update: update, criteria: criteria };
  }

  /* Forms marked data-hsp-selfcheck mount themselves (also after Material's instant navigation). */
  function autoMount() {
    var forms = global.document.querySelectorAll('form[data-hsp-selfcheck]:not([data-hsp-mounted])');
    Array.prototype.forEach.call(forms, mount);
  }

  global.HSPSelfCheck = { evaluate: evaluate, mount: mount, fraction: fraction, requirement: requirement, TEXT: TEXT };
  if (global.document$ && typeof global.document$.subscribe === 'function') global.document$.subscribe(autoMount);
  else if (global.document && global.document.readyState === 'loading') global.document.addEventListener('DOMContentLoaded', autoMount);
  else if (global.document) autoMount();
})(window);
