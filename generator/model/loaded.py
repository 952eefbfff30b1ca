"""Everything the build needs from ``datasets/``, complete after loading: no stage after ``load``
reads the datasets folder again."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model.history import History
from generator.model.policies import Policies
from generator.model.register import Attachment, Package, Register


@dataclass(frozen=True)
class Model:
    root: Path  # the datasets folder it was read from, to show paths relative to it
    packages: tuple[Package, ...]
    register: Register
    policies: Policies = field(default_factory=Policies)
    history: History = field(default_factory=History)
    schemas: tuple[Attachment, ...] = ()  # schemas/*.schema.json and schemas/codelists/*, as committed

    def package(self, name: str) -> Package:
        return next(p for p in self.packages if p.name == name)
