"""``python -m generator template``: the Excel intake template is generated from the Table Schema, and a
template filled in with openpyxl imports cleanly."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import CASES, REPO

from generator.cli import main
from generator.intake.fields import TARGETS
from generator.validate import validate


def load(path: Path) -> openpyxl.Workbook:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(path)


@pytest.fixture
def datasets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copytree(CASES / "good", tmp_path / "datasets"))


def make(table: str, datasets: Path) -> Path:
    out = datasets.parent / f"{table}.xlsx"
    result = CliRunner().invoke(main, ["template", table, "--out", str(out), "--datasets", str(datasets)])
    assert result.exit_code == 0, result.output
    assert f"已生成模板：{out}" in result.output
    return out


@pytest.mark.parametrize("table", list(TARGETS))
def test_template_follows_the_schema(table: str, datasets: Path) -> None:
    schema = json.loads((REPO / "schemas" / f"{table}.schema.json").read_text(encoding="utf-8"))
    wb = load(make(table, datasets))
    sheet = TARGETS[table][0]
    assert wb.sheetnames == ["说明", sheet, "代码表"]
    assert wb["代码表"].sheet_state == "hidden"
    assert wb.active.title == sheet
    ws = wb[sheet]
    fields = schema["fields"]
    assert [c.value for c in ws[1]] == [f["title"] for f in fields]
    for cell, spec in zip(ws[1], fields, strict=True):
        assert cell.comment is not None and spec["description"] in cell.comment.text, spec["name"]
        letter = cell.column_letter
        text_column = spec["type"] in {"string", "date"}
        assert (ws.column_dimensions[letter].number_format == "@") == text_column, spec["name"]
    lists = {str(v.sqref).split(":")[0][:-1]: v for v in ws.data_validations.dataValidation if v.type == "list"}
    listed = {f["name"] for f in fields if "enum" in f.get("constraints", {})} | {"province_code"}
    if table != "announcements":
        listed.add("announcement_id")
    letters = {f["name"]: ws.cell(row=1, column=i).column_letter for i, f in enumerate(fields, start=1)}
    assert set(lists) == {letters[name] for name in listed}
    options = {col[0].value: [c.value for c in col[1:] if c.value] for col in wb["代码表"].iter_cols()}
    for name in listed:
        source = lists[letters[name]].formula1
        assert source.startswith("'代码表'!$"), source
    assert "420000 湖北" in options["省级行政区代码"]
    if table == "studios":
        assert options["级别"] == [
            "national 国家级",
            "provincial 省级",
            "municipal 市级",
            "district 区级",
            "county 县级",
        ]
        assert [o.split()[0] for o in options["公告标识"]] == sorted(
            ["gx-2020-national", "wuhan-2023", "nat-2019-chongqing"]
        )
        assert options["名称来源"][0] == "printed 原文印有此名称"
    guide = "\n".join(str(c.value) for row in wb["说明"].iter_rows() for c in row if c.value)
    assert f"python -m generator import 文件名.xlsx --into {table}" in guide
    assert all(f["name"] in guide for f in fields)
    if TARGETS[table][1]:
        assert "请留空" in ws["A1"].comment.text and "留空" in guide


def test_filled_template_imports(datasets: Path) -> None:
    path = make("studios", datasets)
    wb = load(path)
    ws = wb["技能大师工作室"]
    header = [c.value for c in ws[1]]
    values = {
        "名称": "周八技能大师工作室",
        "原文名称": "周八技能大师工作室",
        "名称来源": "printed 原文印有此名称",
        "领办人": "周八",
        "省级行政区代码": "420000 湖北",
        "城市": "武汉",
        "级别": "municipal 市级",
        "年度": 2023,
        "公告标识": "wuhan-2023 2023年武汉市技能大师工作室名单",
        "来源网址": "https://example.gov.cn/a.html",
        "证据等级": "official 政府官方网页",
        "证据说明": "官方名单",
        "状态": "approved 已批准",
        "职业（工种）": "焊工",
    }
    for title, value in values.items():
        ws.cell(row=2, column=header.index(title) + 1, value=value)
    wb.save(path)
    result = CliRunner().invoke(main, ["import", str(path), "--into", "studios", "--datasets", str(datasets)])
    assert result.exit_code == 0, result.output
    assert "规范化" not in result.output, "choosing from a drop-down is not a change"
    assert "  S000092  周八技能大师工作室" in result.output
    last = (datasets / "register" / "studios.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last == (
        "S000092,周八技能大师工作室,周八技能大师工作室,printed,周八,,,420000,武汉,municipal,2023,wuhan-2023,"
        "https://example.gov.cn/a.html,official,官方名单,approved,,,,,,焊工,"
    )
    assert validate(datasets) == []


@pytest.mark.parametrize(
    "args",
    [
        ("template", "workshops", "--out", "x.xlsx"),
        ("template", "studios", "--out", "no-such-folder/x.xlsx"),
        ("template", "studios", "--out", "x.csv"),
        ("template", "studios"),
    ],
)
def test_template_usage_errors_exit_2(datasets: Path, args: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 2, result.output
    assert not (datasets.parent / "x.xlsx").exists()


def test_site_publishes_the_templates(built_site: Path) -> None:
    for table, (sheet, _) in TARGETS.items():
        wb = load(built_site / "data" / "templates" / f"{table}.xlsx")
        assert sheet in wb.sheetnames
    page = (built_site / "data" / "intake" / "index.html").read_text(encoding="utf-8")
    for table in TARGETS:
        assert f'href="../templates/{table}.xlsx"' in page
    # How a status change goes in, and how a field is emptied: the same words the update command reads.
    section = page[page.index('id="update"') : page.index('id="published"')]
    assert "--into studios --update --dry-run" in section and "“（清空）”" in section


def test_template_does_not_overwrite_a_filled_workbook_without_force(datasets: Path) -> None:
    out = make("studios", datasets)
    filled = load(out)
    filled["技能大师工作室"]["A2"] = "周八技能大师工作室"
    filled.save(out)
    before = out.read_bytes()
    result = CliRunner().invoke(main, ["template", "studios", "--out", str(out), "--datasets", str(datasets)])
    assert result.exit_code == 2
    assert "文件已存在" in result.output and "--force" in result.output
    assert out.read_bytes() == before
    result = CliRunner().invoke(
        main, ["template", "studios", "--out", str(out), "--datasets", str(datasets), "--force"]
    )
    assert result.exit_code == 0, result.output
    assert load(out)["技能大师工作室"]["A2"].value is None
