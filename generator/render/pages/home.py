"""The home page: what the plan is, counts by level, coverage, latest announcements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import Environment

from generator.model import sitemap
from generator.model.page import Page
from generator.model.policies import TargetRow
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
    held = {k.code: 0 for k in sitemap.RECORD_KINDS}
    for record in site.register.records:
        if record.level == "national":
            held[record.kind] += 1
    best: dict[tuple[str, str], TargetRow] = {}
    for t in site.policies.targets:
        key = (t.programme, t.policy_id)
        if t.programme in held and t.scope == "national-supported" and (key not in best or t.count > best[key].count):
            best[key] = t
    out = []
    for kind in sitemap.RECORD_KINDS:
        targets = sorted((t for (p, _), t in best.items() if p == kind.code), key=lambda t: t.deadline)
        if targets:
            basis = "；".join(
                f"{POLICY_NAMES.get(t.policy_id, t.policy_id)}到 {t.deadline[:4]} 年 {t.count} 个" for t in targets
            )
            out.append(Coverage(f"国家级{kind.short}", sum(t.count for t in targets), basis, held[kind.code]))
    return out


POLICY_NAMES = {"plan-2011": "2011 年实施方案", "plan-2022-2025": "2022—2025 年建设项目方案"}


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    body = env.get_template("pages/home.md.j2").render(
        site=site,
        latest=site.announcements_newest_first[:10],
        coverage=coverage(site),
    )
    yield Page(sitemap.HOME, "md", "首页", body)
