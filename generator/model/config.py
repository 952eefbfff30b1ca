"""The site's own settings, read once by :mod:`generator.load.config` from ``site.toml`` (and the
command line): its public address, its name, and what the footer and the 纠错 links name."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteConfig:
    site_url: str = ""  # the public address, ending in "/"; "" while it is not known (local preview)
    site_name: str = ""
    description: str = ""
    publisher: str = ""  # 主办单位, shown in the footer
    site_code: str = ""  # 网站标识码 (政府网站标识码)
    icp: str = ""  # ICP 备案号
    icp_url: str = "https://beian.miit.gov.cn/"  # where the ICP number links to
    police: str = ""  # 公安机关备案号, when the publisher has one
    feedback_email: str = ""  # where 纠错 and 报告遗漏 messages go
    feedback_url: str = ""  # the publisher's 留言 system, when it has one
