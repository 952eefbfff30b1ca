"""Is the import plausible for the announcement it names? Checked on the new rows only, before the
merged copy is validated, so the clerk gets one clear line instead of many echoes.

* ``import-kind-mismatch``: a studio under an announcement of bases only (or a base under studios only);
* ``import-count-exceeded``: after the import an announcement would hold far more records than it
  states (more than :data:`SLACK` above, at least 2): a wrong announcement or a file pasted twice;
* ``import-count-short`` (warning): fewer than stated, on a list not marked complete (a complete one
  is reported by ``count-mismatch``);
* ``import-announcement-exists``: an announcement whose id is already taken. Without this one check
  the merged copy would report a primary-key error and every existing record under that id again.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from generator.intake.fields import TableSpec
from generator.model import sitemap
from generator.model.problems import WARNING, Problem

SLACK = 0.1  # 10 % above a stated count is still a correction the clerk may be making; more is an error
KIND_OF_TABLE = {"studios": "studios", "bases": "bases"}
LABEL = {"studios": "技能大师工作室", "bases": "培训基地"}


def announcement_rows(datasets: Path) -> dict[str, tuple[int, dict[str, str]]]:
    path = datasets / sitemap.REGISTER / "announcements.csv"
    try:
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
    except (OSError, UnicodeDecodeError):
        return {}
    return {row.get("id", ""): (n, row) for n, row in enumerate(reader, start=2) if row.get("id")}


def check_plausible(
    spec: TableSpec,
    rows: list[tuple[int, dict[str, str]]],
    existing: list[tuple[int, dict[str, str]]],
    datasets: Path,
    shown: str,
) -> list[Problem]:
    known = announcement_rows(datasets)
    if spec.name == "announcements":
        return [
            Problem(
                shown,
                number,
                "import-announcement-exists",
                f"公告标识「{row['id']}」已经存在（register/announcements.csv 第 {known[row['id']][0]} 行："
                f"{known[row['id']][1].get('title', '')}）",
                field=spec.title("id"),
                actual=row["id"],
                hint="每份公告的标识必须唯一：请另拟一个（如加上年份或地区），或不要重复导入同一份公告。",
            )
            for number, row in rows
            if row.get("id") in known
        ]
    problems: list[Problem] = []
    for number, row in rows:
        found = known.get(row.get("announcement_id", ""))
        kind = found[1].get("kind", "") if found else ""
        if kind in KIND_OF_TABLE.values() and kind != KIND_OF_TABLE[spec.name]:
            problems.append(
                Problem(
                    shown,
                    number,
                    "import-kind-mismatch",
                    f"公告「{row['announcement_id']}」只公布{LABEL[kind]}，不能导入{LABEL[spec.name]}",
                    field=spec.title("announcement_id"),
                    actual=row["announcement_id"],
                    hint=f"请核对公告标识，或改用 --into {kind} 导入。",
                )
            )
    counts: dict[str, int] = {}
    for _, row in existing + rows:
        counts[row.get("announcement_id", "")] = counts.get(row.get("announcement_id", ""), 0) + 1
    field = "count_studios" if spec.name == "studios" else "count_bases"
    for announcement in sorted({row.get("announcement_id", "") for _, row in rows}):
        found = known.get(announcement)
        stated = found[1].get(field, "") if found else ""
        if not stated.isdigit():
            continue
        held, limit = counts[announcement], int(stated) + max(2, int(int(stated) * SLACK))
        first = next(n for n, row in rows if row.get("announcement_id") == announcement)
        if held > limit:
            problems.append(
                Problem(
                    shown,
                    first,
                    "import-count-exceeded",
                    f"公告「{announcement}」载明{LABEL[spec.name]} {stated} 个，导入后将有 {held} 个，远超公告数量",
                    field=spec.title("announcement_id"),
                    actual=announcement,
                    expected=f"不超过约 {limit} 个",
                    hint="请核对是否挂错了公告、文件是否重复粘贴；公告数量有误时先改正 announcements.csv 中的数量。",
                )
            )
    return problems


def count_short(
    spec: TableSpec,
    rows: list[tuple[int, dict[str, str]]],
    existing: list[tuple[int, dict[str, str]]],
    datasets: Path,
    shown: str,
) -> list[Problem]:
    """Warnings for an import that leaves a partial list below its stated count (said only when the
    import can go ahead: next to errors it would be noise). A complete list is count-mismatch's."""
    if spec.name not in KIND_OF_TABLE:
        return []
    known = announcement_rows(datasets)
    field = "count_studios" if spec.name == "studios" else "count_bases"
    problems: list[Problem] = []
    for announcement in sorted({row.get("announcement_id", "") for _, row in rows}):
        found = known.get(announcement)
        stated = found[1].get(field, "") if found else ""
        if not found or not stated.isdigit() or found[1].get("list_completeness") == "complete":
            continue
        held = sum(1 for _, row in existing + rows if row.get("announcement_id") == announcement)
        if held < int(stated):
            first = next(n for n, row in rows if row.get("announcement_id") == announcement)
            problems.append(
                Problem(
                    shown,
                    first,
                    "import-count-short",
                    f"公告「{announcement}」载明{LABEL[spec.name]} {stated} 个，导入后本站有 {held} 个，还差 {int(stated) - held} 个",
                    field=spec.title("announcement_id"),
                    actual=announcement,
                    hint="名单只收录了一部分时这是正常的；找到其余名单后再导入。",
                    severity=WARNING,
                )
            )
    return problems
