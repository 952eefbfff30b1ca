/* selfcheck.js: the rule engine and form binder of the in-browser self-check (申报条件自测).
 * No dependencies, no network, nothing stored: inputs stay in the form and are never sent.
 *
 *   HSPSelfCheck.evaluate(criteria, inputs) -> {criteria: [{id, verdict, clause, group, reason}],
 *                                               groups: [{group, rule, verdict}]}
 *   HSPSelfCheck.mount(form) binds a form whose fields are named after metrics.
 *
 * criteria are rows of datasets/policies/criteria.csv (numbers may be strings). Only `condition` and
 * `output` rows are judged. Numbers are compared exactly as decimal fractions ("44.9" is 449/10),
 * so 45 passes ">= 45" and 44.9 does not; ratios such as "1:16" become 1/16 and are compared by
 * cross-multiplication. Verdicts: met, not_met, unknown (reason: missing, invalid, manual, rule).
 */
(function (global) {
  'use strict';

  var JUDGED_KINDS = { condition: true, output: true };
  var TEXT = { met: '满足', not_met: '不满足', unknown: '无法判断', manual: '需人工判断' };
  var TRUE_WORDS = ['true', 'yes', '1', '是', 'on'];
  var FALSE_WORDS = ['false', 'no', '0', '否', 'off'];

  function blank(x) {
    return x === undefined || x === null || (typeof x === 'string' && x.trim() === '');
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
    var s = String(x).trim().replace(/[%％]$/, '');
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

  function unknown(reason) {
    return { verdict: 'unknown', reason: reason };
  }

  function judge(row, inputs) {
    if (blank(row.metric)) return unknown('manual');
    var raw = inputs[row.metric];
    if (row.operator === 'is_true') {
      var answer = toBoolean(raw);
      if (answer === null) return unknown(blank(raw) ? 'missing' : 'invalid');
      return { verdict: answer ? 'met' : 'not_met' };
    }
    var x = fraction(raw);
    if (x === null) return unknown(blank(raw) ? 'missing' : 'invalid');
    var low = fraction(row.value), high = fraction(row.value_max), ok;
    if (low === null) return unknown('rule');
    switch (row.operator) {
      case '>=': ok = compare(x, low) >= 0; break;
      case '>': ok = compare(x, low) > 0; break;
      case '<=': ok = compare(x, low) <= 0; break;
      case 'between':
        if (high === null) return unknown('rule');
        ok = compare(x, low) >= 0 && compare(x, high) <= 0;
        break;
      default: return unknown('rule');
    }
    return { verdict: ok ? 'met' : 'not_met' };
  }

  /* all: met when every row is met, not_met when one is not; any: met when one is met,
   * not_met when every row is not met; otherwise unknown. */
  function combine(rule, verdicts) {
    var met = 0, notMet = 0;
    verdicts.forEach(function (v) {
      if (v === 'met') met += 1;
      if (v === 'not_met') notMet += 1;
    });
    if (verdicts.length === 0) return 'unknown';
    if (rule === 'any') return met > 0 ? 'met' : (notMet === verdicts.length ? 'not_met' : 'unknown');
    return notMet > 0 ? 'not_met' : (met === verdicts.length ? 'met' : 'unknown');
  }

  function evaluate(criteria, inputs) {
    var results = [], order = [], groups = {};
    (criteria || []).forEach(function (row) {
      if (!blank(row.kind) && !JUDGED_KINDS[row.kind]) return;
      var result = judge(row, inputs || {});
      results.push({ id: row.id, verdict: result.verdict, clause: row.clause, group: row.group,
                     reason: result.reason });
      if (blank(row.group)) return;
      if (!groups[row.group]) {
        groups[row.group] = { rule: row.group_rule === 'any' ? 'any' : 'all', verdicts: [] };
        order.push(row.group);
      }
      groups[row.group].verdicts.push(result.verdict);
    });
    return {
      criteria: results,
      groups: order.map(function (name) {
        var g = groups[name];
        return { group: name, rule: g.rule, verdict: combine(g.rule, g.verdicts) };
      })
    };
  }

  /* Field values by name: checkboxes give true/false, radios their checked value, other fields
   * their text (kept as text so decimals stay exact). teachers + students give teacher_student_ratio. */
  function readInputs(form) {
    var inputs = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled) return;
      if (field.type === 'checkbox') inputs[field.name] = field.checked;
      else if (field.type === 'radio') { if (field.checked) inputs[field.name] = field.value; }
      else if (!blank(field.value)) inputs[field.name] = field.value.trim();
    });
    if (!blank(inputs.teachers) && !blank(inputs.students)) {
      inputs.teacher_student_ratio = { numerator: inputs.teachers, denominator: inputs.students };
    }
    return inputs;
  }

  function show(nodes, verdict, reason) {
    Array.prototype.forEach.call(nodes, function (node) {
      node.textContent = reason === 'manual' ? TEXT.manual : TEXT[verdict];
      node.setAttribute('data-verdict', verdict);
    });
  }

  function mount(form) {
    var doc = form.ownerDocument;
    var source = doc.getElementById('hsp-criteria');
    var criteria = source ? JSON.parse(source.textContent) : [];
    function update() {
      var result = evaluate(criteria, readInputs(form));
      result.criteria.forEach(function (r) {
        show(doc.querySelectorAll('[data-verdict-for="' + r.id + '"]'), r.verdict, r.reason);
      });
      result.groups.forEach(function (g) {
        show(doc.querySelectorAll('[data-group-verdict="' + g.group + '"]'), g.verdict);
      });
      return result;
    }
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', function (event) { event.preventDefault(); update(); });
    form.setAttribute('data-hsp-mounted', 'true');
    update();
    return { update: update, criteria: criteria };
  }

  /* Forms marked data-hsp-selfcheck mount themselves (also after Material's instant navigation). */
  function autoMount() {
    var forms = global.document.querySelectorAll('form[data-hsp-selfcheck]:not([data-hsp-mounted])');
    Array.prototype.forEach.call(forms, mount);
  }

  global.HSPSelfCheck = { evaluate: evaluate, mount: mount, fraction: fraction, TEXT: TEXT };
  if (global.document$ && typeof global.document$.subscribe === 'function') global.document$.subscribe(autoMount);
  else if (global.document && global.document.readyState === 'loading') global.document.addEventListener('DOMContentLoaded', autoMount);
  else if (global.document) autoMount();
})(window);
