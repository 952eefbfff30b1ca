"""The about page's passage that names where 纠错 and 报告遗漏 messages go, from the site's settings.

The about page is hand-written (``docs/about.md``); this passage fills its marker
``<!-- hsp:fill feedback-channel -->`` so that the page names the same email address and 留言 system as
the links on the record pages, or says plainly that none is set yet.
"""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from generator.model import sitemap
from generator.model.page import Page
from generator.model.site import SiteModel


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    config = site.config
    yield Page(
        sitemap.ABOUT_DOC,
        "fill",
        "feedback-channel",
        env.get_template("pages/about_channel.md.j2").render(
            email=config.feedback_email,
            email_href=sitemap.mailto(config.feedback_email, "纠错或线索", "") if config.feedback_email else "",
            url=config.feedback_url,
        ),
    )
