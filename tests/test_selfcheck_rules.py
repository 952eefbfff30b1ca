"""The self-check rule engine in real Chromium, fed the real rows of datasets/policies/criteria.csv."""
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


@pytest.mark.parametrize(("share", "expected"), [(45, "met"), ("45", "met"), (44.9, "not_met"), ("44.9", "not_met"), (100, "met")])
def test_senior_teacher_share_45_percent(engine: Any, criteria: list[dict[str, str]], share: Any, expected: str) -> None:
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


def test_missing_input_is_unknown(engine: Any, criteria: list[dict[str, str]]) -> None:
    result = run(engine, criteria, {})
    ratio = result["criteria"]["base-c-ratio"]
    assert (ratio["verdict"], ratio["reason"], ratio["clause"]) == ("unknown", "missing", "a2-s4-3")
    assert verdict(engine, criteria, {"annual_trainees": "abc"}, "base-c-trainees") == "unknown"
    manual = result["criteria"]["base-c-management-capacity"]
    assert (manual["verdict"], manual["reason"]) == ("unknown", "manual")
    assert result["groups"]["base-teachers"]["verdict"] == "unknown"


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
    assert run(engine, criteria, partly)["groups"]["studio-master-any"]["verdict"] == "unknown"


def test_all_group_needs_every_row(engine: Any, criteria: list[dict[str, str]]) -> None:
    good = {"has_stable_teachers": True, "teacher_student_ratio": "1:18", "senior_teacher_share": 50}
    assert run(engine, criteria, good)["groups"]["base-teachers"]["verdict"] == "met"
    bad = {**good, "senior_teacher_share": 44.9}
    assert run(engine, criteria, bad)["groups"]["base-teachers"]["verdict"] == "not_met"


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
        assert ratio.text_content() == "无法判断"
        assert page.locator('[data-verdict-for="base-c-standards"]').text_content() == "需人工判断"
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
