"""The period a package's data covers, computed from its rows: the earliest and the latest date or year
in the fields that date the content (announcement dates, the years of bases and studios, the dates of
policies, the deadlines of targets). Dates keep the precision they are written with (``2011``,
``2008-10``, ``2025-12-22``), so the period never claims more than the data says."""

from __future__ import annotations

import re

from generator.model.register import Package

TIME_FIELDS = {
    "announcements": ("date", "gongshi_start", "gongshi_end"),
    "bases": ("year",),
    "studios": ("year",),
    "policies": ("written_date", "published_date"),
    "targets": ("deadline",),
}
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def coverage(package: Package) -> tuple[str, str]:
    """(start, end) as partial ISO dates, or ("", "") when no row is dated."""
    values = [row.get(name, "") for r in package.resources for name in TIME_FIELDS.get(r.name, ()) for row in r.rows]
    dated = [v for v in values if PARTIAL_DATE.match(v)]
    if not dated:
        return "", ""
    return min(dated, key=_first_day), max(dated, key=_last_day)


def xsd_type(value: str) -> str:
    """The XML Schema type of a partial ISO date: gYear, gYearMonth or date."""
    return {4: "gYear", 7: "gYearMonth"}.get(len(value), "date")


def _first_day(value: str) -> str:
    return value + "-01-01"[len(value) - 4 :]


def _last_day(value: str) -> str:
    return value + "-12-31"[len(value) - 4 :]
