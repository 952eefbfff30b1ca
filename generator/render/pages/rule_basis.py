"""Which rules the applicant pages follow, and until when: the plan's title, number and issuers from
``policies.csv``, its period as the plan text states it, and a status derived from both.

Status, in order of preference:
- the row's ``validity`` when a source states it (现行 / 被替代 / 已废止);
- 已到期 when the plan text states the year its period ends and the build date is past that year;
- 实施期内 when the stated period has not ended;
- 效力未注明 otherwise.
The basis of the status is always said in words, with the clause it comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import sitemap
from generator.model.policies import PolicyText
from generator.model.site import SiteModel
from generator.render.pages.policy import PolicyView, policy_views

STATED = {"current": "现行", "superseded": "被替代", "repealed": "已废止"}
_START = re.compile(r"于(\d{4})年开始实施")
_END = re.compile(r"到(\d{4})年底，完成总体目标任务")
CHECK_INSTEAD = (
    "申报前请查阅人力资源社会保障部或本省（区、市）人力资源社会保障厅（局）当年发布的申报通知，"
    "以通知所列条件、材料和时间为准。"
)


@dataclass(frozen=True)
class RuleBasis:
    """The document the checklists and the self-check are drawn from, as every page names it."""

    title: str
    doc_number: str
    issuing_bodies: str
    start: str  # first year of the period, "" when the text does not state it
    end: str  # last year of the period
    quote: str  # the sentence of the plan that states the period
    quote_number: str  # where it stands, e.g. 正文 二、
    quote_url: str  # root-relative link to that clause
    status: str  # 现行 / 已到期 / 被替代 / 已废止 / 实施期内 / 效力未注明
    status_basis: str  # why, in plain Chinese
    successor: PolicyView | None
    successor_inferred: bool
    library_url: str
    check_instead: str  # what a reader should check when the period has ended

    @property
    def period(self) -> str:
        if self.start and self.end:
            return f"{self.start}—{self.end}年"
        return f"至{self.end}年" if self.end else "未注明"

    @property
    def ended(self) -> bool:
        return self.status in ("已到期", "被替代", "已废止")

    @property
    def citation(self) -> str:
        """《title》（number）, the way a reader would cite it."""
        return f"《{self.title}》" + (f"（{self.doc_number}）" if self.doc_number else "")


def period_from_text(doc: PolicyText) -> tuple[str, str, str, str, str]:
    """(start, end, sentence, printed number, anchor) of the main-body paragraph that states when the
    plan begins and ends; empty strings when the text states no period."""
    for clause in doc.walk():
        if clause.anchor.startswith("a"):  # attachments repeat the programme deadlines, not the plan's
            continue
        for paragraph in clause.paragraphs:
            end = _END.search(paragraph)
            if end:
                start = _START.search(paragraph)
                return (
                    start.group(1) if start else "",
                    end.group(1),
                    paragraph,
                    doc.numbers.get(clause.anchor, clause.anchor),
                    clause.anchor,
                )
    return "", "", "", "", ""


def rule_basis(site: SiteModel, doc: PolicyText) -> RuleBasis:
    meta = policy_views(site)[sitemap.PLAN_ID]
    row = site.policies.by_id[sitemap.PLAN_ID]
    start, end, quote, number, anchor = period_from_text(doc)
    if row.validity in STATED:
        status, why = STATED[row.validity], "政策文件库的「有效性」据来源写明。"
    elif end and site.built[:4] > end:
        status = "已到期"
        why = f"来源未写明效力；原文写明实施期到{end}年底，本站生成日期（{site.built}）已过该期限。"
    elif end:
        status, why = "实施期内", f"来源未写明效力；原文写明实施期到{end}年底。"
    else:
        status, why = "效力未注明", "来源未写明效力，原文也未写明实施期。"
    return RuleBasis(
        title=meta.title,
        doc_number=meta.doc_number,
        issuing_bodies=meta.issuing_bodies,
        start=start,
        end=end,
        quote=quote,
        quote_number=number,
        quote_url=sitemap.policy(anchor=anchor) if anchor else "",
        status=status,
        status_basis=why,
        successor=meta.replaced_by,
        successor_inferred=meta.replaced_inferred,
        library_url=sitemap.policy_entry(sitemap.PLAN_ID),
        check_instead=CHECK_INSTEAD,
    )
