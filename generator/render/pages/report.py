"""Two pages about the data's quality and how it comes in:

* ``data/validation/`` 数据校验报告: when the data was checked (the build date), every check that ran
  (code and Chinese title, from :mod:`generator.checks.catalogue`), and the open warnings — file, row,
  field, message — so the public sees the data's known weaknesses;
* ``data/intake/`` 录入模板与导入: the three Excel templates (prepared by
  :mod:`generator.export.templates` as ``data/templates/``) and how staff import them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from generator import paths
from generator.intake.fields import TARGETS
from generator.model import sitemap
from generator.model.page import Page
from generator.model.problems import NOTE, WARNING, Problem
from generator.model.schema import field_of
from generator.model.site import SiteModel
from generator.validate.checks.catalogue import BY_CODE, CheckInfo, validation_checks


@dataclass(frozen=True)
class OpenProblem:
    """One row of the report's table."""

    path: str  # relative to the datasets folder: register/studios.csv
    row: int | None
    field: str  # Chinese title (field name), or ""
    code: str
    title: str  # the check's Chinese title
    severity: str
    text: str  # the message with its detail and hint, as the command line prints it
    link: str  # the record page, or ""


@dataclass(frozen=True)
class ReportContext:
    """What ``pages/report.md.j2`` draws."""

    page_url: str
    built: str
    problems: list[OpenProblem]
    checks: list[CheckInfo]
    stages: list[str]
    files: int

    @property
    def warnings(self) -> list[OpenProblem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def notes(self) -> list[OpenProblem]:
        """Warnings the maintainers confirmed in datasets/acknowledged.csv."""
        return [p for p in self.problems if p.severity == NOTE]


@dataclass(frozen=True)
class IntakeContext:
    """What ``pages/intake.md.j2`` draws."""

    page_url: str
    templates: list[tuple[str, str, str]]  # (table, Chinese title, site URL of the .xlsx)
    example: str  # the output of a real dry run of a published list (generator/data/intake_example.txt)


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    yield Page(
        sitemap.REPORT, "md", "数据校验报告", env.get_template("pages/report.md.j2").render(c=report_context(site))
    )
    templates = [(name, sheet, sitemap.template(name)) for name, (sheet, _) in TARGETS.items()]
    yield Page(
        sitemap.INTAKE,
        "md",
        "录入模板与导入",
        env.get_template("pages/intake.md.j2").render(
            c=IntakeContext(sitemap.INTAKE, templates, paths.INTAKE_EXAMPLE.read_text(encoding="utf-8"))
        ),
    )


def report_context(site: SiteModel) -> ReportContext:
    rows = [open_problem(site, p) for p in site.problems]
    checks = validation_checks()
    return ReportContext(
        sitemap.REPORT,
        site.built,
        rows,
        checks,
        list(dict.fromkeys(c.stage for c in checks)),
        len({r.path for r in rows}),
    )


def open_problem(site: SiteModel, p: Problem) -> OpenProblem:
    path = _relative(site, p.path)
    info = BY_CODE.get(p.code)
    return OpenProblem(
        path,
        p.row,
        _field_title(site, path, p.field),
        p.code,
        info.title if info else p.code,
        p.severity,
        p.line().split("] ", 1)[-1],
        _record_link(site, path, p.row),
    )


def _relative(site: SiteModel, path: str) -> str:
    """A problem's file relative to the datasets folder: register/studios.csv."""
    try:
        return Path(path).resolve().relative_to(site.model.root.resolve()).as_posix()
    except ValueError:
        return path


def _field_title(site: SiteModel, path: str, field: str | None) -> str:
    if not field:
        return ""
    package, _, name = path.partition("/")
    for p in site.packages:
        for r in p.resources if p.name == package else ():
            if r.path == name:
                title = field_of(r.schema, field).get("title")
                return f"{title}（{field}）" if title else field
    return field


def _record_link(site: SiteModel, path: str, row: int | None) -> str:
    package, _, name = path.partition("/")
    kind = sitemap.BY_SECTION.get(name.removesuffix(".csv"))
    if package != sitemap.REGISTER or kind is None or row is None or row < 2:
        return ""
    rows = site.model.package(sitemap.REGISTER).resource(kind.section).rows
    record_id = rows[row - 2].get("id", "") if row - 2 < len(rows) else ""
    return sitemap.record(kind.code, record_id) if record_id else ""
