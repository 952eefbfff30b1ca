"""Export: every file the site publishes besides its pages, prepared in memory as a
:class:`~generator.model.publication.Publication` — before the pages that show each file's size,
SHA-256 and date are rendered. The site stage writes it. Nothing here validates or reads the disk.

Under ``data/<package>/``: per resource ``<name>.csv`` (canonical), ``<name>.excel.csv`` (BOM, for
Excel/WPS), ``<name>.xlsx``, ``<name>.json``, ``<name>.parquet``; the published ``datapackage.json``
(with ``bytes`` and ``hash``), ``README.md`` and ``<package>.zip``. Also ``data/releases/<version>/``
(every release's CSVs and datapackage.json), ``data/changes.csv``, ``catalog.jsonld``, one JSON twin
per record page (``bases/B000001.json``), and the site's own data files: the finder's data, the
Atom feeds, the header search's data and the Excel intake templates.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.export.catalog import catalog
from generator.export.changes import steps
from generator.export.csvs import canonical_csv, text_csv
from generator.export.descriptor import published_descriptor
from generator.export.feeds import feeds
from generator.export.finder import finder_file
from generator.export.jsonfiles import twins
from generator.export.package import package_files
from generator.export.search_index import search_file
from generator.export.table import Table
from generator.export.templates import template_files
from generator.model import sitemap
from generator.model.history import CHANGE_COLUMNS, History
from generator.model.publication import Download, Publication
from generator.model.site import SiteModel


def export(site: SiteModel) -> Publication:
    model = site.model
    base = site.config.site_url
    history = model.history
    tables = {(p.name, r.name): Table(r) for p in model.packages for r in p.resources}
    first_release = history.releases[0].date if history.releases else ""
    packages = tuple(
        package_files(p, tables, site.problems, history, site.built, base=base, site_name=site.config.site_name,
                      first_release=first_release)
        for p in model.packages
    )
    history_steps = tuple(steps(history, model.packages, site.built))
    changes = [c.cells() for s in history_steps for c in s.changes]
    modified = max((p.changed for p in packages), default=site.built)
    note = history.latest.note if history.latest else ""
    others = (
        *_releases(history),
        Download(sitemap.CHANGES_CSV, text_csv(CHANGE_COLUMNS, changes), "csv", "", modified),
        Download(sitemap.CATALOG, catalog(packages, title=site.config.site_name, description=site.config.description,
                                          built=modified, base=base, note=note), "jsonld", "", modified),
        *twins(model.register, tables),
    )
    site_files = (finder_file(site), search_file(site), *feeds(site), *template_files(site))
    return Publication(site.built, base, site.config.site_name, history, history_steps, packages, others, site_files)


def _releases(history: History) -> Iterator[Download]:
    for release in history.releases:
        for package in release.packages:
            csvs = {r.path: canonical_csv(Table(r)) for r in package.resources}
            for r in package.resources:
                yield Download(sitemap.release_file(release.version, package.name, r.path), csvs[r.path], "csv",
                               r.name, release.date)
            yield Download(sitemap.release_file(release.version, package.name, "datapackage.json"),
                           published_descriptor(package.descriptor, csvs), "datapackage", "", release.date)
