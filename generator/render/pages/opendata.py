"""The open-data overview (``data/``), a catalogue of every package and its stable URLs
(``catalog/``). Each package's own page comes from :mod:`generator.render.pages.datasets`."""
from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from generator.export import CHANGES_URL, published, release_url
from generator.export.catalog import CATALOG_URL
from generator.model.publication import human_size
from generator.render.jinja import Page
from generator.model.site import SiteModel

CATALOG_PAGE = "catalog/"


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    pub = published(site)
    common = {"site": site, "pub": pub, "human_size": human_size, "catalog_url": CATALOG_URL,
              "changes_url": CHANGES_URL, "release_url": release_url}
    yield Page("data/", "md", "开放数据", env.get_template("pages/data.md.j2").render(page_url="data/", **common))
    yield Page(CATALOG_PAGE, "md", "数据目录", env.get_template("pages/catalog.md.j2").render(
        page_url=CATALOG_PAGE, **common))
