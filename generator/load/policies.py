"""The policies package's rows as typed values, and the plan's full text parsed once."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from generator.load.policy_text import parse_policy
from generator.model import sitemap
from generator.model.policies import CriterionRow, Policies, Policy, TargetRow
from generator.model.register import Package


def _fields(cls: type, row: dict[str, str]) -> dict[str, Any]:
    return {f.name: row.get(f.name, "") for f in dataclasses.fields(cls)}


def load_policies(package: Package | None) -> Policies:
    if package is None:
        return Policies()
    rows = {r.name: r.rows for r in package.resources}
    policies = tuple(
        Policy(
            **{
                **_fields(Policy, row),
                "issuing_bodies": tuple(b.strip() for b in row.get("issuing_bodies", "").split(";") if b.strip()),
                "has_text": row.get("has_text") == "true",
            }
        )
        for row in rows.get("policies", ())
    )
    criteria = tuple(CriterionRow(**_fields(CriterionRow, row)) for row in rows.get("criteria", ()))
    targets = tuple(
        TargetRow(**{**_fields(TargetRow, row), "count": int(row["count"])}) for row in rows.get("targets", ())
    )
    text = Path(package.folder) / "texts" / f"{sitemap.PLAN_ID}.txt"
    plan = parse_policy(text.read_text(encoding="utf-8")) if text.is_file() else None
    return Policies(policies, criteria, targets, plan)
