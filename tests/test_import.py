"""``python -m generator import``: every file under cases/import/ is imported into a copy of the minimal
good project. A bad file must be refused (exit 1) with exactly the problems in its ``.expected.txt``
(``row:code:field title``, row and column as the clerk sees them) and leave datasets/ byte-identical;
a good file must add exactly the records in its ``.expected.txt`` (``id name``) with the next ids, and
the result must validate. ``--dry-run`` writes nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import CASES
from conftest import run_cli as run

from generator.intake.encodings import decode
from generator.intake.ids import issued_ids, next_ids
from generator.intake.import_ import ChangedMeanwhile, commit, plan_import
from generator.intake.read import read_upload
from generator.intake.undo import UNDO_DIR
from generator.model.problems import errors
from generator.validate import validate
from generator.validate.checks.catalogue import BY_CODE

IMPORT = CASES / "import"
CORPUS = sorted(
    p for folder in ("good", "bad") for p in (IMPORT / folder).iterdir() if p.suffix in {".csv", ".xlsx", ".docx"}
)
ADDED = re.compile(r"^  (\S+)  (.+)（.+ 第 \d+ 行）$")
LINE = re.compile(r"^(?P<path>.+?):(?P<row>\d+|-): \[(?P<code>[a-z-]+)(，警告)?\] (?P<text>.*)$")
PROBLEM = re.compile(r"^(\d+|-):[a-z-]+:")


@pytest.fixture
def datasets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copytree(CASES / "good", tmp_path / "datasets"))


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and UNDO_DIR not in p.parts
    }


def table_of(case: Path) -> str:
    return case.name.split("-", 1)[0]


@dataclass
class Outcome:
    """A case's ``.expected.txt``: ``args: …`` extra arguments; ``row:code:column`` problems (the file is
    refused with exactly these); ``+ id name`` records added, in order; ``= id field value`` a value
    stored; ``> text`` a line of output that must appear (a normalisation listed, a note)."""

    args: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    stored: list[tuple[str, str, str]] = field(default_factory=list)
    says: list[str] = field(default_factory=list)


def expected(case: Path) -> Outcome:
    path = case.with_name(case.name.rsplit(".", 1)[0] + ".expected.txt")
    out = Outcome()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("args: "):
            out.args = line[6:].split()
        elif line.startswith("+ "):
            out.added.append(line[2:])
        elif line.startswith("= "):
            record_id, name, value = line[2:].split(" ", 2)
            out.stored.append((record_id, name, value))
        elif line.startswith("> "):
            out.says.append(line[2:])
        elif PROBLEM.match(line):
            out.problems.append(line)
    return out


def problems_in(output: str, file: Path) -> list[str]:
    """``row:code:field`` for every problem line about the imported file."""
    out = []
    for line in output.splitlines():
        found = LINE.match(line)
        if found and Path(found["path"]).resolve() == file.resolve():
            field = re.search(r"字段「([^」]*)」", found["text"])
            out.append(f"{found['row']}:{found['code']}:{field.group(1) if field else ''}")
    return sorted(out)


@pytest.mark.parametrize("case", CORPUS, ids=[f"{c.parent.name}/{c.name}" for c in CORPUS])
def test_corpus_case(case: Path, datasets: Path) -> None:
    want = expected(case)
    assert (case.parent.name == "bad") == bool(want.problems), "bad cases are refused, good ones are not"
    check_outcome(case, want, datasets)


def check_outcome(case: Path, want: Outcome, datasets: Path) -> None:
    """The file gives exactly its outcome: refused with its problems and nothing written, or its records
    added with the next ids (dry run first, which writes nothing), every normalisation listed."""
    table = table_of(case)
    target = datasets / "register" / f"{table}.csv"
    before, original = digest(datasets), target.read_bytes()
    args = ["import", str(case), "--into", table, "--datasets", str(datasets), *want.args]

    code, out = run(*args, "--dry-run")
    assert digest(datasets) == before, "a dry run (or a refused file) writes nothing"
    for line in want.says:
        assert line in out, out
    if want.problems:
        assert code == 1, out
        assert "导入未完成" in out and "没有写入任何文件（datasets/ 保持不变）" in out
        assert problems_in(out, case) == sorted(want.problems), out
        code, out = run(*args)
        assert code == 1 and digest(datasets) == before
        return
    assert code == 0, out
    assert [f"{m[1]} {m[2]}" for line in out.splitlines() if (m := ADDED.match(line))] == want.added, out

    code, out = run(*args)
    assert code == 0, out
    after = digest(datasets)
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == ({f"register/{table}.csv"} if want.added else set()), "only the target changes"
    data = target.read_bytes()
    assert data.startswith(original), "existing rows are kept byte for byte"
    new_rows = (
        list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))[-len(want.added) :] if want.added else []
    )
    assert [f"{r['id']} {r.get('name') or r.get('title')}" for r in new_rows] == want.added
    by_id = {r["id"]: r for r in new_rows}
    for record_id, name, value in want.stored:
        assert by_id[record_id][name] == value, (record_id, name)
    assert errors(validate(datasets)) == []


def test_changes_are_reported_with_row_column_old_and_new(datasets: Path) -> None:
    case = IMPORT / "good" / "studios-gbk.csv"
    code, out = run("import", str(case), "--into", "studios", "--datasets", str(datasets), "--dry-run")
    assert code == 0
    assert "读取：CSV 文件，编码 GB18030（GBK）。" in out
    assert "已跳过空行：第 3 行。" in out
    assert '  第 2 行「省级行政区代码」："湖北省" → "420000"（中文名称「湖北省」改为代码）' in out.splitlines()
    assert '  第 4 行「领办人」："赵六、钱七" → "赵六;钱七"（多位领办人改用英文分号 ; 分隔）' in out.splitlines()


def test_a_warning_caused_by_the_import_is_shown_but_does_not_stop_it(datasets: Path) -> None:
    code, out = run(
        "import", str(IMPORT / "good" / "studios-bom.csv"), "--into", "studios", "--datasets", str(datasets)
    )
    assert code == 0
    assert "读取：CSV 文件，编码 UTF-8（带 BOM）。" in out
    assert "register/announcements.csv:4: [count-mismatch，警告]" in out


def test_ids_are_never_reused(datasets: Path) -> None:
    """The next id comes after every id ever issued: the retired ledger and release snapshots count."""
    (datasets / "register" / "retired_ids.csv").write_text(
        "id,name,kind,retired_on,reason\nS000095,某技能大师工作室,studio,2024-01-15,重复\n", encoding="utf-8"
    )
    assert next_ids("S", issued_ids(datasets), 2) == ["S000096", "S000097"]
    snapshot = datasets / "releases" / "0.1.0" / "register"
    snapshot.mkdir(parents=True)
    (snapshot / "studios.csv").write_text("id,name\nS000120,已删除的工作室\n", encoding="utf-8")
    assert next_ids("S", issued_ids(datasets), 1) == ["S000121"]
    assert next_ids("B", issued_ids(datasets), 1) == ["B000029"]
    assert next_ids("B", [], 1) == ["B000001"]


def test_nothing_is_written_when_the_target_changed_meanwhile(datasets: Path) -> None:
    plan = plan_import(IMPORT / "good" / "studios-gbk.csv", "studios", datasets)
    assert plan.ok
    target = datasets / "register" / "studios.csv"
    edited = target.read_bytes() + "S000092,别人刚加的工作室\n".encode()  # someone else wrote meanwhile
    target.write_bytes(edited)
    with pytest.raises(ChangedMeanwhile):
        commit(plan, datasets, "upload.csv")
    assert target.read_bytes() == edited
    assert sorted(p.name for p in target.parent.iterdir() if p.name.startswith(".")) == []


def test_existing_errors_stop_the_import(datasets: Path) -> None:
    studios = datasets / "register" / "studios.csv"
    studios.write_text(
        studios.read_text(encoding="utf-8").replace(",2023,wuhan-2023,", ",二〇二三,wuhan-2023,", 1), encoding="utf-8"
    )
    before = digest(datasets)
    code, out = run(
        "import", str(IMPORT / "good" / "studios-gbk.csv"), "--into", "studios", "--datasets", str(datasets)
    )
    assert code == 1
    assert "[import-datasets-invalid] 现有数据本身有 1 个错误，不能导入" in out
    assert digest(datasets) == before


@pytest.mark.parametrize(
    "args",
    [
        ("import", "no-such-file.csv", "--into", "studios"),
        ("import", str(IMPORT / "good" / "studios-gbk.csv"), "--into", "workshops"),
        ("import", str(IMPORT / "good" / "studios-gbk.csv")),
        ("import", str(IMPORT / "good" / "studios-gbk.csv"), "--into", "studios", "--datasets", "no-such-folder"),
    ],
)
def test_usage_errors_exit_2(datasets: Path, args: tuple[str, ...]) -> None:
    before = digest(datasets)
    code, _ = run(*args)
    assert code == 2
    assert digest(datasets) == before


def test_encoding_detection_reports_what_it_used() -> None:
    text = "名称\n中文\n"
    utf8, problems = decode(text.encode("utf-8"), "x.csv")
    assert utf8 is not None and not problems
    assert (utf8.text, utf8.encoding) == (text, "UTF-8")
    assert "ambiguous" in utf8.note  # these UTF-8 bytes also decode as GB18030, to other characters
    gbk, _ = decode(text.encode("gbk"), "x.csv")
    assert gbk is not None and (gbk.text, gbk.encoding, gbk.note) == (text, "GB18030（GBK）", "")
    bom, _ = decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "x.csv")
    assert bom is not None and (bom.text, bom.encoding) == (text, "UTF-8（带 BOM）")
    ascii_only, _ = decode(b"id,name\n", "x.csv")
    assert ascii_only is not None and "ASCII" in ascii_only.note
    _, mixed = decode("名称\n".encode() + "中文\n".encode("gbk") + "名称\n".encode(), "x.csv")
    assert [(p.row, p.code) for p in mixed] == [(2, "import-mixed-encoding")]


@pytest.mark.parametrize(
    ("cell", "expected_problems"),
    [
        ("长" * 1_000_000, ["2:cell-too-long:证据说明"]),  # a 3 MB cell: reported, not a crash
        ("官方\x00名单", ["-:import-not-spreadsheet:"]),
        ('=HYPERLINK("http://evil.example/")', ["2:formula-prefix:证据说明", "2:import-count-short:公告标识"]),
    ],
)
def test_hostile_cells(cell: str, expected_problems: list[str], datasets: Path) -> None:
    url = "https://www.chacewang.com/newsdetail/news518851.html"
    file = datasets.parent / "upload.csv"
    quoted = '"' + cell.replace('"', '""') + '"'
    file.write_text(
        "名称,原文名称,名称来源,领办人,省级行政区代码,级别,年度,公告标识,来源网址,证据等级,证据说明\n"
        f"王五技能大师工作室,王五技能大师工作室,printed,王五,420000,municipal,2023,wuhan-2023,{url},official,{quoted}\n",
        encoding="utf-8",
    )
    before = digest(datasets)
    code, out = run("import", str(file), "--into", "studios", "--datasets", str(datasets))
    assert problems_in(out, file) == sorted(expected_problems), out
    if any(p.split(":")[1] in BY_CODE and BY_CODE[p.split(":")[1]].severity == "error" for p in expected_problems):
        assert code == 1 and digest(datasets) == before
    else:  # warnings only: imported, and the warning stays visible on the report page
        assert code == 0


def test_the_same_file_twice_writes_nothing_the_second_time(datasets: Path) -> None:
    case = IMPORT / "good" / "studios-gbk.csv"
    code, _ = run("import", str(case), "--into", "studios", "--datasets", str(datasets))
    assert code == 0
    before = digest(datasets)
    code, out = run("import", str(case), "--into", "studios", "--datasets", str(datasets))
    assert code == 0
    assert out.splitlines() == [
        "这个文件已经导入过：全部 2 行都已在 datasets/register/studios.csv 中（S000092 至 S000093），没有写入任何文件。"
    ]
    assert digest(datasets) == before


def test_undo_restores_the_register_and_retires_the_ids(datasets: Path) -> None:
    target = datasets / "register" / "studios.csv"
    original, ledger = target.read_bytes(), (datasets / "register" / "retired_ids.csv").read_text(encoding="utf-8")
    code, out = run(
        "import", str(IMPORT / "good" / "studios-gbk.csv"), "--into", "studios", "--datasets", str(datasets)
    )
    assert code == 0 and "import --undo" in out
    code, out = run("import", "--undo", "--datasets", str(datasets))
    assert code == 0, out
    assert target.read_bytes() == original
    assert "编号 S000092、S000093 已停用，记入 register/retired_ids.csv，今后不会再分配。" in out.splitlines()
    retired = (datasets / "register" / "retired_ids.csv").read_text(encoding="utf-8")[len(ledger) :].splitlines()
    want = [["S000092", "王五技能大师工作室", "studio"], ["S000093", "赵六钱七技能大师工作室", "studio"]]
    assert [line.split(",")[:3] for line in retired] == want
    # the ledger is published: it names the file, not the folder on the clerk's computer it was in
    assert all(line.endswith(",导入已撤回（studios-gbk.csv），编号不再分配") for line in retired), retired
    assert errors(validate(datasets)) == []
    code, out = run(
        "import", str(IMPORT / "good" / "studios-gbk.csv"), "--into", "studios", "--datasets", str(datasets)
    )
    assert code == 0 and "  S000094  王五技能大师工作室" in out, "retired ids are not issued again"
    code, out = run("import", "--undo", "--datasets", str(datasets))
    code, out = run("import", "--undo", "--datasets", str(datasets))
    assert code == 1 and "没有可撤销的导入" in out


def test_undo_refuses_when_the_file_changed_since(datasets: Path) -> None:
    run("import", str(IMPORT / "good" / "studios-gbk.csv"), "--into", "studios", "--datasets", str(datasets))
    target = datasets / "register" / "studios.csv"
    target.write_bytes(target.read_bytes() + b"\n")
    before = digest(datasets)
    code, out = run("import", "--undo", "--datasets", str(datasets))
    assert code == 1 and "又被修改过，没有撤销" in out
    assert digest(datasets) == before


def test_a_symlinked_csv_is_written_through(datasets: Path, tmp_path: Path) -> None:
    target = datasets / "register" / "studios.csv"
    real = tmp_path / "elsewhere.csv"
    real.write_bytes(target.read_bytes())
    target.unlink()
    target.symlink_to(real)
    code, out = run(
        "import", str(IMPORT / "good" / "studios-gbk.csv"), "--into", "studios", "--datasets", str(datasets)
    )
    assert code == 0, out
    assert target.is_symlink() and target.resolve() == real
    assert "S000093,赵六钱七技能大师工作室" in real.read_text(encoding="utf-8")


def test_a_stray_cell_at_the_last_row_costs_nothing() -> None:
    """Reading is what a stray cell at A1048576 used to make slow (129 s, 3.5 GB): now the used range
    comes from the cells with values. (The whole dry run also validates the datasets twice.)"""
    case = IMPORT / "good" / "studios-stray-cell.xlsx"
    started = time.perf_counter()
    upload, problems = read_upload(case, case.name, "技能大师工作室")
    assert time.perf_counter() - started <= 2.0
    assert upload is not None and not problems
    assert [n for n, _ in upload.rows] == [2]


@pytest.mark.parametrize("reader", ["template", "published"])
def test_a_whole_column_merge_costs_nothing(reader: str) -> None:
    """A merge down to row 1048576 (a whole column selected and merged) used to take 15 s to read for a
    5 KB file: the range now ends at the last row with a value, for a template and a published list."""
    from generator.intake.published import read_published

    case = IMPORT / "good" / "studios-whole-column-merge.xlsx"
    started = time.perf_counter()
    if reader == "template":
        upload, problems = read_upload(case, case.name, "技能大师工作室")
        assert upload is not None and not problems
        rows = [n for n, _ in upload.rows]
    else:
        source, problems = read_published(case, case.name)
        assert source is not None and not problems
        rows = [n for n, _ in source.table]
    assert time.perf_counter() - started <= 2.0
    assert rows[-1] == 3


def test_a_hidden_sheet_is_read_only_on_request(datasets: Path) -> None:
    code, out = run(
        "import",
        str(IMPORT / "good" / "studios-hidden-sheet.xlsx"),
        "--into",
        "studios",
        "--datasets",
        str(datasets),
        "--dry-run",
        "--sheet",
        "技能大师工作室",
    )
    assert code == 0, out
    assert "按 --sheet 的要求读取隐藏的工作表「技能大师工作室」。" in out.splitlines()
    assert "  S000092  旧的技能大师工作室" in out


def test_each_step_names_the_next_one(datasets: Path, tmp_path: Path) -> None:
    code, out = run(
        "import",
        str(IMPORT / "good" / "announcements-utf8.csv"),
        "--into",
        "announcements",
        "--datasets",
        str(datasets),
    )
    assert code == 0
    assert out.splitlines()[-1] == (
        "下一步：导入公告的名单。公告附有名单文件（Word、Excel、PDF 或网页文字）时："
        "python -m generator import 附件.docx --into studios --announcement wuhan-2024 --datasets datasets --dry-run；"
        "没有时生成名单模板（其中的公告标识列表已包含新公告），填好后导入："
        "python -m generator template studios --out studios.xlsx --datasets datasets"
    )
    out_file = tmp_path / "studios.xlsx"
    code, out = run("template", "studios", "--out", str(out_file), "--datasets", str(datasets))
    assert code == 0 and out.splitlines()[-1].startswith("下一步：填好后试运行导入：python -m generator import ")
    code, out = run(
        "import", str(IMPORT / "good" / "studios-gbk.csv"), "--into", "studios", "--datasets", str(datasets)
    )
    assert out.splitlines()[-1] == "下一步：python -m generator build --datasets datasets（生成网站，检查新记录的页面）"


def test_messages_name_the_datasets_folder_the_clerk_gave(datasets: Path) -> None:
    """With ``--datasets`` pointing elsewhere, a refusal names that folder (not ``datasets/``) and the
    next step's command carries the same option, so the clerk can paste it."""
    copy = Path(shutil.copytree(datasets, datasets.parent / "名单副本"))
    before = digest(copy)
    bad = IMPORT / "bad" / "announcements-duplicate-id.csv"
    code, out = run("import", str(bad), "--into", "announcements", "--datasets", "名单副本")
    assert code == 1 and digest(copy) == before
    assert "没有写入任何文件（名单副本/ 保持不变）" in out, out
    good = IMPORT / "good" / "studios-gbk.csv"
    code, out = run("import", str(good), "--into", "studios", "--datasets", "名单副本")
    assert code == 0, out
    assert out.splitlines()[-1] == "下一步：python -m generator build --datasets 名单副本（生成网站，检查新记录的页面）"
    code, out = run("import", "--undo", "--datasets", "名单副本")
    assert code == 0 and out.splitlines()[-1] == "下一步：python -m generator validate --datasets 名单副本"
