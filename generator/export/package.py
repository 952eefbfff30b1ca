"""Every download of one package: five files per resource, the published datapackage.json, the README,
the documents the metadata names (the resources' Table Schemas and code lists, the source excerpts,
the plan text) and the ZIP bundle holding them all, each with the date its content last changed (from
the release history)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from generator.export.bundle import report_files, zip_bundle
from generator.export.coverage import coverage
from generator.export.csvs import canonical_csv, excel_csv
from generator.export.descriptor import published_descriptor
from generator.export.jsonfiles import json_array
from generator.export.parquet import parquet
from generator.export.schemaorg import dataset_jsonld
from generator.export.table import Table
from generator.export.xlsx import xlsx
from generator.model import sitemap
from generator.model.history import History
from generator.model.problems import Problem
from generator.model.publication import Download, PackageFiles, ResourceFiles
from generator.model.register import Attachment, Package


def package_files(
    package: Package,
    tables: Mapping[tuple[str, str], Table],
    problems: Sequence[Problem],
    history: History,
    built: str,
    *,
    base: str = "",
    site_name: str = "",
    first_release: str = "",
    schemas: Sequence[Attachment] = (),
) -> PackageFiles:
    title = package.title
    resources = []
    for resource in package.resources:
        table = tables[package.name, resource.name]
        data = canonical_csv(table)
        release = history.last_changed(package.name, resource.path, resource.data or data)
        changed = release.date if release else built
        stem = posixpath.splitext(sitemap.download(package.name, resource.path))[0]
        titled = f"{title}：{resource.title}"
        resources.append(
            ResourceFiles(
                resource,
                (
                    Download(sitemap.download(package.name, resource.path), data, "csv", resource.name, changed),
                    Download(stem + ".excel.csv", excel_csv(table), "excel-csv", resource.name, changed),
                    Download(stem + ".xlsx", xlsx(table, title=titled, built=changed), "xlsx", resource.name, changed),
                    Download(stem + ".json", json_array(table), "json", resource.name, changed),
                    Download(stem + ".parquet", parquet(table, title=titled), "parquet", resource.name, changed),
                ),
                changed,
                release.version if release else "",
            )
        )
    changed = max((r.changed for r in resources), default=built)
    csvs = {r.resource.path: r.get("csv").data for r in resources}
    meta = [
        Download(
            sitemap.download(package.name, "datapackage.json"),
            published_descriptor(package.descriptor, csvs),
            "datapackage",
            "",
            changed,
        )
    ]
    if package.readme:
        meta.append(
            Download(sitemap.download(package.name, "README.md"), package.readme.encode("utf-8"), "readme", "", changed)
        )
    docs = tuple(documents(package, schemas, changed))
    own = tuple(p for p in problems if _belongs(p, package.folder))
    report = report_files(package.name, package.version, changed, list(own))
    prefix = len(sitemap.dataset(package.name))
    entries = [(f.url[prefix:], f.data) for r in resources for f in r.files]
    entries += [(f.url[prefix:], f.data) for f in (*meta, *docs)] + report
    meta.append(
        Download(
            sitemap.download(package.name, f"{package.name}.zip"), zip_bundle(entries, changed), "zip", "", changed
        )
    )
    period = coverage(package)
    files = PackageFiles(package, tuple(resources), tuple(meta), changed, own, {}, docs, period)
    jsonld = dataset_jsonld(files, page_url=files.url, base=base, site_name=site_name, first_release=first_release)
    return PackageFiles(package, tuple(resources), tuple(meta), changed, own, jsonld, docs, period)


def documents(package: Package, schemas: Sequence[Attachment], changed: str) -> Iterator[Download]:
    """The Table Schema of every resource (``schemas/<resource>.schema.json``), the code lists its
    resources copy (``schemas/codelists/<file>``) and the package's own attachments (``sources/*.txt``,
    ``texts/*.txt``), published under the package's folder at the path its README names."""
    by_path = {s.path: s for s in schemas}
    for resource in package.resources:
        found = by_path.get(f"{resource.name}.schema.json")
        if found:
            yield Download(sitemap.schema(package.name, resource.name), found.data, "schema", resource.name, changed)
    for resource in package.resources:
        found = by_path.get(f"codelists/{resource.path}")
        if found:
            yield Download(
                sitemap.download(package.name, "schemas/" + found.path), found.data, "codelist", resource.name, changed
            )
    for attachment in package.attachments:
        yield Download(sitemap.download(package.name, attachment.path), attachment.data, "text", "", changed)


def _belongs(problem: Problem, folder: Path) -> bool:
    return Path(problem.path).resolve().is_relative_to(folder.resolve())
