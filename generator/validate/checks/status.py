"""Checks on a record's life: its status, the status date and the period of validity.

* ``status-stage``: a record's stated status must agree with what its announcement's stage implies (a
  公示's records are 拟入选, a formal list's are not), unless ``status_source_url`` names another,
  later source for the status;
* ``status-revoked``: a 已撤销 record keeps its row, page and id, and says why and where
  (``status_note`` and ``status_source_url``, or an announcement of stage ``revocation``);
* ``status-date``: a status date is not before the announcement it comes from (one in the future is
  ``date-in-future``, see :mod:`generator.validate.checks.dates`);
* ``validity-order``: ``valid_from`` ≤ ``valid_to``;
* ``revoked-retired``: a record that was revoked is not deleted (its id retired) but kept with status
  ``revoked``.

Dates are compared at the precision both have (``2019`` against ``2019-03`` compares the year).
Values the schema rejects (an unknown status, a malformed date) are skipped: the schema reports them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from generator import paths
from generator.model.problems import Problem
from generator.model.status import IMPLIED_BY_STAGE, REVOKED, STATUSES
from generator.validate.checks.domain import PARTIAL_DATE, RECORD_TABLES, announcements
from generator.validate.checks.tables import Table

REVOKED_WORDS = re.compile(r"撤销|撤消|取消|退出|摘牌")


@cache
def status_labels() -> dict[str, str]:
    """The Chinese label of every status, from the Table Schema (the one place they are written)."""
    schema = json.loads((paths.SCHEMAS / "bases.schema.json").read_text(encoding="utf-8"))
    spec: dict[str, Any] = next((f for f in schema.get("fields", []) if f.get("name") == "status"), {})
    return dict(spec.get("enumLabels", {}))


def _label(code: str) -> str:
    label = status_labels().get(code, "")
    return f"{code}（{label}）" if label else code


def _before(a: str, b: str) -> bool:
    """a < b at the precision both dates have."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def _rows(tables: dict[str, Table]) -> Iterator[tuple[Table, int, dict[str, str], dict[str, str] | None]]:
    index = announcements(tables)
    for name, _, _ in RECORD_TABLES:
        table = tables.get(name)
        if table is None:
            continue
        for number, row in table.rows:
            found = index.get(row.get("announcement_id", ""))
            yield table, number, row, found[1] if found else None


def check_status_stage(tables: dict[str, Table]) -> Iterator[Problem]:
    for table, number, row, ann in _rows(tables):
        status = row.get("status", "")
        implied = IMPLIED_BY_STAGE.get(ann.get("stage", ""), "") if ann else ""
        if status not in STATUSES or not implied or status == implied:
            continue
        if row.get("status_source_url", "") not in (
            "",
            row.get("source_url", ""),
            ann.get("source_url", "") if ann else "",
        ):
            continue  # a later source says otherwise
        yield Problem(
            table.shown,
            number,
            "status-stage",
            f"状态与所属公告「{ann['id'] if ann else ''}」的类型不一致",
            field="status",
            actual=_label(status),
            expected=_label(implied),
            hint="公示名单中的记录是拟入选（nominated），正式名单中的是已批准（approved）。"
            "如果后来的通知改变了状态，请在 status_source_url 填写那份通知的网址；否则请改正状态。",
        )


def check_revoked(tables: dict[str, Table]) -> Iterator[Problem]:
    for table, number, row, ann in _rows(tables):
        if row.get("status", "") != REVOKED:
            continue
        by_announcement = ann is not None and ann.get("stage") == "revocation"
        if not row.get("status_note", "").strip():
            yield Problem(
                table.shown,
                number,
                "status-revoked",
                "已撤销的记录没有写明撤销原因",
                field="status_note",
                actual="",
                expected="撤销原因（按来源原文）",
                hint="已撤销的记录保留页面和编号，但要说明原因：请在 status_note 摘录撤销通知的原文。",
            )
        if not row.get("status_source_url", "").strip() and not by_announcement:
            yield Problem(
                table.shown,
                number,
                "status-revoked",
                "已撤销的记录没有写明撤销的来源",
                field="status_source_url",
                actual="",
                expected="撤销通知的网址",
                hint="请在 status_source_url 填写撤销（或退出）通知的网址，"
                "或把记录挂到类型为 revocation（撤销/退出通知）的公告下。",
            )


def check_status_date(tables: dict[str, Table]) -> Iterator[Problem]:
    """Not before the announcement the status comes from (a date after the build date is ``date-in-future``)."""
    for table, number, row, ann in _rows(tables):
        date = row.get("status_date", "")
        if not PARTIAL_DATE.match(date):
            continue
        published = ann.get("date", "") if ann else ""
        same_source = row.get("status_source_url", "") in ("", ann.get("source_url", "") if ann else "")
        if same_source and PARTIAL_DATE.match(published) and _before(date, published):
            yield Problem(
                table.shown,
                number,
                "status-date",
                "状态日期早于所属公告的日期",
                field="status_date",
                actual=date,
                expected=f"不早于 {published}（公告「{ann['id'] if ann else ''}」的日期）",
                hint="状态来自这份公告时，状态日期不会早于公告日期：请核对日期，或在 status_source_url 填写另一来源。",
            )


def check_validity(tables: dict[str, Table]) -> Iterator[Problem]:
    for table, number, row, _ in _rows(tables):
        start, end = row.get("valid_from", ""), row.get("valid_to", "")
        if PARTIAL_DATE.match(start) and PARTIAL_DATE.match(end) and _before(end, start):
            yield Problem(
                table.shown,
                number,
                "validity-order",
                "有效期止早于有效期起",
                field="valid_to",
                actual=end,
                expected=f"不早于有效期起 {start}",
                hint="请核对来源所载的有效期（如“有效期从2019年1月至2021年12月”），可能把起止填反了。",
            )


def check_revoked_retired(tables: dict[str, Table]) -> Iterator[Problem]:
    table = tables.get("retired_ids")
    if table is None:
        return
    for number, row in table.rows:
        if row.get("kind") in ("base", "studio") and REVOKED_WORDS.search(row.get("reason", "")):
            yield Problem(
                table.shown,
                number,
                "revoked-retired",
                "被撤销的记录不应删除",
                field="reason",
                actual=row.get("reason", ""),
                expected="记录保留，状态改为 revoked",
                hint=f"已撤销的基地或工作室保留页面和编号：请把 {row.get('id', '')} 这一行放回原表，"
                "status 填 revoked，并填写 status_note（原因）和 status_source_url（来源），再从 retired_ids.csv 删除这一行。",
            )


STATUS_CHECKS = (check_status_stage, check_revoked, check_status_date, check_validity, check_revoked_retired)
