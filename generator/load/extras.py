"""Extra context for templates that comes from packages other than the register."""
from __future__ import annotations

from typing import Any

from generator import paths
from generator.model.register import Register
from generator.model.problems import Problem


def load_extras(register: Register, problems: list[Problem]) -> dict[str, Any]:
    extras: dict[str, Any] = {"problems": problems}
    policies = next((p for p in register.packages if p.name == paths.POLICIES), None)
    if policies is not None:
        for resource in policies.resources:
            extras[resource.name] = list(resource.rows)
    return extras
