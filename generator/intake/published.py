"""Read a list as it was published, into numbered rows of text (a table) or numbered lines (a text).

* ``.docx`` (python-docx): every table, in order, as one table (a table split across pages, or into
  one table per page, reads as one); a vertically merged cell carries its value to each row it covers;
  a table nested in a cell gives its lines to that cell, and a one-cell table framing the list stands
  for the tables inside it.
  A Word file with no table is read as text from its paragraphs.
* ``.xls`` (xlrd): the first visible sheet (other sheets that hold something are named in a note);
  merged cells carried; Excel error values kept as kinds.
* ``.xlsx`` / ``.csv``: as :mod:`generator.intake.read` reads them, header anywhere; of a workbook, the
  first visible sheet, the others that hold something named as for ``.xls``.
* ``.pdf`` (pdfplumber): the tables of every page; a PDF without tables is read as text lines. A PDF
  without a text layer (a scan) is refused: there is nothing to read without OCR.
* ``.txt`` or ``-`` (standard input): text copied from a web page.

Row numbers are what the clerk can find again: the row of the sheet, the row of the Word table (tables
counted on from one to the next), the line of the text (a PDF's lines counted through its pages).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.intake.encodings import decode
from generator.intake.read import cell_text, is_docx
from generator.model.problems import Problem
from generator.validate.checks.sniff import is_xlsx

if TYPE_CHECKING:
    from docx.table import Table, _Cell

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
Rows = list[tuple[int, list[str]]]


@dataclass
class Published:
    shown: str
    description: str
    table: Rows = field(default_factory=list)  # numbered rows of cells, when the list is a table
    lines: list[tuple[int, str]] = field(default_factory=list)  # numbered lines, when it is text
    kinds: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column index) → error/bool/…
    notes: list[str] = field(default_factory=list)


def other_sheets(read: str, others: list[tuple[str, bool]]) -> list[str]:
    """A note naming the sheets with content that were not read (name, hidden?): a list is read from
    one sheet, the first visible one, and the clerk is told which others hold something."""
    if not others:
        return []
    names = "、".join(f"「{name}」" + ("（隐藏）" if hidden else "") for name, hidden in others)
    return [
        f"只读取了工作表「{read}」；工作表{names}也有内容，没有读取。"
        "名单在那里时，请在 Excel/WPS 中把它移到第一个（并取消隐藏），或另存为只含这张表的文件。"
    ]


def refuse(shown: str, code: str, message: str, hint: str) -> tuple[None, list[Problem]]:
    return None, [Problem(shown, None, code, message, hint=hint)]


def read_published(path: Path, shown: str, data: bytes | None = None) -> tuple[Published | None, list[Problem]]:
    data = path.read_bytes() if data is None else data
    if not data.strip():
        return refuse(shown, "import-empty", "文件是空的", "请选择公告的附件文件，或粘贴网页上的名单文字。")
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF-"):
        return read_pdf(data, shown)
    if data.startswith(OLE):
        if suffix == ".doc":
            return refuse(
                shown,
                "import-not-spreadsheet",
                "旧版 Word 文件（.doc）无法直接读取",
                "请在 Word/WPS 中打开，另存为 .docx 后再导入。",
            )
        return read_xls(data, shown)
    if is_xlsx(data):
        if is_docx(data):
            return read_docx(data, shown)
        return read_xlsx(data, shown)
    decoded, problems = decode(data, shown)
    if decoded is None:
        return None, problems
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if suffix == ".csv":
        import csv

        rows = list(csv.reader(io.StringIO(text, newline="")))
        return Published(shown, f"CSV 文件，编码 {decoded.encoding}", table=[(n, r) for n, r in enumerate(rows, 1)]), []
    lines = [(n, line) for n, line in enumerate(text.split("\n"), start=1)]
    if sum("\t" in line for _, line in lines) >= max(2, len([1 for _, line in lines if line.strip()]) // 2):
        table = [(n, line.split("\t")) for n, line in lines]  # a web table copied as tab-separated text
        return Published(shown, f"制表符分隔的文本，编码 {decoded.encoding}", table=table), []
    return Published(shown, f"文本，编码 {decoded.encoding}", lines=lines), []


def read_docx(data: bytes, shown: str) -> tuple[Published | None, list[Problem]]:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:
        return refuse(
            shown,
            "import-not-spreadsheet",
            "文件无法作为 Word 文档（.docx）打开：文件已损坏",
            "请在 Word/WPS 中打开并重新另存为 .docx。",
        )
    table: Rows = []
    notes: list[str] = []
    tables = _list_tables(document.tables)
    for t in tables:
        for row in t.rows:
            cells: list[str] = []
            previous = None
            for cell in row.cells:  # a horizontally merged cell appears once per column it spans
                cells.append("" if cell._tc is previous else _cell_text(cell))
                if cell._tc is not previous and cell.tables:
                    notes.append(
                        f"第 {len(table) + 1} 行第 {len(cells)} 列的单元格里嵌有表格，其中的文字已逐行读入这一格。"
                    )
                previous = cell._tc
            table.append((len(table) + 1, cells))
    if table:
        many = f"，{len(tables)} 个表格连续读取" if len(tables) > 1 else ""
        return Published(shown, f"Word 文档（.docx）的表格{many}，行号按表格的行数", table=table, notes=notes), []
    lines = [(n, p.text) for n, p in enumerate(document.paragraphs, start=1)]
    return Published(shown, "Word 文档（.docx），没有表格，按段落读取（行号为段落序号）", lines=lines), []


def _list_tables(tables: list[Table]) -> list[Table]:
    """The tables that hold the list: a one-cell table used as a frame around it stands for the tables
    inside it."""
    out: list[Table] = []
    for t in tables:
        inner = t.rows[0].cells[0].tables if len(t.rows) == 1 and len(t.columns) == 1 else []
        out.extend(_list_tables(inner) if inner else [t])
    return out


def _cell_text(cell: _Cell) -> str:
    """Every paragraph of the cell in order, those of a table nested in it too (``cell.text`` leaves
    them out: a host typed in a small table inside the cell would be lost without a word)."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    return "\n".join(Paragraph(p, cell).text for p in cell._tc.iter(qn("w:p"))).strip()


