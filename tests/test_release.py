"""Release history: ``python -m generator release`` snapshots the packages and appends to releases.csv;
the changelog lists added, removed and changed records between releases; a released id may not come
back for a different record; the build publishes every release."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, published
from conftest import run_cli as run

from generator.load import load
from generator.model.publication import Publication
from generator.render.jinja import environment
from generator.render.pages import changes as changes_page
from generator.validate import validate

STUDIOS = "register/studios.csv"


def release(version: str, note: str, date: str) -> tuple[int, str]:
    return run("release", "--datasets", "datasets", "--version", version, "--note", note, "--date", date)


def edit(project: Path, rel: str, change: Callable[[str], str]) -> None:
    path = project / rel
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def drop_line(text: str, start: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith(start))


def add_studio(text: str, rid: str, name: str) -> str:
    row = f"{rid},{name},{name},printed,某某,某公司,,420000,武汉,municipal,2023,wuhan-2023,https://example.org/a,official,测试,,,,,,,,\n"
    return text + row


def change_three_records(project: Path) -> None:
    """Between the two releases: S000010 added, S000002 removed, S000001 renamed."""

    def studios(text: str) -> str:
        text = drop_line(text, "S000002,")
        text = text.replace("S000001,付一鸣技能大师工作室,", "S000001,付一鸣劳模技能大师工作室,", 1)
        return add_studio(text, "S000010", "王五技能大师工作室")

    edit(project, STUDIOS, studios)


def test_release_writes_snapshot_history_and_version(project: Path) -> None:
    code, out = release("0.1.0", "首次发布", "2026-11-25")
    assert code == 0, out
    assert out.splitlines()[-1] == "已发布 0.1.0（2026-11-25）。请提交 datasets/ 中的改动。"
    assert (project / "releases.csv").read_text(encoding="utf-8") == "version,date,note\n0.1.0,2026-11-25,首次发布\n"
    snapshot = project / "releases" / "0.1.0" / "register"
    for name in ("studios.csv", "bases.csv", "announcements.csv", "levels.csv", "provinces.csv"):
        assert (snapshot / name).read_bytes() == (project / "register" / name).read_bytes()
    assert json.loads((snapshot / "datapackage.json").read_text(encoding="utf-8"))["version"] == "0.1.0"
    change_three_records(project)
    code, out = release("0.2.0", "新增、删除、改名各一条", "2026-12-01")
    assert code == 0, out
    assert json.loads((project / "register" / "datapackage.json").read_text(encoding="utf-8"))["version"] == "0.2.0"
    assert [r.version for r in load(project).history.releases] == ["0.1.0", "0.2.0"]
    assert not list((project / "releases").glob(".*")), "no staging folder is left behind"


@pytest.mark.parametrize(
    ("version", "date", "message"),
    [
        ("1.2", "2026-12-01", "版本号「1.2」格式不对：应为 X.Y.Z，如 0.2.0。"),
        ("0.1.0", "2026-12-01", "版本 0.1.0 已经发布过（releases/0.1.0/ 已存在）：请换一个更高的版本号。"),
        ("0.0.9", "2026-12-01", "版本号 0.0.9 不大于上一次发布的 0.1.0：请用更高的版本号。"),
        ("0.2.0", "2026-13-01", "日期「2026-13-01」不存在。"),
        ("0.2.0", "2026-11-01", "发布日期 2026-11-01 早于上一次发布（0.1.0，2026-11-25）。"),
    ],
)
def test_release_refuses_bad_arguments_with_exit_2(project: Path, version: str, date: str, message: str) -> None:
    assert release("0.1.0", "首次发布", "2026-11-25")[0] == 0
    before = (project / "releases.csv").read_text(encoding="utf-8")
    code, out = release(version, "x", date)
    assert (code, out.splitlines()[-1]) == (2, f"错误：{message}")
    assert (project / "releases.csv").read_text(encoding="utf-8") == before


def test_release_of_invalid_data_exits_1_and_writes_nothing(project: Path) -> None:
    edit(project, STUDIOS, lambda t: t.replace(",municipal,2023,", ",nation,2023,", 1))
    code, out = release("0.1.0", "x", "2026-11-25")
    assert code == 1
    assert "[enum-error]" in out
    assert not (project / "releases.csv").exists() and not (project / "releases").exists()


def two_releases(project: Path) -> None:
    assert release("0.1.0", "首次发布", "2026-11-25")[0] == 0
    change_three_records(project)
    assert release("0.2.0", "新增、删除、改名各一条", "2026-12-01")[0] == 0


def test_changelog_lists_added_removed_and_renamed_records(project: Path) -> None:
    two_releases(project)
    pub = published(project, "2026-12-02").publication
    step = pub.steps[-1]
    assert (step.from_version, step.to_version, step.date) == ("0.1.0", "0.2.0", "2026-12-01")
    assert {(c.resource, c.id, c.change, c.field, c.old, c.new) for c in step.changes} == {
        ("studios", "S000010", "added", "", "", ""),
        ("studios", "S000002", "removed", "", "", ""),
        ("studios", "S000001", "changed", "name", "付一鸣技能大师工作室", "付一鸣劳模技能大师工作室"),
    }
    first = pub.steps[0]
    assert first.from_version == "" and {c.change for c in first.changes} == {"added"}
    rows = list(csv.DictReader(io.StringIO(pub_file(pub, "data/changes.csv").decode("utf-8"))))
    renamed = [r for r in rows if r["to_version"] == "0.2.0" and r["change"] == "changed"]
    assert renamed == [
        {
            "from_version": "0.1.0",
            "to_version": "0.2.0",
            "date": "2026-12-01",
            "package": "register",
            "resource": "studios",
            "id": "S000001",
            "name": "付一鸣劳模技能大师工作室",
            "change": "changed",
            "field": "name",
            "old": "付一鸣技能大师工作室",
            "new": "付一鸣劳模技能大师工作室",
        }
    ]


def test_changes_page_shows_each_change(project: Path) -> None:
    two_releases(project)
    site = published(project, "2026-12-02")
    (page,) = changes_page.pages(site, environment())
    assert page.url == "changes/"
    assert '<h2 id="v0-2-0">0.2.0 版（2026-12-01）</h2>' in page.body
    assert "与 0.1.0 版相比：新增 1 条，删除 1 条，修改 1 条记录。" in page.body
    assert "<code>name</code>：付一鸣技能大师工作室 → 付一鸣劳模技能大师工作室" in page.body
    assert '<td class="hsp-nowrap">删除</td><th scope="row" class="hsp-nowrap"><code>S000002</code></th>' in page.body
    assert (
        '<td class="hsp-nowrap">新增</td><th scope="row" class="hsp-nowrap"><a href="../studios/S000010/">'
        "<code>S000010</code></a></th>"
    ) in page.body
    assert "尚未发布的修改" not in page.body


def test_unreleased_changes_are_listed_after_the_latest_release(project: Path) -> None:
    assert release("0.1.0", "首次发布", "2026-11-25")[0] == 0
    edit(project, STUDIOS, lambda t: add_studio(t, "S000011", "赵六技能大师工作室"))
    pub = published(project, "2026-12-02").publication
    assert pub.steps[-1].to_version == "unreleased"
    assert [(c.id, c.change) for c in pub.steps[-1].changes] == [("S000011", "added")]
    studios = pub.package("register").resources[2]
    assert (studios.resource.name, studios.release, studios.changed) == ("studios", "", "2026-12-02")
    bases = pub.package("register").resources[1]
    assert (bases.resource.name, bases.release, bases.changed) == ("bases", "0.1.0", "2026-11-25")


def reused(project: Path) -> list[str]:
    return [p.line() for p in validate(project) if p.code == "id-reused"]


def test_an_id_dropped_from_a_release_may_not_come_back_for_another_record(project: Path) -> None:
    two_releases(project)  # S000002 (杨开龙技能大师工作室) was dropped in 0.2.0
    edit(project, STUDIOS, lambda t: add_studio(t, "S000002", "钱七技能大师工作室"))
    line = len((project / STUDIOS).read_text(encoding="utf-8").splitlines())
    assert reused(project) == [
        f"datasets/register/studios.csv:{line}: [id-reused] 编号在 0.1.0 版中属于「杨开龙技能大师工作室」，该记录已在 0.2.0 版删除；"
        '编号一经分配不再使用（字段「id」：实际值 "S000002"） 请为「钱七技能大师工作室」改用一个从未用过的编号（如 S000092）。'
        "如果这正是 0.1.0 版中的那条记录，请把名称改回「杨开龙技能大师工作室」。"
    ]


def test_a_restored_record_and_a_renamed_record_keep_their_ids(project: Path) -> None:
    two_releases(project)
    edit(project, STUDIOS, lambda t: add_studio(t, "S000002", "杨开龙 技能大师工作室"))  # restored; spaces ignored
    edit(project, STUDIOS, lambda t: t.replace("S000010,王五技能大师工作室,", "S000010,王五劳模工作室,", 1))  # renamed
    assert reused(project) == []


def test_release_history_file_problems_are_reported(project: Path) -> None:
    two_releases(project)
    with (project / "releases.csv").open("a", encoding="utf-8") as f:
        f.write("0.3,2026-12-05,坏版本号\n0.4.0,2026-12-06,没有快照\n")
    lines = [p.line() for p in validate(project) if p.code == "release-history"]
    assert lines == [
        'datasets/releases.csv:4: [release-history] 发布记录的版本号格式不对（字段「version」：实际值 "0.3"；应为 X.Y.Z，如 0.2.0） 请改正版本号，或删除这一行。',
        "datasets/releases.csv:5: [release-history] 版本 0.4.0 没有快照文件夹（字段「version」：应为 releases/0.4.0/） 请恢复该版本的快照，或删除这一行。",
    ]


def test_the_committed_history_starts_with_0_1_0() -> None:
    history = load(REPO / "datasets").history
    assert history.releases and history.releases[0].version == "0.1.0"
    for folder in (REPO / "datasets").glob("*/datapackage.json"):
        version = json.loads(folder.read_text(encoding="utf-8"))["version"]
        assert history.latest is not None and version == history.latest.version


def test_the_build_publishes_every_release(built_site: Path) -> None:
    for release_ in load(REPO / "datasets").history.releases:
        for package in release_.packages:
            folder = built_site / "data" / "releases" / release_.version / package.name
            descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
            assert descriptor["version"] == release_.version
            for resource in descriptor["resources"]:
                assert (folder / resource["path"]).stat().st_size == resource["bytes"]
    text = (built_site / "changes" / "index.html").read_text(encoding="utf-8")
    assert 'id="v0-1-0"' in text and "data/releases/0.1.0/register/datapackage.json" in text


def pub_file(pub: Publication, url: str) -> bytes:
    return next(f.data for f in pub.files if f.url == url)


def test_changes_page_shows_unreleased_renames(project: Path) -> None:
    assert release("0.1.0", "首次发布", "2026-11-25")[0] == 0
    edit(project, STUDIOS, lambda t: t.replace("S000001,付一鸣技能大师工作室,", "S000001,付一鸣劳模技能大师工作室,", 1))
    site = published(project, "2026-12-02")
    (page,) = changes_page.pages(site, environment())
    assert '<h2 id="unreleased">尚未发布的修改（相对于 0.1.0 版）</h2>' in page.body
    assert "与 0.1.0 版相比：新增 0 条，删除 0 条，修改 1 条记录。" in page.body
