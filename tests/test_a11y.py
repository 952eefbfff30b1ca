"""Accessibility (WCAG 2.1 AA) and 适老化: axe-core finds nothing of any impact on the most important
pages at phone and desktop width, tables are captioned with header scopes, the closed navigation
drawer is out of the tab order, the self-check and the finder work by keyboard alone, the display
settings (大字号, 高对比度, 阅读模式) work and persist, and phones get no sideways page scroll."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest
from conftest import REPO

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
# The pages a reader meets most, one of each kind, as they exist in the built site.
IMPORTANT = {
    "home": "",
    "policies": "policies/",
    "plan text": "policies/plan-2011/",
    "apply index": "apply/",
    "checklist base": "apply/base/",
    "checklist studio": "apply/studio/",
    "checklist technician": "apply/technician/",
    "self-check": "apply/self-check/",
    "progress": "apply/progress/",
    "announcements": "announcements/",
    "bases": "bases/",
    "studios": "studios/",
    "base record": "bases/B000001/",
    "studio record": "studios/S000001/",
    "announcement": "announcements/wuhan-2023/",
    "find": "find/?q=%E6%AD%A6%E6%B1%89",
    "data": "data/",
    "dataset": "data/register/",
    "catalog": "catalog/",
    "changes": "changes/",
    "about": "about/",
    "accessibility": "accessibility/",
}
WIDTHS = (390, 1366)
MODES = {
    "large": ("hsp-large-text", "hsp-large"),
    "contrast": ("hsp-contrast", "hsp-contrast"),
    "reading": ("hsp-reading", "hsp-reading"),
}
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
    """Every axe-core violation of any impact (minor included) on the page as it stands."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => await axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
        resultTypes: ['violations']})""")
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}" for v in result["violations"]]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", IMPORTANT.values(), ids=IMPORTANT.keys())
def test_axe_finds_nothing_on_the_important_pages(page, site_url: str, url: str, width: int) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + url)
    assert axe_violations(page) == []


def test_the_important_pages_exist(built_site: Path) -> None:
    for url in IMPORTANT.values():
        assert (built_site / url.split("?")[0] / "index.html").is_file(), url


@pytest.mark.parametrize("url", ("", "apply/self-check/", "apply/progress/", "data/register/", "studios/S000001/"))
def test_axe_finds_nothing_with_every_display_setting_on(page, site_url: str, url: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(site_url)
    page.evaluate("keys => keys.forEach(k => localStorage.setItem(k, '1'))", [key for key, _ in MODES.values()])
    page.goto(site_url + url)
    assert page.evaluate(
        "['hsp-large', 'hsp-contrast', 'hsp-reading'].every(c => document.documentElement.classList.contains(c))"
    )
    if url == "apply/self-check/":  # verdicts of every colour on screen
        page.fill('input[name="annual_trainees"]', "-1")
        page.fill('input[name="featured_specialities"]', "6")
        page.locator('input[name="no_violations"][value="yes"]').check()
        page.check("#sc-prog-studio")
        page.check("#sc-route-studio-host-public-base")
        page.wait_for_timeout(400)  # let the back-to-top button finish fading in
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
        "els => els.map(e => [e.id, e.labels.length ? e.labels[0].textContent : ''])",
    )
    assert [label for _, label in controls] == [
        "关键词",
        "类型",
        "层级",
        "省份",
        "年份",
        "公告",
        "状态",
        "职业（工种）",
    ]
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
    assert status.startswith(("找到", "没有找到"))
    assert page.get_attribute("#hsp-finder-status", "role") == "status"
    first = page.locator("#hsp-finder-results a").first
    first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/studios/" in page.url or "/bases/" in page.url


def in_drawer(page: Any) -> bool:
    return bool(page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"))


@pytest.mark.parametrize(
    ("width", "height", "scale"), [(390, 800, 1), (683, 384, 2)], ids=["phone 390 px", "1366 px at 200% zoom"]
)
def test_closed_drawer_is_out_of_the_tab_order(
    browser: Any, site_url: str, width: int, height: int, scale: int
) -> None:
    context = browser.new_context(
        locale="zh-CN", viewport={"width": width, "height": height}, device_scale_factor=scale
    )
    try:
        page = context.new_page()
        page.goto(site_url + "apply/")
        stops: list[str] = []
        for _ in range(12):
            page.keyboard.press("Tab")
            assert not in_drawer(page), stops
            stops.append(
                page.evaluate("document.activeElement.id || document.activeElement.textContent.trim().slice(0, 8)")
            )
            if page.evaluate("!!document.activeElement.closest('.md-content')"):
                break
        assert page.evaluate("!!document.activeElement.closest('.md-content')"), f"content not reached: {stops}"
        assert "hsp-menu" in stops
        menu = page.locator("#hsp-menu")
        assert menu.get_attribute("aria-expanded") == "false"
        menu.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.getElementById('__drawer').checked")
        assert menu.get_attribute("aria-expanded") == "true"
        assert in_drawer(page) and page.locator(".md-sidebar--primary").evaluate("e => !e.inert")
        page.keyboard.press("Tab")
        assert in_drawer(page)
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__drawer').checked")
        assert page.evaluate("document.activeElement.id") == "hsp-menu"
        assert page.locator(".md-sidebar--primary").evaluate("e => e.inert")
    finally:
        context.close()


def test_sidebar_stays_in_the_tab_order_where_it_is_not_a_drawer(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(site_url + "apply/")
    assert page.locator(".md-sidebar--primary").evaluate("e => !e.inert && e.getAttribute('aria-hidden') !== 'true'")
    assert not page.locator("#hsp-menu").is_visible()


def walk_self_check(page: Any, answers: dict[str, str], programme_key: str, route_key: str) -> list[str]:
    """Tab from the top of the page to the print button, answering by keyboard alone: numbers typed,
    是 chosen with the arrow key, the programme and the route chosen with the arrow key and Space."""
    visited: list[str] = []
    for _ in range(400):
        page.keyboard.press("Tab")
        name, kind, value = page.evaluate(
            "[document.activeElement.name || '', document.activeElement.type || '', document.activeElement.value || '']"
        )
        if page.evaluate("document.activeElement.hasAttribute('data-hsp-print')"):
            return visited
        visited.append(name)
        if name == "hsp_programme" and programme_key:
            page.keyboard.press(programme_key)
            programme_key = ""
        elif name.startswith("route-") and route_key:
            page.keyboard.press(route_key)
            route_key = ""
        elif kind == "radio" and value == "":  # 未回答 → 是
            page.keyboard.press("ArrowRight")
        elif kind == "text" and name in answers:
            page.keyboard.type(answers[name])
    raise AssertionError(f"the print button was not reached by Tab: {visited[-20:]}")


def keyboard_answers() -> dict[str, str]:
    import csv

    with (REPO / "datasets" / "policies" / "criteria.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["metric"] and r["operator"] != "is_true" and r["unit"] != "ratio"]
    answers = {r["metric"]: r["value_max"] or r["value"] for r in rows}
    answers.update(
        {
            f"{r['metric']}--{r['group']}": r["value_max"] or r["value"]
            for r in rows
            if r["group"].startswith("studio-host-")
        }
    )
    return {**answers, "teachers": "100", "students": "1800"}


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_only_walk_through_the_self_check(page: Any, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "apply/self-check/")
    page.locator("form[data-hsp-mounted]").wait_for()
    visited = walk_self_check(page, keyboard_answers(), "", "")
    assert "annual_trainees" in visited and "students" in visited
    assert not any(n.endswith("--studio-host-enterprise") for n in visited), "the hidden programme is skipped"
    assert page.locator('[data-overall="base-condition"]').inner_text() == "满足（2 项需人工确认）"
    live = page.locator("[data-hsp-live]").inner_text()
    assert "：满足，" in live, live  # the last answer committed, announced with its reason

    page.goto(site_url + "apply/self-check/")
    page.locator("form[data-hsp-mounted]").wait_for()
    visited = walk_self_check(page, keyboard_answers(), "ArrowRight", " ")  # 技能大师工作室, then 依托企业
    assert (
        page.locator("#sc-prog-studio").is_checked() and page.locator("#sc-route-studio-host-enterprise").is_checked()
    )
    assert "edu_funds_high_skill_share--studio-host-enterprise" in visited
    assert not any(n.endswith("--studio-host-public-base") for n in visited), "the route not chosen is skipped"
    assert page.locator('[data-overall="studio-condition"]').inner_text() == "满足（3 项需人工确认）"


def test_finder_is_reached_by_tab_at_phone_width(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site_url + "find/")
    presses = 0
    while page.evaluate("document.activeElement.id") != "hsp-finder-q" and presses < 30:
        page.keyboard.press("Tab")
        presses += 1
        assert not in_drawer(page)
    assert page.evaluate("document.activeElement.id") == "hsp-finder-q"
    assert presses <= 12, f"{presses} presses to reach the search box"
    page.keyboard.type("武汉")
    status = page.locator("#hsp-finder-status")
    status.wait_for()
    assert status.inner_text().startswith("找到")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#hsp-finder-results')"):
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/studios/" in page.url or "/bases/" in page.url


@pytest.mark.parametrize("mode", ("contrast", "reading"))
def test_display_setting_works_and_persists(page: Any, site_url: str, mode: str) -> None:
    key, cls = MODES[mode]
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(site_url + "apply/base/")
    button = page.locator(f".md-header__inner #{key}")
    assert button.is_visible() and button.get_attribute("aria-pressed") == "false"
    before = page.evaluate("""() => ({fg: getComputedStyle(document.querySelector('.md-typeset p')).color,
        meta: getComputedStyle(document.querySelector('.hsp-item-meta')).color,
        toc: getComputedStyle(document.querySelector('.md-sidebar--secondary')).display,
        nav: getComputedStyle(document.querySelector('.md-sidebar--primary')).display,
        lh: parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).lineHeight) / parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)})""")
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    after = page.evaluate("""() => ({fg: getComputedStyle(document.querySelector('.md-typeset p')).color,
        meta: getComputedStyle(document.querySelector('.hsp-item-meta')).color,
        toc: getComputedStyle(document.querySelector('.md-sidebar--secondary')).display,
        nav: getComputedStyle(document.querySelector('.md-sidebar--primary')).display,
        lh: parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).lineHeight) / parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)})""")
    if mode == "contrast":
        assert before["meta"] != "rgb(0, 0, 0)"
        assert (after["fg"], after["meta"]) == ("rgb(0, 0, 0)", "rgb(0, 0, 0)")
    else:
        assert before["toc"] != "none" and before["nav"] != "none"
        assert (after["toc"], after["nav"]) == ("none", "none")
        assert after["lh"] >= 1.9 > before["lh"]
    page.goto(site_url + "studios/S000001/")  # another page, another folder depth
    assert page.evaluate(f"document.documentElement.classList.contains('{cls}')")
    assert page.locator(f".md-header__inner #{key}").get_attribute("aria-pressed") == "true"
    page.click(f"#{key}")
    page.reload()
    assert not page.evaluate(f"document.documentElement.classList.contains('{cls}')")


@pytest.mark.parametrize("width", WIDTHS)
def test_chart_labels_and_tables_follow_large_text(page: Any, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "apply/progress/")
    measure = """() => ({label: document.querySelector('#chart-base .hsp-chart-label').getBoundingClientRect().height,
        tick: document.querySelector('#chart-base .hsp-chart-tick').getBoundingClientRect().height,
        cell: parseFloat(getComputedStyle(document.querySelector('table.hsp-table td')).fontSize),
        scroll: document.documentElement.scrollWidth})"""
    normal = page.evaluate(measure)
    page.click("#hsp-large-text")
    large = page.evaluate(measure)
    assert large["label"] >= normal["label"] * 1.25
    assert large["tick"] >= normal["tick"] * 1.2
    assert large["cell"] >= normal["cell"] * 1.25
    assert large["scroll"] <= width
    labels = page.evaluate("""() => [...document.querySelectorAll('#chart-base .hsp-chart-label')].map(t => {
        const svg = t.ownerSVGElement.getBoundingClientRect(), r = t.getBoundingClientRect();
        return r.right <= svg.right + 0.5 && r.left >= svg.left - 0.5; })""")
    assert labels and all(labels), "a grown label runs out of its chart"


def test_accessibility_statement_is_linked_from_every_page(built_site: Path) -> None:
    statement = (built_site / "accessibility" / "index.html").read_text(encoding="utf-8")
    for words in ("WCAG", "遇到障碍怎么办", "反馈渠道", "大字号", "高对比度", "阅读模式", "键盘"):
        assert words in statement, words
    missing = [
        str(p.relative_to(built_site))
        for p in built_site.rglob("index.html")
        if "无障碍声明</a>" not in p.read_text(encoding="utf-8") and "search" not in p.parts
    ]
    assert missing == []


@pytest.mark.parametrize("large", (False, True), ids=("normal", "large text"))
def test_linked_clause_lands_below_the_two_row_header_at_phone_width(page: Any, site_url: str, large: bool) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    if large:
        page.goto(site_url)
        page.evaluate("localStorage.setItem('hsp-large-text', '1')")
    page.goto(site_url + "policies/plan-2011/#a2-s4-2-3")
    page.wait_for_timeout(300)
    header, clause = page.evaluate("""[document.querySelector('.md-header').getBoundingClientRect().bottom,
        document.getElementById('a2-s4-2-3').getBoundingClientRect().top]""")
    assert header <= clause < header + 120
