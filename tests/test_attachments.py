"""``import FILE --into studios|bases --announcement ID``: lists as governments publish them (Word
tables, old .xls, PDF tables and lists, text copied from a web page) become records. Every file under
cases/attachments/ is imported into the minimal good project plus the real announcements it belongs
to, and must give exactly the records (or the message) in its ``.expected.txt`` (format: test_import.py).
The files are written by cases/attachments/build.py with names from the real records."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from conftest import CASES, REPO
from conftest import run_cli as run
from test_import import check_outcome, digest, expected

ATTACHMENTS = CASES / "attachments"
FILES = sorted(
    p
    for p in ATTACHMENTS.iterdir()
    if p.suffix in {".docx", ".xls", ".xlsx", ".csv", ".pdf", ".txt"} and not p.name.endswith(".expected.txt")
)
ANNOUNCEMENTS = (
    "nat-2023-batch",
    "sc-2014-national",
    "sc-2014-provincial",
    "jx-2014-provincial-studios",
    "fuzhou-2017-national",
)


@pytest.fixture
def datasets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal good project with the real announcements that the corpus lists belong to."""
    monkeypatch.chdir(tmp_path)
    folder = Path(shutil.copytree(CASES / "good", tmp_path / "datasets"))
    real = (REPO / "datasets" / "register" / "announcements.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    rows = [line for line in real[1:] if line.split(",", 1)[0] in ANNOUNCEMENTS]
    assert len(rows) == len(ANNOUNCEMENTS)
    with (folder / "register" / "announcements.csv").open("a", encoding="utf-8") as f:
        f.writelines(rows)
    return folder


def test_the_corpus_is_large_enough() -> None:
    kinds = {p.suffix for p in FILES}
    assert len(FILES) >= 12 and kinds == {".docx", ".xls", ".xlsx", ".csv", ".pdf", ".txt"}


@pytest.mark.parametrize("case", FILES, ids=[c.name for c in FILES])
def test_attachment_gives_its_rows_or_its_message(case: Path, datasets: Path) -> None:
    check_outcome(case, expected(case), datasets)


def test_standard_input_reads_web_text(datasets: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    text = (ATTACHMENTS / "studios-web-master-trade.txt").read_bytes()
    before = digest(datasets)
    result = CliRunner().invoke(
        main,
        [
            "import",
            "-",
            "--into",
            "studios",
            "--announcement",
            "sc-2014-national",
            "--datasets",
            str(datasets),
            "--dry-run",
        ],
        input=text,
    )
    assert result.exit_code == 0, result.output
    assert "  S000092  张志发技能大师工作室（标准输入 第 2 行）" in result.output.splitlines()
    assert digest(datasets) == before


def test_map_overrides_a_column(datasets: Path) -> None:
    case = ATTACHMENTS / "studios-extra-remarks.csv"
    code, out = run(
        "import",
        str(case),
        "--into",
        "studios",
        "--announcement",
        "wuhan-2023",
        "--datasets",
        str(datasets),
        "--dry-run",
        "--map",
        "依托单位=skip",
    )
    assert code == 0, out
    assert "  「依托单位」→ 不导入" in out.splitlines()
    assert "依托单位=" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--announcement", "no-such-announcement"), "没有公告「no-such-announcement」"),
        (("--announcement", "wuhan-2023", "--map", "工作室名称"), "--map 写法不对"),
    ],
)
def test_list_usage_errors_exit_2(datasets: Path, args: tuple[str, ...], message: str) -> None:
    code, out = run(
        "import", str(ATTACHMENTS / "studios-web-table.txt"), "--into", "studios", "--datasets", str(datasets), *args
    )
    assert code == 2 and message in out


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def national_word_of(records: list[dict[str, str]], path: Path) -> None:
    """A national-style Word attachment: a province heading row merged across, the province merged down."""
    import docx

    by_province: dict[str, list[dict[str, str]]] = {}
    for record in records:
        by_province.setdefault(record["province_code"], []).append(record)
    codes = csv.reader(io.StringIO((REPO / "schemas" / "codelists" / "provinces.csv").read_text(encoding="utf-8")))
    names = {row[0]: row[1] for row in codes}
    document = docx.Document()
    document.add_paragraph("附件：国家级技能大师工作室建设项目名单")
    table = document.add_table(rows=1 + len(by_province) + len(records), cols=5)
    for c, text in enumerate(["序号", "省份", "单位名称", "工作室名称", "领办人"]):
        table.cell(0, c).text = text
    r, serial = 1, 1
    for code, group in by_province.items():
        table.cell(r, 0).text = f"{names[code]}（{len(group)}个）"
        table.cell(r, 0).merge(table.cell(r, 4))
        first = r = r + 1
        for record in group:
            cells = [
                str(serial),
                names[code] if r == first else "",
                record["host_organization"],
                record["name"],
                record["master_name"].replace(";", "、"),
            ]
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
            serial, r = serial + 1, r + 1
        table.cell(first, 1).merge(table.cell(r - 1, 1))
    document.save(str(path))


