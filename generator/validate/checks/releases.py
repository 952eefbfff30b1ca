"""Checks on the release history, run by validation.

The id rule: an id, once given to a record, is never given to another one. A record is the *same*
when it has the same kind (公告, 培训基地 or 技能大师工作室) and, after NFKC normalisation and with
spaces removed, the same name (``title`` for announcements). An id that stays in every release may
change its name: that is a correction and the changelog shows it as a rename. An id that was dropped
from a release and reappears later must come back with the kind and name it had when it was last
released (a restored record); otherwise it is a reused id, an error. An id may never change kind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.model.history import COLUMNS, DATE, RELEASES_CSV, RELEASES_DIR, VERSION, History, Release, version_key
from generator.model.problems import Problem
from generator.model.register import Package
from generator.read import entries, package_folders, read_package, read_release, release_rows

Shown = Callable[[Path], str]
TRACKED = {"announcements": ("announcement", "title"), "bases": ("base", "name"), "studios": ("studio", "name")}
KIND_LABELS = {"announcement": "公告", "base": "培训基地", "studio": "技能大师工作室"}
SERIAL = re.compile(r"^([A-Z])(\d{6})$")


@dataclass(frozen=True)
class Seen:
    kind: str
    name: str
    path: Path
    row: int  # line number in the CSV, header = 1


def check_releases(datasets: Path, shown: Shown) -> Iterator[Problem]:
    yield from check_history_file(datasets, shown)
    releases: list[Release] = []
    for entry in entries(datasets):
        try:
            releases.append(read_release(entry))
        except (OSError, ValueError, KeyError) as exc:
            yield Problem(
                shown(entry.folder),
                None,
                "release-history",
                f"版本 {entry.version} 的快照无法读取",
                actual=str(exc)[:120],
                hint="请从版本库恢复该快照（快照发布后不应再修改）。",
            )
            return
    if not releases:
        return
    history = History(tuple(releases))
    try:
        current = [read_package(folder) for folder in package_folders(datasets)]
    except (OSError, ValueError, KeyError):
        return  # unreadable packages are reported by the other checks
    yield from check_ids(history, current, shown)


def check_history_file(datasets: Path, shown: Shown) -> Iterator[Problem]:
    path = datasets / RELEASES_CSV
    where = shown(path)
    seen: set[str] = set()
    for line, row in enumerate(release_rows(datasets), start=2):
        version, date = row.get("version", "").strip(), row.get("date", "").strip()
        if not VERSION.match(version):
            yield Problem(
                where,
                line,
                "release-history",
                "发布记录的版本号格式不对",
                field="version",
                actual=version,
                expected="X.Y.Z，如 0.2.0",
                hint="请改正版本号，或删除这一行。",
            )
            continue
        if version in seen:
            yield Problem(
                where,
                line,
                "release-history",
                "同一版本号记录了两次",
                field="version",
                actual=version,
                hint="请删除重复的行。",
            )
        seen.add(version)
        if not DATE.match(date):
            yield Problem(
                where,
                line,
                "release-history",
                "发布日期格式不对",
                field="date",
                actual=date,
                expected="YYYY-MM-DD",
                hint="请改为 YYYY-MM-DD 格式的日期。",
            )
        if not (datasets / RELEASES_DIR / version).is_dir():
            yield Problem(
                where,
                line,
                "release-history",
                f"版本 {version} 没有快照文件夹",
                field="version",
                expected=f"{RELEASES_DIR}/{version}/",
                hint="请恢复该版本的快照，或删除这一行。",
            )
    if path.is_file():
        header = path.read_text(encoding="utf-8-sig").splitlines()[:1]
        if header and tuple(header[0].split(",")) != COLUMNS:
            yield Problem(
                where,
                1,
                "release-history",
                "发布记录的表头不对",
                actual=header[0],
                expected=",".join(COLUMNS),
                hint="请把第一行改为 version,date,note。",
            )


def check_ids(history: History, current: list[Package], shown: Shown) -> Iterator[Problem]:
    released = [(r.version, records(r.packages)) for r in history.releases]
    now = records(current)
    latest = released[-1][0]
    for rid, record in now.items():
        past = [(version, state[rid]) for version, state in released if rid in state]
        if not past:
            continue
        first_version, first = past[0]
        last_version, last = past[-1]
        if first.kind != record.kind:
            yield _reused(
                shown,
                rid,
                record,
                first_version,
                first,
                f"编号在 {first_version} 版中属于{KIND_LABELS[first.kind]}「{first.name}」，"
                f"现在用于{KIND_LABELS[record.kind]}",
                _next_free(rid, released, now),
            )
        elif last_version != latest and _same(last.name) != _same(record.name):
            dropped = next(v for v, _ in released if version_key(v) > version_key(last_version))
            yield _reused(
                shown,
                rid,
                record,
                last_version,
                last,
                f"编号在 {last_version} 版中属于「{last.name}」，该记录已在 {dropped} 版删除；编号一经分配不再使用",
                _next_free(rid, released, now),
                restore=last.name,
            )


def records(packages: list[Package] | tuple[Package, ...]) -> dict[str, Seen]:
    out: dict[str, Seen] = {}
    for package in packages:
        for resource in package.resources:
            if resource.name in TRACKED:
                kind, name_field = TRACKED[resource.name]
                for line, row in enumerate(resource.rows, start=2):
                    if row.get("id"):
                        out.setdefault(
                            row["id"], Seen(kind, row.get(name_field, ""), Path(package.folder) / resource.path, line)
                        )
    return out


def _reused(
    shown: Shown, rid: str, record: Seen, version: str, old: Seen, message: str, free: str, restore: str = ""
) -> Problem:
    hint = f"请为「{record.name}」改用一个从未用过的编号{f'（如 {free}）' if free else ''}。"
    if restore:
        hint += f"如果这正是 {version} 版中的那条记录，请把名称改回「{restore}」。"
    return Problem(shown(record.path), record.row, "id-reused", message, field="id", actual=rid, hint=hint)


def _same(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def _next_free(rid: str, released: list[tuple[str, dict[str, Seen]]], now: dict[str, Seen]) -> str:
    match = SERIAL.match(rid)
    if not match:
        return ""
    prefix = match.group(1)
    used = [
        int(m.group(2))
        for ids in [*(s.keys() for _, s in released), now.keys()]
        for i in ids
        if (m := SERIAL.match(i)) and m.group(1) == prefix
    ]
    return f"{prefix}{max(used) + 1:06d}"
