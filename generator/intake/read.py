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
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.intake.encodings import decode
from generator.model.problems import Problem, show
from generator.validate.checks.sniff import binary_kind, is_xlsx

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SKIP_SHEETS = ("说明", "代码表")
EXCEL_ERRORS = frozenset(
    {
        "#N/A",
        "#REF!",
        "#VALUE!",
        "#DIV/0!",
        "#NAME?",
        "#NULL!",
        "#NUM!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)


@dataclass(frozen=True)
class Upload:
    shown: str
    description: str  # "Excel 工作簿，工作表「技能大师工作室」" or "CSV 文件，编码 UTF-8"
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number as in Excel, cells)
    formulas: frozenset[tuple[int, int]] = field(default_factory=frozenset)  # (row, column index)
    note: str = ""
    kinds: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column index) → error/bool/number/date
    notes: tuple[str, ...] = ()  # what the reader did: merged cells carried, hidden sheets left
    header_row: int = 1
    numbered_by_reader: bool = True  # False: rows come from a published list, and gaps are not blank rows


def read_upload(path: Path, shown: str, sheet: str, wanted: str | None = None) -> tuple[Upload | None, list[Problem]]:
    data = path.read_bytes()
    if not data.strip():
        return None, [Problem(shown, None, "import-empty", "文件是空的", hint="请选择填好的模板文件。")]
    if is_xlsx(data) and is_docx(data):
        return None, [
            Problem(
                shown,
                None,
                "import-not-spreadsheet",
                "这是 Word 文档（.docx），不是填好的模板",
                hint="公告附件里的名单请加 --announcement 公告标识 导入，例如：python -m generator import "
                "附件.docx --into studios --announcement wuhan-2023 --dry-run",
            )
        ]
    if is_xlsx(data):
        return _read_xlsx(data, shown, sheet, wanted)
    kind = binary_kind(data)
    if kind or b"\x00" in data:
        what = f"看起来是 {kind}" if kind else "其中有 NUL 空字符，不是文本"
        return None, [
            Problem(
                shown,
                None,
                "import-not-spreadsheet",
                f"文件既不是 Excel 工作簿（.xlsx），也不是 CSV 文本：{what}",
                hint="请导入用 python -m generator template 生成并填好的 .xlsx，"
                "或在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”后导入。"
                "公告原样发布的名单（Word、PDF、旧版 .xls）请加 --announcement 公告标识 导入。",
            )
        ]
    decoded, problems = decode(data, shown)
    if decoded is None:
        return None, problems
    text = decoded.text
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    numbered = [(n, tuple(cells)) for n, cells in enumerate(records, start=1)]
    first_row, header, rows = _split_header(numbered)
    what = "CSV 文件" if delimiter == "," else "制表符分隔的文本文件"
    return Upload(shown, f"{what}，编码 {decoded.encoding}", header, rows, note=decoded.note, header_row=first_row), []


