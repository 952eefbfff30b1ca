"""Atom feeds (RFC 4287) of announcements, newest first: all of them, one per province, one per level.

    feeds/announcements.xml          every dated announcement
    feeds/province/<code>.xml        announcements of that province, or that announced a record there
    feeds/level/<code>.xml           announcements at that level

Atom needs absolute IRIs. The base is the site's address when it is set; otherwise the
placeholder ``https://hsp.example.invalid/`` (the reserved ``.invalid`` top-level domain, RFC 2606),
so that feeds stay valid Atom until the site has a home. Set ``site_url`` before publishing.

An entry's ``updated`` is the announcement's date (a year or a month alone counts from its first
day, Beijing time). Undated announcements have no honest ``updated`` and are left out; each feed's
subtitle says how many. Feeds are written with ``xml.etree``, which escapes all text; characters XML
cannot carry at all (control characters) are dropped.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from generator.model import sitemap
from generator.model.grid import TILED
from generator.model.publication import Download
from generator.model.register import Announcement
from generator.model.site import SiteModel

ATOM = "http://www.w3.org/2005/Atom"
PLACEHOLDER_BASE = "https://hsp.example.invalid/"
AUTHOR = "国家高技能人才振兴计划公开数据项目"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

ET.register_namespace("", ATOM)


def feed_base(site: SiteModel) -> str:
    """The site's address, or the placeholder while it is not known (Atom needs absolute IRIs)."""
    return site.config.site_url or PLACEHOLDER_BASE


def timestamp(date: str) -> str:
    """RFC 3339 for a date that may be ``2013``, ``2013-07`` or ``2013-07-24``; empty when undated."""
    if not date:
        return ""
    parts = ([*date.split("-"), "01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00+08:00"


def feeds(site: SiteModel) -> list[Download]:
    """Every feed, as the files to publish."""
    base = feed_base(site)
    register = site.register
    provinces_of: dict[str, set[str]] = {}
    for record in register.records:
        if record.province_code:
            provinces_of.setdefault(record.announcement_id, set()).add(record.province_code)
    chosen_by_feed = [(sitemap.FEED_ALL, "全部公告", list(register.announcements), sitemap.ANNOUNCEMENTS)]
    for code, province in sorted(register.provinces.items()):
        chosen = [a for a in register.announcements if a.province_code == code or code in provinces_of.get(a.id, set())]
        page = sitemap.province_tile(code) if code in TILED else sitemap.ANNOUNCEMENTS  # the grid: the mainland's 31
        chosen_by_feed.append((sitemap.province_feed(code), f"{province.name}的公告", chosen, page))
    for code, level in sorted(register.levels.items()):
        chosen = [a for a in register.announcements if a.level == code]
        chosen_by_feed.append((sitemap.level_feed(code), f"{level.label}公告", chosen, sitemap.ANNOUNCEMENTS))
    out = []
    for url, title, chosen, page in chosen_by_feed:
        tree = ET.ElementTree(feed(site, chosen, title, url, base, page))
        ET.indent(tree)
        data = io.BytesIO()
        tree.write(data, encoding="utf-8", xml_declaration=True)
        out.append(Download(url, data.getvalue(), "atom"))
    return out


def feed(
    site: SiteModel, announcements: Iterable[Announcement], title: str, url: str, base: str, page: str
) -> ET.Element:
    """``page``: the web page the feed follows (a province's feed, that province on the province grid)."""
    chosen = list(announcements)
    dated = sorted((a for a in chosen if a.date), key=lambda a: (timestamp(a.date), a.id), reverse=True)
    undated = len(chosen) - len(dated)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    _add(root, "id", base + url)
    _add(root, "title", f"{title} · 国家高技能人才振兴计划公开数据")
    subtitle = "各级政府公布高技能人才培训基地和技能大师工作室名单的公告，按日期倒序。"
    if undated:
        subtitle += f"另有 {undated} 份公告日期不详，未列入本订阅，见网站公告页。"
    _add(root, "subtitle", subtitle)
    # A feed with no dated entry reports the newest announcement of all (never the clock, so the
    # same data gives the same feed).
    _add(root, "updated", timestamp(dated[0].date) if dated else newest(site))
    _add(root, "link", rel="self", type="application/atom+xml", href=base + url)
    _add(root, "link", rel="alternate", type="text/html", href=base + page)
    author = _add(root, "author")
    _add(author, "name", AUTHOR)
    _add(root, "rights", "数据以 CC BY 4.0 许可发布；政府公文依《著作权法》第五条不受著作权保护。")
    for a in dated:
        root.append(entry(site, a, base))
    return root


def newest(site: SiteModel) -> str:
    dates = [timestamp(a.date) for a in site.register.announcements if a.date]
    return max(dates) if dates else "1970-01-01T00:00:00+08:00"


def entry(site: SiteModel, a: Announcement, base: str) -> ET.Element:
    records = site.records_of(a.id)
    node = ET.Element(f"{{{ATOM}}}entry")
    _add(node, "id", base + a.url)
    _add(node, "title", a.title)
    _add(node, "updated", timestamp(a.date))
    _add(node, "link", rel="alternate", type="text/html", href=base + a.url)
    _add(node, "link", rel="related", href=a.source_url)
    _add(node, "category", term=a.level, label=site.label("level", a.level))
    facts = [
        f"发文机关：{a.issuing_body.replace(';', '；') or '不详'}",
        f"文号：{a.doc_number or '原文未载或未找到'}",
        f"日期：{a.date}",
        f"层级：{site.label('level', a.level)}",
        f"类型：{site.label('stage', a.stage)}",
        f"本站收录 {len(records)} 条记录",
        f"来源（{site.label('evidence_level', a.evidence_level)}）：{a.source_url}",
    ]
    _add(node, "summary", "；".join(facts) + "。")
    return node


def _add(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attributes.items()})
    if text:
        node.text = _clean(text)
    return node


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)
