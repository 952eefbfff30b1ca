"""纠错 and 线索 links: prefilled messages to the channel named in the site's settings.

The site sends nothing. A link either opens the reader's mail program (``mailto:`` with subject and
body) or the publisher's 留言 system (its address with ``id``, ``page``, ``subject`` and ``body`` in the
query), or both; with no channel configured it leads to the about page, which says how to report.
Names are untrusted: the message text is percent-encoded into the link by :mod:`generator.model.sitemap`
and the link is written into an attribute by the autoescaping templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import sitemap
from generator.model.register import Announcement, Record
from generator.model.site import SiteModel

ASK = ("有误的字段（如名称、依托单位、状态、有效期、职业）：", "哪里不对，应为：", "您的来源（网址或文件名、日期）：")
ANNOUNCEMENT_ASK = (
    "有误之处（如标题、发布机关、文号、发布日期、原文网址，或名单中漏收、多收、抄错的项目）：",
    "哪里不对，应为：",
    "您的来源（网址或文件名、日期）：",
)
LEAD = (
    "名称：",
    "依托单位：",
    "技能大师（工作室填写）：",
    "级别和年份：",
    "公告或来源网址：",
    "您的联系方式（可选）：",
)


@dataclass(frozen=True)
class FeedbackLink:
    label: str  # 纠错（邮件） …
    href: str
    external: bool  # opens another program or site (mail, the 留言 system)


def _links(site: SiteModel, page_url: str, verb: str, subject: str, body: str, record_id: str) -> list[FeedbackLink]:
    config = site.config
    address = sitemap.absolute(page_url, config.site_url)
    links = []
    if config.feedback_email:
        links.append(FeedbackLink(f"{verb}（邮件）", sitemap.mailto(config.feedback_email, subject, body), True))
    if config.feedback_url:
        params = {"id": record_id, "page": address, "subject": subject, "body": body}
        links.append(FeedbackLink(f"{verb}（留言）", sitemap.with_query(config.feedback_url, params), True))
    if not links:
        links.append(FeedbackLink(verb, sitemap.relative(sitemap.ABOUT_FEEDBACK, page_url), False))
    return links


def _body(head: list[str], asks: tuple[str, ...]) -> str:
    return "\n".join([*head, "", *asks, ""])


def record_links(site: SiteModel, record: Record, page_url: str) -> list[FeedbackLink]:
    address = sitemap.absolute(page_url, site.config.site_url)
    head = [f"编号：{record.id}", f"名称：{record.name}", f"类别：{record.kind_info.label}", f"页面：{address}"]
    return _links(site, page_url, "纠错", f"纠错：{record.id} {record.name}", _body(head, ASK), record.id)


def announcement_links(site: SiteModel, announcement: Announcement, page_url: str) -> list[FeedbackLink]:
    address = sitemap.absolute(page_url, site.config.site_url)
    head = [f"公告标识：{announcement.id}", f"标题：{announcement.title}", f"页面：{address}"]
    return _links(
        site, page_url, "纠错", f"纠错：公告 {announcement.id}", _body(head, ANNOUNCEMENT_ASK), announcement.id
    )


def missing_links(site: SiteModel, page_url: str, what: str) -> list[FeedbackLink]:
    """报告遗漏 on a list: a lead for a base or studio the list does not hold."""
    address = sitemap.absolute(page_url, site.config.site_url)
    head = [f"列表：{what}", f"页面：{address}", "本站没有收录的项目："]
    return _links(site, page_url, "报告遗漏", f"线索：{what}中遗漏的项目", _body(head, LEAD), "")
