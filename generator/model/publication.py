"""What the site publishes besides its pages, as values: every file with its URL, bytes and format,
grouped by data package. :mod:`generator.export` prepares it; pages show it; :mod:`generator.site`
writes it."""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from generator.model import sitemap
from generator.model.history import History, Step
from generator.model.problems import Problem
from generator.model.register import Package, Resource

AUTHOR_EN = "National High-Skilled Talent Revitalisation Plan Open Data Project"
TITLES_EN = {
    sitemap.REGISTER: "Register of the National High-Skilled Talent Revitalisation Plan: announcements, "
    "high-skilled talent training bases and skill master studios",
    sitemap.POLICIES: "Policies, application criteria and targets of the National High-Skilled Talent Revitalisation Plan",
}


def title_en(package: str, title: str) -> str:
    """A package's English title, for citations and the metadata's English labels."""
    return TITLES_EN.get(package, f"{title} [in Chinese]")


@dataclass(frozen=True)
class Format:
    label: str  # shown in the files table
    media_type: str  # IANA media type
    file_type: str  # EU file-type authority code for dct:format ("" when it has none)
    short: str  # a short name for link lists


FORMATS = {
    "csv": Format("CSV（UTF-8，无 BOM）", "text/csv", "CSV", "CSV"),
    "excel-csv": Format("CSV（Excel/WPS 用，UTF-8 带 BOM）", "text/csv", "CSV", "Excel/WPS CSV"),
    "xlsx": Format(
        "Excel 工作簿（.xlsx）", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", "XLSX"
    ),
    "json": Format("JSON（对象数组）", "application/json", "JSON", "JSON"),
    "parquet": Format("Parquet（带类型）", "application/vnd.apache.parquet", "PARQUET", "Parquet"),
    "datapackage": Format("数据包描述（datapackage.json）", "application/json", "JSON", "datapackage.json"),
    "readme": Format("说明（Markdown）", "text/markdown", "TXT", "README"),
    "text": Format("纯文本（UTF-8）", "text/plain", "TXT", "TXT"),
    "schema": Format("表结构（Table Schema，JSON）", "application/json", "JSON", "Table Schema"),
    "codelist": Format("代码表（CSV）", "text/csv", "CSV", "CSV"),
    "zip": Format("ZIP 压缩包（全部文件和校验报告）", "application/zip", "ZIP", "ZIP"),
    "jsonld": Format("JSON-LD", "application/ld+json", "JSON_LD", "JSON-LD"),
    "atom": Format("Atom 订阅", "application/atom+xml", "ATOM", "Atom"),
    "script": Format("JavaScript 数据", "text/javascript", "JS", "JS"),
    "template": Format(
        "Excel 录入模板（.xlsx）", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", "XLSX"
    ),
}


@dataclass(frozen=True)
class Download:
    """A file under the site root. ``url`` is root-relative without a leading slash
    (``data/register/studios.xlsx``); ``changed`` is the ISO date its content last changed."""

    url: str
    data: bytes = field(repr=False)
    kind: str
    resource: str = ""
    changed: str = ""

    @property
    def name(self) -> str:
        return posixpath.basename(self.url)

    @property
    def size(self) -> int:
        return len(self.data)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def format(self) -> Format:
        return FORMATS[self.kind]

    @property
    def anchor(self) -> str:
        """The id of this file's row in its dataset page's files table."""
        return "file-" + self.name.replace(".", "-")


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


@dataclass(frozen=True)
class ResourceFiles:
    resource: Resource
    files: tuple[Download, ...]  # csv, excel-csv, xlsx, json, parquet
    changed: str  # ISO date the content last changed
    release: str  # the version that introduced the current content; "" when not released yet

    def get(self, kind: str) -> Download:
        return next(f for f in self.files if f.kind == kind)


@dataclass(frozen=True)
class PackageFiles:
    package: Package
    resources: tuple[ResourceFiles, ...]
    meta: tuple[Download, ...]  # datapackage.json, README.md, <package>.zip
    changed: str
    problems: tuple[Problem, ...]  # the validation report bundled in the ZIP
    schema_org: dict[str, Any] = field(default_factory=dict)  # the dataset page's JSON-LD
    documents: tuple[Download, ...] = ()  # the Table Schemas, code lists, source excerpts and texts, as committed
    coverage: tuple[str, str] = ("", "")  # the period the data covers, as partial ISO dates

    def schema_of(self, resource: str) -> Download | None:
        """The published Table Schema of a resource, when ``schemas/`` holds one."""
        return next((d for d in self.documents if d.kind == "schema" and d.resource == resource), None)

    @property
    def name(self) -> str:
        return self.package.name

    @property
    def url(self) -> str:
        return sitemap.dataset(self.package.name)

    @property
    def files(self) -> tuple[Download, ...]:
        return tuple(f for r in self.resources for f in r.files) + self.meta

    def get(self, kind: str) -> Download:
        return next(f for f in self.meta if f.kind == kind)


@dataclass(frozen=True)
class ReleaseFiles:
    """One package as a release holds it: every resource in all five formats and its datapackage.json."""

    version: str
    date: str
    note: str
    package: Package
    resources: tuple[ResourceFiles, ...]
    meta: tuple[Download, ...]  # datapackage.json
    documents: tuple[Download, ...] = ()  # the source excerpts and texts the snapshot holds

    @property
    def name(self) -> str:
        return self.package.name

    @property
    def files(self) -> tuple[Download, ...]:
        return tuple(f for r in self.resources for f in r.files) + self.meta


@dataclass(frozen=True)
class Publication:
    built: str
    base: str  # the site's absolute URL, or "" (then links and IRIs are relative)
    site_name: str
    history: History
    steps: tuple[Step, ...]
    packages: tuple[PackageFiles, ...]
    others: tuple[Download, ...]  # releases, changes.csv, catalog.jsonld, record twins
    site_files: tuple[Download, ...] = ()  # finder data, feeds, intake templates: not in the catalogue
    releases: tuple[ReleaseFiles, ...] = ()  # every release's packages (their files are also in others)
    changes: tuple[Download, ...] = ()  # changes.csv, its Excel variant and its Table Schema (also in others)
    api: tuple[Download, ...] = ()  # api/index.json and the per-kind indexes (also in others)
    changes_schema_org: dict[str, Any] = field(default_factory=dict)  # the changes page's JSON-LD

    @property
    def files(self) -> tuple[Download, ...]:
        return tuple(f for p in self.packages for f in (*p.files, *p.documents)) + self.others

    @property
    def modified(self) -> str:
        """The date the published data last changed (the build date while changes are unreleased)."""
        return max((p.changed for p in self.packages), default=self.built)

    def package(self, name: str) -> PackageFiles:
        return next(p for p in self.packages if p.name == name)

    def release_files(self, version: str) -> list[Download]:
        prefix = sitemap.release(version)
        return [f for f in self.others if f.url.startswith(prefix)]
