"""A code written as its Chinese name, in a CSV edited by hand: 湖北 in 省级行政区代码, 市级 in 级别,
已批准 in 状态. The schema rejects the cell (constraint, enum or foreign-key error); this names the
code to write instead, as the import would have written it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from generator.model.problems import Problem
from generator.validate.checks.tables import Table

CELL_ERRORS = {"constraint-error", "enum-error", "foreign-key", "type-error"}


def names_of_codes(descriptor: dict[str, Any], tables: dict[str, Table]) -> dict[str, dict[str, str]]:
    """Field → (Chinese name → code): provinces from their code list, enums from their labels."""
    out: dict[str, dict[str, str]] = {}
    provinces = tables.get("provinces")
    if provinces is not None:
        out["province_code"] = {
            name: row["code"] for _, row in provinces.rows for name in (row.get("name"), row.get("full_name")) if name
        }
    for resource in descriptor.get("resources", []):
        for f in (resource.get("schema") or {}).get("fields", []):
            labels = f.get("enumLabels") or {}
            if labels:
                out.setdefault(f["name"], {}).update({str(label): str(code) for code, label in labels.items()})
    return out


def name_the_code(problems: Iterable[Problem], names: dict[str, dict[str, str]]) -> list[Problem]:
    out = []
    for p in problems:
        code = names.get(p.field or "", {}).get((p.actual or "").strip()) if p.code in CELL_ERRORS else None
        if code:
            p = replace(
                p,
                hint=f"「{p.actual}」是名称，这一列要写代码：请改为 {code}（用导入命令录入时会自动改写）。",
            )
        out.append(p)
    return out
