"""Downloads. Every file the site publishes besides its pages is prepared here, in memory, before the
pages are rendered — so that a dataset page can show each file's size, SHA-256 and date — and written
by :func:`write` at the export stage. Nothing here validates.

Under ``data/<package>/``: per resource ``<name>.csv`` (canonical), ``<name>.excel.csv`` (BOM, for
Excel/WPS), ``<name>.xlsx``, ``<name>.json``, ``<name>.parquet``; the published ``datapackage.json``
(with ``bytes`` and ``hash``), ``README.md`` and ``<package>.zip``. Also ``data/releases/<version>/``
(every release's CSVs and datapackage.json), ``data/changes.csv``, ``catalog.jsonld`` and one JSON
twin per record page (``bases/B000001.json``).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.export.catalog import CATALOG_URL, catalog
from generator.export.csvs import canonical_csv, text_csv
from generator.export.descriptor import published_descriptor
from generator.model.publication import Download
from generator.export.jsonfiles import twins
from generator.load.config import site_config, site_url
from generator.export.package import PackageFiles, package_files
from generator.export.table import Table
from generator.errors import BuildFailed
from generator.model.register import Register
from generator.model.problems import Problem
from generator.export.changes import CSV_COLUMNS, Step, steps
from generator.load.history import History, load_history
from generator.model.site import SiteModel

CHANGES_URL = "data/changes.csv"


@dataclass(frozen=True)
class Publication:
    built: str
    base: str  # the site's absolute URL, or "" (then links and IRIs are relative)
    site_name: str
    history: History
    steps: tuple[Step, ...]
    packages: tuple[PackageFiles, ...]
    others: tuple[Download, ...]  # releases, changes.csv, catalog.jsonld, record twins

    @property
    def files(self) -> tuple[Download, ...]:
        return tuple(f for p in self.packages for f in p.files) + self.others

    def package(self, name: str) -> PackageFiles:
        return next(p for p in self.packages if p.name == name)

    def release_files(self, version: str) -> list[Download]:
        prefix = f"{release_url(version)}"
        return [f for f in self.others if f.url.startswith(prefix)]


def release_url(version: str) -> str:
    return f"data/releases/{version}/"


def prepare(register: Register, problems: list[Problem], built: str, *, base: str | None = None) -> Publication:
    config = site_config()
    base = site_url() if base is None else base
    datasets = Path(register.packages[0].folder).parent if register.packages else Path()
    history = load_history(datasets)
    tables = {(p.name, r.name): Table(r) for p in register.packages for r in p.resources}
    packages = tuple(package_files(p, tables, problems, history, built) for p in register.packages)
    history_steps = tuple(steps(history, register.packages, built))
    changes = [c.cells() for s in history_steps for c in s.changes]
    modified = max((p.changed for p in packages), default=built)
    note = history.latest.note if history.latest else ""
    others = (
        *_releases(history),
        Download(CHANGES_URL, text_csv(CSV_COLUMNS, changes), "csv", "", modified),
        Download(CATALOG_URL, catalog(packages, title=str(config.get("site_name", "")),
                                      description=str(config.get("site_description", "")),
                                      built=modified, base=base, note=note), "jsonld", "", modified),
        *twins(register, tables),
    )
    return Publication(built, base, str(config.get("site_name", "")), history, history_steps, packages, others)


def _releases(history: History) -> Iterator[Download]:
    for release in history.releases:
        for package in release.packages:
            base = f"{release_url(release.version)}{package.name}/"
            csvs = {r.path: canonical_csv(Table(r), release.file(package.name, r.path)) for r in package.resources}
            for r in package.resources:
                yield Download(base + r.path, csvs[r.path], "csv", r.name, release.date)
            yield Download(base + "datapackage.json", published_descriptor(package.descriptor, csvs),
                           "datapackage", "", release.date)


def write(publication: Publication, site: Path) -> None:
    for f in publication.files:
        target = site / f.url
        if target.exists():
            raise BuildFailed(f"下载文件 {f.url} 与网站中已有的文件同名，无法写入：请检查数据包和资源的名称。")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f.data)


def published(site: SiteModel) -> Publication:
    """The publication the build prepared; prepared here when a caller built the model without one."""
    found = site.extra.get("published")
    if isinstance(found, Publication):
        return found
    return prepare(site.register, list(site.extra.get("problems", [])), site.built)
