"""Export: every file the site publishes besides its pages, prepared in memory as a
:class:`~generator.model.publication.Publication` — before the pages that show each file's size,
SHA-256 and date are rendered. The site stage writes it. Nothing here validates or reads the disk.

Under ``data/<package>/``: per resource ``<name>.csv`` (canonical), ``<name>.excel.csv`` (BOM, for
Excel/WPS), ``<name>.xlsx``, ``<name>.json``, ``<name>.parquet``; the published ``datapackage.json``
(with ``bytes`` and ``hash``), ``README.md``, the documents the README names (``schemas/``,
``sources/``, ``texts/``) and ``<package>.zip``. Also ``data/releases/<version>/`` (every release's
files in the same five formats and its datapackage.json), ``data/changes.csv`` with its Excel variant
and Table Schema, ``catalog.jsonld``, the records as a static API (one JSON twin per record page,
``bases/B000001.json``; ``api/<kind>/<id>.json`` for policies, criteria and targets; ``api/index.json``
and one index per kind), and the site's own data files: the finder's data, the Atom feeds, the header
search's data and the Excel intake templates.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.export.api import api_files
from generator.export.catalog import catalog
from generator.export.changes import steps
from generator.export.csvs import canonical_csv, excel_csv, text_csv, text_excel_csv
from generator.export.descriptor import published_descriptor
from generator.export.feeds import feeds
from generator.export.finder import finder_file
from generator.export.jsonfiles import json_array
from generator.export.package import package_files
from generator.export.parquet import parquet
from generator.export.schemaorg import changelog_jsonld
from generator.export.search_index import search_file
from generator.export.table import Table
from generator.export.templates import template_files
from generator.export.xlsx import xlsx
from generator.model import sitemap
from generator.model.history import CHANGE_COLUMNS, History
from generator.model.publication import Download, Publication, ReleaseFiles, ResourceFiles
from generator.model.register import Attachment
from generator.model.site import SiteModel

CHANGES_SCHEMA = "changes.schema.json"


def export(site: SiteModel) -> Publication:
    model = site.model
    base = site.config.site_url
    history = model.history
    tables = {(p.name, r.name): Table(r) for p in model.packages for r in p.resources}
    first_release = history.releases[0].date if history.releases else ""
    packages = tuple(
        package_files(
            p,
            tables,
            site.problems,
            history,
            site.built,
            base=base,
            site_name=site.config.site_name,
            first_release=first_release,
            schemas=model.schemas,
        )
        for p in model.packages
    )
    history_steps = tuple(steps(history, model.packages, site.built))
    changes = [c.cells() for s in history_steps for c in s.changes]
    modified = max((p.changed for p in packages), default=site.built)
    note = history.latest.note if history.latest else ""
    changes_files = tuple(_changes(changes, model.schemas, modified))
    releases = tuple(_releases(history))
    api = tuple(api_files(site, tables, history_steps, modified))
    others = (
        *(f for r in releases for f in (*r.files, *r.documents)),
        *changes_files,
        Download(
            sitemap.CATALOG,
            catalog(
                packages,
                title=site.config.site_name,
                description=site.config.description,
                built=modified,
                base=base,
                note=note,
                releases=releases,
                changes=changes_files,
                first_release=first_release,
            ),
            "jsonld",
            "",
            modified,
        ),
        *api,
    )
    site_files = (finder_file(site), search_file(site), *feeds(site), *template_files(site))
    return Publication(
        site.built,
        base,
        site.config.site_name,
        history,
        history_steps,
        packages,
        others,
        site_files,
        releases,
        changes_files,
        api,
        changelog_jsonld(
            changes_files,
            model.packages[0],
            base=base,
            site_name=site.config.site_name,
            first_release=first_release,
            modified=modified,
        )
        if changes_files and model.packages
        else {},
    )


def _changes(rows: list[list[str]], schemas: tuple[Attachment, ...], modified: str) -> Iterator[Download]:
    yield Download(sitemap.CHANGES_CSV, text_csv(CHANGE_COLUMNS, rows), "csv", "changes", modified)
    yield Download(sitemap.CHANGES_EXCEL_CSV, text_excel_csv(CHANGE_COLUMNS, rows), "excel-csv", "changes", modified)
    schema = next((s for s in schemas if s.path == CHANGES_SCHEMA), None)
    if schema is not None:
        yield Download(sitemap.CHANGES_SCHEMA, schema.data, "schema", "changes", modified)


def _releases(history: History) -> Iterator[ReleaseFiles]:
    """Every release's packages in the five formats of the current data, dated by the release."""
    for release in history.releases:
        for package in release.packages:
            resources = []
            for r in package.resources:
                table = Table(r)
                stem = sitemap.release_file(release.version, package.name, r.path).removesuffix(".csv")
                titled = f"{package.title}：{r.title}（{release.version} 版）"
                resources.append(
                    ResourceFiles(
                        r,
                        (
                            Download(stem + ".csv", canonical_csv(table), "csv", r.name, release.date),
                            Download(stem + ".excel.csv", excel_csv(table), "excel-csv", r.name, release.date),
                            Download(
                                stem + ".xlsx",
                                xlsx(table, title=titled, built=release.date),
                                "xlsx",
                                r.name,
                                release.date,
                            ),
                            Download(stem + ".json", json_array(table), "json", r.name, release.date),
                            Download(stem + ".parquet", parquet(table, title=titled), "parquet", r.name, release.date),
                        ),
                        release.date,
                        release.version,
                    )
                )
            csvs = {rf.resource.path: rf.get("csv").data for rf in resources}
            meta = (
                Download(
                    sitemap.release_file(release.version, package.name, "datapackage.json"),
                    published_descriptor(package.descriptor, csvs),
                    "datapackage",
                    "",
                    release.date,
                ),
            )
            documents = tuple(
                Download(sitemap.release_file(release.version, package.name, a.path), a.data, "text", "", release.date)
                for a in package.attachments
            )
            yield ReleaseFiles(release.version, release.date, release.note, package, tuple(resources), meta, documents)
