"""Applicant pages, as built from the committed datasets: criteria resolve to clauses, attachments 2
and 3 are fully itemised, the checklists print without navigation, the self-check works offline in
Chromium without storing anything, and the progress chart shows the counts from the data."""

from __future__ import annotations

import csv
import json
import posixpath
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from test_policy_page import parse, strip_tags

from generator.load.policy_text import parse_policy
from generator.model.policies import iter_clauses

POLICIES = REPO / "datasets" / "policies"
REGISTER = REPO / "datasets" / "register"
PROGRAMMES = ("base", "studio", "technician")

# The requirements of attachments 2 and 3 as read from the plan text, clause by clause: how many rows
# each numbered clause splits into (datasets/policies/README.md: one requirement a row). Reviewed by
# hand against texts/plan-2011.txt; the test below also checks that no clause of the conditions
# (四、) and outputs (五、) sections is missing from this tally.
ITEMISED = {
    ("a2-s4-1", "condition"): 3,  # 管理能力和组织体系；制度；未违法违规
    ("a2-s4-2-1", "condition"): 2,  # 符合标准；满足年培训1000名
    ("a2-s4-2-2", "condition"): 2,  # 按国家职业标准培训；3-5个特色专业实训装备
    ("a2-s4-2-3", "condition"): 3,  # 面向企业和社会；3000人；高级工以上20%
    ("a2-s4-3", "condition"): 3,  # 稳定教师队伍；师生比；45%
    ("a2-s4-4", "condition"): 4,  # 5家企业；5个专业；实习基地；指导教师
    ("a2-s5-1", "output"): 1,
    ("a2-s5-2", "output"): 2,  # 培训能力；两年后1500人
    ("a2-s7-1", "subsidy"): 3,  # 中央500万元；地方；行业企业
    ("a3-s4-1", "condition"): 3,  # 技能拔尖；带徒经验；身体健康
    ("a3-s4-1-1", "condition"): 1,
    ("a3-s4-1-2", "condition"): 1,
    ("a3-s4-1-3", "condition"): 1,
    ("a3-s4-2", "condition"): 5,  # 大师；人才密集；制度；经费50%；资金场所
    ("a3-s4-3", "condition"): 3,  # 大师；政策措施；资金场所
    ("a3-s5-1", "output"): 1,
    ("a3-s5-2", "output"): 1,
    ("a3-s5-3", "output"): 1,
    ("a3-s5-4", "output"): 1,
    ("a3-s5-5", "output"): 1,
    ("a3-s7-1", "subsidy"): 3,  # 中央10万元；地方；行业企业（或公共实训基地）
}
PASSING = {
    "annual_trainees": "3000",
    "advanced_share": "20",
    "teachers": "100",
    "students": "1600",
    "senior_teacher_share": "45",
    "partner_enterprises": "5",
    "cobuilt_specialities": "5",
}
FAILING = {
    "annual_trainees": "2999",
    "advanced_share": "19.9",
    "teachers": "100",
    "students": "2100",
    "senior_teacher_share": "44.9",
    "partner_enterprises": "4",
    "cobuilt_specialities": "4",
}
JUDGED_BY_FIGURES = (
    "base-c-trainees",
    "base-c-advanced-share",
    "base-c-ratio",
    "base-c-senior-teachers",
    "base-c-partners",
    "base-c-cobuilt",
)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def criteria() -> list[dict[str, str]]:
    return read_csv(POLICIES / "criteria.csv")


