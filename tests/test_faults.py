"""Operating-system faults are messages, not tracebacks: a full disk, no permission or a busy file
while building or importing gives a Chinese message with the path and what to do, exit 1, and leaves
the data and the published site as they were (issue 12)."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from conftest import REPO, run_cli, tree_digest

FAULTS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统是只读的",
    errno.EACCES: "没有权限",
    errno.EBUSY: "正被占用",
}


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("faults")
    shutil.copytree(REPO / "datasets", root / "datasets")
    out = root / "site"
    code, output = run_cli("build", "--datasets", str(root / "datasets"), "--out", str(out))
    assert code == 0, output
    return root / "datasets", out


@pytest.mark.parametrize("code", sorted(FAULTS))
def test_a_fault_while_writing_the_site_is_said_in_chinese(
    previous: tuple[Path, Path], code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    datasets, out = previous
    before_site, before_data = tree_digest(out), tree_digest(datasets)
    real = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        if self.suffix == ".parquet":
            raise OSError(code, "injected", str(self))
        return real(self, data)

    monkeypatch.setattr("generator.parallel.Pending.__init__", _inline_init)  # the fault happens in this process
    monkeypatch.setattr(Path, "write_bytes", failing)
    exit_code, output = run_cli("build", "--datasets", str(datasets), "--out", str(out))
    assert exit_code == 1
    assert FAULTS[code] in output and ".parquet" in output and "原有的数据和网站保持不变" in output
    assert tree_digest(out) == before_site and tree_digest(datasets) == before_data
    assert sorted(p.name for p in out.parent.iterdir()) == ["datasets", "site"]


def _inline_init(self: object, stage: str, work: object) -> None:
    self.stage, self.done, self.inline = stage, False, work  # type: ignore[attr-defined]


def test_a_fault_while_importing_is_said_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "datasets", tmp_path / "datasets")
    before = tree_digest(tmp_path / "datasets")
    upload = REPO / "tests" / "cases" / "import" / "good" / "studios-gbk.csv"
    assert (
        run_cli("import", str(upload), "--into", "studios", "--datasets", str(tmp_path / "datasets"), "--dry-run")[0]
        == 0
    )
    monkeypatch.setattr("generator.files.os.replace", _raise(errno.ENOSPC))
    code, output = run_cli("import", str(upload), "--into", "studios", "--datasets", str(tmp_path / "datasets"))
    assert code == 1, output
    assert "磁盘空间不足" in output and "studios.csv" in output
    assert tree_digest(tmp_path / "datasets") == before
    assert not [p for p in (tmp_path / "datasets" / "register").iterdir() if p.name.startswith(".")], (
        "no temporary file left"
    )


def _raise(code: int):  # type: ignore[no-untyped-def]
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, "injected", str(args[-1]) if args else "")

    return fail
