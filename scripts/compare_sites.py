"""Compare two built sites file by file, ignoring only the build date.

    python scripts/compare_sites.py SITE_A SITE_B [--date-a YYYY-MM-DD] [--date-b YYYY-MM-DD]

Used to hold a refactoring to "the same site as before" (issue 11). ZIP-based files (``.zip``,
``.xlsx``) are compared member by member, so their timestamps do not count. The build date of each
site is read from its validation report page unless given. Exits 1 and lists every difference.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from pathlib import Path

ZIPPED = (".zip", ".xlsx")


def build_date(site: Path) -> bytes:
    page = site / "data" / "validation" / "index.html"
    found = re.search(rb"(\d{4}-\d{2}-\d{2})", page.read_bytes()) if page.exists() else None
    return found.group(1) if found else b""


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def normalised(data: bytes, date: bytes) -> bytes:
    return data.replace(date, b"BUILD-DATE") if date else data


MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def members(data: bytes, date: bytes) -> dict[str, bytes]:
    """Archive members by name; an Office document's own modified time does not count."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        out = {i.filename: normalised(archive.read(i), date) for i in archive.infolist()}
    if "docProps/core.xml" in out:
        out["docProps/core.xml"] = MODIFIED.sub(rb"\1\2", out["docProps/core.xml"])
    return out


def differences(a: Path, b: Path, date_a: bytes, date_b: bytes) -> list[str]:
    left, right = files(a), files(b)
    out = [f"只在 {a}：{name}" for name in sorted(left.keys() - right.keys())]
    out += [f"只在 {b}：{name}" for name in sorted(right.keys() - left.keys())]
    for name in sorted(left.keys() & right.keys()):
        x, y = left[name].read_bytes(), right[name].read_bytes()
        if x == y:
            continue
        if name.endswith(ZIPPED):
            mx, my = members(x, date_a), members(y, date_b)
            changed = sorted(k for k in mx.keys() | my.keys() if mx.get(k) != my.get(k))
            if changed:
                out.append(f"不同：{name}（{', '.join(changed[:5])}）")
        elif normalised(x, date_a) != normalised(y, date_b):
            out.append(f"不同：{name}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--date-a", default="")
    parser.add_argument("--date-b", default="")
    args = parser.parse_args()
    date_a = args.date_a.encode() or build_date(args.a)
    date_b = args.date_b.encode() or build_date(args.b)
    found = differences(args.a, args.b, date_a, date_b)
    for line in found:
        print(line)
    print(f"{len(files(args.a))} 个文件对比完毕：{len(found)} 处不同。")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