def resolve(page_url: str, href: str) -> tuple[str, str]:
    """(site path of the target page, fragment) for a relative link on the page at ``page_url``."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(page_url, path)) + "/"
    return target.lstrip("./") if target != "./" else "", fragment


def item_sections(html: str) -> dict[str, list[str]]:
    """Kind (the h2 id) → ids of the checklist items under it, in page order."""
    out: dict[str, list[str]] = {}
    for chunk in re.split(r'(?=<h2 id=")', html)[1:]:
        kind = re.match(r'<h2 id="([^"]+)"', chunk).group(1)  # type: ignore[union-attr]
        out[kind] = re.findall(r'<li class="hsp-item" id="([^"]+)"', chunk)
    return out


def test_every_criterion_clause_resolves_on_the_built_policy_page(
    built_site: Path, criteria: list[dict[str, str]]
) -> None:
    plan = parse(built_site / "policies" / "plan-2011" / "index.html")
    assert [r["id"] for r in criteria if r["clause"] not in plan.ids] == []
    for programme in PROGRAMMES:
        url = f"apply/{programme}/"
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        for row in (r for r in criteria if r["programme"] == programme):
            item = re.search(rf'<li class="hsp-item" id="{row["id"]}">(.*?)</li>', html, re.S)
            assert item, f"{row['id']} missing from {url}"
            href = re.search(r'<a class="hsp-clause-link" href="([^"]+)"', item.group(1)).group(1)  # type: ignore[union-attr]
            target, fragment = resolve(url, href)
            assert (target, fragment) == ("policies/plan-2011/", row["clause"])
            assert fragment in parse(built_site / target / "index.html").ids


def test_attachments_2_and_3_are_fully_itemised(criteria: list[dict[str, str]]) -> None:
    home = {"base": "a2-", "studio": "a3-"}
    for row in criteria:
        if row["programme"] in home:
            assert row["clause"].startswith(home[row["programme"]]), f"{row['id']} cites {row['clause']}"
    rows = Counter((r["clause"], r["kind"]) for r in criteria if r["programme"] in home)
    assert rows == Counter(ITEMISED)
    doc = parse_policy((POLICIES / "texts" / "plan-2011.txt").read_text(encoding="utf-8"))
    requirement_clauses = {
        c.anchor
        for c in iter_clauses(doc)
        if re.match(r"a[23]-s[45]-", c.anchor) and c.paragraphs  # below 四、条件 and 五、产出, with text of its own
    }
    assert requirement_clauses == {clause for clause, kind in ITEMISED if kind in ("condition", "output")}
    per_kind = Counter((r["programme"], r["kind"]) for r in criteria if r["programme"] in home)
    assert per_kind == {
        ("base", "condition"): 17,
        ("base", "output"): 3,
        ("base", "subsidy"): 3,
        ("studio", "condition"): 14,
        ("studio", "output"): 5,
        ("studio", "subsidy"): 3,
    }


@pytest.mark.parametrize("programme", PROGRAMMES)
def test_checklist_lists_every_row_of_its_programme_by_kind(
    built_site: Path, criteria: list[dict[str, str]], programme: str
) -> None:
    html = (built_site / "apply" / programme / "index.html").read_text(encoding="utf-8")
    mine = [r for r in criteria if r["programme"] == programme]
    expected = {kind: [r["id"] for r in mine if r["kind"] == kind] for kind in dict.fromkeys(r["kind"] for r in mine)}
    assert item_sections(html) == expected
    boxes = re.findall(r'<input type="checkbox" class="hsp-check" id="chk-([^"]+)"', html)
    assert boxes == [r["id"] for r in mine if r["kind"] in ("condition", "output")]
    for row in mine:
        if row["evidence"]:
            assert row["evidence"] in html


def test_group_rules_are_in_plain_chinese(built_site: Path) -> None:
    text = strip_tags((built_site / "apply" / "studio" / "index.html").read_text(encoding="utf-8"))
    assert "以下 3 项满足其一即可" in text  # studio-master-any
    assert "以下 2 种依托方式二选一" in text  # the two studio-host- groups
    html = (built_site / "apply" / "studio" / "index.html").read_text(encoding="utf-8")
    choice = html.split('class="hsp-choice"', 1)[1].split("项目产出", 1)[0]
    assert 'id="studio-host-enterprise"' in choice and 'id="studio-host-public-base"' in choice
    base = strip_tags((built_site / "apply" / "base" / "index.html").read_text(encoding="utf-8"))
    assert "以下 7 项须全部满足" in base  # base-capacity


def test_selfcheck_script_and_criteria_only_on_the_self_check_page(
    built_site: Path, criteria: list[dict[str, str]]
) -> None:
    html = (built_site / "apply" / "self-check" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../../assets/javascripts/selfcheck.js">' in html
    embedded = re.search(r'<script type="application/json" id="hsp-criteria">(.*?)</script>', html, re.S)
    assert embedded and json.loads(embedded.group(1)) == [r for r in criteria if r["programme"] in ("base", "studio")]
    form = re.search(r"<form[^>]*data-hsp-selfcheck[^>]*>", html)
    assert form and "action=" not in form.group(0), "the self-check form is sent nowhere"
    for other in ("apply/base/", "apply/", "policies/plan-2011/", ""):
        assert "selfcheck.js" not in (built_site / other / "index.html").read_text(encoding="utf-8")


def test_ratio_asks_for_the_teachers_the_plan_counts(built_site: Path) -> None:
    """附件2 四、（三）: the ratio is that of the 专兼职教师队伍; 实训教师 is the base of the 45% rule
    only. Asking for 实训教师 would make a base count a different set of teachers."""
    plan = (POLICIES / "texts" / "plan-2011.txt").read_text(encoding="utf-8")
    assert "稳定的专兼职教师队伍，师生比为1:16-1:20；高级实习指导教师" in plan
    html = (built_site / "apply" / "self-check" / "index.html").read_text(encoding="utf-8")
    labels = dict(re.findall(r'<label for="sc-in-(teachers|students)">([^<]+)</label>', html))
    assert labels == {"teachers": "专兼职教师数（人）", "students": "在训学员数（人）"}


def test_progress_chart_shows_the_counts_from_the_data(built_site: Path) -> None:
    html = (built_site / "apply" / "progress" / "index.html").read_text(encoding="utf-8")
    announcements = read_csv(REGISTER / "announcements.csv")
    targets = read_csv(POLICIES / "targets.csv")
    batch = next(a for a in announcements if a["id"] == "nat-2019-batch")
    for programme, field, register_file in (("base", "count_bases", "bases"), ("studio", "count_studios", "studios")):
        svg = re.search(rf'<svg class="hsp-chart" id="chart-{programme}"(.*?)</svg>', html, re.S)
        assert svg, f"no chart for {programme}"
        tag, body = svg.group(1).split(">", 1)
        assert 'role="img"' in tag and 'aria-label="' in tag
        assert re.search(r"<title[^>]*>[^<]+</title>", body) and "<script" not in body
        held = sum(1 for r in read_csv(REGISTER / f"{register_file}.csv") if r["level"] == "national")
        goals = [int(t["count"]) for t in targets if t["programme"] == programme and t["unit"] == "个"]
        stated = [
            int(a[field])
            for a in announcements
            if a["level"] == "national" and not a["province_code"] and a["stage"] != "plan" and a[field]
        ]
        values = [int(v) for v in re.findall(r'class="hsp-chart-value"[^>]*>(\d+)</text>', body)]
        assert values == goals + stated + [held]
        assert int(batch[field]) in stated
        labels = re.findall(r'class="hsp-chart-label"[^>]*>([^<]+)</text>', body)
        assert labels[-1] == "本站收录的国家级记录" and len(labels) == len(values)
    assert "未见公布" in strip_tags(html)
    assert "多数批次没有公布全国总数" in html
    assert 'href="../../announcements/nat-2019-batch/"' in html  # the stated count cites its announcement


@pytest.mark.browser
def test_self_check_judges_figures_offline_and_stores_nothing(page: Any, site_url: str) -> None:
    left: list[str] = []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(site_url)
            else (left.append(route.request.url), route.abort())
        ),
    )
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "apply/self-check/")
    form = page.locator("form[data-hsp-mounted]")
    form.wait_for()
    verdict = {row: page.locator(f'[data-verdict-for="{row}"]') for row in JUDGED_BY_FIGURES}
    assert {row: v.inner_text() for row, v in verdict.items()} == dict.fromkeys(JUDGED_BY_FIGURES, "未填写")
    assert page.locator('[data-verdict-for="base-c-management-capacity"]').inner_text() == "需人工确认"
    manual_note = page.locator("#sc-base-c-management-capacity .hsp-sc-manual")
    assert "附件2 四、（一）" in manual_note.inner_text() and "组织机构图" in manual_note.inner_text()
    assert manual_note.locator("a").get_attribute("href") == "../../policies/plan-2011/#a2-s4-1"

    for name, value in PASSING.items():
        page.fill(f'input[name="{name}"]', value)
    for row, v in verdict.items():
        assert v.is_visible() and v.inner_text() == "满足", row
    page.locator('input[name="has_stable_teachers"][value="yes"]').check()
    assert page.locator('#sc-group-base-teachers [data-group-verdict="base-teachers"]').inner_text() == "满足"
    summary = page.locator(".hsp-sc-programme--base .hsp-sc-summary")
    assert "满足" in summary.locator("tr", has_text="师资队伍").inner_text()

    for name, value in FAILING.items():
        page.fill(f'input[name="{name}"]', value)
    for row, v in verdict.items():
        assert v.is_visible() and v.inner_text() == "不满足", row
    assert page.locator('[data-reason-for="base-c-ratio"]').inner_text() == "师生比 1:21，方案要求在 1:16 至 1:20 之间"
    assert (
        page.locator('[data-reason-for="base-c-trainees"]').inner_text() == "年培训规模 2999 人，方案要求不少于 3000 人"
    )
    assert (
        page.locator('#sc-group-base-teachers [data-group-verdict="base-teachers"]').inner_text()
        == "不满足（2 项不满足）"
    )
    not_met = summary.locator('[data-list="not_met"]').inner_text()
    assert "师生比 1:21，方案要求在 1:16 至 1:20 之间" in not_met
    before = page.url
    page.press('input[name="annual_trainees"]', "Enter")
    assert page.url == before, "the form must never be submitted"

    page.fill('input[name="annual_trainees"]', "-3000")
    assert page.locator('[data-verdict-for="base-c-trainees"]').inner_text() == "输入无效"
    assert "不能是负数" in page.locator('[data-reason-for="base-c-trainees"]').inner_text()
    page.fill('input[name="advanced_share"]', "101")
    assert "百分比不能超过 100" in page.locator('[data-reason-for="base-c-advanced-share"]').inner_text()
    assert page.locator('[data-hsp-lists="base"] [data-list="invalid"] li').count() == 2
    assert page.locator('[data-overall="base-condition"]').inner_text().startswith("不满足")  # 不满足 outranks 输入无效

    page.get_by_role("radio", name="技能大师工作室", exact=True).check()
    assert not page.locator(".hsp-sc-programme--base").is_visible()
    master_any = page.locator('#sc-group-studio-master-any [data-group-verdict="studio-master-any"]')
    assert master_any.is_visible() and master_any.inner_text() == "未填完（3 项未填写）"
    page.locator('input[name="has_unique_craft"][value="yes"]').check()
    assert master_any.inner_text() == "满足"
    page.fill('input[name="edu_funds_high_skill_share--studio-host-enterprise"]', "49.9")
    assert page.locator('[data-verdict-for="studio-c-ent-edu-funds"]').inner_text() == "不满足"

    assert left == [] and all(url.startswith(site_url) for url in requested)
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    assert page.context.cookies() == []
    # The display switches are remembered (无障碍声明 says so); the privacy note must not deny it.
    page.click("#hsp-large-text")
    assert page.evaluate("Object.keys(localStorage)") == ["hsp-large-text"]
    note = page.locator(".admonition", has_text="不联网、不保存、不提交").inner_text()
    assert "不使用 Cookie 或本地存储" not in note and "填写的内容不写入 Cookie 或本地存储" in note
    assert "大字号、高对比度、阅读模式开关记在本机浏览器中" in note


def passing_answers(page: Any, programme: str, criteria: list[dict[str, str]]) -> None:
    """Fill the visible programme so that every quantified rule is met: numbers from the rows, 是 to
    every question."""
    for row in criteria:
        if row["programme"] != programme or row["kind"] not in ("condition", "output") or not row["metric"]:
            continue
        if row["operator"] == "is_true":
            continue
        if row["unit"] == "ratio":
            page.fill('input[name="teachers"]', "100")
            page.fill('input[name="students"]', "1800")
            continue
        for field in page.locator(f'.hsp-sc-programme--{programme} input[type="text"][name^="{row["metric"]}"]').all():
            if field.is_enabled():
                field.fill(row["value_max"] or row["value"])
    for radio in page.locator(f'.hsp-sc-programme--{programme} input[type="radio"][value="yes"]').all():
        if radio.is_enabled():
            radio.check()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("programme", "route"), [("base", ""), ("studio", "studio-host-enterprise"), ("studio", "studio-host-public-base")]
)
def test_every_answer_passing_says_met_and_lists_what_to_confirm(
    page: Any, site_url: str, criteria: list[dict[str, str]], programme: str, route: str
) -> None:
    page.goto(site_url + "apply/self-check/")
    page.locator("form[data-hsp-mounted]").wait_for()
    page.check(f"#sc-prog-{programme}")
    if route:
        page.check(f"#sc-route-{route}")
    passing_answers(page, programme, criteria)
    counted = [
        r
        for r in criteria
        if r["programme"] == programme
        and r["kind"] == "condition"
        and (not r["group"].startswith("studio-host-") or r["group"] == route)
    ]
    manual = [r for r in counted if not r["metric"]]
    overall = page.locator(f'[data-overall="{programme}-condition"]')
    assert overall.inner_text() == f"满足（{len(manual)} 项需人工确认）"
    counts = page.locator(f'[data-counts="{programme}-condition"]').inner_text()
    assert (
        counts
        == f"满足 {len(counted) - len(manual)} 项 · 不满足 0 项 · 需人工确认 {len(manual)} 项 · 未填写 0 项 · 输入无效 0 项"
    )
    listed = page.locator(f'[data-hsp-lists="{programme}"] [data-list="manual"] li').all_inner_texts()
    outputs = [r for r in criteria if r["programme"] == programme and r["kind"] == "output" and not r["metric"]]
    assert [t.split("：")[0] for t in listed] == [r["text"] for r in manual + outputs]
    for group in {r["group"] for r in counted}:
        text = page.locator(f'#sc-group-{group} [data-group-verdict="{group}"]').inner_text()
        assert text.startswith("满足"), (group, text)
    assert page.locator(f'[data-hsp-lists="{programme}"] [data-list="not_met"]').inner_text() == ""


@pytest.mark.browser
def test_studio_route_not_chosen_is_greyed_out_inert_and_excluded(
    page: Any, site_url: str, criteria: list[dict[str, str]]
) -> None:
    page.goto(site_url + "apply/self-check/")
    page.locator("form[data-hsp-mounted]").wait_for()
    page.check("#sc-prog-studio")
    assert "未选择依托方式" in page.locator('[data-overall="studio-condition"]').inner_text()
    page.locator('input[name="has_qualified_master--studio-host-enterprise"][value="no"]').check()
    page.check("#sc-route-studio-host-public-base")
    off = page.locator("#sc-group-studio-host-enterprise")
    on = page.locator("#sc-group-studio-host-public-base")
    assert off.get_attribute("aria-disabled") == "true" and off.evaluate("e => e.inert && e.disabled")
    assert on.get_attribute("aria-disabled") == "false" and not on.evaluate("e => e.inert || e.disabled")
    assert float(off.evaluate("e => getComputedStyle(e).opacity")) < 1
    assert (
        page.locator('#sc-group-studio-host-enterprise [data-group-verdict="studio-host-enterprise"]').inner_text()
        == "不适用（未选此依托方式）"
    )
    assert page.locator('[data-verdict-for="studio-c-ent-master"]').inner_text() == "不适用"
    assert "studio-c-ent-master" not in page.locator('[data-hsp-lists="studio"]').inner_text()
    assert not page.locator('[data-hsp-lists="studio"] [data-list="not_met"]').inner_text()
    # The greyed-out route cannot be reached by keyboard.
    page.focus("#sc-route-studio-host-public-base")
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("!!document.activeElement.closest('#sc-group-studio-host-enterprise')"))
    assert not any(reached)
    page.check("#sc-route-studio-host-enterprise")
    assert page.locator('[data-verdict-for="studio-c-ent-master"]').inner_text() == "不满足"
    assert page.locator('[data-overall="studio-condition"]').inner_text().startswith("不满足")


@pytest.mark.browser
def test_verdicts_follow_their_inputs_and_are_announced_politely(page: Any, site_url: str) -> None:
    page.goto(site_url + "apply/self-check/")
    page.locator("form[data-hsp-mounted]").wait_for()
    order = page.evaluate("""() => [...document.querySelectorAll('.hsp-sc-item')].map(item => {
        const verdict = item.querySelector('[data-verdict-for]');
        const inputs = [...item.querySelectorAll('input')];
        return inputs.every(i => i.compareDocumentPosition(verdict) & Node.DOCUMENT_POSITION_FOLLOWING);
    })""")
    assert order and all(order)
    groups = page.evaluate("""() => [...document.querySelectorAll('fieldset.hsp-sc-group')].map(g =>
        [...g.querySelectorAll('input')].every(i => i.compareDocumentPosition(g.querySelector(':scope > .hsp-sc-group-result')) & Node.DOCUMENT_POSITION_FOLLOWING))""")
    assert groups and all(groups)
    live = page.locator("[data-hsp-live]")
    assert (live.get_attribute("role"), live.get_attribute("aria-live")) == ("status", "polite")
    assert live.count() == 1
    page.fill('input[name="teachers"]', "100")
    page.fill('input[name="students"]', "1500")
    page.press('input[name="students"]', "Tab")  # committing the answer fires change
    assert (
        live.inner_text()
        == "师生比为1:16-1:20：不满足，师生比 1:15，方案要求在 1:16 至 1:20 之间。师资队伍：不满足（1 项不满足）。"
    )
    assert page.get_attribute('input[name="students"]', "aria-describedby") == "sc-reason-base-c-ratio"


@pytest.mark.browser
def test_the_page_says_back_what_was_typed_plainly_and_once(page: Any, site_url: str) -> None:
    page.goto(site_url + "apply/self-check/")
    page.locator("form[data-hsp-mounted]").wait_for()
    verdict, reason = (
        page.locator('[data-verdict-for="base-c-trainees"]'),
        page.locator('[data-reason-for="base-c-trainees"]'),
    )
    assert (verdict.inner_text(), reason.inner_text()) == ("未填写", "")  # the state is said once, not twice
    page.fill('input[name="annual_trainees"]', "+05000.0")
    assert (verdict.inner_text(), reason.inner_text()) == ("满足", "年培训规模 5000 人，达到方案要求（不少于 3000 人）")
    page.fill('input[name="annual_trainees"]', "1e5")
    assert (verdict.inner_text(), reason.inner_text()) == ("输入无效", "“1e5”是科学计数法，请直接填写数字（如 100000）")
    page.press('input[name="annual_trainees"]', "Tab")  # committed: the next change is a real one
    page.fill('input[name="annual_trainees"]', "")
    page.press('input[name="annual_trainees"]', "Tab")
    assert (verdict.inner_text(), reason.inner_text()) == ("未填写", "")
    assert page.locator("[data-hsp-live]").inner_text().startswith("年培训规模不少于3000人：未填写。")
    question = page.locator("#sc-base-c-no-violations .hsp-sc-result")
    assert question.inner_text() == "结论：未填写", "an unanswered question is said once, not “未填写 未回答”"
    page.locator('input[name="no_violations"][value="no"]').check()
    assert question.inner_text().startswith("结论：不满足 回答为“否”")


@pytest.mark.browser
def test_reading_a_clause_keeps_what_was_filled_in(page: Any, site_url: str) -> None:
    """The form keeps nothing (autocomplete off): a clause link that left the page in the same tab
    would bring the applicant back to an empty form. Clause links open the plan in a new tab, say so
    to a screen reader, and the printed list of rows to confirm still names the clause plainly."""
    page.goto(site_url + "apply/self-check/")
    page.locator("form[data-hsp-mounted]").wait_for()
    page.fill('input[name="annual_trainees"]', "2999")
    link = page.locator("#sc-base-c-trainees a.hsp-clause-link")
    assert link.text_content() == "附件2 四、（二）3、（在新标签页打开）"
    with page.context.expect_page() as opened:
        link.click()
    plan = opened.value
    plan.wait_for_load_state()
    assert plan.url == site_url + "policies/plan-2011/#a2-s4-2-3"
    assert page.input_value('input[name="annual_trainees"]') == "2999"
    assert page.locator('[data-verdict-for="base-c-trainees"]').inner_text() == "不满足"
    manual = page.locator("#sc-base-c-management-capacity .hsp-sc-manual a")
    assert manual.get_attribute("target") == "_blank" and manual.get_attribute("rel") == "noopener"
    listed = page.locator('[data-hsp-lists="base"] [data-list="manual"] li').first.inner_text()
    assert "对照实施方案附件2 四、（一）核对" in listed and "新标签页" not in listed


@pytest.mark.browser
def test_one_alternative_met_leaves_the_others_out_of_the_summary(
    page: Any, site_url: str, criteria: list[dict[str, str]]
) -> None:
    page.goto(site_url + "apply/self-check/")
    page.locator("form[data-hsp-mounted]").wait_for()
    page.check("#sc-prog-studio")
    page.check("#sc-route-studio-host-enterprise")
    passing_answers(page, "studio", criteria)
    page.locator('input[name="has_innovation_record"][value="no"]').check()  # 中华技能大奖 alone is enough
    page.locator('input[name="has_unique_craft"][value="no"]').check()
    assert page.locator('[data-overall="studio-condition"]').inner_text() == "满足（3 项需人工确认）"
    assert "不满足 0 项" in page.locator('[data-counts="studio-condition"]').inner_text()
    assert page.locator('[data-hsp-lists="studio"] [data-list="not_met"]').inner_text() == ""
    assert page.locator('[data-reason-for="studio-c-master-craft"]').inner_text().endswith("本项不影响结论")
    page.emulate_media(media="print")
    assert "满足 6 项，不满足 0 项，需人工确认 3 项" in page.locator(".hsp-sc-print").inner_text()


@pytest.mark.browser
def test_printout_names_the_route_of_each_route_row(page: Any, site_url: str, criteria: list[dict[str, str]]) -> None:
    page.goto(site_url + "apply/self-check/")
    page.locator("form[data-hsp-mounted]").wait_for()
    page.check("#sc-prog-studio")  # no route chosen yet: both routes are printed, each row tagged
    page.emulate_media(media="print")
    rows = [r.split("\t")[0] for r in page.locator(".hsp-sc-print tbody tr").all_inner_texts()]
    assert "依托方式：未选择" in page.locator(".hsp-sc-print").inner_text()
    assert "［方式一］有符合条件的技能大师" in rows and "［方式二］有符合条件的技能大师" in rows
    tagged = [r for r in rows if r.startswith(("［方式一］", "［方式二］"))]
    assert len(tagged) == sum(1 for r in criteria if r["group"].startswith("studio-host-"))
    page.emulate_media(media="screen")
    page.check("#sc-route-studio-host-public-base")
    page.emulate_media(media="print")
    printed = page.locator(".hsp-sc-print").inner_text()
    assert (
        "依托方式：方式二（依托城市公共职业技能实训基地建立技能大师工作室）" in printed and "：方式二：" not in printed
    )
    rows = [r.split("\t")[0] for r in page.locator(".hsp-sc-print tbody tr").all_inner_texts()]
    assert not any(r.startswith("［方式一］") for r in rows)
    assert sum(1 for r in rows if r.startswith("［方式二］")) == sum(
        1 for r in criteria if r["group"] == "studio-host-public-base"
    )


def pdf_pages(pdf: bytes) -> int:
    import pypdfium2  # type: ignore[import-untyped]

    return len(pypdfium2.PdfDocument(pdf))


@pytest.mark.browser
@pytest.mark.parametrize("programme", ("base", "studio"))
def test_self_check_prints_a_one_page_summary(
    page: Any, site_url: str, criteria: list[dict[str, str]], programme: str
) -> None:
    import datetime as dt

    page.goto(site_url + "apply/self-check/")
    page.locator("form[data-hsp-mounted]").wait_for()
    page.check(f"#sc-prog-{programme}")
    if programme == "studio":
        page.check("#sc-route-studio-host-enterprise")
    passing_answers(page, programme, criteria)
    wrong = {"base": ("featured_specialities", "6"), "studio": ("young_backbones_per_year", "7")}[programme]
    page.fill(f'input[name="{wrong[0]}"]', wrong[1])
    page.emulate_media(media="print")
    sheet = page.locator(".hsp-sc-print")
    assert sheet.is_visible()
    assert not page.locator(".hsp-sc-programme").first.is_visible() and not page.locator(".md-header").is_visible()
    text = sheet.inner_text()
    assert f"自查日期：{dt.date.today().isoformat()}" in text
    assert "人社部发〔2011〕109号" in text and "2011—2020年" in text and "已到期" in text
    assert "。）" not in text and "。。" not in text, text  # the status and its basis read as one sentence
    assert "申报条件：" in text and "需人工确认的" in text
    rows = sheet.locator("tbody tr").all_inner_texts()
    shown = [
        r
        for r in criteria
        if r["programme"] == programme
        and r["kind"] in ("condition", "output")
        and r["group"] != "studio-host-public-base"
    ]
    assert len(rows) == len(shown)
    assert any("不满足：" in r for r in rows)
    assert pdf_pages(page.pdf(format="A4")) == 1
    page.emulate_media(media="screen")
    assert not sheet.is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("programme", ("base", "studio"))
def test_printed_checklist_has_no_navigation_and_shows_boxes(page: Any, site_url: str, programme: str) -> None:
    page.goto(site_url + f"apply/{programme}/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary',
        '.md-footer', '.md-search'].map(s => [s, [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none')])""")
    assert hidden == [[s, True] for s, _ in hidden]
    boxes = page.locator("input.hsp-check")
    assert boxes.count() > 0
    assert all(boxes.nth(i).is_visible() for i in range(boxes.count()))
    first = page.locator("a.hsp-clause-link").first
    after = first.evaluate("a => getComputedStyle(a, '::after').content")
    assert first.get_attribute("data-clause") in after and after.startswith('"（#')
    assert page.locator(".hsp-print-only").is_visible()
    basis = page.locator(".hsp-basis")
    assert basis.is_visible() and "人社部发〔2011〕109号" in basis.inner_text() and "已到期" in basis.inner_text()
    content = page.locator(".md-content").bounding_box()
    assert content is not None and content["width"] >= page.viewport_size["width"] * 0.9, "one column, full width"
    page.emulate_media(media="screen")
    assert not page.locator(".hsp-print-only").is_visible()


