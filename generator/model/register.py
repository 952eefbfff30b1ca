"""The register as typed values: code lists, announcements, bases and studios, and the packages as read."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from generator.model import sitemap

DEFAULT_LICENCE = "https://creativecommons.org/licenses/by/4.0/"
DEFAULT_PUBLISHER = "国家高技能人才振兴计划公开数据项目"


@dataclass(frozen=True)
class Level:
    code: str
    label: str
    rank: int
    description: str


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    full_name: str
    kind: str


@dataclass(frozen=True)
class Announcement:
    id: str
    title: str
    title_status: str
    issuing_body: str
    doc_number: str
    date: str
    level: str
    kind: str
    stage: str
    province_code: str
    count_bases: int | None
    count_studios: int | None
    list_completeness: str
    source_url: str
    evidence_level: str
    notes: str

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def url(self) -> str:
        return sitemap.announcement(self.id)


@dataclass(frozen=True)
class Record:
    """A 高技能人才培训基地 (kind ``base``) or a 技能大师工作室 (kind ``studio``)."""

    kind: str
    id: str
    name: str
    name_as_printed: str
    name_quality: str
    masters: tuple[str, ...]
    host_organization: str
    credit_code: str
    province_code: str
    city: str
    level: str
    year: int | None
    announcement_id: str
    source_url: str
    evidence_level: str
    evidence: str
    status: str = ""  # as the source states it; "" when only the announcement's stage implies one
    status_date: str = ""
    status_source_url: str = ""
    status_note: str = ""
    valid_from: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD, as printed
    valid_to: str = ""
    occupation: str = ""  # studios: the 职业/工种 as printed
    occupation_code: str = ""  # 《职业分类大典》 code, only when certain

    @property
    def kind_info(self) -> sitemap.Kind:
        return sitemap.KINDS[self.kind]

    @property
    def section(self) -> str:
        return self.kind_info.section

    @property
    def url(self) -> str:
        return sitemap.record(self.kind, self.id)


@dataclass(frozen=True)
class Resource:
    name: str
    path: str
    title: str
    schema: dict[str, object]
    rows: tuple[dict[str, str], ...]
    data: bytes = field(default=b"", repr=False)  # the committed file as it is


@dataclass(frozen=True)
class Attachment:
    """A file published as it is beside the data: a source excerpt, the plan text, a schema."""

    path: str  # relative to its package folder (``sources/nat-2011-plan.txt``) or to ``schemas/``
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class Package:
    name: str
    folder: Path  # where it was read from, for messages; no stage after loading reads it again
    descriptor: dict[str, object]
    resources: tuple[Resource, ...]
    readme: str
    attachments: tuple[Attachment, ...] = ()  # every file in the package's subfolders (sources/, texts/)

    def resource(self, name: str) -> Resource:
        return next(r for r in self.resources if r.name == name)

    @property
    def title(self) -> str:
        return str(self.descriptor.get("title", self.name))

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", ""))

    def _first(self, key: str, field_name: str) -> str:
        items = self.descriptor.get(key)
        first: Any = items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else {}
        return str(first.get(field_name) or "")

    @property
    def licence(self) -> str:
        return self._first("licenses", "path") or DEFAULT_LICENCE

    @property
    def publisher(self) -> str:
        return self._first("contributors", "title") or DEFAULT_PUBLISHER

    @property
    def keywords(self) -> list[str]:
        words = self.descriptor.get("keywords")
        return [str(k) for k in words] if isinstance(words, list) else []


@dataclass(frozen=True)
class Register:
    levels: dict[str, Level]
    provinces: dict[str, Province]
    announcements: tuple[Announcement, ...]
    bases: tuple[Record, ...]
    studios: tuple[Record, ...]
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def records(self) -> tuple[Record, ...]:
        return self.bases + self.studios

    @cached_property
    def announcement_by_id(self) -> dict[str, Announcement]:
        return {a.id: a for a in self.announcements}

    @cached_property
    def records_by_announcement(self) -> dict[str, list[Record]]:
        index: dict[str, list[Record]] = defaultdict(list)
        for record in self.records:
            index[record.announcement_id].append(record)
        return index

    def level_label(self, code: str) -> str:
        level = self.levels.get(code)
        return level.label if level else code

    def province_name(self, code: str) -> str:
        province = self.provinces.get(code)
        return province.name if province else ""
