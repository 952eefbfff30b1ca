"""The one place that touches frictionless: run it and translate its report into Chinese problems.

Frictionless messages are English; none of them reaches the user. Each error type maps to a
Chinese message, and the expectation is described from the Table Schema itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frictionless import FrictionlessException, Package, system

from generator.model.problems import Problem
from generator.model.schema import describe_expected, field_of, type_label

MESSAGES = {
    "type-error": ("类型不符", "请按字段要求填写。"),
    "constraint-error": ("不符合字段约束", "请按字段要求修改。"),
    "unique-error": ("值重复，该字段要求唯一", "每条记录的编号必须唯一，请为新记录另行编号。"),
    "primary-key": ("主键重复：与前面某行的编号相同", "请核对是否重复录入，或为新记录另行编号。"),
    "foreign-key": ("引用的编号不存在", "请先在被引用的表中添加该条目，或改为已有的编号。"),
    "missing-cell": ("本行缺少单元格", "请补齐本行的列数，使其与表头一致。"),
    "extra-cell": ("本行多出单元格", "请删除多余的列，或检查文本中未加引号的英文逗号。"),
    "blank-row": ("空行", "请删除这一空行。"),
    "duplicate-row": ("与前面某行完全相同", "请删除重复行。"),
    "blank-label": ("表头有空白列名", "请删除空白列或补上列名。"),
    "duplicate-label": ("表头列名重复", "请删除或改名重复的列。"),
    "missing-label": ("表头缺少列", "请按数据表结构补上这一列（可以留空值）。"),
    "extra-label": ("表头多出未定义的列", "请删除该列，或先在 schemas/ 中定义该字段。"),
    "incorrect-label": ("表头列名与数据表结构不一致", "请按数据表结构改正列名与顺序。"),
    "encoding-error": ("文件不是 UTF-8 编码", "请另存为“CSV UTF-8”格式。"),
    "format-error": ("文件无法按 CSV 解析", "请确认这是以逗号分隔的 CSV 文件。"),
    "source-error": ("文件内容无法读取", "请确认文件是以逗号分隔的 UTF-8 CSV。"),
    "scheme-error": ("文件无法打开", "请确认文件存在且路径正确。"),
}


def run_frictionless(
    folder: Path, descriptor: dict[str, Any], skip: set[str], shown: dict[str, str]
) -> Iterator[Problem]:
    """Validate one package folder; ``skip`` names resource paths already known to be unreadable."""
    system.trusted = False
    if skip:
        descriptor = {**descriptor, "resources": [r for r in descriptor["resources"] if r.get("path") not in skip]}
        descriptor["resources"] = [_without_dangling_fks(r, descriptor["resources"]) for r in descriptor["resources"]]
    try:
        package = Package(descriptor, basepath=str(folder))
        report = package.validate(limit_errors=100_000)
    except FrictionlessException as exc:  # raised on a descriptor that breaks the standard
        for note in [r.note for r in exc.reasons] or [exc.error.note]:
            yield Problem(
                shown.get("datapackage.json", "datapackage.json"),
                None,
                "package-error",
                "数据包描述文件不符合 Data Package 规范：" + _descriptor_note(note),
                hint="请对照 https://datapackage.org/ 修改 datapackage.json。",
            )
        return
    for task in report.tasks:
        schema: dict[str, Any] = next(
            (r.get("schema", {}) for r in descriptor["resources"] if r.get("path") == task.place), {}
        )
        path = shown.get(task.place, task.place)
        for error in task.errors:
            yield translate(error, path, schema)


def _without_dangling_fks(resource: dict[str, Any], kept: list[dict[str, Any]]) -> dict[str, Any]:
    names = {r["name"] for r in kept}
    schema = resource.get("schema")
    if not isinstance(schema, dict) or "foreignKeys" not in schema:
        return resource
    fks = [fk for fk in schema["foreignKeys"] if fk["reference"].get("resource", "") in names | {""}]
    return {**resource, "schema": {**schema, "foreignKeys": fks}}


def translate(error: Any, path: str, schema: dict[str, Any]) -> Problem:
    code = error.type
    message, hint = MESSAGES.get(code, ("数据不符合要求", "请对照数据表结构修改。"))
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None) or getattr(error, "label", None)
    cell = getattr(error, "cell", None)
    note = getattr(error, "note", "") or ""
    expected = None
    if code in {"type-error", "constraint-error"} and field:
        spec = field_of(schema, field)
        constraint = _constraint(note)
        expected = describe_expected(spec, constraint)
        if constraint == "required":
            code, message, hint = (
                "required-value",
                "必填字段为空",
                "请填写该字段；确实不详时请在备注中说明并联系维护者。",
            )
        elif constraint == "enum":
            code, message, hint = "enum-error", "取值不在代码表中", "请从下拉列表或代码表中选择。"
        elif constraint == "unique":
            code, message, hint = "unique-error", *MESSAGES["unique-error"]
        elif code == "type-error" and spec.get("format") == "uri":
            message, expected = "不是有效的网址", "以 http:// 或 https:// 开头的完整网址"
        elif code == "type-error":
            message = f"不是{type_label(spec)}"
    if code == "foreign-key":
        field, cell, expected = _foreign_key(note, error)
    if code == "primary-key":
        field = ",".join(_as_list(schema.get("primaryKey", [])))
        cells = getattr(error, "cells", [])
        cell = cells[0] if cells else None
        other = re.search(r'position "(\d+)"', note)
        if other:
            message = f"主键重复：与第 {other.group(1)} 行的编号相同"
    if code in {"missing-label", "extra-label", "incorrect-label", "duplicate-label", "blank-label"}:
        row = 1
    if code == "encoding-error":
        row = None
    return Problem(
        path,
        row,
        code,
        message,
        field=field or None,
        actual=None if cell is None else str(cell),
        expected=expected,
        hint=hint,
    )


def _constraint(note: str) -> str:
    match = re.search(r'constraint "(\w+)"', note)
    return match.group(1) if match else "type"


def _foreign_key(note: str, error: Any) -> tuple[str | None, str | None, str | None]:
    match = re.search(r'for "([^"]+)": values "([^"]*)" not found in the lookup table "([^"]*)" as "([^"]+)"', note)
    if not match:
        return None, None, None
    field, value, table, target = match.groups()
    return field, value, f"表「{table or '本表'}」中已有的「{target}」"


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


DESCRIPTOR_NOTES = (
    (r'property "([^"]+)" is not valid "([^"]+)"', "属性「{0}」的格式不对，应为 {1}"),
    (r"'([^']+)' is a required property", "缺少必需的属性「{0}」"),
    (r'"([^"]+)" is a required property', "缺少必需的属性「{0}」"),
    (r'path "([^"]+)" is not safe', "路径「{0}」不安全（不允许绝对路径或 ..）"),
)


def _descriptor_note(note: str) -> str:
    for pattern, template in DESCRIPTOR_NOTES:
        match = re.search(pattern, note)
        if match:
            return template.format(*match.groups())
    return "描述文件的结构有误"
