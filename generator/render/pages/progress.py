"""The targets-and-progress page (``apply/progress/``): the plan's targets set against the national
counts that announcements stated and the national records this site holds, as an inline SVG chart
drawn at build time with a table beside it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import Environment

from generator.model import sitemap
from generator.model.page import Page
from generator.model.register import Announcement
from generator.model.site import SiteModel
from generator.render.chart import Bar, BarChart, bar_chart

COUNTED_UNIT = "个"  # targets in 人 (technicians) are listed, not charted: the site holds no head counts
SCOPE_SHORT = {  # chart labels stay short enough for a phone; the tables use the schema's full labels
    "national-supported": "国家重点支持",
    "national-supported-public-base": "其中建在公共实训基地",
    "nationwide": "全国总数",
}
CATEGORY = {"target": "计划目标", "stated": "已公布的全国数量", "held": "本站收录"}


@dataclass(frozen=True)
class Target:
    id: str
    programme: str
    scope_code: str
    scope: str  # Chinese label
    deadline: str  # "" for an annual target
    count: int
    unit: str
    policy_id: str
    policy_title: str
    policy_year: str
    clause: str
    number: str  # clause number as printed, "" when the policy text is not held
    clause_url: str
    source_url: str
    notes: str

    @property
    def chart_label(self) -> str:
        when = f"{self.deadline[:4]}年目标" if self.deadline else "年度目标"
        return f"{when} · {SCOPE_SHORT.get(self.scope_code, self.scope)}"


@dataclass(frozen=True)
class Batch:
    """A national batch announced for the whole country, with the totals it stated (None: not stated)."""

    announcement: Announcement
    bases: int | None
    studios: int | None

    def stated(self, programme: str) -> int | None:
        return self.bases if programme == "base" else self.studios

    def covers(self, programme: str) -> bool:
        return self.announcement.kind in ("both", sitemap.KINDS[programme].announced_as)


@dataclass(frozen=True)
class ChartRow:
    """One bar, also one row of the table beside the chart."""

    category: str
    label: str
    value: int
    target: Target | None = None
    batch: Batch | None = None


@dataclass(frozen=True)
class Panel:
    programme: str
    label: str
    section: str  # bases / studios, for the link to the national list
    rows: tuple[ChartRow, ...]
    chart: BarChart


def targets(site: SiteModel) -> list[Target]:
    policies = site.policies.by_id
    plan = site.policies.plan
    numbers = plan.numbers if plan is not None and policies else {}
    out = []
    for t in site.policies.targets:
        policy = policies.get(t.policy_id)
        out.append(
            Target(
                id=t.id,
                programme=t.programme,
                scope_code=t.scope,
                scope=site.label("scope", t.scope),
                deadline=t.deadline,
                count=t.count,
                unit=t.unit,
                policy_id=t.policy_id,
                policy_title=policy.title if policy else t.policy_id,
                policy_year=((policy.published_date or policy.written_date) if policy else "")[:4],
                clause=t.clause,
                number=numbers.get(t.clause, ""),
                clause_url=sitemap.policy(anchor=t.clause) if t.clause else "",
                source_url=t.source_url,
                notes=t.notes,
            )
        )
    return out


def national_batches(site: SiteModel) -> list[Batch]:
    """National announcements for the whole country (no province) that name projects, not plans."""
    chosen = [
        a for a in site.register.announcements if a.level == "national" and not a.province_code and a.stage != "plan"
    ]
    chosen.sort(key=lambda a: (a.date or "9999", a.id))
    return [Batch(a, a.count_bases, a.count_studios) for a in chosen]


def panel(
    site: SiteModel, programme: str, section: str, label: str, goals: list[Target], batches: list[Batch]
) -> Panel:
    rows = [
        ChartRow("target", t.chart_label, t.count, target=t)
        for t in goals
        if t.programme == programme and t.unit == COUNTED_UNIT
    ]
    for b in batches:
        n = b.stated(programme)
        if n is not None and b.covers(programme):
            rows.append(ChartRow("stated", f"已公布的全国数量（{b.announcement.date or '日期不详'}）", n, batch=b))
    held = sum(1 for r in site.register.records if r.kind == programme and r.level == "national")
    rows.append(ChartRow("held", "本站收录的国家级记录", held))
    title = f"国家级{label}：计划目标、已公布的全国数量与本站收录数"
    description = "；".join(f"{CATEGORY[r.category]}，{r.label}：{r.value}个" for r in rows) + "。"
    chart = bar_chart(f"chart-{programme}", title, description, [Bar(r.label, r.value, r.category) for r in rows])
    return Panel(programme, label, section, tuple(rows), chart)


def held_by_year(site: SiteModel) -> list[tuple[str, int, int]]:
    """(year or 年份不详, national bases, national studios) in year order, unknown years last."""
    counts: Counter[tuple[str, str]] = Counter(
        (str(r.year) if r.year else "", r.kind) for r in site.register.records if r.level == "national"
    )
    years = sorted({y for y, _ in counts}, key=lambda y: (y == "", y))
    return [(y or "年份不详", counts[(y, "base")], counts[(y, "studio")]) for y in years]


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    if not site.policies.targets:
        return
    goals = targets(site)
    batches = national_batches(site)
    panels = [panel(site, k.code, k.section, k.short, goals, batches) for k in sitemap.RECORD_KINDS]
    yield Page(
        sitemap.PROGRESS,
        "md",
        "目标与进展",
        env.get_template("pages/apply_progress.md.j2").render(
            site=site,
            page_url=sitemap.PROGRESS,
            targets=goals,
            batches=batches,
            panels=panels,
            categories=CATEGORY,
            stated=[b for b in batches if b.bases is not None or b.studios is not None],
            held_by_year=held_by_year(site),
            uncounted=[t for t in goals if t.unit != COUNTED_UNIT],
        ),
    )
