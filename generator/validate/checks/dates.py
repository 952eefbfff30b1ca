"""Dates that are real calendar dates, and not in the future where the field records something done.

The schemas allow partial dates (``2023``, ``2023-12``, ``2023-12-19``) as strings with a pattern, and
a pattern cannot know that February has no 30th or that there is no month 13 or 00. Fields of Table
Schema type ``date`` are checked by frictionless; this check covers the partial-date strings, and the
build date for every date field whose event has already happened (a list cannot be published in 2099).

* ``date-invalid``: not a calendar date (``2023-13-45``, ``2023-02-30``, ``2023-00``);
* ``date-in-future``: after the build date, in a field that records a past event. A 公示 may still be
  running (``gongshi_end``) and a target has a deadline (``deadline``): those may lie ahead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from generator.model.problems import Problem
from generator.validate.checks.tables import Table

# table → date fields that record a past event (must not be after the build date)
PAST_FIELDS: dict[str, tuple[str, ...]] = {
    "announcements": ("date", "gongshi_start"),
    "policies": ("written_date", "published_date"),
    "retired_ids": ("retired_on",),
    "bases": ("status_date",),
    "studios": ("status_date",),
}
# table → date fields that may lie ahead, checked as calendar dates only
OPEN_FIELDS: dict[str, tuple[str, ...]] = {
    "announcements": ("gongshi_end",),
    "targets": ("deadline",),
    "bases": ("valid_from", "valid_to"),  # a period of validity may run into the future
    "studios": ("valid_from", "valid_to"),
}
PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def calendar_error(value: str) -> str:
    """Why a ``YYYY[-MM[-DD]]`` value is not a calendar date, or "" when it is one (or is not in that
    shape at all: the pattern check reports those)."""
    found = PARTIAL.match(value)
    if not found:
        return ""
    year, month, day = found.groups()
    if month is not None and not 1 <= int(month) <= 12:
        return f"没有 {int(month)} 月"
    if day is not None:
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            return f"{int(year)} 年 {int(month)} 月没有 {int(day)} 日"
    return ""


def earliest(value: str) -> str:
    """The first day a partial date can mean, as ``YYYY-MM-DD`` (``2099`` → ``2099-01-01``)."""
    parts = value.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def plausible_date(value: str, today: Callable[[], dt.date] = dt.date.today) -> bool:
    """A real calendar date that is not after the build date."""
    return not calendar_error(value) and earliest(value) <= today().isoformat()


def check_dates(tables: dict[str, Table], today: Callable[[], dt.date] = dt.date.today) -> Iterator[Problem]:
    build_date = today().isoformat()
    for name in sorted(set(PAST_FIELDS) | set(OPEN_FIELDS)):
        table = tables.get(name)
        if table is None:
            continue
        past = PAST_FIELDS.get(name, ())
        for number, row in table.rows:
            for field in past + OPEN_FIELDS.get(name, ()):
                value = row.get(field, "").strip()
                if not value:
                    continue
                why = calendar_error(value)
                if why:
                    yield Problem(
                        table.shown,
                        number,
                        "date-invalid",
                        f"日期不存在：{why}",
                        field=field,
                        actual=value,
                        expected="真实的日期，写作 YYYY-MM-DD、YYYY-MM 或 YYYY",
                        hint="请对照公告原文改正年月日（常见原因：月和日写反、手误）。",
                    )
                elif field in past and PARTIAL.match(value) and earliest(value) > build_date:
                    yield Problem(
                        table.shown,
                        number,
                        "date-in-future",
                        "日期晚于今天（生成日期），这件事还没有发生",
                        field=field,
                        actual=value,
                        expected=f"不晚于 {build_date}",
                        hint="请对照公告原文核对年份，常见原因是年份打错（如 2099、2203）。",
                    )
