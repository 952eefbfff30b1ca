"""Applicant pages: the ``apply/`` index, one printable checklist per programme and the offline
self-check, all drawn from the rows of ``criteria.csv``; every page names the rules it follows and
their period (:mod:`generator.render.pages.rule_basis`).

Nothing here judges a criterion: the self-check page only lays out the rows, their inputs, the route
choice and empty verdict slots; ``docs/assets/javascripts/selfcheck.js`` evaluates them in the browser.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import Environment

from generator.model import sitemap
from generator.model.page import Page
from generator.model.policies import Clause, CriterionRow
from generator.model.site import SiteModel
from generator.render.pages.rule_basis import rule_basis

CHECKLISTS = ("base", "studio", "technician")
SELF_CHECKED = ("base", "studio")
SHORT = {"base": "培训基地", "studio": "技能大师工作室", "technician": "技师培训"}
KIND_ORDER = ("condition", "output", "subsidy", "target")
CHECKABLE = ("condition", "output")  # rows an applicant prepares or must achieve; also the kinds selfcheck.js judges
ALTERNATIVE_PREFIX = "studio-host-"  # datasets/policies/README.md: these groups are alternatives (either one)
ROUTE_SEPARATOR = "--"  # a field inside a route is named metric--group; selfcheck.js reads that route's answer
RATIO_METRIC = "teacher_student_ratio"  # selfcheck.js derives it from the two fields below
RATIO_FIELDS = (("teachers", "专兼职教师数（人）"), ("students", "在训学员数（人）"))
CN_COUNT = {1: "一", 2: "二", 3: "三", 4: "四"}


@dataclass(frozen=True)
class Field:
    """One form control of the self-check, named after the metric selfcheck.js reads."""

    name: str  # the metric, or metric--group inside a route (each route asks its own questions)
    label: str
    kind: str  # "number" or "yesno"
    max: str  # upper bound for percentages, else ""


@dataclass(frozen=True)
class Criterion:
    id: str
    kind: str
    text: str
    evidence: str
    clause: str  # anchor on the plan page, e.g. a2-s4-2-3
    number: str  # clause number as printed, e.g. 附件2 四、（二）3、
    clause_url: str  # root-relative link to the clause
    metric: str
    fields: tuple[Field, ...]  # inputs shown with this row in the self-check
    answered_by: str  # id of an earlier row whose input also answers this one, else ""


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    rule: str  # all / any
    rule_text: str  # the rule in plain Chinese; "" for rows that are not requirements
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Block:
    """A group on its own, or alternatives (``choice``) of which one must be met in full."""

    choice: bool
    title: str
    groups: tuple[Group, ...]
    short: str = ""  # 二选一, for a choice
    id: str = ""  # studio-host, for a choice: the name of its route radios


@dataclass(frozen=True)
class Section:
    kind: str
    title: str
    checkable: bool
    blocks: tuple[Block, ...]

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for b in self.blocks for g in b.groups for c in g.criteria)


@dataclass(frozen=True)
class Programme:
    code: str
    name: str  # 高技能人才培训基地建设项目
    short: str  # 培训基地
    url: str
    sections: tuple[Section, ...]

    def count(self, kind: str) -> int:
        return sum(len(s.criteria) for s in self.sections if s.kind == kind)

    @property
    def heading(self) -> str:
        """技师培训 has targets only: its page does not pretend to be a checklist."""
        return f"{self.short}申报条件清单" if self.count("condition") else f"{self.short}：目标任务"


def rule_text(rule: str, n: int, kind: str) -> str:
    if kind not in CHECKABLE:
        return ""
    if rule == "any":
        return f"以下 {n} 项满足其一即可"
    return "须满足" if n == 1 else f"以下 {n} 项须全部满足"


def group_title(rows: list[CriterionRow], index: dict[str, Clause], fallback: str) -> str:
    """The heading of the deepest clause all rows of a group share (附件2 四、（二） → 培训能力)."""
    parts = [r.clause.split("-") for r in rows]
    common: list[str] = []
    for tokens in zip(*parts):
        if len(set(tokens)) != 1:
            break
        common.append(tokens[0])
    while common:
        clause = index.get("-".join(common))
        if clause is not None and clause.heading:
            return clause.heading
        common.pop()
    return fallback


def answer_key(row: CriterionRow) -> str:
    """The name of the field that answers a row: its metric, or metric--group inside a route."""
    return row.metric + ROUTE_SEPARATOR + row.group if row.group.startswith(ALTERNATIVE_PREFIX) else row.metric


def fields_for(row: CriterionRow) -> tuple[Field, ...]:
    if not row.metric:
        return ()
    suffix = answer_key(row)[len(row.metric) :]
    if row.metric == RATIO_METRIC:
        return tuple(Field(name + suffix, label, "number", "") for name, label in RATIO_FIELDS)
    if row.operator == "is_true":
        return (Field(answer_key(row), row.input_label or row.text, "yesno", ""),)
    return (Field(answer_key(row), row.input_label or row.text, "number", "100" if row.unit == "%" else ""),)


def criterion(row: CriterionRow, numbers: dict[str, str], seen_metric: dict[str, str]) -> Criterion:
    """One row; its inputs only where its answer first appears on the page (``seen_metric``: answer
    key → first row id, filled as rows are laid out). A route asks its own questions: a reader who
    picks one route never answers inside the other."""
    first = seen_metric.setdefault(answer_key(row), row.id) if row.metric else row.id
    return Criterion(
        id=row.id,
        kind=row.kind,
        text=row.text,
        evidence=row.evidence,
        clause=row.clause,
        number=numbers.get(row.clause, row.clause),
        clause_url=sitemap.policy(anchor=row.clause),
        metric=row.metric,
        fields=fields_for(row) if first == row.id else (),
        answered_by="" if first == row.id else first,
    )


def programme(
    site: SiteModel, code: str, kinds: tuple[str, ...], numbers: dict[str, str], index: dict[str, Clause]
) -> Programme:
    rows = [r for r in site.policies.criteria if r.programme == code]
    seen_metric: dict[str, str] = {}
    sections = []
    for kind in (k for k in kinds if any(r.kind == k for r in rows)):
        kind_label = site.label("kind", kind)
        by_group: dict[str, list[CriterionRow]] = {}
        for r in (r for r in rows if r.kind == kind):
            by_group.setdefault(r.group, []).append(r)
        groups: list[Group] = []
        for gid, members in by_group.items():
            rule = members[0].group_rule
            title = group_title(members, index, kind_label)
            if any(g.title == title for g in groups):  # 技能大师的条件 twice: tell them apart by rule
                title = f"{title}（{site.label('group_rule', rule)}）"
            groups.append(
                Group(
                    gid,
                    title,
                    rule,
                    rule_text(rule, len(members), kind),
                    tuple(criterion(r, numbers, seen_metric) for r in members),
                )
            )
        sections.append(Section(kind, kind_label, kind in CHECKABLE, blocks(groups)))
    return Programme(code, site.label("programme", code), SHORT[code], sitemap.checklist(code), tuple(sections))


def blocks(groups: list[Group]) -> tuple[Block, ...]:
    """Single groups in order; alternative groups gathered into one choice where the first stood."""
    alternatives = [g for g in groups if g.id.startswith(ALTERNATIVE_PREFIX)]
    out: list[Block] = []
    for g in groups:
        if g in alternatives:
            if g is alternatives[0]:
                n = len(alternatives)
                numbered = tuple(
                    Group(a.id, f"方式{CN_COUNT.get(i, i)}：{a.title}", a.rule, a.rule_text, a.criteria)
                    for i, a in enumerate(alternatives, 1)
                )
                short = f"{CN_COUNT.get(n, n)}选一"
                out.append(
                    Block(
                        True,
                        f"依托单位的条件：以下 {n} 种依托方式{short}，所选方式下的各项须全部满足",
                        numbered,
                        short,
                        ALTERNATIVE_PREFIX.rstrip("-"),
                    )
                )
        else:
            out.append(Block(False, g.title, (g,)))
    return tuple(out)


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    doc = site.policies.plan
    if not site.policies.criteria or doc is None:
        return
    numbers, index = doc.numbers, doc.by_anchor
    basis = rule_basis(site, doc)
    checklists = [programme(site, code, KIND_ORDER, numbers, index) for code in CHECKLISTS]
    yield Page(
        sitemap.APPLY,
        "md",
        "政策与条件",
        env.get_template("pages/apply_index.md.j2").render(
            site=site,
            page_url=sitemap.APPLY,
            programmes=checklists,
            basis=basis,
        ),
    )
    tpl = env.get_template("pages/apply_checklist.md.j2")
    for p in checklists:
        yield Page(
            p.url,
            "md",
            p.heading,
            tpl.render(
                site=site,
                page_url=p.url,
                programme=p,
                self_checked=p.code in SELF_CHECKED,
                basis=basis,
            ),
        )
    checked = [programme(site, code, CHECKABLE, numbers, index) for code in SELF_CHECKED]
    rows = [dataclasses.asdict(r) for r in site.policies.criteria if r.programme in SELF_CHECKED]
    yield Page(
        sitemap.SELF_CHECK,
        "md",
        "申报条件自查",
        env.get_template("pages/apply_selfcheck.md.j2").render(
            site=site,
            page_url=sitemap.SELF_CHECK,
            programmes=checked,
            criteria=rows,
            basis=basis,
        ),
    )
