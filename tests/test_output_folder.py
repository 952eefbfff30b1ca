"""``build --out`` replaces only what the tool made, one build at a time, and writes files that a web
server can read (issue 12)."""

from __future__ import annotations

import fcntl
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, run_cli, tree_digest


@pytest.fixture
def datasets(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(REPO / "datasets", tmp_path / "datasets")
    return tmp_path / "datasets"


def build(datasets: Path, out: Path, *extra: str) -> tuple[int, str]:
    return run_cli("build", "--datasets", str(datasets), "--out", str(out), *extra)


def test_a_folder_with_someone_elses_files_is_refused_and_left_as_it_was(datasets: Path, tmp_path: Path) -> None:
    out = tmp_path / "work"
    (out / ".git").mkdir(parents=True)
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (out / "notes.txt").write_text("我的笔记", encoding="utf-8")
    before = tree_digest(out)
    code, output = build(datasets, out)
    assert code == 2
    assert str(out) in output and "不是本工具生成的网站" in output and "什么也没有改动" in output
    assert tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datasets", "work"], "nothing made beside it either"


def test_out_dot_in_a_checkout_deletes_nothing(datasets: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    before = tree_digest(tmp_path)
    code, output = build(datasets, Path("."))
    assert code == 2, output
    assert tree_digest(tmp_path) == before
    code, output = build(datasets, datasets)
    assert code == 2, output
    assert tree_digest(tmp_path) == before


def test_a_symlink_is_refused_naming_where_it_points(datasets: Path, tmp_path: Path) -> None:
    real = tmp_path / "real"
    assert build(datasets, real)[0] == 0
    link = tmp_path / "site"
    link.symlink_to(real)
    before = tree_digest(real)
    code, output = build(datasets, link)
    assert code == 2, output
    assert "是符号链接" in output and f"--out {real}" in output and "不是目录" not in output
    assert tree_digest(real) == before and link.is_symlink() and link.resolve() == real


@pytest.mark.parametrize("state", ["absent", "empty", "previous site"])
def test_absent_empty_or_own_site_is_replaced(datasets: Path, tmp_path: Path, state: str) -> None:
    out = tmp_path / "site"
    if state != "absent":
        out.mkdir()
    if state == "previous site":
        assert build(datasets, out)[0] == 0
        (out / "stale.html").write_text("旧页面", encoding="utf-8")
    code, output = build(datasets, out)
    assert code == 0, output
    assert (out / "index.html").is_file() and (out / ".hsp-site").is_file()
    assert not (out / "stale.html").exists()


def test_leftovers_of_an_interrupted_build_are_named_and_removed(datasets: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    staging = tmp_path / ".site-build-12345-2026-01-01"
    old = tmp_path / ".site-old-12345-2026-01-01"
    for folder in (staging, old):
        (folder / "site").mkdir(parents=True)
        (folder / "site" / "index.html").write_text("半成品", encoding="utf-8")
    mine = tmp_path / ".keep-me"
    mine.mkdir()
    code, output = build(datasets, out)
    assert code == 0, output
    assert f"清理上次中断的构建留下的临时目录：{staging}" in output
    assert f"清理上次中断的构建留下的临时目录：{old}" in output
    assert not staging.exists() and not old.exists()
    assert mine.is_dir(), "only the tool's own leftovers are removed"


@pytest.fixture
def held_lock(tmp_path: Path) -> Iterator[None]:
    fd = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    yield
    os.close(fd)


def test_a_second_build_at_once_stops_with_a_message(datasets: Path, tmp_path: Path, held_lock: None) -> None:
    out = tmp_path / "site"
    code, output = build(datasets, out)
    assert code == 1
    assert "另一个构建正在" in output and "请等它结束后再运行" in output
    assert not out.exists()


def test_every_file_written_is_readable_as_the_umask_says(datasets: Path, tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        out = tmp_path / "site"
        assert build(datasets, out)[0] == 0
        template = tmp_path / "studios.xlsx"
        assert run_cli("template", "studios", "--out", str(template), "--datasets", str(datasets))[0] == 0
    finally:
        os.umask(previous)
    wrong = [
        f"{p.relative_to(tmp_path)} {oct(stat.S_IMODE(p.stat().st_mode))}"
        for p in [out, *out.rglob("*"), template]
        if stat.S_IMODE(p.stat().st_mode) != (0o755 if p.is_dir() else 0o644)
    ]
    assert not wrong, wrong[:10]
    assert (out / "data" / "templates" / "studios.xlsx").is_file()
