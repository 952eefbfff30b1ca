"""Cells that hold the wrong kind of thing, seen before anything is normalised: an Excel error value
(``#N/A``, ``#REF!``), a boolean where text is expected (``TRUE`` in 城市), a number where a name is
expected (``12345`` as 领办人). Each is an error with a fix; none is stored as text."""

from __future__ import annotations

import re
import unicodedata

from generator.intake.fields import TableSpec
from generator.intake.read import EXCEL_ERRORS
from generator.model.problems import Problem

NAME_FIELDS = {"name", "name_as_printed", "master_name", "host_organization", "city", "title", "issuing_body"}
NUMBER = re.compile(r"^[+-]?[\d.,\s]+$")
BOOLEANS = {"true", "false"}


def cell_problem(spec: TableSpec, shown: str, row: int, name: str, text: str, kind: str) -> Problem | None:
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return None
    title = spec.title(name)
    if kind == "error" or value.upper() in EXCEL_ERRORS:
        return Problem(
            shown,
            row,
            "import-excel-error",
            "单元格是 Excel 的错误值，不是数据",
            field=title,
            actual=text,
            hint="通常是公式或引用出错（如查找不到、引用的单元格被删除）：请对照原公告填入正确的文字。",
        )
    plain_text = spec.field(name).get("type", "string") == "string" and not spec.enum(name)
    if plain_text and (kind == "bool" or value.lower() in BOOLEANS):
        return Problem(
            shown,
            row,
            "import-boolean",
            "单元格是逻辑值（TRUE/FALSE），这里应填文字",
            field=title,
            actual=text,
            hint="可能是整列粘贴错位，或 Excel 把输入识别成了逻辑值：请填入原公告中的文字。",
        )
    if name in NAME_FIELDS and (kind == "number" or NUMBER.match(value)):
        return Problem(
            shown,
            row,
            "import-number-as-name",
            "这里应是名称或姓名，却是一个数字",
            field=title,
            actual=text,
            hint="可能把序号、编号或数量填进了这一列（列错位）：请核对这一行各列。",
        )
    return None