def test_every_applicant_page_names_its_rules_their_period_and_status(built_site: Path) -> None:
    from generator.render.pages.rule_basis import period_from_text

    plan = next(r for r in read_csv(POLICIES / "policies.csv") if r["id"] == "plan-2011")
    doc = parse_policy((POLICIES / "texts" / "plan-2011.txt").read_text(encoding="utf-8"))
    start, end, quote, _, anchor = period_from_text(doc)
    assert (start, end, anchor) == ("2011", "2020", "s2") and "到2020年底，完成总体目标任务" in quote
    for url in ("apply/", "apply/base/", "apply/studio/", "apply/technician/", "apply/self-check/"):
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        banner = re.search(r'<div class="admonition warning hsp-basis">(.*?)</div>', html, re.S)
        assert banner, f"{url}: no rule banner"
        text = strip_tags(banner.group(1))
        assert f"《{plan['title']}》（{plan['doc_number']}）" in text, url
        assert "实施期 2011—2020年" in text and "状态 已到期" in text and "来源未写明效力" in text, url
        assert "当年发布的申报通知" in text, url
        assert 'href="' in banner.group(1) and "plan-2011/#s2" in banner.group(1), url
    assert not plan["validity"], (
        "the status is derived only while the row states no validity; revisit the banner when it does"
    )


def test_home_sends_applicants_to_the_apply_pages(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="hsp-entry" href="apply/"><strong>看条件</strong>', home)
    assert 'href="apply/progress/"' in home
    index = strip_tags((built_site / "apply" / "index.html").read_text(encoding="utf-8"))
    for name in (
        "培训基地：申报条件清单",
        "技能大师工作室：申报条件清单",
        "技师培训：目标任务",
        "在线自查",
        "目标与进展",
    ):
        assert name in index


APPLICANT_PAGES = (
    "apply/",
    "apply/base/",
    "apply/studio/",
    "apply/technician/",
    "apply/self-check/",
    "apply/progress/",
    "policies/",
)


@pytest.mark.browser
@pytest.mark.parametrize("url", APPLICANT_PAGES)
def test_applicant_pages_pass_axe_and_fit_a_phone(page: Any, site_url: str, url: str) -> None:
    from test_a11y import axe_violations

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert axe_violations(page) == []
