"""Write the attachments corpus: ``python tests/cases/attachments/build.py`` (needs the ``test`` extra:
python-docx, xlwt, openpyxl, reportlab). Each file is laid out as a publisher lays out a list, with
names from the real records in ``datasets/register/`` (not in the minimal test project, so importing
them is not a duplicate). The files are committed; each one's outcome is in the ``.expected.txt``
beside it, in the format of tests/test_import.py. The tests never call this script.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import docx
import xlwt
from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

HERE = Path(__file__).resolve().parent
FONT = "STSong-Light"  # a CID font every PDF reader has: no font file is embedded
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

WUHAN = [
    ("吴文霖技能大师工作室", "湖北生态工程职业技术学院"),
    ("张涛技能大师工作室", "长江岩土工程有限公司武汉分公司"),
    ("赵宗合技能大师工作室", "中国一冶集团有限公司科工建设分公司"),
    ("段杨技能大师工作室", "武汉重型机床集团有限公司"),
    ("凌勇技能大师工作室", "格力暖通制冷设备(武汉)有限公司"),
    ("陶川技能大师工作室", "武汉滨湖电子有限责任公司"),
]


def national_word() -> None:
    """The ministry's layout: 序号/省份/单位名称/工作室名称/领办人/职业（工种）, a province heading row
    merged across the table, the province and a shared host merged down, a total row at the end."""
    # trades only where the studio's name states them; the real records have no other trade to show
    groups = [
        (
            "内蒙古（2个）",
            "内蒙古",
            [
                ("内蒙古一机集团", "卢仁峰焊接技能大师工作室", "卢仁峰", "焊接"),
                ("内蒙古一机集团", "宋殿琛车工技能大师工作室", "宋殿琛", "车工"),
            ],
        ),
        (
            "广东（3个）",
            "广东",
            [
                ("茂名石化", "黄巨利技能大师工作室", "黄巨利", ""),
                ("茂化建集团", "柯高技能大师工作室", "柯高", ""),
                ("信宜长城玉器工艺厂", "陆克列技能大师工作室", "陆克列", ""),
            ],
        ),
        (
            "新疆（2个）",
            "新疆",
            [
                ("新疆广汇新能源有限公司", "魏江龙化工电气自动化技能大师工作室", "魏江龙", "化工电气自动化"),
                ("新疆安装技工学校", "王振冷作钣金工技能大师工作室", "王振", "冷作钣金工"),
            ],
        ),
    ]
    d = docx.Document()
    d.add_paragraph("附件")
    d.add_paragraph("2023年国家级技能大师工作室建设项目名单")
    rows = 1 + sum(1 + len(g[2]) for g in groups) + 1
    t = d.add_table(rows=rows, cols=6)
    for c, text in enumerate(["序号", "省份", "单位名称", "工作室名称", "领办人", "职业（工种）"]):
        t.cell(0, c).text = text
    r, serial = 1, 1
    for heading, province, studios in groups:
        t.cell(r, 0).text = heading
        t.cell(r, 0).merge(t.cell(r, 5))
        r += 1
        first = r
        for host, name, master, trade in studios:
            for c, text in enumerate([str(serial), province if r == first else "", host, name, master, trade]):
                t.cell(r, c).text = text
            serial, r = serial + 1, r + 1
        t.cell(first, 1).merge(t.cell(r - 1, 1))
        if studios[0][0] == studios[1][0]:
            t.cell(first + 1, 2).text = ""
            t.cell(first, 2).merge(t.cell(first + 1, 2))
    t.cell(r, 0).text = "合计"
    t.cell(r, 1).text = "7个"
    d.save(HERE / "studios-national-word.docx")


def split_word() -> None:
    """One list as two tables (Word split it across pages), the header repeated on the second."""
    d = docx.Document()
    d.add_paragraph("2023年武汉市技能大师工作室名单")
    for part in (WUHAN[:3], WUHAN[3:5]):
        t = d.add_table(rows=1 + len(part), cols=3)
        for c, text in enumerate(["序号", "工作室名称", "依托单位"]):
            t.cell(0, c).text = text
        for r, (name, host) in enumerate(part, start=1):
            t.cell(r, 0).text, t.cell(r, 1).text, t.cell(r, 2).text = str(WUHAN.index((name, host)) + 1), name, host
        d.add_page_break()
    d.save(HERE / "studios-word-split-tables.docx")


def two_lists_word() -> None:
    """A national notice's attachment with both lists: 附件1 the training bases, 附件2 the studios,
    each its own table with its own header. ``--into studios`` reads the second, ``--into bases`` the first."""
    d = docx.Document()
    d.add_paragraph("附件1  2023年国家级高技能人才培训基地项目单位名单")
    bases = [("辽宁", "辽宁工业大学"), ("山东", "潍坊市技师学院"), ("福建", "福建省第二高级技工学校")]
    t = d.add_table(rows=1 + len(bases), cols=3)
    for c, text in enumerate(["序号", "省份", "单位名称"]):
        t.cell(0, c).text = text
    for r, (province, host) in enumerate(bases, start=1):
        t.cell(r, 0).text, t.cell(r, 1).text, t.cell(r, 2).text = str(r), province, host
    d.add_page_break()
    d.add_paragraph("附件2  2023年国家级技能大师工作室项目单位名单")
    studios = [("福建", "福建瑞达茶业有限公司", "陈家瑞技能大师工作室", "陈家瑞")]
    t = d.add_table(rows=1 + len(studios), cols=5)
    for c, text in enumerate(["序号", "省份", "单位名称", "工作室名称", "领办人"]):
        t.cell(0, c).text = text
    for r, cells in enumerate(studios, start=1):
        for c, text in enumerate((str(r), *cells)):
            t.cell(r, c).text = text
    d.save(HERE / "studios-word-two-lists.docx")


def wrapped_word() -> None:
    """Narrow Word columns: the header, long names and hosts wrapped onto a second line by hand, and a
    studio led by several masters, one a line."""
    d = docx.Document()
    d.add_paragraph("2023年国家级技能大师工作室项目单位名单")
    rows = [
        ("1", "苏美亭智能制造\n技能大师工作室", "山东工业\n技师学院", "苏美亭"),
        ("2", "陈家瑞技能大师工作室", "福建瑞达茶业\n有限公司", "陈家瑞"),
        ("3", "", "", "邓建军\n张忠\n乔森"),
    ]
    t = d.add_table(rows=1 + len(rows), cols=4)
    for c, text in enumerate(["序号", "工作室\n名称", "依托\n单位", "领办人"]):
        t.cell(0, c).text = text
    for r, cells in enumerate(rows, start=1):
        for c, text in enumerate(cells):
            t.cell(r, c).text = text  # python-docx turns "\n" into a line break inside the cell
    d.save(HERE / "studios-word-wrapped-cells.docx")


def side_by_side_word() -> None:
    """A short list printed in two columns side by side to save paper: 序号/工作室名称/依托单位 twice
    in one header. Reading it as one table would keep only the right half: it is refused."""
    d = docx.Document()
    d.add_paragraph("2023年武汉市技能大师工作室名单")
    t = d.add_table(rows=4, cols=6)
    for c, text in enumerate(["序号", "工作室名称", "依托单位"] * 2):
        t.cell(0, c).text = text
    for r in range(1, 4):
        left, right = WUHAN[r - 1], WUHAN[r + 2]
        for c, text in enumerate([str(r), *left, str(r + 3), *right]):
            t.cell(r, c).text = text
    d.save(HERE / "studios-word-side-by-side.docx")


def nested_word() -> None:
    """A list framed in a one-cell table (a border drawn round the page), and a long host typed into a
    small two-row table inside its cell to make it fit: the frame stands for the list, and the nested
    table's lines are the cell's text (python-docx's ``cell.text`` leaves them out)."""
    d = docx.Document()
    d.add_paragraph("2023年武汉市技能大师工作室名单")
    frame = d.add_table(rows=1, cols=1)
    t = frame.cell(0, 0).add_table(rows=4, cols=4)
    for c, text in enumerate(["序号", "工作室名称", "依托单位", "领办人"]):
        t.cell(0, c).text = text
    rows = [
        ("1", "吴文霖技能大师工作室", "湖北生态工程职业技术学院", "吴文霖"),
        ("2", "张涛技能大师工作室", "", "张涛"),
        ("3", "赵宗合技能大师工作室", "中国一冶集团有限公司科工建设分公司", "赵宗合"),
    ]
    for r, cells in enumerate(rows, start=1):
        for c, text in enumerate(cells):
            t.cell(r, c).text = text
    host = t.cell(2, 2)
    inner = host.add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "长江岩土工程有限公司"
    inner.cell(1, 0).text = "武汉分公司"
    d.save(HERE / "studios-word-nested-table.docx")


def word_without_table() -> None:
    d = docx.Document()
    for text in (
        "关于公布2023年武汉市技能大师工作室名单的通知",
        "各区人力资源和社会保障局，各有关单位：",
        "经单位申报、专家评审和公示，现将名单予以公布（见附件）。",
        "附件：2023年武汉市技能大师工作室名单",
    ):
        d.add_paragraph(text)
    d.save(HERE / "studios-word-no-table.docx")


def provincial_xls() -> None:
    """A provincial .xls: a merged title, the header on row 2, 序号 numbers as numbers."""
    names = [
        ("邹兵自动炼钢技能大师工作室", "邹兵"),
        ("王伟雄模具制造技能大师工作室", "王伟雄"),
        ("江亮根砚雕技能大师工作室", "江亮根"),
        ("吴贤明烹饪技能大师工作室", "吴贤明"),
        ("黄俊军金属錾雕技能大师工作室", "黄俊军"),
    ]
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Sheet1")
    ws.write_merge(0, 0, 0, 3, "2014年江西省技能大师工作室名单")
    for c, text in enumerate(["序号", "工作室名称", "领办人", "所在地区"]):
        ws.write(1, c, text)
    for r, (name, master) in enumerate(names, start=2):
        ws.write(r, 0, r - 1)
        ws.write(r, 1, name)
        ws.write(r, 2, master)
    ws.write_merge(2, len(names) + 1, 3, 3, "江西")
    book.save(str(HERE / "studios-provincial.xls"))


def header_on_row_3() -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "附件"
    ws["A2"] = "2023年武汉市技能大师工作室名单（按姓氏笔画排序）"
    ws.merge_cells("A2:C2")
    ws.append(["序号", "项目名称", "推荐单位"])
    for n, (name, host) in enumerate(WUHAN[:4], start=1):
        ws.append([n, name, host])
    wb.save(HERE / "studios-header-on-row-3.xlsx")


def several_sheets() -> None:
    """A publisher's workbook: the list on the first sheet, a 说明 sheet beside it and an older list
    hidden: only the first visible sheet is read, and the others that hold something are named."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "工作室名单"
    ws.append(["序号", "工作室名称", "依托单位"])
    for n, (name, host) in enumerate(WUHAN[:2], start=1):
        ws.append([n, name, host])
    notes = wb.create_sheet("说明")
    notes["A1"] = "本名单按姓氏笔画排序。"
    old = wb.create_sheet("旧名单")
    old.append(["序号", "工作室名称", "依托单位"])
    old.append([1, *WUHAN[5]])
    old.sheet_state = "hidden"
    wb.save(HERE / "studios-several-sheets.xlsx")


def extra_remarks_csv() -> None:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["序号", "工作室名称", "依托单位", "备注"])
    for n, (name, host) in enumerate(WUHAN[2:5], start=1):
        w.writerow([n, name, host, "新建" if n % 2 else "续建"])
    (HERE / "studios-extra-remarks.csv").write_bytes(out.getvalue().encode("gbk"))  # as Chinese Excel saves it


def revoked_remarks_csv() -> None:
    """A later list repeats earlier studios with a 备注 saying what became of them: 撤销 and 更名 must not
    be imported as if nothing had happened (the column is not imported); 新建 is harmless."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["序号", "工作室名称", "依托单位", "备注"])
    remarks = ["新建", "考核不合格，予以撤销", "原名段杨数控技能大师工作室，已更名"]
    for n, ((name, host), remark) in enumerate(zip(WUHAN[2:5], remarks, strict=True), start=1):
        w.writerow([n, name, host, remark])
    (HERE / "studios-revoked-remarks.csv").write_bytes(out.getvalue().encode("gbk"))


def province_three_ways_csv() -> None:
    """One province printed three ways in one column: full name, short name, one-character 简称."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["序号", "省份", "工作室名称", "依托单位"])
    for n, (province, (name, host)) in enumerate(zip(["湖北省", "湖北", "鄂"], WUHAN[:3], strict=True), start=1):
        w.writerow([n, province, name, host])
    (HERE / "studios-province-three-ways.csv").write_text(out.getvalue(), encoding="utf-8")


def hostile_csv() -> None:
    """A publisher's CSV that went through a spreadsheet: a formula and an error value in 推荐单位."""
    rows = ["序号,项目名称,推荐单位", f"1,{WUHAN[0][0]},\"=HYPERLINK(\"\"x\"\")\"", f"2,{WUHAN[1][0]},#N/A"]
    (HERE / "studios-hostile-cells.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def pdf_table() -> None:
    names = [
        ("中国十九冶高级技工学校", ""),
        ("泸州职业技术学院", "泸州"),
        ("四川工程职业技术学院", ""),
        ("宜宾市职业技术学校", "宜宾"),
        ("阿坝州职业技术学校", "阿坝"),
    ]
    doc = SimpleDocTemplate(str(HERE / "bases-pdf-table.pdf"), pagesize=A4, invariant=1)
    style = ParagraphStyle("zh", fontName=FONT, fontSize=12)
    data = [["序号", "单位名称", "地市"]] + [[str(n), name, city] for n, (name, city) in enumerate(names, start=1)]
    table = Table(data)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    doc.build([Paragraph("第二批四川省高技能人才培训基地建设项目名单", style), table])


def pdf_table_two_pages() -> None:
    """A table that runs over two pages, its header repeated on the second (A6, so six rows are enough)."""
    from reportlab.lib.pagesizes import A6

    doc = SimpleDocTemplate(str(HERE / "studios-pdf-table-two-pages.pdf"), pagesize=A6, invariant=1)
    data = [["序号", "工作室名称"]] + [[str(n), name] for n, (name, _) in enumerate(WUHAN, start=1)]
    table = Table(data, repeatRows=1, rowHeights=48)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    doc.build([table])


def pdf_wrapped_table() -> None:
    """Narrow columns: the long names and hosts wrap onto a second line inside their cells."""
    doc = SimpleDocTemplate(str(HERE / "studios-pdf-wrapped-cells.pdf"), pagesize=A4, invariant=1)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=10, leading=12)
    data = [["序号", "工作室名称", "依托单位"]] + [
        [str(n), Paragraph(name, cell), Paragraph(host, cell)] for n, (name, host) in enumerate(WUHAN[2:4], start=1)
    ]
    table = Table(data, colWidths=[30, 90, 110])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    doc.build([table])


def pdf_list() -> None:
    doc = SimpleDocTemplate(str(HERE / "studios-pdf-numbered-list.pdf"), pagesize=A4, invariant=1)
    style = ParagraphStyle("zh", fontName=FONT, fontSize=12, leading=20)
    items = [Paragraph("2023年武汉市技能大师工作室名单", style)]
    items += [Paragraph(f"{n}. {name}（{host}）", style) for n, (name, host) in enumerate(WUHAN[:4], start=1)]
    doc.build(items)


def pdf_wrapped_list() -> None:
    """A narrow page (A6): long entries wrap onto a second line, inside the brackets."""
    from reportlab.lib.pagesizes import A6

    doc = SimpleDocTemplate(str(HERE / "studios-pdf-wrapped-list.pdf"), pagesize=A6, invariant=1)
    style = ParagraphStyle("zh", fontName=FONT, fontSize=11, leading=16)
    doc.build([Paragraph(f"{n}. {name}（{host}）", style) for n, (name, host) in enumerate(WUHAN[1:4], start=1)])


def scanned_pdf() -> None:
    """A scan: the page is a picture (here: drawn shapes), with no text layer."""
    c = canvas.Canvas(str(HERE / "studios-scanned.pdf"), pagesize=A4, invariant=1)
    for y in range(700, 400, -30):
        c.setFillColor(colors.grey)
        c.rect(80, y, 420, 12, fill=1, stroke=0)
    c.save()


def web_texts() -> None:
    numbered = ["2023年武汉市技能大师工作室名单", "（按姓氏笔画排名）", ""]
    numbered += [f"{n}. {name}（{host}）" for n, (name, host) in enumerate(WUHAN, start=1)]
    (HERE / "studios-web-numbered.txt").write_text("\n".join(numbered) + "\n", encoding="utf-8")
    trades = ["四川（4个）", "张志发（冷作工）", "陈曙光（金属热处理）", "何金华（家电维修）", "李家民（酿酒）"]
    (HERE / "studios-web-master-trade.txt").write_text("\n".join(trades) + "\n", encoding="utf-8")
    joined = [
        "福建（3个）",
        "福州聚春园饭店有限公司杨伟华",
        "东南(福建)汽车工业有限公司林杰",
        "福建省工艺美术研究院潘惊石",
    ]
    (HERE / "studios-web-host-master.txt").write_text("\n".join(joined) + "\n", encoding="utf-8")
    unreadable = ["1. 吴文霖技能大师工作室（湖北生态工程职业技术学院）", "2. 景德镇市陶瓷艺术工作者夏瑛"]
    (HERE / "studios-web-unreadable-line.txt").write_text("\n".join(unreadable) + "\n", encoding="utf-8")
    tabs = ["序号\t工作室名称\t依托单位"] + [
        f"{n}\t{name}\t{host}" for n, (name, host) in enumerate(WUHAN[:3], start=1)
    ]
    (HERE / "studios-web-table.txt").write_text("\n".join(tabs) + "\n", encoding="utf-8")
    # numbered as official documents number: （一） before a province, ① or 1、 before an entry
    chinese = [
        "（一）内蒙古（2个）",
        "①卢仁峰焊接技能大师工作室（内蒙古一机集团）",
        "②宋殿琛车工技能大师工作室（内蒙古一机集团）",
        "（二）广东（1个）",
        "1、黄巨利技能大师工作室（茂名石化）",
    ]
    (HERE / "studios-web-chinese-numbering.txt").write_text("\n".join(chinese) + "\n", encoding="utf-8")
    # copied from a PDF: 工 came out as the Kangxi radical ⼯ (U+2F2F), which looks the same on screen
    radicals = [
        "2023年武汉市技能大师工作室名单",
        "1. 段杨技能大师\u2f2f作室（武汉重型机床集团有限公司）",
        "2. 凌勇技能大师工作室（格力暖通制冷设备(武汉)有限公司）",
        "3. 陶川技能大师\u2f2f作室（武汉滨湖电子有限责任公司）",
    ]
    (HERE / "studios-web-kangxi-radicals.txt").write_text("\n".join(radicals) + "\n", encoding="utf-8")
    # Excel's "Unicode 文本" (and Notepad's "Unicode"): UTF-16 with a byte-order mark, tab-separated
    (HERE / "studios-web-utf16.txt").write_bytes(("\r\n".join(tabs) + "\r\n").encode("utf-16"))


if __name__ == "__main__":
    national_word()
    split_word()
    wrapped_word()
    two_lists_word()
    side_by_side_word()
    word_without_table()
    nested_word()
    provincial_xls()
    header_on_row_3()
    several_sheets()
    extra_remarks_csv()
    revoked_remarks_csv()
    province_three_ways_csv()
    hostile_csv()
    pdf_table()
    pdf_table_two_pages()
    pdf_wrapped_table()
    pdf_list()
    pdf_wrapped_list()
    scanned_pdf()
    web_texts()