def test_a_national_word_list_of_40_studios_in_6_provinces(datasets: Path, tmp_path: Path) -> None:
    """The issue's measure: one dry run gives the mapping and 40 rows; the second command writes them."""
    good = {r["id"] for r in rows_of(CASES / "good" / "register" / "studios.csv")}
    real = rows_of(REPO / "datasets" / "register" / "studios.csv")
    picked: list[dict[str, str]] = []
    masters: set[str] = set()
    for record in real:
        master = record["master_name"].split(";")[0]
        if record["id"] not in good and record["province_code"] and master not in masters and len(picked) < 40:
            masters.add(master)
            picked.append(record)
    assert len(picked) == 40 and len({r["province_code"] for r in picked}) >= 6
    attachment = tmp_path / "附件.docx"
    national_word_of(picked, attachment)
    args = [
        "import",
        str(attachment),
        "--into",
        "studios",
        "--announcement",
        "nat-2023-batch",
        "--datasets",
        str(datasets),
    ]

    code, out = run(*args, "--dry-run")
    assert code == 0, out
    lines = out.splitlines()
    for mapped in (
        "  「省份」→ 省级行政区代码（province_code）",
        "  「单位名称」→ 依托单位（host_organization）",
        "  「工作室名称」→ 名称（name）",
        "  「领办人」→ 领办人（master_name）",
        "认出 40 条记录。",
    ):
        assert mapped in lines, out
    assert sum(1 for line in lines if line.startswith("  S0")) == 40

    code, out = run(*args)
    assert code == 0, out
    written = rows_of(datasets / "register" / "studios.csv")[-40:]
    assert [(w["name"], w["province_code"], w["master_name"], w["host_organization"]) for w in written] == [
        (p["name"], p["province_code"], p["master_name"], p["host_organization"]) for p in picked
    ]


def test_the_documented_dry_run_is_what_the_tool_prints(datasets: Path) -> None:
    """The README and the data/intake/ page show generator/data/intake_example.txt: it must be the
    output of step 2 on the corpus's national-style Word attachment, as the tool prints it today."""
    from generator import paths

    shutil.copy(ATTACHMENTS / "studios-national-word.docx", "附件.docx")
    code, out = run(
        "import",
        "附件.docx",
        "--into",
        "studios",
        "--announcement",
        "nat-2023-batch",
        "--dry-run",
        "--datasets",
        str(datasets),
    )
    assert code == 0, out
    example = paths.INTAKE_EXAMPLE.read_text(encoding="utf-8")
    assert out == example
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- dry-run example: start -->\n```text\n", 1)[1].split(
        "```\n<!-- dry-run example: end -->"
    )[0]
    assert block == example


