"""One page per announcement, base and studio, at a URL derived from its id."""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from generator.model import sitemap
from generator.model.page import Page
from generator.model.site import SiteModel
from generator.model.status import validity
from generator.render import feedback
from generator.render.history import record_histories

RELATED_LIMIT = 20
ANNOUNCEMENT_ROWS = 50  # keeps announcement pages under 30 KB; the finder lists the rest


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    histories = record_histories(site)
    announcement_tpl = env.get_template("records/announcement.html.j2")
    for a in site.register.announcements:
        records = site.records_of(a.id)
        stated = sum(n for n in (a.count_bases, a.count_studios) if n is not None) or None
        yield Page(
            a.url,
            "shell",
            a.title,
            announcement_tpl.render(
                site=site,
                announcement=a,
                page_url=a.url,
                records=records,
                stated=stated,
                bases=[r for r in records if r.kind == sitemap.BASE.code],
                studios=[r for r in records if r.kind == sitemap.STUDIO.code],
                excerpt=site.register.sources.get(a.id, ""),
                row_limit=ANNOUNCEMENT_ROWS,
                uniform=len({site.status(r) for r in records}) <= 1,  # one badge above the table, not one a row
                feedback=feedback.announcement_links(site, a, a.url),
                history=histories.get((sitemap.ANNOUNCEMENT.section, a.id), []),
            ),
        )
    record_tpl = env.get_template("records/record.html.j2")
    for r in site.register.records:
        yield Page(
            r.url,
            "shell",
            r.name,
            record_tpl.render(
                site=site,
                record=r,
                page_url=r.url,
                announcement=site.announcement(r.announcement_id),
                related=site.related.get(r.id, [])[:RELATED_LIMIT],
                status=site.status(r),
                validity=validity(r),
                feedback=feedback.record_links(site, r, r.url),
                history=histories.get((r.section, r.id), []),
            ),
        )
