"""The open-data pages in real Chromium: no serious accessibility problem, no sideways scroll on a phone,
and the citations filled in with the page's own address when the site's address is not configured."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_a11y import axe_violations

PAGES = {"dataset": "data/register/", "api": "data/api/", "changes": "changes/", "catalog": "catalog/"}


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_open_data_pages_pass_axe_and_fit_a_phone(page, site_url: str, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + url)
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + url)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_citations_show_the_page_address(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "data/policies/")
    here = site_url + "data/policies/"
    assert f"url          = {{{here}}}," in page.inner_text("#cite-bibtex")
    assert f"UR  - {here}" in page.inner_text("#cite-ris")


def test_api_page_names_each_kind_and_its_index_once(built_site: Path) -> None:
    """The 记录接口 page lists the kinds of api/index.json and links each per-kind index once (it listed
    one entry per record: studios、studios、… 123 times)."""
    import html as html_module

    page = (built_site / "data" / "api" / "index.html").read_text(encoding="utf-8")
    text = html_module.unescape(re.sub(r"<[^>]+>", "", page))
    indexes = sorted(p.name for p in (built_site / "api").glob("*.json") if p.name != "index.json")
    kinds = [name.removesuffix(".json") for name in indexes]
    listed = re.search(r"按类别（([^）]*)）", text)
    assert listed is not None and sorted(listed.group(1).split("、")) == kinds
    links = [h for h in re.findall(r'href="(\.\./\.\./api/[a-z]+\.json)"', page) if not h.endswith("/index.json")]
    assert sorted(links) == sorted(f"../../api/{name}" for name in indexes)
