"""The finder's data: every base and studio as compact arrays in ``find/data.js``.

The finder (``find/``, script ``docs/assets/javascripts/finder.js``) searches in the browser with no
server. Browsers refuse XHR/fetch from ``file://``, so the data is a script that assigns one global,
loaded by a ``<script>`` tag: the finder then works from a folder, a zip and offline.

Layout (``window.HSP_FINDER``), designed to stay well under 2 MB gzip at 20,000 records: repeated
values (hosts, cities, provinces, levels, announcements) are stored once in lookup tables and each
record row holds indexes into them::

    {"v": 1,
     "kinds":   [[code, label, section], …],           # base/studio; section = URL folder
     "levels":  [[code, label], …],                    # those in use, in rank order
     "provinces": [[code, name, full name], …],         # those in use
     "announcements": [[id, title, date], …],          # newest first
     "hosts": [name, …], "cities": [name, …],
     "t2s": [traditional chars, simplified chars],     # only the characters the data needs
     "statuses": [[code, label], …],                   # those in use; code "" is 状态未载
     "occupations": [name, …],                          # as printed, sorted
     "rows": [[kind, id, name, masters, host, city, province, level, year, announcement,
               status, occupation, ended], …]}

``masters`` is a string joined with 、; ``year`` is 0 and every missing index is -1 when unknown;
``ended`` is 1 for a record revoked or past its period of validity (the finder's 已结束), else 0.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import opencc
from opencc import OpenCC

from generator.model import sitemap
from generator.model.publication import Download
from generator.model.register import Record
from generator.model.site import SiteModel
from generator.model.status import STATUSES

GLOBAL = "HSP_FINDER"
SEARCHED = ("name", "host_organization", "city")  # plus masters: what the text box matches


def finder_data(site: SiteModel) -> dict[str, Any]:
    register = site.register
    records = register.records
    used_levels = {r.level for r in records}
    levels = sorted((lv for lv in register.levels.values() if lv.code in used_levels), key=lambda lv: lv.rank)
    level_index = {lv.code: i for i, lv in enumerate(levels)}
    provinces = sorted({r.province_code for r in records if r.province_code})
    province_index = {code: i for i, code in enumerate(provinces)}
    used = {r.announcement_id for r in records if r.announcement_id}
    announcements = [a for a in site.announcements_newest_first if a.id in used]
    announcement_index = {a.id: i for i, a in enumerate(announcements)}
    hosts = _table(r.host_organization for r in records)
    cities = _table(r.city for r in records)
    kind_index = {k.code: i for i, k in enumerate(sitemap.RECORD_KINDS)}
    labels = {site.status(r).code: site.status(r).label for r in records}
    statuses = {code: labels[code] for code in sorted(labels, key=_status_order)}
    status_index = {code: i for i, code in enumerate(statuses)}
    occupations = sorted({r.occupation for r in records if r.occupation})
    occupation_index = {name: i for i, name in enumerate(occupations)}
    rows = [
        [
            kind_index[r.kind],
            r.id,
            r.name,
            "、".join(r.masters),
            hosts.get(r.host_organization, -1),
            cities.get(r.city, -1),
            province_index.get(r.province_code, -1),
            level_index.get(r.level, -1),
            r.year or 0,
            announcement_index.get(r.announcement_id, -1),
            status_index[site.status(r).code],
            occupation_index.get(r.occupation, -1),
            int(site.status(r).ended),
        ]
        for r in records
    ]
    return {
        "v": 1,
        "kinds": [[k.code, k.label, k.section] for k in sitemap.RECORD_KINDS],
        "levels": [[lv.code, lv.label] for lv in levels],
        "provinces": [[code, site.province(code) or code, _full_name(site, code)] for code in provinces],
        "announcements": [[a.id, a.title, a.date] for a in announcements],
        "hosts": list(hosts),
        "cities": list(cities),
        "t2s": list(
            t2s_map(
                searched_text(records)
                + "".join(lv.label for lv in levels)
                + "".join(_full_name(site, code) for code in provinces)
            )
        ),
        "statuses": [[code, label] for code, label in statuses.items()],
        "occupations": occupations,
        "rows": rows,
    }


def _full_name(site: SiteModel, code: str) -> str:
    province = site.register.provinces.get(code)
    return province.full_name if province else ""


def _status_order(code: str) -> int:
    """Statuses in the schema's order, 状态未载 last."""
    return STATUSES.index(code) if code in STATUSES else len(STATUSES)


def _table(values: Iterable[str]) -> dict[str, int]:
    """Distinct non-empty values in first-seen order, each with its index."""
    out: dict[str, int] = {}
    for value in values:
        if value and value not in out:
            out[value] = len(out)
    return out


def searched_text(records: Iterable[Record]) -> str:
    return "".join("".join(getattr(r, name) for name in SEARCHED) + "".join(r.masters) for r in records)


@cache
def _traditional_to_simplified() -> dict[str, str]:
    """Every single traditional character that OpenCC's t2s conversion changes, with its result."""
    converter = OpenCC("t2s")
    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    out = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        trad = line.split("\t", 1)[0]
        if len(trad) == 1:
            simp = converter.convert(trad)
            if len(simp) == 1 and simp != trad:
                out[trad] = simp
    return out


def t2s_map(text: str) -> tuple[str, str]:
    """Traditional → simplified for only the characters a query needs: those whose simplified form
    occurs in the searched data (any other character cannot match anything anyway). Returned as two
    equally long strings, traditional and simplified, to keep ``data.js`` small."""
    present = set(text)
    pairs = sorted((t, s) for t, s in _traditional_to_simplified().items() if s in present)
    return "".join(t for t, _ in pairs), "".join(s for _, s in pairs)


def script(data: dict[str, Any]) -> str:
    """``data.js``: JSON is valid JavaScript; it is a file of its own, so no HTML escaping applies."""
    return f"window.{GLOBAL}=" + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"


def finder_file(site: SiteModel) -> Download:
    return Download(sitemap.FIND_DATA, script(finder_data(site)).encode("utf-8"), "script")
