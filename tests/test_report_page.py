"""The validation report page (``data/validation/``) and the intake page (``data/intake/``)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import CASES, site_model

from generator.model.problems import WARNING, Problem
from generator.model.sitemap import INTAKE as INTAKE_URL
from generator.model.sitemap import REPORT as REPORT_URL
from generator.render.jinja import environment
from generator.render.pages.report import pages
from generator.validate.checks.catalogue import validation_checks


def render(problems: list[Problem]) -> dict[str, str]:
    site = site_model(CASES / "good", "2026-01-02", problems=tuple(problems))
    return {p.url: p.body for p in pages(site, environment())}


def test_report_lists_warnings_with_file_row_field_and_escapes_them() -> None:
    studios = CASES / "good" / "register" / "studios.csv"
    hostile = Problem(
        str(studios),
        3,
        "markup-in-name",
        "名称中含有网页标记字符",
        field="name",
        actual="<script>alert(1)</script>",
        hint="请核对 & 修改",
        severity=WARNING,
    )
    body = render([hostile])[REPORT_URL]
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "请核对 &amp; 修改" in body
    assert "<code>register/studios.csv</code>" in body
    assert '<a href="../../studios/S000002/">3</a>' in body  # row 3 of studios.csv is S000002
    assert "名称（name）" in body
    assert '<time datetime="2026-01-02">2026-01-02</time>' in body
    assert "共 1 个警告，涉及 1 个文件" in body


def test_report_names_every_check_and_says_when_there_is_nothing_open() -> None:
    body = render([])[REPORT_URL]
    assert "没有未解决的警告" in body
    for check in validation_checks():
        assert f"<code>{check.code}</code></th><td>{check.title}</td>" in body, check.code
    assert "import-" not in body.split('id="checks"')[1], "import-only codes are not validation checks"


def test_intake_page_links_the_templates() -> None:
    body = render([])[INTAKE_URL]
    for table in ("studios", "bases", "announcements"):
        assert f'href="../templates/{table}.xlsx"' in body
        assert f"--into {table}" in body


def test_built_report_shows_the_real_warning(built_site: Path) -> None:
    html = (built_site / "data" / "validation" / "index.html").read_text(encoding="utf-8")
    assert f'<time datetime="{dt.date.today().isoformat()}">' in html
    row = re.search(
        r"<tr><td><code>register/studios.csv</code></td><td><a href=\"([^\"]+)\">48</a>.*?</tr>", html, re.S
    )
    assert row, "the 苏美亭 duplicate (studios.csv row 48) is listed"
    assert row.group(1) == "../../studios/S000047/"
    assert (built_site / "studios" / "S000047" / "index.html").exists()
    assert "duplicate-in-announcement" in row.group(0) and "苏美亭" in row.group(0)
    nav = html.split('class="md-nav', 1)[1]
    assert "数据校验报告" in nav and "录入模板与导入" in nav


@pytest.mark.browser
def test_a_visitor_sees_the_report(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "data/validation/")
    assert page.get_by_role("heading", name="数据校验报告", level=1).is_visible()
    assert page.get_by_text("没有未解决的警告。").is_visible()
    notes = page.locator("table", has_text="已确认的数据说明")
    assert notes.locator("tbody tr").count() == 1
    assert "苏美亭" in notes.inner_text() and "已确认" in notes.inner_text()
    assert page.locator("table", has_text="业务规则检查").locator("tr", has_text="credit-code").count() == 1
    page.get_by_role("link", name="录入模板与导入").first.click()
    assert page.get_by_role("link", name="studios.xlsx").is_visible()