def is_docx(data: bytes) -> bool:
    """A zip that holds a Word document (``word/document.xml``) rather than a workbook."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def _split_header(
    rows: list[tuple[int, tuple[str, ...]]],
) -> tuple[int, tuple[str, ...], tuple[tuple[int, tuple[str, ...]], ...]]:
    """The first non-blank row is the header (its number, its cells); rows after it keep their numbers."""
    for index, (number, cells) in enumerate(rows):
        if any(c.strip() for c in cells):
            return number, cells, tuple(rows[index + 1 :])
    return 1, (), ()


def _read_xlsx(data: bytes, shown: str, sheet: str, wanted: str | None = None) -> tuple[Upload | None, list[Problem]]:
    """The sheet the clerk sees: the template's data sheet or the first visible one; a hidden sheet only
    when asked for by name (``--sheet``). Only cells with a value count, so a stray cell at A1048576 or a
    formatted column costs nothing; a merged cell's value is carried to every cell it covers."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            wb = load_workbook(io.BytesIO(clip_merges(data)), data_only=False)
    except Exception:
        return None, [
            Problem(
                shown,
                None,
                "import-not-spreadsheet",
                "文件无法作为 Excel 工作簿（.xlsx）打开：文件已损坏或不是 .xlsx",
                hint="请在 Excel/WPS 中打开并另存为 .xlsx；旧版 .xls 也请另存为 .xlsx。",
            )
        ]
    names = [ws.title for ws in wb.worksheets]
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    notes: list[str] = []
    if wanted is not None:
        if wanted not in names:
            return None, [
                Problem(
                    shown,
                    None,
                    "import-no-sheet",
                    f"工作簿中没有工作表「{wanted}」",
                    expected="、".join(f"「{n}」" for n in names),
                    hint="请检查 --sheet 后的工作表名称。",
                )
            ]
        chosen = wanted
        if wanted not in visible:
            notes.append(f"按 --sheet 的要求读取隐藏的工作表「{wanted}」。")
    else:
        chosen = sheet if sheet in visible else next((n for n in visible if n not in SKIP_SHEETS), "")
        if not chosen:
            return None, [
                Problem(
                    shown,
                    None,
                    "import-not-spreadsheet",
                    "工作簿中没有可见的数据工作表",
                    expected=f"工作表「{sheet}」",
                    hint="请在 Excel/WPS 中取消隐藏数据工作表，或用 --sheet 工作表名 指定要读的表。",
                )
            ]
        hidden = [n for n in names if n not in visible and n not in SKIP_SHEETS and has_values(wb[n])]
        if hidden:
            notes.append(f"未读取隐藏的工作表{'、'.join(f'「{n}」' for n in hidden)}；要读取请加 --sheet 工作表名。")
    grid, notes_merged = sheet_grid(wb[chosen])
    notes.extend(notes_merged)
    numbered = [(r, tuple(cells)) for r, cells in grid.rows()]
    first_row, header, rows = _split_header(numbered)
    upload = Upload(
        shown,
        f"Excel 工作簿，工作表「{chosen}」",
        header,
        rows,
        frozenset(grid.formulas),
        kinds=dict(grid.kinds),
        notes=tuple(notes),
        header_row=first_row,
    )
    return upload, []


ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?row>)", re.S)
MERGE = re.compile(rb'(<(?:\w+:)?mergeCell\b[^>]*?\bref=")([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def clip_merges(data: bytes) -> bytes:
    """A merged range ends at the last row that holds a value: a whole column merged (E2:E1048576, as a
    formatting habit) would otherwise make openpyxl fill a million cells (15 s for a 5 KB file)."""
    import zipfile

    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        sheets = [i for i in book.infolist() if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")]
        if not any(b"mergeCell" in book.read(i) for i in sheets):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in book.infolist():
                body = book.read(item)
                copy.writestr(item, _clipped(body) if item in sheets else body)
        return out.getvalue()
    except (zipfile.BadZipFile, OSError, ValueError):
        return data  # not a readable zip: load_workbook says so in its own words


def _clipped(sheet: bytes) -> bytes:
    last = 0
    for attrs, inner in ROW.findall(sheet):
        number = re.search(rb'\br="(\d+)"', attrs)
        if number is None:
            return sheet  # rows without numbers: leave the ranges as they are
        if inner and re.search(rb"<(?:\w+:)?(?:v|is)\b", inner):
            last = max(last, int(number.group(1)))

    def clip(m: re.Match[bytes]) -> bytes:
        first, end = int(m.group(3)), int(m.group(5))
        end = max(first, min(end, last))
        return m.group(1) + m.group(2) + m.group(3) + b":" + m.group(4) + str(end).encode() + b'"'

    return MERGE.sub(clip, sheet)


def has_values(ws: Worksheet) -> bool:
    return any(_filled(c.value) for c in ws._cells.values())


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


@dataclass
class Grid:
    """Cells with values, by (row, column) from 1, as text; and what kind each non-text cell was."""

    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    kinds: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column index from 0) → kind
    formulas: set[tuple[int, int]] = field(default_factory=set)  # (row, column index from 0)

    def rows(self) -> list[tuple[int, list[str]]]:
        """Rows that hold at least one value, in order, each as far as its last value."""
        by_row: dict[int, dict[int, str]] = {}
        for (r, c), text in self.cells.items():
            by_row.setdefault(r, {})[c] = text
        return [(r, [cols.get(c, "") for c in range(1, max(cols) + 1)]) for r, cols in sorted(by_row.items())]


def sheet_grid(ws: Worksheet) -> tuple[Grid, list[str]]:
    grid = Grid()
    for (r, c), cell in ws._cells.items():
        if not _filled(cell.value):
            continue
        grid.cells[(r, c)] = cell_text(cell.value)
        kind = cell_kind(cell.data_type, cell.value)
        if kind == "formula":
            grid.formulas.add((r, c - 1))
        elif kind:
            grid.kinds[(r, c - 1)] = kind
    notes: list[str] = []
    last = max((r for r, _ in grid.cells), default=0)
    for merged in sorted(ws.merged_cells.ranges, key=lambda m: (m.min_row, m.min_col)):
        top = (merged.min_row, merged.min_col)
        if top not in grid.cells:
            continue
        value = grid.cells[top]
        covered = [
            (r, c)
            for r in range(merged.min_row, min(merged.max_row, last) + 1)
            for c in range(merged.min_col, merged.max_col + 1)
            if (r, c) != top
        ]
        for r, c in covered:
            grid.cells[(r, c)] = value
            grid.kinds.pop((r, c - 1), None)
            if (top[0], top[1] - 1) in grid.kinds:
                grid.kinds[(r, c - 1)] = grid.kinds[(top[0], top[1] - 1)]
        if covered:
            rows = (
                f"{merged.min_row}–{min(merged.max_row, last)}" if merged.max_row > merged.min_row else merged.min_row
            )
            notes.append(f"合并单元格 {merged.coord} 的值 {show(value)} 已填入它覆盖的每一格（第 {rows} 行）。")
    return grid, notes


def cell_kind(data_type: str, value: object) -> str:
    """What an Excel cell held, when it was not plain text: formula, error, bool, number or date."""
    if data_type == "f":
        return "formula"
    if data_type == "e" or (isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS):
        return "error"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, (dt.date, dt.datetime)):
        return "date"
    return ""


def cell_text(value: object) -> str:
    """An Excel cell value as the text it stands for: 2023.0 → "2023", a date → "2024-05-01"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows it
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(getattr(value, "text", value))  # an array formula keeps its text in .text
