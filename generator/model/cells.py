"""Cells that a spreadsheet must not run as a formula, and columns a spreadsheet must not turn into numbers.

A published CSV or XLSX cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
could be run as a formula by Excel or WPS (CSV injection, OWASP). Such a text cell is published with
an apostrophe in front (``'=HYPERLINK(…)``): the spreadsheet shows the text and runs nothing, and the
original value is the cell without its first character. Numeric fields are left alone: validation has
already proved them numbers, and ``-5`` in a number column is a number, not a formula.
"""
from __future__ import annotations

import re
from typing import Any

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"
NUMERIC_TYPES = {"integer", "number", "year"}
ID_NAMES = {"id", "code", "doc_number", "credit_code"}
PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][+-]?\d+)?$")
DIGITS_PATTERN = re.compile(r"^\^?\\d\{\d+\}\$?$")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_LEADS)


def neutralise(text: str) -> str:
    """The text as it may appear in a spreadsheet: formula-leading text gets an apostrophe in front."""
    return NEUTRALISER + text if is_formula_like(text) else text


def safe_cell(spec: dict[str, Any], text: str) -> str:
    """One CSV cell as published: neutralised unless the field is numeric and the text a plain number."""
    if spec.get("type") in NUMERIC_TYPES and _plain_number(text):
        return text
    return neutralise(text)


def _plain_number(text: str) -> bool:
    return bool(PLAIN_NUMBER.match(text))


def is_id_like(spec: dict[str, Any]) -> bool:
    """Identifiers and codes, which a spreadsheet must keep as text (leading zeros, 18-digit codes)."""
    name = str(spec.get("name", ""))
    if name in ID_NAMES or name.endswith(("_id", "_code")):
        return True
    pattern = str(spec.get("constraints", {}).get("pattern", ""))
    return spec.get("type", "string") == "string" and bool(DIGITS_PATTERN.match(pattern))
