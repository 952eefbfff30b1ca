"""How the register writes what announcements write in several ways: one form of a city (武汉, not
武汉市, so the finder lists one 武汉) and several masters separated by ``;`` (张三;李四). The import
rewrites to these forms and lists each change; validation warns where a CSV edited by hand differs."""

from __future__ import annotations

import re

CITY_SUFFIX = re.compile(r"^(.{2,}?)(市|地区)$")  # 珠海市 → 珠海; 沙市 (two characters) stays
MASTER_SEPARATORS = re.compile(r"\s*[、，,；;]+\s*")  # only these separate masters; a space is inside a name


def short_city(city: str) -> str:
    return CITY_SUFFIX.sub(r"\1", city)


def joined_masters(value: str) -> str:
    return MASTER_SEPARATORS.sub(";", value).strip(";")
