"""Write a bad-data case: ``python tests/make_case.py NAME FILE PYTHON-EXPR``.

Helper for maintainers adding cases to ``tests/cases/bad/``: it copies one file of the minimal good
project, applies an edit to its text and writes ``expected.txt`` from the current validator output,
which the maintainer must then read and confirm by hand. The tests never call this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"


def write_case(name: str, rel: str, data: bytes) -> Path:
    target = CASES / "bad" / name / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


if __name__ == "__main__":
    name, rel, expr = sys.argv[1:4]
    text = (CASES / "good" / rel).read_text(encoding="utf-8")
    result = eval(expr, {"text": text})  # maintainer-supplied one-off edit
    write_case(name, rel, result if isinstance(result, bytes) else result.encode("utf-8"))
