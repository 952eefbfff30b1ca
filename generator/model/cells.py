"""The one formula rule, shared by the validator and the Excel-facing downloads, and the columns a
spreadsheet must keep as text.

A cell that begins with ``=``, ``+``, ``@``, a tab or a carriage return, or with ``-`` and is not a
plain number, could be run as a formula by Excel or WPS (CSV injection, OWASP): :func:`looks_like_formula`.
``-5`` and ``-2.5`` are numbers, not formulas; ``-2+3`` is a formula.

The data is published as it is: the canonical CSV, the JSON and the Parquet files hold every value
unchanged. Only the files meant for spreadsheets are protected. The Excel CSV puts an apostrophe in
front of such a cell (``'=HYPERLINK(…)``, :func:`for_excel_csv`), which Excel and WPS show as the text
and never run; the original value is the cell without its first character. The XLSX stores every
text cell as a text cell (openpyxl ``data_type = "s"``), which a spreadsheet never runs, so it needs
no apostrophe. The validator warns (``formula-prefix``) about every cell this rule matches.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"
ID_NAMES = {"id", "code", "doc_number", "credit_code"}
PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][+-]?\d+)?$")
DIGITS_PATTERN = re.compile(r"^\^?\\d\{\d+\}\$?$")


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could run the cell as a formula: the one rule of the project."""
    if not text.startswith(FORMULA_LEADS):
        return False
    return not (text.startswith("-") and PLAIN_NUMBER.match(text))


def for_excel_csv(text: str) -> str:
    """A cell of the Excel CSV: an apostrophe in front when it looks like a formula."""
    return NEUTRALISER + text if looks_like_formula(text) else text


def is_id_like(spec: dict[str, Any]) -> bool:
    """Identifiers and codes, which a spreadsheet must keep as text (leading zeros, 18-digit codes)."""
    name = str(spec.get("name", ""))
    if name in ID_NAMES or name.endswith(("_id", "_code")):
        return True
    pattern = str(spec.get("constraints", {}).get("pattern", ""))
    return spec.get("type", "string") == "string" and bool(DIGITS_PATTERN.match(pattern))
