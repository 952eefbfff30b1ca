"""The open-data overview (``data/``), a catalogue of every package and its stable URLs
(``catalog/``). Each package's own page comes from :mod:`generator.render.pages.datasets`."""
from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from generator.model.publication import human_size
from generator.model import sitemap
from generator.model.page import Page
from generator.model.site import SiteModel

def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    pub = site.published
    common = {"site": site, "pub": pub, "human_size": human_size}
    yield Page(sitemap.DATA, "md", "开放数据", env.get_template("pages/data.md.j2").render(page_url=sitemap.DATA, **common))
    yield Page(sitemap.CATALOG_PAGE, "md", "数据目录", env.get_template("pages/catalog.md.j2").render(
        page_url=sitemap.CATALOG_PAGE, **common))
