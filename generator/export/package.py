"""Every download of one package: five files per resource, the published datapackage.json, the README
and the ZIP bundle, each with the date its content last changed (from the release history)."""
from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.export.bundle import report_files, zip_bundle
from generator.export.csvs import canonical_csv, excel_csv
from generator.export.descriptor import published_descriptor
from generator.model.publication import Download
from generator.export.jsonfiles import json_array
from generator.export.parquet import parquet
from generator.export.table import Table
from generator.export.xlsx import xlsx
from generator.model.register import Package, Resource
from generator.model.problems import Problem
from generator.load.history import History


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

    @property
    def name(self) -> str:
        return self.package.name

    @property
    def url(self) -> str:
        return f"data/{self.package.name}/"

    @property
    def files(self) -> tuple[Download, ...]:
        return tuple(f for r in self.resources for f in r.files) + self.meta

    def get(self, kind: str) -> Download:
        return next(f for f in self.meta if f.kind == kind)


def package_files(package: Package, tables: Mapping[tuple[str, str], Table], problems: list[Problem],
                  history: History, built: str) -> PackageFiles:
    base = f"data/{package.name}/"
    title = str(package.descriptor.get("title", package.name))
    resources = []
    for resource in package.resources:
        table = tables[package.name, resource.name]
        committed = Path(package.folder) / resource.path
        data = canonical_csv(table, committed)
        release = history.last_changed(package.name, resource.path, committed.read_bytes() if committed.exists() else data)
        changed = release.date if release else built
        stem = base + posixpath.splitext(resource.path)[0]
        titled = f"{title}：{resource.title}"
        resources.append(ResourceFiles(resource, (
            Download(base + resource.path, data, "csv", resource.name, changed),
            Download(stem + ".excel.csv", excel_csv(table), "excel-csv", resource.name, changed),
            Download(stem + ".xlsx", xlsx(table, title=titled, built=built), "xlsx", resource.name, changed),
            Download(stem + ".json", json_array(table), "json", resource.name, changed),
            Download(stem + ".parquet", parquet(table, title=titled), "parquet", resource.name, changed),
        ), changed, release.version if release else ""))
    changed = max((r.changed for r in resources), default=built)
    csvs = {r.resource.path: r.get("csv").data for r in resources}
    meta = [Download(base + "datapackage.json", published_descriptor(package.descriptor, csvs), "datapackage", "", changed)]
    if package.readme:
        meta.append(Download(base + "README.md", package.readme.encode("utf-8"), "readme", "", changed))
    own = tuple(p for p in problems if _belongs(p, Path(package.folder)))
    report = report_files(package.name, str(package.descriptor.get("version", "")), built, list(own))
    entries = [(f.url[len(base):], f.data) for r in resources for f in r.files]
    entries += [(f.url[len(base):], f.data) for f in meta] + report
    meta.append(Download(base + f"{package.name}.zip", zip_bundle(entries, built), "zip", "", changed))
    return PackageFiles(package, tuple(resources), tuple(meta), changed, own)


def _belongs(problem: Problem, folder: Path) -> bool:
    return Path(problem.path).resolve().is_relative_to(folder.resolve())
