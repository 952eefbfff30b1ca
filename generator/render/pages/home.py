"""The home page: what the plan is, counts by level, coverage, latest announcements."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import Environment

from generator.render.jinja import Page
from generator.model.site import SiteModel


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
    """National records held against the nationally supported totals the plans set (one target per
    plan: the largest national-supported count each plan gives for the programme)."""
    held = {"base": 0, "studio": 0}
    for record in site.register.records:
        if record.level == "national":
            held[record.kind] += 1
    best: dict[tuple[str, str], dict[str, str]] = {}
    for t in site.extra.get("targets", []):
        key = (t["programme"], t["policy_id"])
        if t["programme"] in held and t["scope"] == "national-supported" and (
                key not in best or int(t["count"]) > int(best[key]["count"])):
            best[key] = t
    out = []
    for programme, label in (("base", "国家级培训基地"), ("studio", "国家级技能大师工作室")):
        targets = sorted((t for (p, _), t in best.items() if p == programme), key=lambda t: t["deadline"])
        if targets:
            basis = "；".join(f"{POLICY_NAMES.get(t['policy_id'], t['policy_id'])}到 {t['deadline'][:4]} 年 {t['count']} 个" for t in targets)
            out.append(Coverage(label, sum(int(t["count"]) for t in targets), basis, held[programme]))
    return out


POLICY_NAMES = {"plan-2011": "2011 年实施方案", "plan-2022-2025": "2022—2025 年建设项目方案"}


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    body = env.get_template("pages/home.md.j2").render(
        site=site,
        latest=site.announcements_newest_first[:10],
        coverage=coverage(site),
        apply_url="apply/",
    )
    yield Page("", "md", "首页", body)
