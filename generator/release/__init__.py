"""Record a release: snapshot every package's data into ``datasets/releases/<version>/<package>/``,
set ``version`` in each ``datapackage.json``, and append a line to ``datasets/releases.csv``.

The caller validates first (a release of invalid data is refused). Snapshots are written to a
temporary folder and renamed into place, so a failed release leaves no half-written snapshot.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

from generator.errors import UsageError
from generator.model.history import COLUMNS, DATE, RELEASES_CSV, RELEASES_DIR, VERSION, version_key
from generator.read import entries, package_folders
from generator.validate import shown_path


def check_arguments(datasets: Path, version: str, date: str) -> None:
    """Raise :class:`UsageError` (exit 2) for a version or date that cannot be recorded."""
    if not VERSION.match(version):
        raise UsageError(f"版本号「{version}」格式不对：应为 X.Y.Z，如 0.2.0。")
    if not DATE.match(date):
        raise UsageError(f"日期「{date}」格式不对：应为 YYYY-MM-DD。")
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise UsageError(f"日期「{date}」不存在。") from None
    released = entries(datasets)
    latest = released[-1] if released else None
    if (datasets / RELEASES_DIR / version).exists():
        raise UsageError(f"版本 {version} 已经发布过（{RELEASES_DIR}/{version}/ 已存在）：请换一个更高的版本号。")
    if latest and version_key(version) <= version_key(latest.version):
        raise UsageError(f"版本号 {version} 不大于上一次发布的 {latest.version}：请用更高的版本号。")
    if latest and date < latest.date:
        raise UsageError(f"发布日期 {date} 早于上一次发布（{latest.version}，{latest.date}）。")
    if not package_folders(datasets):
        raise UsageError(f"目录中没有任何数据包：{datasets}")


def record_release(datasets: Path, version: str, note: str, date: str) -> list[str]:
    """Write the release; return one line per thing written, for the command to print."""
    check_arguments(datasets, version, date)
    releases = datasets / RELEASES_DIR
    releases.mkdir(parents=True, exist_ok=True)
    staging = releases / f".{version}-staging"
    shutil.rmtree(staging, ignore_errors=True)
    done = []
    try:
        for folder in package_folders(datasets):
            descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
            descriptor["version"] = version
            target = staging / folder.name
            target.mkdir(parents=True)
            _write_json(target / "datapackage.json", descriptor)
            paths = [str(r["path"]) for r in descriptor.get("resources", [])]
            for rel in paths:
                (target / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(folder / rel, target / rel)
            for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
                shutil.copytree(sub, target / sub.name)  # the documents the metadata names (sources/, texts/)
            done.append(
                f"已保存快照：{shown_path(releases / version / folder.name)}/（{len(paths)} 个数据文件和 datapackage.json）"
            )
        staging.rename(releases / version)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for folder in package_folders(datasets):
        path = folder / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        if descriptor.get("version") != version:
            descriptor["version"] = version
            _write_json(path, descriptor)
            done.append(f"已更新版本号：{shown_path(path)} → {version}")
    _append(datasets / RELEASES_CSV, [version, date, note])
    done.append(f"已记录：{shown_path(datasets / RELEASES_CSV)}（{version}，{date}）")
    return done


def _write_json(path: Path, descriptor: dict[str, object]) -> None:
    """The same layout as ``python -m generator pack`` writes."""
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _append(path: Path, row: list[str]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    existing = path.read_text(encoding="utf-8") if path.is_file() else ""
    if not existing.strip():
        writer.writerow(COLUMNS)
    elif not existing.endswith("\n"):
        out.write("\n")
    writer.writerow(row)
    with path.open("a", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())
