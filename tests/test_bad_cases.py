"""Every folder under cases/bad/ is a minimal good project with some files replaced. Validation must
report exactly the problems listed in its expected.txt (``path:row:code``, one per line), and the
build must refuse it with exit code 1, in Chinese, without a traceback, leaving files untouched."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CASES

from generator.cli import main
from generator.model.problems import WARNING
from generator.validate import validate
from generator.validate.checks.catalogue import BY_CODE

BAD = sorted(p for p in (CASES / "bad").iterdir() if p.is_dir())


def overlay(case: Path, tmp: Path) -> Path:
    datasets = tmp / "datasets"
    shutil.copytree(CASES / "good", datasets)
    for src in case.rglob("*"):
        if src.is_file() and src.name != "expected.txt":
            dst = datasets / src.relative_to(case)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dst)
    return datasets


def flatten(problems: list, root: Path) -> list[str]:
    out = []
    for p in problems:
        path = Path(p.path)
        rel = path.resolve().relative_to(root.resolve()).as_posix() if path.is_absolute() or path.exists() else p.path
        out.append(f"{rel}:{p.row if p.row is not None else '-'}:{p.code}")
    return sorted(out)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_good_project_is_clean(tmp_path: Path) -> None:
    assert validate(overlay(CASES / "good", tmp_path)) == []


@pytest.mark.parametrize("case", BAD, ids=[c.name for c in BAD])
def test_bad_case_reports_expected_problems(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    datasets = overlay(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    expected = sorted(
        line.strip() for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines() if line.strip()
    )
    assert expected, "a bad case must expect at least one problem"
    assert flatten(validate(datasets), datasets) == expected


@pytest.mark.parametrize("case", BAD, ids=[c.name for c in BAD])
def test_bad_case_fails_build_and_changes_nothing(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    datasets = overlay(case, tmp_path)
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>上一次的网站</p>", encoding="utf-8")
    (out / ".hsp-site").write_text("上一次构建的标记\n", encoding="utf-8")  # a site this tool built
    before_data, before_site = tree_digest(datasets), tree_digest(out)
    monkeypatch.chdir(tmp_path)
    codes = {
        line.rsplit(":", 1)[-1].strip() for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    }
    warned_only = all(c in BY_CODE and BY_CODE[c].severity == WARNING for c in codes if c)
    strict = ["--strict"] if warned_only else []  # a warnings-only case must fail a strict build
    result = CliRunner().invoke(main, ["build", "--datasets", str(datasets), "--out", str(out), *strict])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), "no traceback"
    assert "Traceback" not in result.output
    assert "数据校验未通过" in result.output
    first = result.output.splitlines()[1]  # after the numbered progress line
    assert "第" in first or "datasets" in first or ":" in first
    assert tree_digest(datasets) == before_data
    assert tree_digest(out) == before_site
    assert not any(p.name.startswith(".site-build") for p in tmp_path.iterdir())
    lines = [line for line in result.output.splitlines() if re.match(r"\S+:(\d+|-): \[", line)]
    assert lines, result.output
    for line in lines:  # every line names the file, a row (or "-" for a whole-file problem) and says it in Chinese
        path, row, rest = line.split(":", 2)
        code = rest.split("[", 1)[1].split("]", 1)[0].split("，")[0]
        assert code in BY_CODE, f"{code} is not in generator/validate/checks/catalogue.py"
        assert Path(path).name in {p.name for p in datasets.rglob("*")}, line
        assert row.isdigit() or BY_CODE[code].scope == "file", line
        if BY_CODE[code].scope == "cell":
            assert "字段「" in rest, line
        assert re.search(r"[\u4e00-\u9fff]", rest.split("]", 1)[1]), line
