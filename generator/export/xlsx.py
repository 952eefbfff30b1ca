"""The Excel download of a resource: typed cells, ids and codes kept as text, a frozen header row,
an auto-filter, and a second sheet 「字段说明」 that explains every field in Chinese.

Every text cell is stored as a text cell (``data_type = "s"``), so a value such as ``=HYPERLINK(…)``
is shown as it is and never run, with no apostrophe added (:mod:`generator.model.cells`).

Written in openpyxl's write-only mode, which streams rows and is many times faster on large tables.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from generator.archive import stamped
from generator.export.table import Table
from generator.export.values import Value
from generator.model.cells import is_id_like
from generator.model.schema import constraint_texts, enum_text, type_label

TEXT = "@"
DATE = "yyyy-mm-dd"
FIELDS_SHEET = "字段说明"
FIELDS_HEADER = ("字段名", "中文名", "类型", "约束", "取值说明", "说明")
BOLD = Font(bold=True)
WIDE = {"name", "title", "evidence", "notes", "text", "description"}


def xlsx(table: Table, *, title: str, built: str) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_sheet_title(table.resource.name))
    _dress(sheet, [_width(f) for f in table.fields], rows=len(table.typed))
    sheet.append(_header(sheet, table.names))
    makers = [_maker(sheet, f) for f in table.fields]
    for row in table.typed:
        sheet.append([make(value) for make, value in zip(makers, row)])
    notes = book.create_sheet(FIELDS_SHEET)
    _dress(notes, [18, 16, 14, 28, 36, 60], rows=len(table.fields))
    notes.append(_header(notes, list(FIELDS_HEADER)))
    for f in table.fields:
        plain = {**f, "constraints": {k: v for k, v in f.get("constraints", {}).items() if k != "enum"}}
        notes.append(
            [
                _string(notes, str(x))
                for x in (
                    f["name"],
                    f.get("title", ""),
                    type_label(f) + ("（按文本保存）" if is_id_like(f) else ""),
                    "；".join(constraint_texts(plain)),
                    enum_text(f, limit=100),
                    f.get("description", ""),
                )
            ]
        )
    when = dt.datetime.fromisoformat(built)
    book.properties.title = title
    book.properties.creator = "国家高技能人才振兴计划公开数据项目"
    book.properties.created = book.properties.modified = when
    out = io.BytesIO()
    book.save(out)
    return stamped(out.getvalue(), built)


def _maker(sheet: WriteOnlyWorksheet, spec: dict[str, Any]) -> Callable[[Value], Any]:
    """How one column's typed value becomes a cell: text and codes stored as text, which never runs."""

    def plain(value: Value) -> Any:
        return _string(sheet, value) if isinstance(value, str) else value

    if is_id_like(spec):

        def text_cell(value: Value) -> Any:
            if value is None:
                return None
            cell = _string(sheet, str(value))
            cell.number_format = TEXT
            return cell

        return text_cell
    if spec.get("type") == "date":

        def date_cell(value: Value) -> Any:
            if not isinstance(value, dt.date):
                return plain(value)
            cell = WriteOnlyCell(sheet, value)
            cell.number_format = DATE
            return cell

        return date_cell
    return plain


def _string(sheet: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    """A text cell: stored as text even when it starts with ``=`` (so it never runs), without the
    characters XLSX cannot hold (shown as U+FFFD)."""
    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
    cell.data_type = "s"
    return cell


def _header(sheet: WriteOnlyWorksheet, names: list[str]) -> list[WriteOnlyCell]:
    cells = []
    for name in names:
        cell = _string(sheet, name)
        cell.font = BOLD
        cells.append(cell)
    return cells


def _dress(sheet: WriteOnlyWorksheet, widths: list[int], rows: int) -> None:
    """Column widths, frozen header and filter: write-only sheets take them before the first row."""
    sheet.freeze_panes = "A2"
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    if widths:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{rows + 1}"


def _width(spec: dict[str, Any]) -> int:
    if spec.get("type") in {"integer", "number", "year", "boolean", "date"}:
        return 12
    return 40 if spec["name"] in WIDE else 18


def _sheet_title(name: str) -> str:
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in name)
    return cleaned[:31] or "data"
