"""What a person sees, in a real headless Chromium: home, the studios list, an announcement page,
and a CSV downloaded from the open-data page."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from conftest import REPO

pytestmark = pytest.mark.browser


def count_rows(name: str) -> int:
    with (REPO / "datasets" / "register" / f"{name}.csv").open(encoding="utf-8") as f:
        return sum(1 for _ in csv.DictReader(f))


def test_home_shows_counts_and_entry_points(page, site_url: str) -> None:
    page.goto(site_url)
    assert page.title().startswith("首页")
    table = page.locator("table", has_text="按层级统计")
    total = table.locator("tr", has_text="合计")
    assert total.locator("td").all_inner_texts() == [str(count_rows("bases")), str(count_rows("studios"))]
    for label in ("查名单", "看条件", "下载数据"):
        assert page.get_by_role("link", name=label).first.is_visible()
    assert page.get_by_role("heading", name="覆盖情况：我们掌握了多少").is_visible()
    coverage = page.locator(".hsp-coverage").inner_text()
    assert "国家级技能大师工作室" in coverage and "国家级培训基地" in coverage


def test_studios_list_shows_a_known_record(page, site_url: str) -> None:
    page.goto(site_url + "studios/")
    row = page.locator("tr", has_text="付一鸣技能大师工作室")
    assert row.count() == 1
    assert "武汉地铁集团有限公司" in row.inner_text()
    assert "市级" in row.inner_text()
    row.get_by_role("link", name="付一鸣技能大师工作室").click()
    page.wait_for_url("**/studios/S000001/")
    assert page.locator("h1").inner_text() == "付一鸣技能大师工作室"
    assert "付一鸣" in page.locator("dl.hsp-meta").inner_text()


def test_province_and_level_links_of_a_list_run_along_the_line(page, site_url: str) -> None:
    """The 按省份 / 按层级 links wrap along the line at phone and desktop width, not one per line
    (Material's ``.md-typeset ul:not([hidden])`` once outweighed the flex rule)."""
    for width in (390, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site_url + "studios/")
        facets = page.locator("nav.hsp-facets ul").first
        assert facets.evaluate("e => getComputedStyle(e).display") == "flex"
        tops = facets.locator("li").evaluate_all("items => items.map(i => i.getBoundingClientRect().top)")
        assert len(set(tops)) < len(tops) / 2, width


# the text a row shows, with the labels its cells carry in ::before (inner_text leaves those out)
SHOWN_TEXT = """row => Array.from(row.children).filter(c => c.getClientRects().length).map(c => {
    const before = getComputedStyle(c, '::before').content;
    return (before && before !== 'none' ? JSON.parse(before) : '') + c.innerText;
}).join('')"""


@pytest.mark.parametrize(
    ("url", "name", "shown"),
    [
        (
            "studios/",
            "付一鸣技能大师工作室",
            ["依托单位：武汉地铁集团有限公司", "公告：2023年武汉市技能大师工作室名单"],
        ),
        ("studios/province/420000/", "付一鸣技能大师工作室", ["技能大师：付一鸣", "依托单位：武汉地铁集团有限公司"]),
        ("bases/", "广西玉林技师学院", ["省份：广西", "层级：国家级"]),
        ("announcements/wuhan-2023/", "付一鸣技能大师工作室", ["依托单位：武汉地铁集团有限公司", "年份：2023"]),
    ],
)
def test_on_a_phone_a_record_list_reads_without_sideways_scrolling(
    page, site_url: str, url: str, name: str, shown: list[str]
) -> None:  # type: ignore[no-untyped-def]
    """At 390 px a list of bases or studios is one block per record, every column labelled, inside
    the screen: the ten-column table once squeezed 依托单位 and 公告 to two characters a line behind a
    sideways scroll, a row 200 px tall."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + url)
    wrap = page.locator(".hsp-table-wrap", has_text=name).first
    assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth")
    row = wrap.locator("tbody tr", has_text=name).first
    box = row.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert box["height"] < 170, box
    text = row.evaluate(SHOWN_TEXT)
    for fact in shown:
        assert fact in text, text
    assert "职业（工种）：—" not in text  # an empty column is left out, not spelled out
    if url.startswith("studios/province/"):  # the 状态 filter still hides rows
        page.select_option("form.hsp-list-filter select[name=scope]", "ended")
        assert page.locator("#hsp-list tbody tr:visible").count() == 0
    page.set_viewport_size({"width": 1366, "height": 900})  # on a desktop it is a table again
    assert row.locator("th").evaluate("e => getComputedStyle(e).display") == "table-cell"


def test_announcement_page_lists_its_records_and_source(page, site_url: str) -> None:
    page.goto(site_url + "announcements/wuhan-2023/")
    assert page.locator("h1").inner_text() == "2023年武汉市技能大师工作室名单"
    meta = page.locator("dl.hsp-meta").inner_text()
    assert "武汉市人力资源和社会保障局" in meta and "2023-12-19" in meta and "技能大师工作室 10 个" in meta
    assert page.locator("table", has_text="本公告的技能大师工作室").locator("tbody tr").count() == 10
    assert page.get_by_role("link", name="https://www.chacewang.com/newsdetail/news518851.html").is_visible()


def test_partial_announcement_says_so(page, site_url: str) -> None:
    page.goto(site_url + "announcements/sd-2020-national/")
    warning = page.locator(".admonition", has_text="名单不完整")
    assert warning.is_visible()
    assert "公告称共 19 个" in warning.inner_text()


def test_csv_download_parses_to_the_right_row_count(page, site_url: str) -> None:
    page.goto(site_url + "data/")
    link = page.locator("a[href$='register/studios.csv']").first
    with page.expect_download() as info:
        link.click()
    with open(info.value.path(), "rb") as f:
        frame = pd.read_csv(io.BytesIO(f.read()), dtype=str)
    assert len(frame) == count_rows("studios")
    assert "付一鸣技能大师工作室" in set(frame["name"])


def test_on_a_phone_the_header_names_the_plan_whole(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """At 390 px the site's name was cut to 国家高技能人才振兴计划 • …; the tail is left out there, so the
    plan's name reads whole, and on a desktop the whole name stands."""
    name = page.locator(".md-header__topic:first-child > .md-ellipsis")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "studios/")
    assert name.inner_text().strip() == "国家高技能人才振兴计划"
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth")  # nothing cut off
    page.set_viewport_size({"width": 1366, "height": 900})
    assert name.inner_text().strip() == "国家高技能人才振兴计划 · 公开数据"


