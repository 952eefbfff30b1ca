"""The policies package as typed values: the policy library, the criteria, the targets, and the
plan's full text with its clauses. Loading builds them (:mod:`generator.load.policies`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

INFERENCE_MARK = "推断"  # policies.schema.json: an inferred replaced_by is explained in notes with this word


@dataclass(frozen=True)
class Clause:
    anchor: str
    label: str
    heading: str
    paragraphs: tuple[str, ...]
    children: tuple[Clause, ...]
    depth: int


@dataclass(frozen=True)
class PolicyText:
    title: str
    date: str
    issuer: str
    preamble: tuple[str, ...]
    clauses: tuple[Clause, ...]
    attachment_list: tuple[str, ...] = ()

    def walk(self) -> Iterator[Clause]:
        """Every clause, depth-first, in document order."""
        stack = list(reversed(self.clauses))
        while stack:
            clause = stack.pop()
            yield clause
            stack.extend(reversed(clause.children))

    @cached_property
    def by_anchor(self) -> dict[str, Clause]:
        """Anchor → clause."""
        return {clause.anchor: clause for clause in self.walk()}

    @cached_property
    def numbers(self) -> dict[str, str]:
        """Anchor → the clause number as printed, with its parents: ``a2-s4-2-3`` → ``附件2 四、（二）3、``,
        ``s1-2`` → ``正文 一、（二）``."""
        out: dict[str, str] = {}

        def walk(clauses: tuple[Clause, ...], prefix: str, separator: str) -> None:
            for c in clauses:
                number = prefix + separator + c.label
                out[c.anchor] = number
                walk(c.children, number, " " if c.label.startswith("附件") else "")

        for root in self.clauses:
            if root.label.startswith("附件"):
                out[root.anchor] = root.label
                walk(root.children, root.label, " ")
            else:
                walk((root,), "正文", " ")
        return out


def iter_clauses(doc: PolicyText) -> Iterator[Clause]:
    """Every clause, depth-first, in document order."""
    return doc.walk()


def clause_index(doc: PolicyText) -> dict[str, Clause]:
    """Anchor → clause, for lookups such as checking that a criteria row cites a real clause."""
    return doc.by_anchor


@dataclass(frozen=True)
class Policy:
    """One row of policies.csv."""

    id: str
    title: str
    issuing_bodies: tuple[str, ...]
    doc_number: str
    written_date: str
    published_date: str
    validity: str  # enum code, "" when no source states it
    replaced_by: str
    source_url: str
    has_text: bool
    notes: str

    @property
    def replacement_inferred(self) -> bool:
        return bool(self.replaced_by) and INFERENCE_MARK in self.notes


@dataclass(frozen=True)
class CriterionRow:
    """One row of criteria.csv: a condition, output, subsidy or target of a programme."""

    id: str
    programme: str
    kind: str
    group: str
    group_rule: str
    clause: str
    text: str
    evidence: str
    metric: str
    operator: str
    value: str
    value_max: str
    unit: str
    input_label: str


@dataclass(frozen=True)
class TargetRow:
    """One row of targets.csv."""

    id: str
    programme: str
    scope: str
    deadline: str
    count: int
    unit: str
    policy_id: str
    clause: str
    source_url: str
    notes: str


@dataclass(frozen=True)
class Policies:
    policies: tuple[Policy, ...] = ()
    criteria: tuple[CriterionRow, ...] = ()
    targets: tuple[TargetRow, ...] = ()
    plan: PolicyText | None = None  # the full text the site holds (texts/plan-2011.txt)

    @cached_property
    def by_id(self) -> dict[str, Policy]:
        return {p.id: p for p in self.policies}
