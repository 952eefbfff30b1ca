"""Stable ids: the next free ``B``/``S`` number after every number ever issued.

"Ever issued" is the union of the ids in the current tables, in the retired-ids ledger
(``register/retired_ids.csv``) and in every release snapshot (``releases/<version>/register/``). Gaps
are never filled: a number whose record was removed may still be cited somewhere.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from generator.model import sitemap

SERIAL = re.compile(r"^([A-Z])(\d{6})$")
ID_FILES = ("bases.csv", "studios.csv", "retired_ids.csv")


def _ids(path: Path) -> set[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
        return {row.get("id", "").strip() for row in csv.DictReader(io.StringIO(text, newline=""))}
    except (OSError, UnicodeDecodeError, csv.Error):
        return set()  # an unreadable file is reported by validation, which runs before ids are used


def issued_ids(datasets: Path) -> set[str]:
    folders = [datasets / sitemap.REGISTER, *sorted((datasets / "releases").glob(f"*/{sitemap.REGISTER}"))]
    return {i for folder in folders for name in ID_FILES for i in _ids(folder / name) if i}


def next_ids(prefix: str, issued: Iterable[str], count: int) -> list[str]:
    numbers = [int(m.group(2)) for i in issued if (m := SERIAL.match(i)) and m.group(1) == prefix]
    start = max(numbers, default=0) + 1
    return [f"{prefix}{n:06d}" for n in range(start, start + count)]
