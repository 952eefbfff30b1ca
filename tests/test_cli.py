"""The command line: exact output and exit codes (0 clean, 1 invalid data, 2 usage)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import CASES
from conftest import run_cli as run


def test_validate_clean(project: Path) -> None:
    assert run("validate", "--datasets", "datasets") == (0, "数据校验通过：没有发现问题。\n")


def test_validate_reports_every_problem_then_a_summary(project: Path) -> None:
    studios = project / "register" / "studios.csv"
    text = studios.read_text(encoding="utf-8")
    text = text.replace(",2023,wuhan-2023,", ",二〇二三,wuhan-2023,", 1).replace(",national,2020,", ",nation,2020,", 1)
    studios.write_text(text, encoding="utf-8")
    code, out = run("validate", "--datasets", "datasets")
    assert code == 1
    assert out.splitlines() == [
        'datasets/register/studios.csv:2: [type-error] 不是整数（字段「year」：实际值 "二〇二三"；应为 整数） 请按字段要求填写。',
        'datasets/register/studios.csv:4: [enum-error] 取值不在代码表中（字段「level」：实际值 "nation"；'
        "应为 national（国家级）、provincial（省级）、municipal（市级）、district（区级）、county（县级）） 请从下拉列表或代码表中选择。",
        "共 2 个问题（错误 2 个，警告 0 个），涉及 1 个文件。",
    ]


def test_validate_json_lists_the_same_problems(project: Path) -> None:
    studios = project / "register" / "studios.csv"
    studios.write_text(
        studios.read_text(encoding="utf-8").replace(",2023,wuhan-2023,", ",2023,nowhere,", 1), encoding="utf-8"
    )
    code, out = run("validate", "--datasets", "datasets", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["valid"] is False and report["errors"] == 1
    (problem,) = report["problems"]
    assert problem["path"] == "datasets/register/studios.csv"
    assert (problem["row"], problem["code"], problem["field"], problem["actual"]) == (
        2,
        "foreign-key",
        "announcement_id",
        "nowhere",
    )
    assert "引用的编号不存在" in problem["message"]


def test_english_never_reaches_the_user(project: Path) -> None:
    bases = project / "register" / "bases.csv"
    lines = bases.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",2020,", ",20x0,", 1) + ",extra"
    lines.insert(2, "")
    bases.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = run("validate", "--datasets", "datasets")
    assert code == 1
    for line in out.splitlines():
        message = line.split("] ", 1)[-1]
        assert not any(word in message for word in ("Row at", "constraint", "does not", "Type error", "cell")), line


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "--datasets", "no-such-folder"),
        ("build", "--datasets", "no-such-folder"),
        ("no-such-command",),
        ("validate", "--no-such-option"),
    ],
)
def test_usage_errors_exit_2(project: Path, args: tuple[str, ...]) -> None:
    code, out = run(*args)
    assert code == 2, out


def test_every_command_has_chinese_help() -> None:
    code, out = run("--help")
    assert code == 0
    commands = [line.split()[0] for line in out.split("命令:")[1].strip().splitlines() if line.strip()]
    assert {"validate", "build", "pack", "template", "import", "synth", "release"} <= set(commands)
    for command in commands:
        code, text = run(command, "--help")
        assert code == 0
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), f"{command} --help has no Chinese"
        # click's own words are translated too: no English heading, usage word or help line is left
        for english in ("Usage:", "Options:", "Show this message and exit.", "[OPTIONS]", "default:"):
            assert english not in text, f"{command} --help still says {english!r}"


@pytest.mark.parametrize(
    "args",
    [
        ("build", "--bogus"),
        ("synth",),
        ("template", "studios", "--out"),
        ("no-such-command",),
        ("validate", "--datasets", "no-such-folder"),
        ("template", "studios", "--datasets", "no-such-folder"),
        ("import", "no-such-file.xlsx", "--into", "studios"),
        ("pack", "--datasets", "no-such-folder"),
    ],
)
def test_usage_errors_are_said_in_chinese(project: Path, args: tuple[str, ...]) -> None:
    code, out = run(*args)
    assert code == 2, out
    assert out.count("错误：") == 1, out
    for english in (
        "Error:",
        "Usage:",
        "Try ",
        "No such",
        "Missing",
        "requires an argument",
        "does not exist",
        "Directory",
        "File ",
    ):
        assert english not in out, f"{args}: {out}"


def test_every_command_is_in_the_readme(repo: Path) -> None:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    _, out = run("--help")
    commands = [line.split()[0] for line in out.split("命令:")[1].strip().splitlines() if line.strip()]
    for command in commands:
        assert f"python -m generator {command}" in readme, command


def test_pack_reports_drift_and_fixes_it(project: Path) -> None:
    package = project / "register" / "datapackage.json"
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    descriptor["resources"][0]["schema"]["fields"][0]["title"] = "被改动的标题"
    package.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    code, out = run("validate", "--datasets", "datasets")
    assert code == 1 and "[schema-drift]" in out
    assert run("pack", "--datasets", "datasets")[0] == 0
    assert run("validate", "--datasets", "datasets") == (0, "数据校验通过：没有发现问题。\n")


def test_strict_json_agrees_with_the_exit_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warning alone: valid without --strict (exit 0), not valid with it (exit 1); one count everywhere."""
    from test_bad_cases import overlay

    datasets = overlay(CASES / "bad" / "count-mismatch", tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out = run("validate", "--datasets", str(datasets), "--json")
    assert (code, json.loads(out)["valid"]) == (0, True)
    code, out = run("validate", "--datasets", str(datasets), "--json", "--strict")
    report = json.loads(out)
    assert (code, report["valid"], report["warnings"]) == (1, False, 1)
    code, out = run("build", "--datasets", str(datasets), "--out", str(tmp_path / "site"), "--strict")
    assert code == 1
    counts = re.findall(r"(\d+) 个问题", out)
    assert counts and len(set(counts)) == 1, out
