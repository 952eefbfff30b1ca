"""Read an uploaded file into a header and numbered rows of text, as the clerk sees them in Excel.

* ``.xlsx`` (recognised by content, not name): the sheet named like the template's data sheet, or the
  first sheet that is not 说明/代码表; row numbers are Excel's. Numbers, dates and booleans become text;
  formula cells are remembered so the importer can refuse them (it does not compute formulas).
* CSV: decoded by :mod:`generator.intake.encodings`; comma separated, or tab separated when the header
  has tabs and no commas; row numbers count records (a cell with a line break stays one row).
* Anything else (a picture, a PDF, an old .xls, UTF-16 text, NUL bytes) is refused with what it looks like.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from generator.validate.checks.sniff import binary_kind, is_xlsx
from generator.intake.encodings import decode
from generator.model.problems import Problem

SKIP_SHEETS = ("说明", "代码表")


@dataclass(frozen=True)
class Upload:
    shown: str
    description: str  # "Excel 工作簿，工作表「技能大师工作室」" or "CSV 文件，编码 UTF-8"
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number as in Excel, cells)
    formulas: frozenset[tuple[int, int]] = field(default_factory=frozenset)  # (row, column index)
    note: str = ""


def read_upload(path: Path, shown: str, sheet: str) -> tuple[Upload | None, list[Problem]]:
    data = path.read_bytes()
    if not data.strip():
        return None, [Problem(shown, None, "import-empty", "文件是空的", hint="请选择填好的模板文件。")]
    if is_xlsx(data):
        return _read_xlsx(data, shown, sheet)
    kind = binary_kind(data)
    if kind or b"\x00" in data:
        what = f"看起来是 {kind}" if kind else "其中有 NUL 空字符，不是文本"
        return None, [Problem(shown, None, "import-not-spreadsheet", f"文件既不是 Excel 工作簿（.xlsx），也不是 CSV 文本：{what}",
                              hint="请导入用 python -m generator template 生成并填好的 .xlsx，"
                                   "或在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”后导入。")]
    decoded, problems = decode(data, shown)
    if decoded is None:
        return None, problems
    text = decoded.text
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    numbered = [(n, tuple(cells)) for n, cells in enumerate(records, start=1)]
    header, rows = _split_header(numbered)
    what = "CSV 文件" if delimiter == "," else "制表符分隔的文本文件"
    return Upload(shown, f"{what}，编码 {decoded.encoding}", header, rows, note=decoded.note), []


def _split_header(rows: list[tuple[int, tuple[str, ...]]]) -> tuple[tuple[str, ...], tuple[tuple[int, tuple[str, ...]], ...]]:
    """The first non-blank row is the header; rows after it keep their numbers."""
    for index, (_, cells) in enumerate(rows):
        if any(c.strip() for c in cells):
            return cells, tuple(rows[index + 1:])
    return (), ()


def _read_xlsx(data: bytes, shown: str, sheet: str) -> tuple[Upload | None, list[Problem]]:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            wb = load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # noqa: BLE001 — any damage to an untrusted zip is one problem for the clerk
        return None, [Problem(shown, None, "import-not-spreadsheet", "文件无法作为 Excel 工作簿（.xlsx）打开：文件已损坏或不是 .xlsx",
                              hint="请在 Excel/WPS 中打开并另存为 .xlsx；旧版 .xls 也请另存为 .xlsx。")]
    names = [ws.title for ws in wb.worksheets]
    chosen = sheet if sheet in names else next((n for n in names if n not in SKIP_SHEETS), None)
    if chosen is None:
        return None, [Problem(shown, None, "import-not-spreadsheet", "工作簿中没有数据工作表",
                              expected=f"工作表「{sheet}」", hint="请使用 python -m generator template 生成的模板。")]
    ws = wb[chosen]
    formulas: set[tuple[int, int]] = set()
    numbered: list[tuple[int, tuple[str, ...]]] = []
    for row in ws.iter_rows():
        cells = []
        for index, cell in enumerate(row):
            if cell.data_type == "f":
                formulas.add((cell.row, index))
            cells.append(cell_text(cell.value))
        while cells and not cells[-1]:
            cells.pop()
        numbered.append((row[0].row, tuple(cells)))
    header, rows = _split_header(numbered)
    return Upload(shown, f"Excel 工作簿，工作表「{chosen}」", header, rows, frozenset(formulas)), []


def cell_text(value: object) -> str:
    """An Excel cell value as the text it stands for: 2023.0 → "2023", a date → "2024-05-01"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(getattr(value, "text", value))  # an array formula keeps its text in .text
