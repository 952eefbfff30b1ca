"""Retired ids stay retired: ``register/retired_ids.csv`` (id, name, kind, retired_on, reason) lists every
id whose record was removed, so that it is never given to another record.

The release snapshots (:mod:`generator.release_check`) catch an id that was *released* and reused; this
ledger also covers a record that was removed before any release, and says why it was removed. A retired
id in use is an error either way: for a different record (kind or name differ, compared after NFKC
normalisation with spaces removed, the rule the release check uses) it is a reused id; for the same
record it is a restoration, and the ledger line must then be deleted.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from generator.model.problems import Problem
from generator.validate.checks.tables import Table

LEDGER = "retired_ids"
TRACKED = (("announcements", "announcement", "title"), ("bases", "base", "name"), ("studios", "studio", "name"))
KIND_LABELS = {"announcement": "公告", "base": "培训基地", "studio": "技能大师工作室"}


def same_name(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def retired(tables: dict[str, Table]) -> dict[str, dict[str, str]]:
    table = tables.get(LEDGER)
    return {row["id"]: row for _, row in table.rows if row.get("id")} if table else {}


def check_retired_ids(tables: dict[str, Table]) -> Iterator[Problem]:
    ledger = retired(tables)
    if not ledger:
        return
    for name, kind, name_field in TRACKED:
        table = tables.get(name)
        if table is None:
            continue
        for number, row in table.rows:
            old = ledger.get(row.get("id", ""))
            if old is None:
                continue
            when = old.get("retired_on", "") or "日期不详"
            was = f"{KIND_LABELS.get(old.get('kind', ''), old.get('kind', ''))}「{old.get('name', '')}」"
            if old.get("kind") == kind and same_name(old.get("name", "")) == same_name(row.get(name_field, "")):
                yield Problem(
                    table.shown,
                    number,
                    "id-reused",
                    f"编号已于 {when} 登记为停用（{was}），但这条记录仍在表中",
                    field="id",
                    actual=row["id"],
                    hint=f"如果是恢复这条记录，请从 {LEDGER}.csv 中删除该编号的那一行；否则请删除本行。",
                )
            else:
                yield Problem(
                    table.shown,
                    number,
                    "id-reused",
                    f"编号已于 {when} 停用（原属{was}），不能再用于另一条记录",
                    field="id",
                    actual=row["id"],
                    hint="编号一经分配永不再用：请删除本行的编号，用 python -m generator import 导入以分配新编号。",
                )
