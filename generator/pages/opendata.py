"""The open-data page: every package and resource with its downloads and field table."""
from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from generator.render import Page
from generator.schema_text import constraint_texts, type_label
from generator.site_model import SiteModel


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    yield Page("data/", "md", "开放数据", env.get_template("pages/data.md.j2").render(
        site=site, packages=site.register.packages, page_url="data/",
        type_label=type_label, constraint_texts=constraint_texts,
    ))
