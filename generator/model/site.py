"""What every template may use: the loaded register plus labels and derived figures."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from generator.model.register import Announcement, Record, Register

STAGE_ORDER = {"list": 0, "gongshi": 1, "plaque": 2, "report": 3, "plan": 4, "call": 5}


@dataclass(frozen=True)
class SiteModel:
    register: Register
    built: str  # ISO date of the build, shown as 数据更新日期
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def labels(self) -> dict[str, dict[str, str]]:
        """Chinese labels of every enum value, by field name, taken from the Table Schemas."""
        out: dict[str, dict[str, str]] = {}
        for package in self.register.packages:
            for resource in package.resources:
                for spec in resource.schema.get("fields", []):  # type: ignore[union-attr]
                    if isinstance(spec, dict) and spec.get("enumLabels"):
                        out.setdefault(spec["name"], {}).update(spec["enumLabels"])
        out["level"] = {code: lv.label for code, lv in self.register.levels.items()}
        return out

    def label(self, field_name: str, value: str) -> str:
        return self.labels.get(field_name, {}).get(value, value)

    def province(self, code: str) -> str:
        return self.register.province_name(code)

    @cached_property
    def announcements_newest_first(self) -> list[Announcement]:
        return sorted(self.register.announcements, key=lambda a: (a.date or "0000", a.id), reverse=True)

    def announcement(self, announcement_id: str) -> Announcement | None:
        return self.register.announcement_by_id.get(announcement_id)

    def records_of(self, announcement_id: str) -> list[Record]:
        return self.register.records_by_announcement.get(announcement_id, [])

    @cached_property
    def level_counts(self) -> list[tuple[str, str, int, int]]:
        """(code, label, bases, studios) for every level, in rank order."""
        bases = Counter(r.level for r in self.register.bases)
        studios = Counter(r.level for r in self.register.studios)
        levels = sorted(self.register.levels.values(), key=lambda lv: lv.rank)
        return [(lv.code, lv.label, bases[lv.code], studios[lv.code]) for lv in levels]

    @cached_property
    def related(self) -> dict[str, list[Record]]:
        """Other records that share a master or a host organisation, by record id."""
        by_key: dict[str, list[Record]] = {}
        for record in self.register.records:
            # dict, not set: keys in a fixed order, so the output does not depend on the hash seed
            for key in dict.fromkeys([*(f"m:{m}" for m in record.masters), f"h:{record.host_organization}"]):
                if key != "h:":
                    by_key.setdefault(key, []).append(record)
        out: dict[str, list[Record]] = {}
        seen: dict[str, set[str]] = {}  # ids already in out[id]: a set, not a scan of the list
        for group in by_key.values():
            if len(group) > 1:
                for record in group:
                    mine, ids = out.setdefault(record.id, []), seen.setdefault(record.id, {record.id})
                    for other in group:
                        if other.id not in ids:
                            ids.add(other.id)
                            mine.append(other)
        return out
