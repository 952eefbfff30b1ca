"""What every page producer and template may use: the loaded model, the validation problems, the
site's settings and (for the pages that show them) the prepared downloads, plus labels and figures
derived from them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from generator.model.config import SiteConfig
from generator.model.history import History
from generator.model.loaded import Model
from generator.model.policies import Policies
from generator.model.problems import Problem
from generator.model.publication import Publication
from generator.model.register import Announcement, Package, Record, Register
from generator.model.schema import fields_of
from generator.model.status import Status, status_of


@dataclass(frozen=True)
class SiteModel:
    model: Model
    built: str  # ISO date of the build, shown as 数据更新日期
    problems: tuple[Problem, ...] = ()
    config: SiteConfig = field(default_factory=SiteConfig)
    publication: Publication | None = None  # the prepared downloads, once export has run

    @property
    def register(self) -> Register:
        return self.model.register

    @property
    def policies(self) -> Policies:
        return self.model.policies

    @property
    def history(self) -> History:
        return self.model.history

    @property
    def packages(self) -> tuple[Package, ...]:
        return self.model.packages

    @property
    def published(self) -> Publication:
        """The downloads; only the pages rendered after export may ask for them."""
        if self.publication is None:
            raise RuntimeError("the downloads are not prepared yet: render this page after export")
        return self.publication

    @cached_property
    def labels(self) -> dict[str, dict[str, str]]:
        """Chinese labels of every enum value, by field name, taken from the Table Schemas."""
        out: dict[str, dict[str, str]] = {}
        for package in self.packages:
            for resource in package.resources:
                for spec in fields_of(resource.schema):
                    if spec.get("enumLabels"):
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

    @cached_property
    def statuses(self) -> dict[tuple[str, str], Status]:
        """Every base's and studio's status, by (kind, id), as of the data date."""
        labels = self.labels.get("status", {})
        return {
            (r.kind, r.id): status_of(r, self.announcement(r.announcement_id), labels, self.built)
            for r in self.register.records
        }

    def status(self, record: Record) -> Status:
        return self.statuses[(record.kind, record.id)]

    def records_of(self, announcement_id: str) -> list[Record]:
        return self.register.records_by_announcement.get(announcement_id, [])

    def not_current(self, records: Iterable[Record]) -> tuple[int, int]:
        """How many of ``records`` are 拟入选 (a 公示, not yet approved) and how many have ended
        (revoked or run out): a count by level alone would read as that many approved projects."""
        statuses = [self.status(r) for r in records]
        return sum(1 for s in statuses if s.code == "nominated"), sum(1 for s in statuses if s.ended)

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
