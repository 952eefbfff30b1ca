"""Domain checks that join a base or studio to the announcement it came from.

A record names its announcement in ``announcement_id``; when it does, the record must agree with it:

* ``province-scope``: an announcement with a ``province_code`` covers that province only;
* ``level-mismatch``: an announcement publishes one level of projects;
* ``year-implausible``: a record's ``year`` (the batch year) is not after the announcement's year and
  not more than :data:`YEAR_LAG` years before it. Batch labels trail publication (the 2019 national batch
  was published in 2020-01, the 2023 batch in 2024-05) and plaque reports come a year or so later; in
  the real register the lag is 0 or 1 year, so 2 leaves room while still catching a mistyped year.

And two warnings that describe the data's completeness rather than a mistake:

* ``count-mismatch``: an announcement marked ``complete`` states a count that the records under it do
  not reach (or exceed). Partial lists (``partial``/``none``) are expected to fall short and are not
  reported;
* ``duplicate-in-announcement``: the same master (studios) or host organisation (bases) twice under
  one announcement. Two studios at one host are normal (different masters), so studios are compared
  by master only.

Checks read raw strings and skip a value that is not well formed: the schema checks report those.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from generator.model.problems import WARNING, Problem
from generator.validate.checks.dates import plausible_date
from generator.validate.checks.tables import Table

YEAR_LAG = 2
RECORD_TABLES = (("bases", "培训基地", "count_bases"), ("studios", "技能大师工作室", "count_studios"))
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
Row = tuple[int, dict[str, str]]


def announcements(tables: dict[str, Table]) -> dict[str, Row]:
    table = tables.get("announcements")
    return {row["id"]: (n, row) for n, row in table.rows if row.get("id")} if table else {}


def record_rows(tables: dict[str, Table]) -> Iterator[tuple[Table, int, dict[str, str], dict[str, str]]]:
    """(table, row number, record, its announcement) for every record whose announcement exists."""
    index = announcements(tables)
    for name, _, _ in RECORD_TABLES:
        table = tables.get(name)
        if table is None:
            continue
        for number, row in table.rows:
            found = index.get(row.get("announcement_id", ""))
            if found:
                yield table, number, row, found[1]


def _province(tables: dict[str, Table], code: str) -> str:
    table = tables.get("provinces")
    name = next((r.get("name", "") for _, r in table.rows if r.get("code") == code), "") if table else ""
    return f"{code}（{name}）" if name else code


def check_province_scope(tables: dict[str, Table]) -> Iterator[Problem]:
    for table, number, row, ann in record_rows(tables):
        mine, scope = row.get("province_code", ""), ann.get("province_code", "")
        if mine and scope and mine != scope:
            yield Problem(
                table.shown,
                number,
                "province-scope",
                "所在省份与所属公告的范围不一致",
                field="province_code",
                actual=_province(tables, mine),
                expected=f"{_province(tables, scope)}，即公告「{ann['id']}」的省级行政区代码",
                hint="请核对：是省份代码填错了，还是记录挂错了公告（announcement_id）。",
            )


def check_level(tables: dict[str, Table]) -> Iterator[Problem]:
    for table, number, row, ann in record_rows(tables):
        mine, theirs = row.get("level", ""), ann.get("level", "")
        if mine and theirs and mine != theirs:
            yield Problem(
                table.shown,
                number,
                "level-mismatch",
                "级别与所属公告的级别不一致",
                field="level",
                actual=mine,
                expected=f"{theirs}（公告「{ann['id']}」的级别）",
                hint="一份公告只公布一个级别的项目：请改正级别，或把记录挂到相应级别的公告下。",
            )


def check_year(tables: dict[str, Table]) -> Iterator[Problem]:
    for table, number, row, ann in record_rows(tables):
        year, date = row.get("year", ""), ann.get("date", "")
        if not (year.isdigit() and PARTIAL_DATE.match(date)) or not plausible_date(date):
            continue  # a date that is wrong itself is reported by check_dates, not echoed on its records
        lag = int(date[:4]) - int(year)
        if 0 <= lag <= YEAR_LAG:
            continue
        message = "年度晚于所属公告的日期" if lag < 0 else f"年度比所属公告早 {lag} 年"
        yield Problem(
            table.shown,
            number,
            "year-implausible",
            message,
            field="year",
            actual=year,
            expected=f"{int(date[:4]) - YEAR_LAG}–{date[:4]} 之间（公告「{ann['id']}」日期为 {date}）",
            hint="年度是入选批次的年份，一般等于公告年份或早一年：请核对是否录错了年份或挂错了公告。",
        )


def check_gongshi_dates(tables: dict[str, Table]) -> Iterator[Problem]:
    """公示 start ≤ end; and for a final list (stage ``list``), end ≤ the list's date, compared at the
    precision the date has (``2023-12`` admits any day of December)."""
    table = tables.get("announcements")
    if table is None:
        return
    for number, row in table.rows:
        start, end, date = row.get("gongshi_start", ""), row.get("gongshi_end", ""), row.get("date", "")
        start, end = _valid_date(start), _valid_date(end)
        if start and end and start > end:
            yield Problem(
                table.shown,
                number,
                "gongshi-dates",
                "公示结束日期早于公示开始日期",
                field="gongshi_end",
                actual=end,
                expected=f"不早于公示开始日期 {start}",
                hint="请核对公告原文中的公示期，可能把开始和结束日期填反了。",
            )
        last = end or start
        if last and row.get("stage") == "list" and PARTIAL_DATE.match(date) and last[: len(date)] > date:
            field = "gongshi_end" if end else "gongshi_start"
            yield Problem(
                table.shown,
                number,
                "gongshi-dates",
                "公示日期晚于正式名单的日期",
                field=field,
                actual=last,
                expected=f"不晚于正式名单日期 {date}",
                hint="公示在前、正式名单在后：请核对公示期和名单日期。",
            )


def check_counts(tables: dict[str, Table]) -> Iterator[Problem]:
    table = tables.get("announcements")
    if table is None:
        return
    held: dict[tuple[str, str], int] = {}
    for name, _, _ in RECORD_TABLES:
        for _, row in tables[name].rows if name in tables else ():
            key = (name, row.get("announcement_id", ""))
            held[key] = held.get(key, 0) + 1
    for number, row in table.rows:
        if row.get("list_completeness") != "complete":
            continue  # a partial list is expected to hold fewer records than the announcement states
        for name, label, field in RECORD_TABLES:
            if name not in tables:
                continue  # unreadable: its own problems are reported, a count would only mislead
            stated = row.get(field, "")
            have = held.get((name, row.get("id", "")), 0)
            if stated.isdigit() and int(stated) != have:
                yield Problem(
                    table.shown,
                    number,
                    "count-mismatch",
                    f"名单标为完整，但公告所载{label}数量与本站收录的记录数不符",
                    field=field,
                    actual=stated,
                    expected=f"{have}（{name}.csv 中挂在本公告下的记录数）",
                    hint="请补录缺少的记录，或核对数量；如果只收录了部分名单，请把名单完整程度改为 partial。",
                    severity=WARNING,
                )


def check_duplicates(tables: dict[str, Table]) -> Iterator[Problem]:
    for name, field in (("studios", "master_name"), ("bases", "host_organization")):
        table = tables.get(name)
        if table is None:
            continue
        first: dict[tuple[str, str], int] = {}
        for number, row in table.rows:
            announcement = row.get("announcement_id", "")
            if not announcement:
                continue
            keys = _keys(row, field)
            for key in keys:
                seen = first.setdefault((announcement, key), number)
                if seen != number:
                    label = "领办人" if field == "master_name" else "依托单位"
                    yield Problem(
                        table.shown,
                        number,
                        "duplicate-in-announcement",
                        f"同一公告「{announcement}」下{label}「{key}」出现了不止一次（另见第 {seen} 行）",
                        field=field,
                        actual=row.get(field, ""),
                        hint="请核对是否同一项目被重复录入（例如两个来源写法不同）；确是两个不同项目时可保留。",
                        severity=WARNING,
                    )


def _valid_date(value: str) -> str:
    """The value when it is a real YYYY-MM-DD date, else "" (the schema reports a bad date)."""
    if not ISO_DATE.match(value):
        return ""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return ""
    return value


def _keys(row: dict[str, str], field: str) -> list[str]:
    if field == "master_name":
        return sorted({m.strip() for m in row.get(field, "").split(";") if m.strip()})
    host = (row.get(field, "") or row.get("name", "")).strip()
    return [host] if host else []


DOMAIN_CHECKS = (check_province_scope, check_level, check_year, check_gongshi_dates, check_counts, check_duplicates)