def test_the_intake_page_shows_the_example(built_site: Path) -> None:
    import html

    from generator import paths

    page = (built_site / "data" / "intake" / "index.html").read_text(encoding="utf-8")
    assert "从公告到网站：四条命令" in page
    for line in paths.INTAKE_EXAMPLE.read_text(encoding="utf-8").splitlines()[:12]:
        assert html.escape(line, quote=False) in page, line


def test_the_intake_page_reads_on_a_phone(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """The long dry-run lines scroll inside their box; the page itself does not scroll sideways."""
    from test_a11y import axe_violations

    page.goto(site_url + "data/intake/")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + "data/intake/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_every_header_synonym_names_a_field_or_a_pseudo_field() -> None:
    from generator.intake.fields import table_spec
    from generator.intake.listing import PSEUDO, synonyms

    known = set(table_spec("studios").names) | set(table_spec("bases").names) | set(PSEUDO)
    found = synonyms()
    assert set(found.values()) <= known
    assert {found[k] for k in ("序号", "省份", "单位名称", "工作室名称", "领办人", "职业(工种)", "级别")} == {
        "serial",
        "province_code",
        "host_organization",
        "name",
        "master_name",
        "trade",
        "level",
    }


def test_the_trade_goes_into_occupation_when_the_schema_has_it() -> None:
    """The studios schema has ``occupation``: the trade goes there; a schema without the field (an
    older data package) keeps it in the evidence text."""
    from generator.intake.fields import TableSpec, table_spec
    from generator.intake.listing import Record
    from generator.intake.lists import template_row

    studios = table_spec("studios")
    record = Record(2, {"master_name": "张志发", "trade": "冷作工"}, "张志发（冷作工）")
    announcement = {
        "id": "sc-2014-national",
        "level": "national",
        "province_code": "510000",
        "source_url": "https://smesc.cn/news/show.php?itemid=233801",
        "evidence_level": "news",
    }
    older = [f for f in studios.fields if f["name"] != "occupation"]
    before = template_row(TableSpec("studios", studios.sheet, "S", {"fields": older}), record, announcement, "名单.txt")
    assert "occupation" not in before and "职业（工种）：冷作工" in before["evidence"]
    later = template_row(studios, record, announcement, "名单.txt")
    assert later["occupation"] == "冷作工" and "冷作工" not in later["evidence"]
    assert (later["name"], later["name_as_printed"], later["name_quality"]) == (
        "张志发技能大师工作室",
        "张志发（冷作工）",
        "constructed",
    )


def test_a_published_list_imported_twice_is_said_in_one_line(datasets: Path) -> None:
    """The second import of a Word attachment writes nothing and says so in one line (the mapping and
    the skipped rows, which the first import showed, are not repeated)."""
    case = ATTACHMENTS / "studios-national-word.docx"
    args = ("import", str(case), "--into", "studios", "--announcement", "nat-2023-batch", "--datasets", str(datasets))
    code, _ = run(*args)
    assert code == 0
    before = digest(datasets)
    code, out = run(*args)
    assert code == 0 and digest(datasets) == before
    assert out.splitlines() == [
        "这个文件已经导入过：全部 7 行都已在 datasets/register/studios.csv 中（S000092 至 S000098），没有写入任何文件。"
    ]


def test_a_file_with_both_lists_gives_bases_the_bases_list(datasets: Path) -> None:
    """附件1 the bases, 附件2 the studios, one Word file: ``--into bases`` takes the first table only."""
    case = ATTACHMENTS / "studios-word-two-lists.docx"
    args = ("import", str(case), "--into", "bases", "--announcement", "nat-2023-batch", "--datasets", str(datasets))
    code, out = run(*args)
    assert code == 0, out
    assert "已跳过另一份名单的行（表头在第 5 行，不是培训基地名单） 2 行：第 5–6 行。" in out.splitlines()
    assert sum(line.startswith("  B0") for line in out.splitlines()) == 3, out
    rows = list(csv.DictReader(io.StringIO((datasets / "register" / "bases.csv").read_text(encoding="utf-8"))))
    assert [r["name"] for r in rows[-3:]] == ["辽宁工业大学", "潍坊市技师学院", "福建省第二高级技工学校"]
    assert not any("陈家瑞" in r["name"] or "福建瑞达茶业" in r["host_organization"] for r in rows)


def test_a_file_with_two_lists_of_the_same_kind_is_refused(datasets: Path) -> None:
    """Two studio tables with different headers and no way to tell which is meant: one clear message."""
    import docx

    d = docx.Document()
    for header, row in (
        (["序号", "工作室名称", "领办人"], ["1", "陈家瑞技能大师工作室", "陈家瑞"]),
        (
            ["序号", "依托单位", "工作室名称", "领办人", "省份"],
            ["1", "山东工业技师学院", "苏美亭技能大师工作室", "苏美亭", "山东"],
        ),
    ):
        t = d.add_table(rows=2, cols=len(header))
        for c, (h, v) in enumerate(zip(header, row, strict=True)):
            t.cell(0, c).text, t.cell(1, c).text = h, v
    case = datasets.parent / "两份名单.docx"
    d.save(str(case))
    before = digest(datasets)
    code, out = run(
        "import", str(case), "--into", "studios", "--announcement", "nat-2023-batch", "--datasets", str(datasets)
    )
    assert code == 1 and digest(datasets) == before
    assert (
        "[import-several-lists] 文件中有 2 份名单，认不出哪一份是技能大师工作室名单：第 1 行起（序号、工作室名称、领办人）；第 3 行起（序号、依托单位、工作室名称、领办人、省份）"
        in out
    )


def test_an_updated_list_imported_again_whole_says_which_rows_are_new(datasets: Path, tmp_path: Path) -> None:
    """The publisher added one entry and the clerk imports the whole list again: refused (the old rows
    are duplicates), with one line saying that all but one row are in already, and which one is new."""
    case = ATTACHMENTS / "studios-web-numbered.txt"
    args = ("--into", "studios", "--announcement", "wuhan-2023", "--datasets", str(datasets))
    code, _ = run("import", str(case), *args)
    assert code == 0
    updated = tmp_path / "名单（更新）.txt"
    text = case.read_text(encoding="utf-8") + "7. 代能武技能大师工作室（武昌船舶重工集团有限公司）\n"
    updated.write_text(text, "utf-8")
    new_row = len(text.splitlines())
    before = digest(datasets)
    code, out = run("import", str(updated), *args)
    assert code == 1 and digest(datasets) == before
    assert (
        f"文件中 6 行已在 register/studios.csv 中（S000092 至 S000097，同名、同一公告），只有第 {new_row} 行是新的："
        "名单更新后再次整份导入时会这样。加 --only-new 只导入新的行（已有的跳过并列出），或把新的行另存一个文件"
        "（保留表头）再导入；下面逐行列出重复项。"
    ) in out.splitlines()

    # With --only-new the same file adds the one new entry, and says which rows it left out.
    code, out = run("import", str(updated), *args, "--only-new", "--dry-run")
    assert code == 0 and digest(datasets) == before, out
    code, out = run("import", str(updated), *args, "--only-new")
    assert code == 0, out
    assert (
        "--only-new：跳过文件中已在 register/studios.csv 中的 6 行（第 4、5、6、7、8、9 行，S000092 至 S000097，"
        "同名、同一公告），只导入其余的行。"
    ) in out.splitlines(), out
    added = [line for line in out.splitlines() if line.startswith("  S0")]
    assert added == [f"  S000098  代能武技能大师工作室（{updated.name} 第 {new_row} 行）"], out
    # And the list as it is now, imported once more, is one line: already imported, nothing written.
    after = digest(datasets)
    code, out = run("import", str(updated), *args, "--only-new")
    assert code == 0 and digest(datasets) == after and "已经导入过" in out, out
