"""Two pages about the data's quality and how it comes in:

* ``data/validation/`` 数据校验报告: when the data was checked (the build date), every check that ran
  (code and Chinese title, from :mod:`generator.checks.catalogue`), and the open warnings — file, row,
  field, message — so the public sees the data's known weaknesses;
* ``data/intake/`` 录入模板与导入: the three Excel templates (written by :func:`write_templates` into
  ``data/templates/``) and how staff import them.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from generator import paths
from generator.validate.checks.catalogue import BY_CODE, CheckInfo, validation_checks
from generator.intake.fields import TARGETS
from generator.model.problems import NOTE, WARNING, Problem
from generator.render.jinja import Page
from generator.model.site import SiteModel

REPORT_URL = "data/validation/"
INTAKE_URL = "data/intake/"
TEMPLATES_URL = "data/templates/"
SECTIONS = {"bases.csv": "bases", "studios.csv": "studios", "announcements.csv": "announcements"}


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
    intake_url: str

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
    report_url: str


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    yield Page(REPORT_URL, "md", "数据校验报告", env.get_template("pages/report.md.j2").render(c=report_context(site)))
    yield Page(INTAKE_URL, "md", "录入模板与导入", env.get_template("pages/intake.md.j2").render(c=IntakeContext(
        INTAKE_URL, [(name, sheet, f"{TEMPLATES_URL}{name}.xlsx") for name, (sheet, _) in TARGETS.items()], REPORT_URL)))


def report_context(site: SiteModel) -> ReportContext:
    problems: list[Problem] = list(site.extra.get("problems", []))
    rows = [open_problem(site, p) for p in problems]
    checks = validation_checks()
    return ReportContext(REPORT_URL, site.built, rows, checks, list(dict.fromkeys(c.stage for c in checks)),
                         len({r.path for r in rows}), INTAKE_URL)


def open_problem(site: SiteModel, p: Problem) -> OpenProblem:
    path = _relative(site, p.path)
    info = BY_CODE.get(p.code)
    return OpenProblem(path, p.row, _field_title(site, path, p.field), p.code, info.title if info else p.code,
                       p.severity, p.line().split("] ", 1)[-1], _record_link(site, path, p.row))


def _datasets(site: SiteModel) -> Path:
    packages = site.register.packages
    return Path(packages[0].folder).parent if packages else paths.DATASETS


def _relative(site: SiteModel, path: str) -> str:
    try:
        return Path(path).resolve().relative_to(_datasets(site).resolve()).as_posix()
    except ValueError:
        return path


def _field_title(site: SiteModel, path: str, field: str | None) -> str:
    if not field:
        return ""
    package, _, name = path.partition("/")
    for p in site.register.packages:
        for r in p.resources if p.name == package else ():
            if r.path == name:
                spec = next((f for f in r.schema.get("fields", []) if isinstance(f, dict) and f.get("name") == field), {})  # type: ignore[union-attr]
                title = spec.get("title")
                return f"{title}（{field}）" if title else field
    return field


def _record_link(site: SiteModel, path: str, row: int | None) -> str:
    package, _, name = path.partition("/")
    section = SECTIONS.get(name)
    if package != paths.REGISTER or section is None or row is None or row < 2:
        return ""
    rows = site.register.package(paths.REGISTER).resource(section).rows
    record_id = rows[row - 2].get("id", "") if row - 2 < len(rows) else ""
    return f"{section}/{record_id}/" if record_id else ""


def write_templates(site: SiteModel, out: Path) -> None:
    """Write ``data/templates/<table>.xlsx`` into the built site, with today's code lists."""
    from generator.intake.choices import choices_from_register
    from generator.intake.fields import table_spec
    from generator.intake.template import write_template

    folder = out / TEMPLATES_URL
    folder.mkdir(parents=True, exist_ok=True)
    choices = choices_from_register(site.register)
    for name in TARGETS:
        write_template(table_spec(name), choices, folder / f"{name}.xlsx")
