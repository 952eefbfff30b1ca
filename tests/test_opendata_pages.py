"""The open-data pages in real Chromium: no serious accessibility problem, no sideways scroll on a phone,
and the citations filled in with the page's own address when the site's address is not configured."""

from __future__ import annotations

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
