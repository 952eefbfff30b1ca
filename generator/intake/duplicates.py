"""Duplicates stop an import unless the clerk confirms them.

A new row is a duplicate of another new row or of a record already in the register when it has

* the same name, ignoring spaces, full/half width and case (``付一鸣 技能大师工作室`` = ``付一鸣技能大师工作室``);
* (studios) the same master at the same host organisation;
* the same master (studios) or host organisation (bases) under the same announcement.

Each is an error naming both rows: the file's row and the other file row or the register id and row.
``--allow-duplicate ROW`` accepts one the clerk has checked. A file whose every row is already in the
register under the same announcement was imported before: :func:`already_imported` says so, and the
import writes nothing.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from generator.intake.fields import TableSpec
from generator.model.problems import Problem

FIELD_OF = {
    "name": "name",
    "master-host": "master_name",
    "announcement-master": "master_name",
    "announcement-host": "host_organization",
}


def name_key(value: str) -> str:
    return "".join(unicodedata.normalize("NFKC", value).split()).casefold()


def masters(row: dict[str, str]) -> list[str]:
    return sorted({name_key(m) for m in row.get("master_name", "").split(";") if m.strip()})


@dataclass(frozen=True)
class Seen:
    """Where a key was first seen: a row of the imported file, or a register record."""

    row: int
    record_id: str = ""  # set for a register record

    def where(self, register_file: str) -> str:
        if self.record_id:
            return f"{register_file} 中的 {self.record_id}（第 {self.row} 行）"
        return f"本文件第 {self.row} 行"


def keys(spec: TableSpec, row: dict[str, str]) -> list[tuple[str, tuple[str, ...]]]:
    """(what is the same, key) for every way this row can duplicate another."""
    out: list[tuple[str, tuple[str, ...]]] = []
    if row.get("name", "").strip():
        out.append(("名称相同（忽略空格、全半角）", ("name", name_key(row["name"]))))
    host = name_key(row.get("host_organization", ""))
    announcement = row.get("announcement_id", "").strip()
    if spec.name == "studios":
        for master in masters(row):
            if host:
                out.append((f"领办人「{master}」和依托单位相同", ("master-host", master, host)))
            if announcement:
                out.append((f"同一公告下领办人「{master}」相同", ("announcement-master", announcement, master)))
    elif spec.name == "bases" and host and announcement:
        out.append(("同一公告下依托单位相同", ("announcement-host", announcement, host)))
    return out


def register_rows(original: bytes) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(original.decode("utf-8-sig"), newline=""))
    return [(n, row) for n, row in enumerate(reader, start=2) if any((v or "").strip() for v in row.values())]


def find_duplicates(
    spec: TableSpec,
    rows: list[tuple[int, dict[str, str]]],
    existing: Iterable[tuple[int, dict[str, str]]],
    shown: str,
    register_file: str,
    allowed: set[int],
) -> list[Problem]:
    if not spec.assigns_ids:
        return []
    first: dict[tuple[str, ...], Seen] = {}
    for number, row in existing:
        for _, key in keys(spec, row):
            first.setdefault(key, Seen(number, row.get("id", "")))
    problems: list[Problem] = []
    for number, row in rows:
        reasons: dict[Seen, list[tuple[str, str]]] = {}
        for why, key in keys(spec, row):
            seen = first.setdefault(key, Seen(number))
            if seen != Seen(number):
                reasons.setdefault(seen, []).append((why, FIELD_OF[key[0]]))
        if number in allowed:
            continue
        for seen, found in reasons.items():
            field = found[0][1]
            problems.append(
                Problem(
                    shown,
                    number,
                    "import-duplicate",
                    f"与{' ' if seen.record_id else ''}{seen.where(register_file)}重复：{'；'.join(w for w, _ in found)}",
                    field=spec.title(field),
                    actual=row.get(field, ""),
                    hint=f"同一项目不要重复录入：请删除这一行。核实确是两个不同的项目时，加 --allow-duplicate {number} 再导入。",
                )
            )
    return problems


def already_imported(
    spec: TableSpec, rows: list[tuple[int, dict[str, str]]], existing: list[tuple[int, dict[str, str]]]
) -> list[str]:
    """The register ids of the rows when every row is already there (same name, same announcement);
    empty otherwise."""

    found = in_register(spec, rows, existing)
    return [i for _, i in found] if rows and len(found) == len(rows) else []


def in_register(
    spec: TableSpec, rows: list[tuple[int, dict[str, str]]], existing: list[tuple[int, dict[str, str]]]
) -> list[tuple[int, str]]:
    """(file row, register id) of the rows already in the register: same name, same announcement."""

    def key(row: dict[str, str]) -> tuple[str, str]:
        if spec.assigns_ids:
            return name_key(row.get("name", "")), row.get("announcement_id", "")
        return row.get("id", ""), name_key(row.get("title", ""))  # an announcement: same id and title

    index = {key(r): r.get("id", "") for _, r in existing}
    return [(number, index[key(row)]) for number, row in rows if key(row) in index]


def partly_imported(
    spec: TableSpec,
    rows: list[tuple[int, dict[str, str]]],
    existing: list[tuple[int, dict[str, str]]],
    register_file: str,
) -> str:
    """One line when most of the file is in the register already: an updated list, imported again
    whole. The rows stay errors one by one; this says what they have in common, and what to do."""
    found = in_register(spec, rows, existing)
    if len(found) < 2 or len(found) == len(rows):
        return ""
    ids = sorted(i for _, i in found)
    new = [number for number, _ in rows if number not in {n for n, _ in found}]
    shown_new = "、".join(str(n) for n in new[:10]) + (f" 等 {len(new)} 行" if len(new) > 10 else "")
    return (
        f"文件中 {len(found)} 行已在 {register_file} 中（{ids[0]} 至 {ids[-1]}，同名、同一公告），只有第 {shown_new} 行是新的："
        "名单更新后再次整份导入时会这样。加 --only-new 只导入新的行（已有的跳过并列出），或把新的行另存一个文件"
        "（保留表头）再导入；下面逐行列出重复项。"
    )


def without_present(
    spec: TableSpec, rows: list[tuple[int, dict[str, str]]], existing: list[tuple[int, dict[str, str]]]
) -> tuple[list[tuple[int, dict[str, str]]], list[tuple[int, str]]]:
    """``--only-new``: the rows not yet in the register, and (file row, register id) of those that are."""
    present = in_register(spec, rows, existing)
    gone = {n for n, _ in present}
    return [(n, r) for n, r in rows if n not in gone], present


def present_note(present: list[tuple[int, str]], register_file: str) -> str:
    rows = "、".join(str(n) for n, _ in present[:10]) + (f" 等 {len(present)} 行" if len(present) > 10 else "")
    ids = sorted(i for _, i in present)
    return (
        f"--only-new：跳过文件中已在 {register_file} 中的 {len(present)} 行（第 {rows} 行，"
        f"{ids[0]}{' 至 ' + ids[-1] if len(ids) > 1 else ''}，同名、同一公告），只导入其余的行。"
    )
