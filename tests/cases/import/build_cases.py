"""Write the import corpus files that are awkward to type by hand (workbooks, Big5 and broken text):
``python tests/cases/import/build_cases.py``. The files it writes are committed; the tests read them and
never call this script. Each file's outcome is in the ``.expected.txt`` beside it (see tests/test_import.py).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
HEADER = [
    "名称",
    "原文名称",
    "名称来源",
    "领办人",
    "依托单位",
    "统一社会信用代码",
    "省级行政区代码",
    "城市",
    "级别",
    "年度",
    "公告标识",
    "来源网址",
    "证据等级",
    "证据说明",
]
URL = "https://www.chacewang.com/newsdetail/news518851.html"


def studio(name: str, master: str, host: str = "", city: str = "武汉") -> list[object]:
    return [
        name,
        name,
        "printed",
        master,
        host,
        "",
        "420000",
        city,
        "municipal",
        "2023",
        "wuhan-2023",
        URL,
        "official-republished",
        "官方名单（转载）",
    ]


def workbook(rows: list[list[object]], title: str = "技能大师工作室") -> tuple[Workbook, object]:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    return wb, ws


def merged() -> None:
    """Two studios at one host, the host cell merged over both rows as publishers lay it out."""
    wb, ws = workbook(
        [studio("王五技能大师工作室", "王五", "武汉某机械有限公司"), studio("赵六技能大师工作室", "赵六", "")]
    )
    ws.merge_cells("E2:E3")  # type: ignore[attr-defined]
    wb.save(HERE / "good" / "studios-merged.xlsx")


def whole_column_merge() -> None:
    """The host column merged from row 2 to the sheet's last row (E2:E1048576), as Excel writes it when a
    whole column is selected and merged: one ``<mergeCell>``, no cells. openpyxl would fill a million
    cells (15 s); the range must end at the last row with a value."""
    import io
    import zipfile

    wb, _ = workbook(
        [studio("王五技能大师工作室", "王五", "武汉某机械有限公司"), studio("赵六技能大师工作室", "赵六", "")]
    )
    plain = io.BytesIO()
    wb.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as book, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in book.infolist():
            body = book.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                merge = b'<mergeCells count="1"><mergeCell ref="E2:E1048576"/></mergeCells>'
                body = body.replace(b"</sheetData>", b"</sheetData>" + merge, 1)
            copy.writestr(item, body)
    (HERE / "good" / "studios-whole-column-merge.xlsx").write_bytes(out.getvalue())


def hidden_sheet() -> None:
    """The template's sheet name is hidden and holds stale rows; the visible sheet holds the data."""
    wb, ws = workbook([studio("旧的技能大师工作室", "旧")])
    ws.sheet_state = "hidden"  # type: ignore[attr-defined]
    data = wb.create_sheet("Sheet2")
    data.append(HEADER)
    data.append(studio("王五技能大师工作室", "王五"))
    wb.active = 1
    wb.save(HERE / "good" / "studios-hidden-sheet.xlsx")


def stray_cell() -> None:
    """One space in A1048576: the used range must come from cells with values."""
    wb, ws = workbook([studio("王五技能大师工作室", "王五")])
    ws["A1048576"] = " "  # type: ignore[index]
    ws["N1048576"] = ""  # type: ignore[index]
    wb.save(HERE / "good" / "studios-stray-cell.xlsx")


def excel_values() -> None:
    """Error values, a boolean where text is expected, a number as a master."""
    rows = [
        studio("王五技能大师工作室", "王五", "#N/A"),
        studio("赵六技能大师工作室", "赵六", city="#REF!"),
        studio("钱七技能大师工作室", "钱七"),
        studio("孙八技能大师工作室", "孙八"),
    ]
    rows[2][7] = True
    rows[3][3] = 12345
    wb, ws = workbook(rows)
    ws["E2"].data_type = "e"  # type: ignore[index]
    wb.save(HERE / "bad" / "studios-excel-values.xlsx")


def texts() -> None:
    head = ",".join(HEADER) + "\n"
    fields = (
        "name,name_as_printed,name_quality,master_name,host_organization,credit_code,province_code,city,level,"
        "year,announcement_id,source_url,evidence_level,evidence\n"
    )  # Big5 has no 名称: field names as header
    row = studio("王五技能大師工作室", "王五", "臺北某機械公司", "武漢")
    row[-1] = "官方名單（轉載）"
    big5 = fields + ",".join(str(c) for c in row) + "\n"
    (HERE / "good" / "studios-big5.csv").write_bytes(big5.encode("cp950"))
    pua = head + ",".join(str(c) for c in studio("王五\ue6bd技能大师工作室", "王五")) + "\n"
    (HERE / "bad" / "studios-private-use.csv").write_bytes(pua.encode("utf-8"))


def title_row() -> None:
    """A clerk's own sheet (WPS, Sheet1) with a title typed above the header and merged across it: the
    header is found on row 2 and the title is said, not read as a record."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    ws.append(["2023年武汉市技能大师工作室名单"])
    ws.merge_cells("A1:N1")
    ws.append(HEADER)
    ws.append(studio("王五技能大师工作室", "王五", "武汉某机械有限公司"))
    wb.save(HERE / "good" / "studios-title-row.xlsx")


if __name__ == "__main__":
    merged()
    hidden_sheet()
    stray_cell()
    whole_column_merge()
    excel_values()
    texts()
    title_row()