@pytest.mark.parametrize(
    ("url", "title", "facts"),
    [
        ("announcements/", "2023年武汉市技能大师工作室名单", ["日期：2023-12-19", "层级：市级", "收录：10 条"]),
        ("", "2025年三明市技能大师工作室名单", ["日期：2025-12-22", "层级：市级", "收录：1 条"]),  # the newest
    ],
)
def test_on_a_phone_a_list_of_announcements_reads_without_sideways_scrolling(
    page, site_url: str, url: str, title: str, facts: list[str]
) -> None:  # type: ignore[no-untyped-def]
    """The announcements page and the home page's latest announcements: at 390 px one block per
    announcement, its title first, then 日期、层级、类型、收录 labelled; a table again on a desktop."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + url)
    wrap = page.locator(".hsp-table-wrap", has=page.locator("table.hsp-table--announcements")).first
    assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth")
    row = wrap.locator("tbody tr", has_text=title).first
    box = row.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["height"] < 120, box
    text = row.evaluate(SHOWN_TEXT)
    for fact in facts:
        assert fact in text, text
    heading, date = row.locator("th").bounding_box(), row.locator("td").first.bounding_box()
    assert heading is not None and date is not None and heading["y"] < date["y"]  # the title leads
    page.set_viewport_size({"width": 1366, "height": 900})
    assert row.locator("th").evaluate("e => getComputedStyle(e).display") == "table-cell"
