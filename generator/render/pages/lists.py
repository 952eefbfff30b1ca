"""List pages: all announcements; bases and studios overall, by province and by level."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from jinja2 import Environment

from generator.model import sitemap
from generator.model.page import Page
from generator.model.register import Record
from generator.model.site import SiteModel
from generator.model.sitemap import Kind
from generator.render.feedback import missing_links

FULL_TABLE_LIMIT = 1000  # above this many rows a list shows only the facets (issue: pages ≤ 1 MB)


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    yield Page(
        sitemap.ANNOUNCEMENTS,
        "md",
        "公告",
        env.get_template("pages/announcements.md.j2").render(
            site=site, rows=site.announcements_newest_first, feedback=missing_links(site, sitemap.ANNOUNCEMENTS, "公告")
        ),
    )
    records_tpl = env.get_template("pages/records.md.j2")
    for kind in sitemap.RECORD_KINDS:
        title = kind.label
        rows = [r for r in site.register.records if r.kind == kind.code]
        by_province = Counter(r.province_code for r in rows if r.province_code)
        by_level = Counter(r.level for r in rows)
        url = sitemap.section(kind.code)
        yield Page(
            url,
            "md",
            title,
            records_tpl.render(
                site=site,
                title=title,
                kind=kind.code,
                page_url=url,
                intro=f"本站收录 {len(rows)} 个{title}。每行链接到记录页和来源；按省份、按层级的列表见下方。",
                caption=f"全部{title}（{len(rows)} 个）",
                rows=rows if len(rows) <= FULL_TABLE_LIMIT else [],
                by_province=[(c, site.province(c), n) for c, n in sorted(by_province.items())],
                by_level=[
                    (lv.code, lv.label, by_level[lv.code])
                    for lv in sorted(site.register.levels.values(), key=lambda v: v.rank)
                    if by_level[lv.code]
                ],
                feedback=missing_links(site, url, title),
            ),
        )
        yield from _split(site, env, kind, rows)


def _split(site: SiteModel, env: Environment, kind: Kind, rows: list[Record]) -> Iterator[Page]:
    tpl = env.get_template("records/list.html.j2")
    title = kind.label
    for code in sorted({r.province_code for r in rows if r.province_code}):
        chosen = [r for r in rows if r.province_code == code]
        heading = f"{site.province(code)}的{title}"
        url = sitemap.province_list(kind.code, code)
        yield Page(
            url,
            "shell",
            heading,
            tpl.render(
                site=site,
                heading=heading,
                rows=chosen,
                kind=kind.code,
                page_url=url,
                feed=sitemap.province_feed(code),
                feed_title=f"{site.province(code)}的公告",
                find_url=sitemap.find(type=kind.code, province=code),
                hide=["province"],
                total=len(chosen),
                by_province=[],
                feedback=missing_links(site, url, heading),
            ),
        )
    for level in site.register.levels.values():
        chosen = [r for r in rows if r.level == level.code]
        if chosen:
            heading = f"{level.label}{title}"
            url = sitemap.level_list(kind.code, level.code)
            counts = Counter(r.province_code for r in chosen if r.province_code)
            yield Page(
                url,
                "shell",
                heading,
                tpl.render(
                    site=site,
                    heading=heading,
                    kind=kind.code,
                    page_url=url,
                    feed=sitemap.level_feed(level.code),
                    feed_title=f"{level.label}公告",
                    find_url=sitemap.find(type=kind.code, level=level.code),
                    hide=["level"],
                    total=len(chosen),
                    rows=chosen if len(chosen) <= FULL_TABLE_LIMIT else [],
                    by_province=[(c, site.province(c), n) for c, n in sorted(counts.items())],
                    feedback=missing_links(site, url, heading),
                ),
            )
