"""The policy page: the plan's full text with a stable anchor on every numbered clause."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from jinja2 import Environment

from generator import paths
from generator.policy_text import PolicyText, parse_policy
from generator.render import Page
from generator.site_model import SiteModel

PLAN_ID = "plan-2011"


def plan_text(site: SiteModel) -> PolicyText:
    policies = next(p for p in site.register.packages if p.name == paths.POLICIES)
    return parse_policy((Path(policies.folder) / "texts" / f"{PLAN_ID}.txt").read_text(encoding="utf-8"))


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    policies = {row["id"]: row for row in site.extra.get("policies", [])}
    if PLAN_ID not in policies:
        return
    doc = plan_text(site)
    meta = policies[PLAN_ID]
    chain = []
    current = meta
    while current.get("replaced_by") and current["replaced_by"] in policies and len(chain) < 10:
        current = policies[current["replaced_by"]]
        chain.append(current)
    criteria_by_clause: dict[str, list[dict[str, str]]] = {}
    for row in site.extra.get("criteria", []):
        criteria_by_clause.setdefault(row["clause"], []).append(row)
    yield Page(f"policies/{PLAN_ID}/", "md", meta["title"], env.get_template("pages/policy.md.j2").render(
        site=site, doc=doc, meta=meta, chain=chain, policies=list(policies.values()),
        criteria_by_clause=criteria_by_clause,
    ))
