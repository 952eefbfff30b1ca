"""Accessibility (WCAG 2.1 AA): axe-core finds nothing serious, tables are captioned with header
scopes, the finder works by keyboard, the large-text setting persists, and phones get no sideways page scroll."""
from __future__ import annotations

import re
from pathlib import Path

import axe_playwright_python
import pytest

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
PAGES = {
    "home": "",
    "list": "studios/",
    "province list": "studios/province/420000/",
    "level list": "bases/level/national/",
    "announcement": "announcements/wuhan-2023/",
    "record": "studios/S000001/",
    "finder": "find/?q=%E6%AD%A6%E6%B1%89",
    "policy": "policies/plan-2011/",
}


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => await axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
        resultTypes: ['violations']})""")
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_axe_finds_no_serious_violation(page, site_url: str, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + url)
    assert axe_violations(page) == []


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_no_sideways_page_scroll_at_375_px(page, site_url: str, url: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for wrap in page.query_selector_all(".hsp-table-wrap"):  # wide tables scroll in their own box
        assert wrap.evaluate("e => getComputedStyle(e).overflowX") == "auto"


def test_large_text_at_375_px_still_has_no_sideways_scroll(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + "studios/S000001/")
    page.click("#hsp-large-text")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_every_table_has_a_caption_and_header_scopes(built_site: Path) -> None:
    problems = []
    for path in sorted(built_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for table in re.findall(r"<table\b.*?</table>", text, flags=re.S):
            where = path.relative_to(built_site)
            if not re.search(r"<caption\b[^>]*>\s*\S", table):
                problems.append(f"{where}: table without caption")
            for th in re.findall(r"<th\b[^>]*>", table):
                if not re.search(r'\sscope="(col|row|colgroup|rowgroup)"', th):
                    problems.append(f"{where}: {th} without scope")
    assert problems == []


def test_large_text_switch_sits_in_the_header_and_persists(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url)
    button = page.locator(".md-header__inner #hsp-large-text")
    assert button.is_visible()
    assert button.get_attribute("aria-pressed") == "false"
    normal = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    large = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert large >= normal * 1.3
    page.goto(site_url + "studios/S000001/")  # another page, another folder depth
    assert page.evaluate("document.documentElement.classList.contains('hsp-large')")
    assert page.locator(".md-header__inner #hsp-large-text").get_attribute("aria-pressed") == "true"
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == large
    page.click("#hsp-large-text")
    page.reload()
    assert not page.evaluate("document.documentElement.classList.contains('hsp-large')")


def test_finder_controls_are_labelled_and_work_by_keyboard(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "find/")
    controls = page.eval_on_selector_all(
        "#hsp-finder input, #hsp-finder select",
        "els => els.map(e => [e.id, e.labels.length ? e.labels[0].textContent : ''])")
    assert [label for _, label in controls] == ["关键词", "类型", "层级", "省份", "年份", "公告"]
    page.focus("#hsp-finder-q")
    page.keyboard.insert_text("武汉")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "hsp-finder-type"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "hsp-finder-level"
    page.keyboard.press("ArrowDown")  # a closed select changes its value with the arrow keys
    level = page.input_value("#hsp-finder-level")
    assert level != ""
    assert f"level={level}" in page.url
    status = page.text_content("#hsp-finder-status")
    assert status.startswith("找到") or status.startswith("没有找到")
    assert page.get_attribute("#hsp-finder-status", "role") == "status"
    first = page.locator("#hsp-finder-results a").first
    first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/studios/" in page.url or "/bases/" in page.url
