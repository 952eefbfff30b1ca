"""The home page: what the plan is, counts by level, coverage, latest announcements."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import Environment

from generator.render import Page
from generator.site_model import SiteModel


@dataclass(frozen=True)
class Coverage:
    label: str
    total: int
    basis: str
    have: int

    @property
    def share(self) -> str:
        return f"{self.have / self.total:.0%}" if self.total else "—"


def coverage(site: SiteModel) -> list[Coverage]:
    """National records held against the national totals the sources state."""
    national_bases = sum(1 for r in site.register.bases if r.level == "national")
    national_studios = sum(1 for r in site.register.studios if r.level == "national")
    out = []
    for t in site.extra.get("targets", []):
        if t.get("scope") == "national" and t.get("policy_id") == "plan-2011" and t.get("programme") in {"base", "studio"}:
            have = national_bases if t["programme"] == "base" else national_studios
            label = "国家级培训基地" if t["programme"] == "base" else "国家级技能大师工作室"
            out.append(Coverage(label, int(t["count"]), f"到 {t['deadline'][:4]} 年，{t.get('notes') or '2011 年实施方案'}", have))
    return out


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    body = env.get_template("pages/home.md.j2").render(
        site=site,
        latest=site.announcements_newest_first[:10],
        coverage=coverage(site),
        apply_url="policies/plan-2011/",
    )
    yield Page("", "md", "首页", body)
