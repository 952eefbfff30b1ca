"""``import FILE --into studios|bases --announcement ID``: lists as governments publish them (Word
tables, old .xls, PDF tables and lists, text copied from a web page) become records. Every file under
cases/attachments/ is imported into the minimal good project plus the real announcements it belongs
to, and must give exactly the records (or the message) in its ``.expected.txt`` (format: test_import.py).
The files are written by cases/attachments/build.py with names from the real records."""

from __future__ import annotations

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
