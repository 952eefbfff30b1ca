"""Data problems are values: every check yields :class:`Problem` and nothing stops early.

A problem prints as one grep-friendly line::

    datasets/register/studios.csv:12: [type-error] 年份不是整数（字段「year」：实际值 "二〇二〇"；应为 2000–2030 之间的整数）。请改为阿拉伯数字年份。
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"
NOTE = "note"  # a warning the maintainers confirmed in datasets/acknowledged.csv


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    row: int | None
    code: str
    message: str
    field: str | None = None
    actual: str | None = None
    expected: str | None = None
    hint: str = ""
    severity: str = ERROR

    def line(self) -> str:
        where = f"{self.path}:{self.row}" if self.row is not None else f"{self.path}:-"
        detail = []
        if self.field:
            detail.append(f"字段「{self.field}」")
        if self.actual is not None:
            detail.append(f"实际值 {show(self.actual)}")
        if self.expected:
            detail.append(f"应为 {self.expected}")
        text = self.message
        if detail and self.field:
            head, *rest = detail
            text += "（" + head + ("：" + "；".join(rest) if rest else "") + "）"
        elif detail:
            text += "（" + "；".join(detail) + "）"
        if self.hint:
            text += " " + self.hint
        tag = {ERROR: self.code, WARNING: f"{self.code}，警告"}.get(self.severity, f"{self.code}，已确认")
        return f"{where}: [{tag}] {text}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def show(value: str, limit: int = 40) -> str:
    """Quote a cell for a message: escapes control characters, shortens long cells."""
    text = value if len(value) <= limit else value[:limit] + f"…（共 {len(value)} 个字符）"
    return json.dumps(text, ensure_ascii=False)


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == WARNING]


def summary(problems: list[Problem]) -> str:
    if not problems:
        return "数据校验通过：没有发现问题。"
    notes = len(problems) - len(errors(problems)) - len(warnings(problems))
    confirmed = f"另有 {notes} 条已确认的数据说明。" if notes else ""
    problems = errors(problems) + warnings(problems)
    if not problems:
        return "数据校验通过：没有错误和警告。" + confirmed
    files = len({p.path for p in problems})
    n_err = len(errors(problems))
    n_warn = len(problems) - n_err
    return f"共 {len(problems)} 个问题（错误 {n_err} 个，警告 {n_warn} 个），涉及 {files} 个文件。" + confirmed


def failing(problems: Iterable[Problem], *, strict: bool = False) -> list[Problem]:
    """The problems that fail a run: errors, and under ``--strict`` warnings too."""
    return [p for p in problems if p.severity == ERROR or (strict and p.severity == WARNING)]


def counted(problems: Iterable[Problem]) -> int:
    """How many problems a run reports (errors and warnings; confirmed notes are not counted)."""
    return len([p for p in problems if p.severity in (ERROR, WARNING)])


def to_json(problems: list[Problem], *, strict: bool = False) -> str:
    return json.dumps(
        {
            "valid": not failing(problems, strict=strict),
            "strict": strict,
            "errors": len(errors(problems)),
            "warnings": len(warnings(problems)),
            "problems": [p.as_dict() for p in problems],
        },
        ensure_ascii=False,
        indent=2,
    )
