"""The header row must name exactly the schema's fields, in order. Checked before frictionless so a
clerk sees one clear line per wrong column instead of an error on every row."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from generator.model.problems import Problem
from generator.model.schema import field_names
from generator.validate.checks.tables import Table


def check_header(table: Table, schema: dict[str, Any]) -> Iterator[Problem]:
    expected = field_names(schema)
    header = list(table.header)
    if header == expected:
        return
    for name, n in Counter(header).items():
        if n > 1 and name:
            yield Problem(table.shown, 1, "duplicate-label", "表头列名重复", field=name, hint="请删除或改名重复的列。")
    if any(not h.strip() for h in header):
        yield Problem(table.shown, 1, "blank-label", "表头有空白列名", hint="请删除空白列，或补上列名。")
    for name in expected:
        if name not in header:
            yield Problem(
                table.shown,
                1,
                "missing-label",
                "表头缺少列",
                field=name,
                hint="请按数据表结构补上这一列（值可以留空）。",
            )
    for name in header:
        if name.strip() and name not in expected:
            yield Problem(
                table.shown,
                1,
                "extra-label",
                "表头多出未定义的列",
                field=name,
                expected="、".join(expected),
                hint="请删除该列或改正拼写；新增字段须先在 schemas/ 中定义。",
            )
    if sorted(header) == sorted(expected):
        yield Problem(
            table.shown,
            1,
            "label-order",
            "表头列的顺序与数据表结构不一致",
            expected="、".join(expected),
            hint="请按数据表结构调整列的顺序。",
        )
