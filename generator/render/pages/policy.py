"""The policy pages: the library of every policy row (``policies/``) and the plan's full text with a
stable anchor on every numbered clause (``policies/plan-2011/``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import Environment

from generator.model import sitemap
from generator.model.page import Page
from generator.model.site import SiteModel


@dataclass(frozen=True)
class PolicyView:
    """One row of policies.csv as the library and the plan page show it."""

    id: str
    title: str
    issuing_bodies: str  # joined with 、
    doc_number: str
    written_date: str
    published_date: str
    validity: str  # Chinese label, or 未注明 when no source states it
    validity_stated: bool
    source_url: str
    notes: str
    has_text: bool
    url: str  # full-text page, or "" when the site holds no text
    replaced_by: PolicyView | None
    replaced_inferred: bool
    replaces: tuple[str, ...]  # ids of the policies this one replaced


def policy_views(site: SiteModel) -> dict[str, PolicyView]:
    rows = site.policies.by_id
    replaces: dict[str, list[str]] = {}
    for row in rows.values():
        if row.replaced_by:
            replaces.setdefault(row.replaced_by, []).append(row.id)
    views: dict[str, PolicyView] = {}

    def view(pid: str, seen: frozenset[str] = frozenset()) -> PolicyView:
        if pid in views:
            return views[pid]
        row = rows[pid]
        nxt = row.replaced_by
        successor = view(nxt, seen | {pid}) if nxt in rows and nxt not in seen else None
        views[pid] = PolicyView(
            id=pid,
            title=row.title,
            issuing_bodies="、".join(row.issuing_bodies),
            doc_number=row.doc_number,
            written_date=row.written_date,
            published_date=row.published_date,
            validity=site.label("validity", row.validity) if row.validity else "未注明",
            validity_stated=bool(row.validity),
            source_url=row.source_url,
            notes=row.notes,
            has_text=row.has_text,
            url=sitemap.policy(pid) if pid == sitemap.PLAN_ID else "",
            replaced_by=successor,
            replaced_inferred=bool(successor) and row.replacement_inferred,
            replaces=tuple(replaces.get(pid, ())),
        )
        return views[pid]

    return {pid: view(pid) for pid in rows}


@dataclass(frozen=True)
class Step:
    """One link of a supersession chain: ``policy`` followed the one before it."""

    policy: PolicyView
    inferred: bool  # the data marks this link as an inference, not a stated replacement


def chain(start: PolicyView) -> list[Step]:
    """The policies that followed ``start``, in order (``plan-2011`` → ``plan-2022-2025`` → …)."""
    out: list[Step] = []
    current = start
    while current.replaced_by is not None and all(s.policy.id != current.replaced_by.id for s in out) and len(out) < 10:
        out.append(Step(current.replaced_by, current.replaced_inferred))
        current = current.replaced_by
    return out


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    views = policy_views(site)
    if not views:
        return
    yield Page(
        sitemap.POLICY_LIBRARY,
        "md",
        "政策文件库",
        env.get_template("pages/policy_library.md.j2").render(
            site=site,
            policies=sorted(views.values(), key=lambda p: (p.published_date or p.written_date, p.id)),
            by_id=views,
            page_url=sitemap.POLICY_LIBRARY,
        ),
    )
    doc = site.policies.plan
    if sitemap.PLAN_ID not in views or doc is None:
        return
    meta = views[sitemap.PLAN_ID]
    yield Page(
        sitemap.policy(),
        "md",
        meta.title,
        env.get_template("pages/policy.md.j2").render(
            site=site,
            doc=doc,
            meta=meta,
            chain=chain(meta),
            page_url=sitemap.policy(),
        ),
    )
