"""The province view (``provinces/``): a grid of the 31 provincial-level divisions of the mainland, each
tile with its counts by kind and level and links to its list pages and to the finder pre-filtered.

A tile grid, not a drawn map (a map of China needs a 审图号): each province is one tile placed roughly
where it lies (column, row on a 7-column grid), drawn at build time as a plain HTML list, so it reads
in order without CSS, scales with the text and becomes a two- or three-column list on a phone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import Environment

from generator.model import sitemap
from generator.model.grid import TILES
from generator.model.page import Page
from generator.model.register import Record
from generator.model.site import SiteModel


@dataclass(frozen=True)
class Tile:
    """One province: where it sits, and what the site holds for it."""

    code: str
    name: str
    column: int
    row: int
    bases: int
    studios: int
    levels: tuple[tuple[str, str, int], ...]  # (code, label, count) of both kinds, in rank order, non-zero
    nominated: int = 0  # of them, 拟入选 (from a 公示): the level counts alone would read as approved
    ended: int = 0  # of them, revoked or run out

    @property
    def total(self) -> int:
        return self.bases + self.studios


def tiles(site: SiteModel) -> list[Tile]:
    register = site.register
    kinds = Counter((r.province_code, r.kind) for r in register.records)
    levels = Counter((r.province_code, r.level) for r in register.records)
    ranked = sorted(register.levels.values(), key=lambda lv: lv.rank)
    by_province: dict[str, list[Record]] = {}
    for r in register.records:
        by_province.setdefault(r.province_code, []).append(r)
    return [
        Tile(
            code,
            site.province(code),
            column,
            row,
            kinds[code, "base"],
            kinds[code, "studio"],
            tuple((lv.code, lv.label, levels[code, lv.code]) for lv in ranked if levels[code, lv.code]),
            *site.not_current(by_province.get(code, [])),
        )
        for code, column, row in sorted(TILES)
    ]


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    grid = tiles(site)
    unplaced = sum(1 for r in site.register.records if r.province_code not in {t.code for t in grid})
    yield Page(
        sitemap.PROVINCES,
        "md",
        "按省份浏览",
        env.get_template("pages/provinces.md.j2").render(
            site=site,
            page_url=sitemap.PROVINCES,
            tiles=grid,
            unplaced=unplaced,
            levels=sorted(site.register.levels.values(), key=lambda lv: lv.rank),
        ),
    )
