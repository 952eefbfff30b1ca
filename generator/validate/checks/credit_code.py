"""统一社会信用代码 (GB 32100-2015): 18 characters, the last one a check character.

The code is written in 31 characters, ``0-9`` and the capital letters without I, O, Z, S and V. Each of
the first 17 characters has a value (its position in :data:`CHARSET`) and a weight ``3**(i) mod 31``
(1, 3, 9, 27, 19, 26, …); the check character is ``CHARSET[(31 - Σ value × weight mod 31) mod 31]``.

The format (length and character set) is the Table Schema's ``pattern``, which frictionless already
reports as ``constraint-error``; this check adds only what a pattern cannot express, the check character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.model.problems import Problem
from generator.validate.checks.tables import Table

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
FORMAT = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
TABLES = ("bases", "studios")


def check_character(first17: str) -> str:
    """The 18th character for the first 17 (which must be from :data:`CHARSET`)."""
    total = sum(CHARSET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def is_valid(code: str) -> bool:
    return bool(FORMAT.match(code)) and check_character(code[:17]) == code[17]


def check_credit_codes(tables: dict[str, Table]) -> Iterator[Problem]:
    for name in TABLES:
        table = tables.get(name)
        if table is None:
            continue
        for number, value in table.column("credit_code"):
            if not FORMAT.match(value):
                continue  # empty, or a format error that the schema pattern already reports
            expected = check_character(value[:17])
            if value[17] != expected:
                yield Problem(
                    table.shown,
                    number,
                    "credit-code",
                    "统一社会信用代码的校验位不对",
                    field="credit_code",
                    actual=value,
                    expected=f"按 GB 32100 由前 17 位算出的第 18 位是 {expected}",
                    hint="多半是某一位抄错了：请逐位核对原公告或“国家企业信用信息公示系统”，不要只改最后一位。",
                )
