"""The finder page (``find/``): a form whose script searches every base and studio in the browser.

The page is Markdown built by MkDocs (so it sits in the navigation); the data comes from
:mod:`generator.finder` as ``find/data.js`` and the behaviour from ``assets/javascripts/finder.js``.
"""
from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from generator.export import finder
from generator.render.jinja import Page
from generator.model.site import SiteModel

FACETS = (("type", "类型"), ("level", "层级"), ("province", "省份"), ("year", "年份"), ("announcement", "公告"))


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    yield Page(finder.URL, "md", "查找", env.get_template("pages/find.md.j2").render(
        page_url=finder.URL, facets=FACETS, total=len(site.register.records),
        data_js=finder.DATA_FILE, finder_js="assets/javascripts/finder.js",
    ))
