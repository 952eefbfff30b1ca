"""The self-check rule engine in real Chromium, fed the real rows of datasets/policies/criteria.csv:
boundaries, reasons for every verdict, invalid input, routes, and the summary of a programme."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "docs" / "assets" / "javascripts" / "selfcheck.js"
CRITERIA = REPO / "datasets" / "policies" / "criteria.csv"
BLANK = "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'></head><body></body></html>"


@pytest.fixture(scope="session")
def selfcheck_browser(browser: Any) -> Any:
    """The session's headless Chromium (Playwright's sync API cannot run two in one process)."""
    return browser


@pytest.fixture(scope="module")
def criteria() -> list[dict[str, str]]:
    with CRITERIA.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def engine(selfcheck_browser: Any) -> Iterator[Any]:
    """A blank page with only selfcheck.js loaded."""
    context = selfcheck_browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_content(BLANK)
    page.add_script_tag(path=str(SCRIPT))
    yield page
    context.close()


def run(engine: Any, criteria: list[dict[str, str]], inputs: dict[str, Any]) -> dict[str, Any]:
    result = engine.evaluate("([c, i]) => HSPSelfCheck.evaluate(c, i)", [criteria, inputs])
    return {
        "criteria": {r["id"]: r for r in result["criteria"]},
        "groups": {g["group"]: g for g in result["groups"]},
    }


def verdict(engine: Any, criteria: list[dict[str, str]], inputs: dict[str, Any], row_id: str) -> str:
    return str(run(engine, criteria, inputs)["criteria"][row_id]["verdict"])


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        ("1:16", "met"),
        ("1:20", "met"),
        ("1:18", "met"),
        ("1:21", "not_met"),
        ("1:15", "not_met"),
        ({"numerator": 5, "denominator": 80}, "met"),
        ({"numerator": 5, "denominator": 101}, "not_met"),
        (1 / 16, "met"),
        (1 / 20, "met"),
        (1 / 21, "not_met"),
    ],
)
def test_teacher_student_ratio_bounds(engine: Any, criteria: list[dict[str, str]], ratio: Any, expected: str) -> None:
    assert verdict(engine, criteria, {"teacher_student_ratio": ratio}, "base-c-ratio") == expected


@pytest.mark.parametrize(
    ("share", "expected"), [(45, "met"), ("45", "met"), (44.9, "not_met"), ("44.9", "not_met"), (100, "met")]
)
def test_senior_teacher_share_45_percent(
    engine: Any, criteria: list[dict[str, str]], share: Any, expected: str
) -> None:
    assert verdict(engine, criteria, {"senior_teacher_share": share}, "base-c-senior-teachers") == expected


@pytest.mark.parametrize(
    ("trainees", "share", "expected"),
    [
        (3000, 20, ("met", "met")),
        (2999, 20, ("not_met", "met")),
        (3000, 19.9, ("met", "not_met")),
        (5000, "20.0", ("met", "met")),
    ],
)
def test_trainees_and_advanced_share(
    engine: Any, criteria: list[dict[str, str]], trainees: Any, share: Any, expected: tuple[str, str]
) -> None:
    result = run(engine, criteria, {"annual_trainees": trainees, "advanced_share": share})["criteria"]
    assert (result["base-c-trainees"]["verdict"], result["base-c-advanced-share"]["verdict"]) == expected


@pytest.mark.parametrize(("partners", "expected"), [(5, "met"), (4, "not_met"), (12, "met")])
def test_partner_enterprises(engine: Any, criteria: list[dict[str, str]], partners: int, expected: str) -> None:
    assert verdict(engine, criteria, {"partner_enterprises": partners}, "base-c-partners") == expected


def test_missing_input_is_missing_and_rows_without_a_figure_need_a_person(
    engine: Any, criteria: list[dict[str, str]]
) -> None:
    result = run(engine, criteria, {})
    ratio = result["criteria"]["base-c-ratio"]
    assert (ratio["verdict"], ratio["clause"]) == ("missing", "a2-s4-3")
    manual = result["criteria"]["base-c-management-capacity"]
    assert manual["verdict"] == "manual"
    assert result["groups"]["base-teachers"]["verdict"] == "missing"
    assert result["groups"]["base-teachers"]["text"] == "未填完（3 项未填写）"


def test_studio_master_any_group(engine: Any, criteria: list[dict[str, str]]) -> None:
    keys = ("has_top_award", "has_innovation_record", "has_unique_craft")
    rule = run(engine, criteria, {})["groups"]["studio-master-any"]["rule"]
    assert rule == "any"
    only_second = dict(zip(keys, (False, True, False)))
    assert run(engine, criteria, only_second)["groups"]["studio-master-any"]["verdict"] == "met"
    one_true_rest_missing = {"has_unique_craft": True}
    assert run(engine, criteria, one_true_rest_missing)["groups"]["studio-master-any"]["verdict"] == "met"
    none = dict(zip(keys, (False, False, False)))
    assert run(engine, criteria, none)["groups"]["studio-master-any"]["verdict"] == "not_met"
    partly = {"has_top_award": False}
    assert run(engine, criteria, partly)["groups"]["studio-master-any"]["verdict"] == "missing"


def test_all_group_needs_every_row(engine: Any, criteria: list[dict[str, str]]) -> None:
    good = {"has_stable_teachers": True, "teacher_student_ratio": "1:18", "senior_teacher_share": 50}
    assert run(engine, criteria, good)["groups"]["base-teachers"]["verdict"] == "met"
    bad = {**good, "senior_teacher_share": 44.9}
    assert run(engine, criteria, bad)["groups"]["base-teachers"]["verdict"] == "not_met"


# Every 不满足 says why, with the value entered and the rule in words.
@pytest.mark.parametrize(
    ("inputs", "row", "reason"),
    [
        (
            {"teacher_student_ratio": {"numerator": "100", "denominator": "1500"}},
            "base-c-ratio",
            "师生比 1:15，方案要求在 1:16 至 1:20 之间",
        ),
        (
            {"teacher_student_ratio": {"numerator": "10", "denominator": "215"}},
            "base-c-ratio",
            "师生比 1:21.5，方案要求在 1:16 至 1:20 之间",
        ),
        (
            {"featured_specialities": "6"},
            "base-c-featured",
            "配有相匹配实训装备的特色专业（职业）数 6 个，方案要求为 3—5 个",
        ),
        ({"annual_trainees": "2999"}, "base-c-trainees", "年培训规模 2999 人，方案要求不少于 3000 人"),
        (
            {"advanced_share": "19.99"},
            "base-c-advanced-share",
            "高级工以上培训占年培训规模的比例 19.99%，方案要求不低于 20%",
        ),
        ({"partner_enterprises": "4"}, "base-c-partners", "建立稳定合作关系的大、中型企业数 4 家，方案要求不少于 5 家"),
        ({"has_internship_base": "no"}, "base-c-internship", "回答为“否”；方案要求：与合作企业共建了学生实习基地"),
    ],
)
def test_not_met_says_why(
    engine: Any, criteria: list[dict[str, str]], inputs: dict[str, Any], row: str, reason: str
) -> None:
    result = run(engine, criteria, inputs)["criteria"][row]
    assert (result["verdict"], result["reason"]) == ("not_met", reason)


def test_met_says_what_was_entered(engine: Any, criteria: list[dict[str, str]]) -> None:
    result = run(engine, criteria, {"teacher_student_ratio": {"numerator": "100", "denominator": "1600"}})["criteria"][
        "base-c-ratio"
    ]
    assert (result["verdict"], result["reason"]) == ("met", "师生比 1:16，达到方案要求（在 1:16 至 1:20 之间）")
    assert result["answer"] == "专兼职教师 100 人，在训学员 1600 人（1:16）"


@pytest.mark.parametrize(
    ("inputs", "row", "why"),
    [
        ({"annual_trainees": "-5"}, "base-c-trainees", "不能是负数"),
        ({"annual_trainees": "abc"}, "base-c-trainees", "“abc”不是数字"),
        ({"annual_trainees": "3000.5"}, "base-c-trainees", "应为整数"),
        ({"advanced_share": "120"}, "base-c-advanced-share", "百分比不能超过 100"),
        ({"senior_teacher_share": "100.1"}, "base-c-senior-teachers", "百分比不能超过 100"),
        ({"teacher_student_ratio": {"numerator": "0", "denominator": "16"}}, "base-c-ratio", "专兼职教师数为 0"),
        ({"teacher_student_ratio": {"numerator": "-1", "denominator": "16"}}, "base-c-ratio", "专兼职教师数不能是负数"),
        ({"has_internship_base": "maybe"}, "base-c-internship", "无法识别"),
    ],
)
def test_invalid_input_is_named_as_such(
    engine: Any, criteria: list[dict[str, str]], inputs: dict[str, Any], row: str, why: str
) -> None:
    found = run(engine, criteria, inputs)
    result = found["criteria"][row]
    assert result["verdict"] == "invalid"
    assert why in result["reason"]
    group = found["groups"][result["group"]]  # its group says how many entries are invalid, as 不满足 does
    assert group["verdict"] == "invalid" and group["text"] == "输入无效（1 项）"


def test_full_width_digits_and_thousands_separators_are_read(engine: Any, criteria: list[dict[str, str]]) -> None:
    assert verdict(engine, criteria, {"annual_trainees": "３０００"}, "base-c-trainees") == "met"
    assert verdict(engine, criteria, {"annual_trainees": "3,000"}, "base-c-trainees") == "met"
    assert verdict(engine, criteria, {"annual_trainees": "2,999"}, "base-c-trainees") == "not_met"


def test_only_the_teacher_count_is_not_enough_for_a_ratio(engine: Any, criteria: list[dict[str, str]]) -> None:
    result = run(engine, criteria, {"teacher_student_ratio": {"numerator": "100"}})["criteria"]["base-c-ratio"]
    assert (result["verdict"], result["reason"]) == ("missing", "请同时填写专兼职教师数和在训学员数")


def passing(criteria: list[dict[str, str]], programme: str) -> dict[str, Any]:
    """Answers that meet every quantified rule of a programme, derived from the rows themselves."""
    inputs: dict[str, Any] = {}
    for row in criteria:
        if row["programme"] != programme or not row["metric"]:
            continue
        key = row["metric"] + ("--" + row["group"] if row["group"].startswith("studio-host-") else "")
        if row["operator"] == "is_true":
            inputs[key] = "yes"
        elif row["unit"] == "ratio":
            inputs[key] = {"numerator": "1", "denominator": "18"}
        else:
            inputs[key] = row["value_max"] or row["value"]
    return inputs


def test_every_answer_passing_says_met_with_the_rows_to_confirm(engine: Any, criteria: list[dict[str, str]]) -> None:
    result = run(engine, criteria, passing(criteria, "base"))
    manual = [r["id"] for r in criteria if r["programme"] == "base" and r["kind"] == "condition" and not r["metric"]]
    summary = engine.evaluate(
        "([c, i]) => HSPSelfCheck.evaluate(c, i).summaries['base-condition']", [criteria, passing(criteria, "base")]
    )
    assert summary["verdict"] == "met"
    assert summary["text"] == f"满足（{len(manual)} 项需人工确认）"
    assert summary["manual"] == manual and summary["notMet"] == [] and summary["invalid"] == []
    judged = sum(1 for r in criteria if r["programme"] == "base" and r["kind"] == "condition" and r["metric"])
    assert summary["counts"] == {"met": judged, "not_met": 0, "manual": len(manual), "missing": 0, "invalid": 0}
    groups = result["groups"]
    assert groups["base-management"]["text"] == "满足（1 项需人工确认）"
    assert groups["base-capacity"]["text"] == "满足（1 项需人工确认）"
    assert groups["base-teachers"]["text"] == "满足"


ROUTES = [{"groups": ["studio-host-enterprise", "studio-host-public-base"], "chosen": ""}]


def studio(engine: Any, criteria: list[dict[str, str]], inputs: dict[str, Any], chosen: str) -> dict[str, Any]:
    routes = [{**ROUTES[0], "chosen": chosen}]
    return engine.evaluate("([c, i, r]) => HSPSelfCheck.evaluate(c, i, r)", [criteria, inputs, routes])  # type: ignore[no-any-return]


def test_studio_route_not_chosen_is_excluded_from_the_verdict(engine: Any, criteria: list[dict[str, str]]) -> None:
    inputs = passing(criteria, "studio")
    inputs["edu_funds_high_skill_share--studio-host-enterprise"] = "10"  # the route the reader does not use fails
    public = studio(engine, criteria, inputs, "studio-host-public-base")
    rows = {r["id"]: r for r in public["criteria"]}
    groups = {g["group"]: g for g in public["groups"]}
    assert rows["studio-c-ent-edu-funds"]["verdict"] == "excluded"
    assert groups["studio-host-enterprise"]["text"] == "不适用（未选此依托方式）"
    assert groups["studio-host-public-base"]["verdict"] == "met"
    assert (
        public["summaries"]["studio-condition"]["text"] == "满足（2 项需人工确认）"
    )  # 技能大师的条件: 2 rows without a figure
    enterprise = studio(engine, criteria, inputs, "studio-host-enterprise")
    assert enterprise["summaries"]["studio-condition"]["verdict"] == "not_met"
    assert enterprise["summaries"]["studio-condition"]["notMet"] == ["studio-c-ent-edu-funds"]
    unchosen = studio(engine, criteria, inputs, "")
    assert unchosen["summaries"]["studio-condition"]["verdict"] == "missing"
    assert "未选择依托方式" in unchosen["summaries"]["studio-condition"]["text"]


def test_each_route_reads_its_own_answers(engine: Any, criteria: list[dict[str, str]]) -> None:
    inputs = {
        "has_qualified_master--studio-host-enterprise": "no",
        "has_qualified_master--studio-host-public-base": "yes",
    }
    rows = {r["id"]: r["verdict"] for r in studio(engine, criteria, inputs, "")["criteria"]}
    assert (rows["studio-c-ent-master"], rows["studio-c-pub-master"]) == ("not_met", "met")


def test_results_cover_judged_rows_only(engine: Any, criteria: list[dict[str, str]]) -> None:
    result = run(engine, criteria, {})
    judged = {row["id"]: row["clause"] for row in criteria if row["kind"] in ("condition", "output")}
    assert {i: r["clause"] for i, r in result["criteria"].items()} == judged
    assert "base-subsidy" not in result["groups"] and "technician-targets" not in result["groups"]


def test_mount_writes_verdicts(selfcheck_browser: Any, criteria: list[dict[str, str]]) -> None:
    judged = [row for row in criteria if row["kind"] in ("condition", "output")]
    body = (
        f'<script type="application/json" id="hsp-criteria">{json.dumps(judged, ensure_ascii=False)}</script>'
        '<form id="f"><input name="teachers"><input name="students">'
        '<input name="senior_teacher_share"><input type="checkbox" name="has_unique_craft"></form>'
        '<span data-verdict-for="base-c-ratio"></span><span data-verdict-for="base-c-senior-teachers"></span>'
        '<span data-verdict-for="base-c-standards"></span><span data-group-verdict="studio-master-any"></span>'
    )
    context = selfcheck_browser.new_context(locale="zh-CN")
    try:
        page = context.new_page()
        page.set_content(BLANK.replace("<body></body>", f"<body>{body}</body>"))
        page.add_script_tag(path=str(SCRIPT))
        page.evaluate("HSPSelfCheck.mount(document.getElementById('f'))")
        ratio = page.locator('[data-verdict-for="base-c-ratio"]')
        assert ratio.text_content() == "未填写"
        assert page.locator('[data-verdict-for="base-c-standards"]').text_content() == "需人工确认"
        page.fill("input[name=teachers]", "1")
        page.fill("input[name=students]", "16")
        assert ratio.text_content() == "满足"
        page.fill("input[name=students]", "21")
        assert ratio.text_content() == "不满足"
        assert ratio.get_attribute("data-verdict") == "not_met"
        page.fill("input[name=senior_teacher_share]", "44.9")
        assert page.locator('[data-verdict-for="base-c-senior-teachers"]').text_content() == "不满足"
        page.check("input[name=has_unique_craft]")
        assert page.locator('[data-group-verdict="studio-master-any"]').text_content() == "满足"
    finally:
        context.close()


@pytest.mark.parametrize(
    ("typed", "shown", "expected"),
    [
        ("+5000", "5000", "met"),
        ("00003000", "3000", "met"),
        ("3000.0", "3000", "met"),
        ("3000.", "3000", "met"),
        ("-0", "0", "not_met"),
        ("１２", "12", "not_met"),
    ],
)
def test_a_figure_is_said_back_as_a_reader_writes_it(
    engine: Any, criteria: list[dict[str, str]], typed: str, shown: str, expected: str
) -> None:
    result = run(engine, criteria, {"annual_trainees": typed})["criteria"]["base-c-trainees"]
    assert result["verdict"] == expected
    assert result["reason"].startswith(f"年培训规模 {shown} 人，")
    assert result["answer"] == f"{shown} 人"


@pytest.mark.parametrize(
    ("inputs", "row", "reason"),
    [
        ({"annual_trainees": "1e5"}, "base-c-trainees", "“1e5”是科学计数法，请直接填写数字（如 100000）"),
        ({"advanced_share": "2.5E1"}, "base-c-advanced-share", "“2.5E1”是科学计数法，请直接填写数字（如 25）"),
        (
            {"teacher_student_ratio": {"numerator": "1e1", "denominator": "160"}},
            "base-c-ratio",
            "专兼职教师数“1e1”是科学计数法，请直接填写数字（如 10）",
        ),
    ],
)
def test_scientific_notation_is_invalid_and_says_the_plain_figure(
    engine: Any, criteria: list[dict[str, str]], inputs: dict[str, Any], row: str, reason: str
) -> None:
    result = run(engine, criteria, inputs)["criteria"][row]
    assert (result["verdict"], result["reason"]) == ("invalid", reason)


def test_before_a_route_is_chosen_neither_route_is_counted_or_listed(
    engine: Any, criteria: list[dict[str, str]]
) -> None:
    inputs = passing(criteria, "studio")
    inputs["edu_funds_high_skill_share--studio-host-enterprise"] = "10"
    summary = studio(engine, criteria, inputs, "")["summaries"]["studio-condition"]
    route_rows = {r["id"] for r in criteria if r["group"].startswith("studio-host-")}
    listed = set(summary["notMet"] + summary["manual"] + summary["invalid"] + summary["missing"])
    assert listed.isdisjoint(route_rows)
    master = [r for r in criteria if r["group"] in ("studio-master", "studio-master-any")]
    assert summary["counts"] == {
        "met": sum(1 for r in master if r["metric"]),
        "not_met": 0,
        "manual": sum(1 for r in master if not r["metric"]),
        "missing": 0,
        "invalid": 0,
    }
    assert summary["text"] == "未选择依托方式"


def test_alternatives_not_needed_are_neither_counted_nor_listed_as_not_met(
    engine: Any, criteria: list[dict[str, str]]
) -> None:
    inputs = passing(criteria, "studio")
    inputs.update({"has_top_award": "yes", "has_innovation_record": "no", "has_unique_craft": ""})
    result = studio(engine, criteria, inputs, "studio-host-enterprise")
    summary = result["summaries"]["studio-condition"]
    assert summary["text"] == "满足（3 项需人工确认）"
    assert (summary["counts"]["not_met"], summary["counts"]["missing"], summary["notMet"], summary["missing"]) == (
        0,
        0,
        [],
        [],
    )
    rows = {r["id"]: r for r in result["criteria"]}
    assert rows["studio-c-master-innovation"]["verdict"] == "not_met"  # still shown as answered
    assert rows["studio-c-master-innovation"]["reason"].endswith("已有一项满足，本项不影响结论")
    assert rows["studio-c-master-craft"]["reason"] == "未回答；本组满足其中一项即可，已有一项满足，本项不影响结论"
    inputs["has_top_award"] = "no"  # none met: every alternative counts again
    summary = studio(engine, criteria, inputs, "studio-host-enterprise")["summaries"]["studio-condition"]
    assert summary["verdict"] == "missing" and summary["missing"] == ["studio-c-master-craft"]
    assert summary["notMet"] == ["studio-c-master-award", "studio-c-master-innovation"]
