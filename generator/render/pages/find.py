"""The finder page (``find/``): a form whose script searches every base and studio in the browser.

The page is Markdown built by MkDocs (so it sits in the navigation); the data comes from
:mod:`generator.export.finder` as ``find/data.js`` and the behaviour from ``assets/javascripts/finder.js``.
"""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from generator.model import sitemap
from generator.model.page import Page
from generator.model.site import SiteModel
from generator.render.feedback import missing_links

FACETS = (("type", "类型"), ("level", "层级"), ("province", "省份"), ("year", "年份"), ("announcement", "公告"))


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    yield Page(
        sitemap.FIND,
        "md",
        "查找",
        env.get_template("pages/find.md.j2").render(
            page_url=sitemap.FIND,
            facets=FACETS,
            total=len(site.register.records),
            feedback=missing_links(site, sitemap.FIND, "培训基地和技能大师工作室（查找页）"),
        ),
    )
