"""The Excel intake template of a table, generated from its Table Schema.

Three sheets: 说明 (how to fill it in, and every column explained), the data sheet (Chinese headers =
field titles, each with the field's description as a cell comment; drop-down lists for enum and code
list fields; id-like and date columns formatted as text so Excel keeps ``420000`` and ``2023-12`` as
typed) and a hidden 代码表 that holds the drop-down options.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator.archive import stamped
from generator.files import write_atomically
from generator.intake.choices import Choices
from generator.intake.fields import TableSpec
from generator.intake.update import GUIDE_LINES
from generator.model.schema import constraint_texts, type_label

DATA_ROWS = 2000  # rows that carry drop-downs and checks
LISTS_SHEET = "代码表"
GUIDE_SHEET = "说明"
WIDE = {"name", "name_as_printed", "host_organization", "title", "source_url", "evidence", "notes", "issuing_body"}
REQUIRED_FILL = PatternFill("solid", fgColor="FFD9B3")
OPTIONAL_FILL = PatternFill("solid", fgColor="DDEBF7")
ASSIGNED_FILL = PatternFill("solid", fgColor="D9D9D9")
FIXED_DATE = dt.datetime(2026, 1, 1)  # fixed document dates keep the file the same from build to build


def workbook(spec: TableSpec, choices: Choices) -> Workbook:
    wb = Workbook()
    guide = wb.active
    assert guide is not None
    guide.title = GUIDE_SHEET
    data = wb.create_sheet(spec.sheet)
    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    _guide(guide, spec)
    _data(data, lists, spec, choices)
    wb.active = 1
    wb.properties.creator = "国家高技能人才振兴计划公开数据项目"
    wb.properties.title = f"{spec.sheet}录入模板"
    wb.properties.created = wb.properties.modified = FIXED_DATE
    return wb


def template_bytes(spec: TableSpec, choices: Choices) -> bytes:
    """The template as the bytes of an .xlsx file, the same for the same schema and choices."""
    out = io.BytesIO()
    workbook(spec, choices).save(out)
    return stamped(out.getvalue(), FIXED_DATE.date().isoformat())


def write_template(spec: TableSpec, choices: Choices, out: Path) -> None:
    """Write atomically: a temporary file beside ``out``, then one rename."""
    write_atomically(out, template_bytes(spec, choices))


def _comment(spec: TableSpec, name: str) -> str:
    field = spec.field(name)
    lines = [str(field.get("description", ""))]
    if name == "id" and spec.assigns_ids:
        lines.append(f"请留空：导入时自动分配编号（{spec.prefix} 加 6 位数字）。")
    else:
        lines.append(("必填" if spec.required(name) else "选填") + f"；{type_label(field)}")
        rules = [t for t in constraint_texts(field) if t not in {"必填", "唯一"} and not t.startswith("取值：")]
        lines.extend(rules)
    if field.get("constraints", {}).get("enum") or name in {"province_code", "announcement_id"}:
        lines.append("可从下拉列表选择。")
    return "\n".join(line for line in lines if line)


def _data(ws: Worksheet, lists: Worksheet, spec: TableSpec, choices: Choices) -> None:
    list_column = 0
    for col, name in enumerate(spec.names, start=1):
        letter = get_column_letter(col)
        cell = ws.cell(row=1, column=col, value=spec.title(name))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        assigned = name == "id" and spec.assigns_ids
        cell.fill = ASSIGNED_FILL if assigned else REQUIRED_FILL if spec.required(name) else OPTIONAL_FILL
        comment = Comment(_comment(spec, name), "模板说明")
        comment.width, comment.height = 320, 160
        cell.comment = comment
        ws.column_dimensions[letter].width = 36 if name in WIDE else max(12, 2 * len(spec.title(name)) + 4)
        if spec.is_text_column(name):
            ws.column_dimensions[letter].number_format = "@"
        cells = f"{letter}2:{letter}{DATA_ROWS + 1}"
        options = choices.options(spec, name)
        if options and not assigned:
            list_column += 1
            source = _write_list(lists, list_column, spec.title(name), [text for _, text in options])
            rule = DataValidation(
                type="list",
                formula1=source,
                allow_blank=True,
                errorStyle="warning",
                showErrorMessage=True,
                errorTitle="不在下拉列表中",
                error="建议从下拉列表选择；也可以填写代码或中文名称，导入时会转换并列出每处改动。",
            )
            rule.add(cells)
            ws.add_data_validation(rule)
        bounds = spec.field(name).get("constraints", {})
        if spec.field(name).get("type") == "integer" and "minimum" in bounds:
            high = bounds.get("maximum")
            rule = DataValidation(
                type="whole",
                operator="between" if high is not None else "greaterThanOrEqual",
                formula1=str(bounds["minimum"]),
                formula2=None if high is None else str(high),
                allow_blank=True,
                errorStyle="warning",
                showErrorMessage=True,
                errorTitle="数值超出范围",
                error=f"应为整数，{constraint_texts(spec.field(name))[-1]}。",
            )
            rule.add(cells)
            ws.add_data_validation(rule)
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 30


def _write_list(lists: Worksheet, col: int, title: str, values: list[str]) -> str:
    letter = get_column_letter(col)
    lists.cell(row=1, column=col, value=title).font = Font(bold=True)
    for row, value in enumerate(values, start=2):
        lists.cell(row=row, column=col, value=value)
    lists.column_dimensions[letter].width = 40
    return f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"


def _guide(ws: Worksheet, spec: TableSpec) -> None:
    command = f"python -m generator import 文件名.xlsx --into {spec.name}"
    lines = [
        (f"{spec.sheet}录入模板", Font(bold=True, size=14)),
        (f"在工作表「{spec.sheet}」中每行填写一条记录。第 1 行是表头，请不要修改、删除或调换列。", None),
        ("橙色表头为必填列，蓝色为选填列；把鼠标移到表头上可看到该列的说明。", None),
        (
            f"灰色的「{spec.title('id')}」列请留空：导入时按顺序分配新编号（{spec.prefix} 加 6 位数字），编号永不重复使用。"
            if spec.assigns_ids
            else f"「{spec.title('id')}」由录入人拟定：小写字母、数字和短横线，如 wuhan-2024，不能与已有公告重复。",
            None,
        ),
        (
            "带下拉列表的列可以直接选择，也可以填写代码或中文名称（如“湖北”“国家级”）；导入时会转换为代码，并逐条列出改动。",
            None,
        ),
        ("日期写作 2024-05-01；只知道年月时写 2024-05。不要使用公式，不要合并单元格。", None),
        (
            "每条记录都要写明来源网址和证据等级：只录入公开网页上能查到的内容，来源没写的信息留空，不要凭记忆补填。",
            None,
        ),
        ("不属于本计划的项目（劳模/工匠创新工作室、技能大师特色工作站、乡土人才大师工作室等）不要录入。", None),
        (f"填好后保存，用命令导入：{command}（先加 --dry-run 试运行，只检查、不写入）。", None),
        (
            "也可以另存为 CSV（UTF-8 或 GBK 编码均可），用同样的命令导入。有任何问题，导入会整批拒绝并逐条列出行号和列名。",
            None,
        ),
        *((text, None) for text in (GUIDE_LINES if "status" in spec.names else ())),
        ("", None),
        ("各列说明", Font(bold=True, size=12)),
    ]
    for row, (text, font) in enumerate(lines, start=1):
        cell = ws.cell(row=row, column=1, value=text)
        if font:
            cell.font = font
    header = ("列名（表头）", "字段名", "必填", "类型", "格式与取值", "说明")
    start = len(lines) + 1
    for col, text in enumerate(header, start=1):
        ws.cell(row=start, column=col, value=text).font = Font(bold=True)
    for row, name in enumerate(spec.names, start=start + 1):
        field = spec.field(name)
        assigned = name == "id" and spec.assigns_ids
        values = (
            spec.title(name),
            name,
            "留空（自动分配）" if assigned else "是" if spec.required(name) else "否",
            type_label(field),
            "；".join(t for t in constraint_texts(field) if t not in {"必填", "唯一"}),
            str(field.get("description", "")),
        )
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEF", (18, 18, 10, 8, 40, 70), strict=True):
        ws.column_dimensions[letter].width = width
