"""One page per data package at ``data/<package>/``: metadata, files with size and SHA-256, every
resource's fields and a preview, how to open and load the files, how to cite, and schema.org JSON-LD."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape

from generator.model.cells import FORMULA_LEADS
from generator.model.page import Page
from generator.model.publication import AUTHOR_EN, PackageFiles, Publication, human_size, title_en
from generator.model.site import SiteModel
from generator.render.pages.dataset_text import (
    PLACEHOLDER,
    PREVIEW_ROWS,
    Citation,
    FieldRow,
    duckdb_read,
    field_rows,
    pandas_read,
    preview,
    r_read,
)

FORMULA_CHARS = "、".join({"\t": "制表符", "\r": "回车符"}.get(c, c) for c in FORMULA_LEADS)


@dataclass(frozen=True)
class DatasetContext:
    """What ``pages/dataset.md.j2`` draws for one package."""

    page_url: str
    pf: PackageFiles
    descriptor: dict[str, Any]
    licence_url: str
    publisher: str
    title_en: str
    author_en: str
    fields: dict[str, list[FieldRow]]  # by resource name
    previews: dict[str, list[list[str]]]  # by resource name
    preview_rows: int
    jsonld: dict[str, Any]
    here: str  # the page's absolute URL, or "" when the site URL is not known
    released: str  # the latest release that included this package's current data, e.g. "0.1.0"
    formula_chars: str

    base: str  # the site's absolute URL, or ""
    citation: Citation

    def cite(self, text: str) -> Markup:
        """A citation as HTML: escaped, its unknown URL in a span that the page fills in with its address."""
        marked = Markup("<span data-hsp-here>{}</span>").format(PLACEHOLDER)
        return Markup(marked).join(escape(part) for part in text.split(PLACEHOLDER))

    @property
    def pandas(self) -> str:
        """The pandas snippet, exactly as printed (tests/test_opendata.py runs it)."""
        lines = ["import pandas as pd", ""]
        lines += [
            pandas_read(r.resource.name, self.url(r.get("csv").url), r.resource.schema) for r in self.pf.resources
        ]
        first = self.pf.resources[0]
        lines += [
            "",
            "# Parquet 文件自带类型（需安装 pyarrow）；dtype_backend 保留这些类型，有空值的整数列也不变成小数：",
            f'{first.resource.name}_typed = pd.read_parquet("{self.url(first.get("parquet").url)}", dtype_backend="pyarrow")',
        ]
        return "\n".join(lines) + "\n"

    @property
    def duckdb(self) -> str:
        """The DuckDB snippet, exactly as printed (tests/test_opendata.py runs it)."""
        lines = [duckdb_read(r.resource.name, self.url(r.get("csv").url), r.resource.schema) for r in self.pf.resources]
        first = self.pf.resources[0]
        lines += [
            "-- Parquet 文件自带类型，可以直接查询：",
            f"SELECT count(*) AS n FROM '{self.url(first.get('parquet').url)}';",
        ]
        return "\n".join(lines) + "\n"

    @property
    def r(self) -> str:
        """The R snippet, exactly as printed (tests/test_opendata.py runs it where R and readr are installed)."""
        lines = ["library(readr)", ""]
        lines += [r_read(r.resource.name, self.url(r.get("csv").url), r.resource.schema) for r in self.pf.resources]
        first = self.pf.resources[0]
        lines += [
            "",
            "# Parquet 文件自带类型（需安装 arrow 包）：",
            f'{first.resource.name}_typed <- arrow::read_parquet("{self.url(first.get("parquet").url)}")',
        ]
        return "\n".join(lines) + "\n"

    def url(self, target: str) -> str:
        """A file's address in a code snippet: absolute when the site URL is known, else its file name
        (the snippet then reads the downloaded file from the working folder)."""
        return self.base + target if self.base else posixpath.basename(target)


def context(pub: Publication, pf: PackageFiles) -> DatasetContext:
    page_url = pf.url
    releases = {r.release for r in pf.resources}
    released = "" if "" in releases else max(releases, key=lambda v: tuple(int(x) for x in v.split(".")))
    return DatasetContext(
        page_url=page_url,
        pf=pf,
        descriptor=dict(pf.package.descriptor),
        licence_url=pf.package.licence,
        publisher=pf.package.publisher,
        title_en=title_en(pf.name, str(pf.package.descriptor.get("title", pf.name))),
        author_en=AUTHOR_EN,
        fields={r.resource.name: field_rows(r.resource) for r in pf.resources},
        previews={r.resource.name: preview(r.resource) for r in pf.resources},
        preview_rows=PREVIEW_ROWS,
        jsonld=pf.schema_org,
        here=pub.base + page_url if pub.base else "",
        released=released,
        formula_chars=FORMULA_CHARS,
        base=pub.base,
        citation=citation(pub, pf, released),
    )


def citation(pub: Publication, pf: PackageFiles, version: str) -> Citation:
    """The version cited is the package's; its date that release's (even when the release left this
    package's rows unchanged), or the last change when there are unreleased changes (``version`` "")."""
    dates = {r.version: r.date for r in pub.history.releases}
    title = str(pf.package.descriptor.get("title", pf.name))
    return Citation(
        key=f"hsp-{pf.name}-{pf.package.version}".replace(".", "-"),
        author=pf.package.publisher,
        author_en=AUTHOR_EN,
        title=title,
        title_en=title_en(pf.name, title),
        version=pf.package.version,
        date=dates.get(pf.package.version, pf.changed) if version else pf.changed,
        url=pub.base + pf.url if pub.base else "",
    )


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    pub = site.published
    template = env.get_template("pages/dataset.md.j2")
    for pf in pub.packages:
        title = str(pf.package.descriptor.get("title", pf.name))
        yield Page(
            pf.url,
            "md",
            title,
            template.render(c=context(pub, pf), site=site, title=title, page_url=pf.url, human_size=human_size),
        )
