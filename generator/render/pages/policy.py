"""The policy pages: the library of every policy row (``policies/``) and the plan's full text with a
stable anchor on every numbered clause (``policies/plan-2011/``)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from generator import paths
from generator.load.policy_text import Clause, PolicyText, parse_policy
from generator.render.jinja import Page
from generator.model.site import SiteModel

PLAN_ID = "plan-2011"
LIBRARY_URL = "policies/"
INFERENCE_MARK = "推断"  # policies.schema.json: an inferred replaced_by is explained in notes with this word


def plan_url(anchor: str = "") -> str:
    """Root-relative URL of the plan page, or of one of its clauses."""
    return f"policies/{PLAN_ID}/" + (f"#{anchor}" if anchor else "")


def plan_text(site: SiteModel) -> PolicyText:
    policies = next(p for p in site.register.packages if p.name == paths.POLICIES)
    return parse_policy((Path(policies.folder) / "texts" / f"{PLAN_ID}.txt").read_text(encoding="utf-8"))


def printed_numbers(doc: PolicyText) -> dict[str, str]:
    """Anchor → the clause number as printed, with its parents: ``a2-s4-2-3`` → ``附件2 四、（二）3、``,
    ``s1-2`` → ``正文 一、（二）``."""
    out: dict[str, str] = {}

    def walk(clauses: tuple[Clause, ...], prefix: str, separator: str) -> None:
        for c in clauses:
            number = prefix + separator + c.label
            out[c.anchor] = number
            walk(c.children, number, " " if c.label.startswith("附件") else "")

    for root in doc.clauses:
        if root.label.startswith("附件"):
            out[root.anchor] = root.label
            walk(root.children, root.label, " ")
        else:
            walk((root,), "正文", " ")
    return out


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
    replaced_by: "PolicyView | None"
    replaced_inferred: bool
    replaces: tuple[str, ...]  # ids of the policies this one replaced


def policy_views(site: SiteModel) -> dict[str, PolicyView]:
    rows = {row["id"]: row for row in site.extra.get("policies", [])}
    replaces: dict[str, list[str]] = {}
    for row in rows.values():
        if row.get("replaced_by"):
            replaces.setdefault(row["replaced_by"], []).append(row["id"])
    views: dict[str, PolicyView] = {}

    def view(pid: str, seen: frozenset[str] = frozenset()) -> PolicyView:
        if pid in views:
            return views[pid]
        row = rows[pid]
        nxt = row.get("replaced_by", "")
        successor = view(nxt, seen | {pid}) if nxt in rows and nxt not in seen else None
        views[pid] = PolicyView(
            id=pid, title=row["title"], issuing_bodies="、".join(b.strip() for b in row["issuing_bodies"].split(";")),
            doc_number=row.get("doc_number", ""), written_date=row.get("written_date", ""),
            published_date=row.get("published_date", ""),
            validity=site.label("validity", row["validity"]) if row.get("validity") else "未注明",
            validity_stated=bool(row.get("validity")),
            source_url=row["source_url"], notes=row.get("notes", ""),
            has_text=row.get("has_text") == "true", url=plan_url() if pid == PLAN_ID else "",
            replaced_by=successor, replaced_inferred=bool(successor) and INFERENCE_MARK in row.get("notes", ""),
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
    yield Page(LIBRARY_URL, "md", "政策文件库", env.get_template("pages/policy_library.md.j2").render(
        site=site, policies=sorted(views.values(), key=lambda p: (p.published_date or p.written_date, p.id)),
        by_id=views, page_url=LIBRARY_URL,
    ))
    if PLAN_ID not in views:
        return
    doc = plan_text(site)
    meta = views[PLAN_ID]
    yield Page(plan_url(), "md", meta.title, env.get_template("pages/policy.md.j2").render(
        site=site, doc=doc, meta=meta, chain=chain(meta), page_url=plan_url(), library_url=LIBRARY_URL,
    ))