def read_xls(data: bytes, shown: str) -> tuple[Published | None, list[Problem]]:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    except Exception:
        return refuse(
            shown,
            "import-not-spreadsheet",
            "文件无法作为旧版 Excel 工作簿（.xls）打开：文件已损坏或不是 .xls",
            "请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。",
        )
    sheets = [s for s in book.sheets() if s.visibility == 0]
    if not sheets:
        return refuse(
            shown, "import-not-spreadsheet", "工作簿中没有可见的工作表", "请在 Excel/WPS 中取消隐藏数据工作表。"
        )
    sheet = sheets[0]
    others = [(s.name, s.visibility != 0) for s in book.sheets() if s is not sheet and _xls_has_values(s)]
    kinds: dict[tuple[int, int], str] = {}
    grid: dict[tuple[int, int], str] = {}
    for r in range(sheet.nrows):
        for c in range(sheet.ncols):
            cell = sheet.cell(r, c)
            if cell.ctype == xlrd.XL_CELL_ERROR:
                grid[(r, c)], kinds[(r + 1, c)] = xlrd.error_text_from_code.get(cell.value, "#N/A"), "error"
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                grid[(r, c)], kinds[(r + 1, c)] = ("TRUE" if cell.value else "FALSE"), "bool"
            elif cell.ctype == xlrd.XL_CELL_DATE:
                grid[(r, c)] = cell_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
            elif cell.ctype == xlrd.XL_CELL_NUMBER:
                grid[(r, c)], kinds[(r + 1, c)] = cell_text(cell.value), "number"
            elif str(cell.value).strip():
                grid[(r, c)] = str(cell.value).strip()
    notes = []
    for rlo, rhi, clo, chi in sheet.merged_cells:
        value = grid.get((rlo, clo), "")
        if value and rhi - rlo > 1:
            for r in range(rlo, rhi):
                for c in range(clo, chi):
                    grid.setdefault((r, c), value)
            notes.append(f"合并单元格（第 {rlo + 1}–{rhi} 行）的值「{value}」已填入它覆盖的每一行。")
    table = [(r + 1, [grid.get((r, c), "") for c in range(sheet.ncols)]) for r in range(sheet.nrows)]
    notes += other_sheets(sheet.name, others)
    return Published(
        shown, f"旧版 Excel 工作簿（.xls），工作表「{sheet.name}」", table=table, kinds=kinds, notes=notes
    ), []


def _xls_has_values(sheet: Any) -> bool:  # an xlrd sheet (xlrd has no type hints)
    return any(str(sheet.cell_value(r, c)).strip() for r in range(sheet.nrows) for c in range(sheet.ncols))


def read_xlsx(data: bytes, shown: str) -> tuple[Published | None, list[Problem]]:
    from openpyxl import load_workbook

    from generator.intake.read import clip_merges, has_values, sheet_grid

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(clip_merges(data)), data_only=False)
    except Exception:
        return refuse(
            shown,
            "import-not-spreadsheet",
            "文件无法作为 Excel 工作簿（.xlsx）打开：文件已损坏",
            "请在 Excel/WPS 中打开并另存为 .xlsx。",
        )
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    if not visible:
        return refuse(
            shown, "import-not-spreadsheet", "工作簿中没有可见的工作表", "请在 Excel/WPS 中取消隐藏数据工作表。"
        )
    grid, notes = sheet_grid(visible[0])
    notes += other_sheets(
        visible[0].title,
        [(ws.title, ws.sheet_state != "visible") for ws in wb.worksheets if ws is not visible[0] and has_values(ws)],
    )
    return Published(
        shown, f"Excel 工作簿，工作表「{visible[0].title}」", table=grid.rows(), kinds=dict(grid.kinds), notes=notes
    ), []


def read_pdf(data: bytes, shown: str) -> tuple[Published | None, list[Problem]]:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception:
        return refuse(shown, "import-not-spreadsheet", "文件无法作为 PDF 打开：文件已损坏", "请重新下载公告的附件。")
    with pdf:
        pages = list(pdf.pages)
        if not any(page.chars for page in pages):
            return refuse(
                shown,
                "import-scanned-pdf",
                f"这是扫描版 PDF（共 {len(pages)} 页）：页面是图片，没有文字层，程序读不出名单",
                "请向发布单位索取 Word/Excel 版附件，或先用 OCR 软件（如 WPS“PDF 转 Word”的文字识别）"
                "转成 Word 并逐行核对后再导入；也可以按模板（python -m generator template）手工录入。",
            )
        table: Rows = []
        for page in pages:
            for found in page.extract_tables():
                for row in found:
                    table.append((len(table) + 1, [(c or "").strip() for c in row]))  # lines kept, as in Word
        if table:
            return Published(shown, f"PDF 文档的表格（{len(pages)} 页，行号按表格的行数连续计数）", table=table), []
        lines: list[tuple[int, str]] = []
        for page in pages:
            for line in (page.extract_text() or "").split("\n"):
                lines.append((len(lines) + 1, line))
    return Published(shown, f"PDF 文档的文字（{len(pages)} 页，没有表格；行号按文字行连续计数）", lines=lines), []
