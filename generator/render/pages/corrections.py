"""The 更正记录 page (``changes/corrections/``): every published correction, newest first, from the
release changelog (see :mod:`generator.render.history` for what counts as a correction)."""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from generator.model import sitemap
from generator.model.page import Page
from generator.model.site import SiteModel
from generator.render.history import corrections

RESOURCE_LABELS = {"announcements": "公告", "bases": "培训基地", "studios": "技能大师工作室"}


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    yield Page(
        sitemap.CORRECTIONS,
        "md",
        "更正记录",
        env.get_template("pages/corrections.md.j2").render(
            site=site,
            page_url=sitemap.CORRECTIONS,
            rows=corrections(site),
            resource_labels=RESOURCE_LABELS,
        ),
    )
