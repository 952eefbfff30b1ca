"""Synthetic datasets for scale tests: ``python -m generator synth --records N --out DIR [--seed S]``.

Writes a complete datasets folder that builds and validates clean: the real ``policies`` package and
code lists, and a ``register`` package of N invented bases and studios (about a quarter bases) with
announcements to match (one list per province × level × year, 20–60 records each, stated counts equal
to the rows). Names are realistic but invented; every URL is under ``https://example.invalid/``. The
same seed always gives the same bytes. Never commit the output.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from generator import paths
from generator.model import sitemap
from generator.synth.data import (
    COMPANY_FORMS,
    COUNTIES,
    DISTRICTS,
    GIVEN_CHARS,
    INDUSTRIES,
    LEVEL_WEIGHTS,
    MUNICIPALITIES,
    PROVINCES,
    SURNAMES,
    TRADES,
    ProvinceInfo,
)
from generator.validate.checks.package import pack

FIRST_YEAR, LAST_YEAR = 2011, 2025
LIST_SIZE = (20, 60)
KIND_WEIGHTS = {"studios": 52, "bases": 13, "both": 35}  # gives about 25 % bases
BASE_SHARE = 0.25
KIND_WORDS = {"studios": "技能大师工作室", "bases": "高技能人才培训基地", "both": "高技能人才培训基地和技能大师工作室"}
LEVEL_WORDS = {"national": "国家级", "provincial": "", "municipal": "", "district": "", "county": ""}
NOTE = "合成数据：由 python -m generator synth 生成，仅用于规模测试；名称、文号和网址均为虚构。"
BATCH = "一二三四五六七八九十"
EXCERPT_ROWS = 5  # like the real excerpts: the first names of the list, not the whole list
T = TypeVar("T")


@dataclass
class Listing:
    """One synthetic announcement and the records it lists."""

    row: dict[str, str]
    bases: list[dict[str, str]] = field(default_factory=list)
    studios: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Summary:
    bases: int
    studios: int
    announcements: int


def short_name(province: ProvinceInfo) -> str:
    return re.sub(r"(壮族|回族|维吾尔)?(自治区|省|市)$", "", province.full)


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _one(rng: random.Random, items: Sequence[T]) -> T:
    return items[rng.randrange(len(items))]


class Synth:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.batches: dict[str, int] = {}
        self.base_no = 0
        self.studio_no = 0
        self._surnames = [s for s, _ in SURNAMES]
        self._surname_weights = [w for _, w in SURNAMES]
        self._province_weights = [p.weight for p in PROVINCES]
        self._by_code = {p.code: p for p in PROVINCES}

    # --- names ---------------------------------------------------------------------------------
    def person(self) -> str:
        rng = self.rng
        surname = rng.choices(self._surnames, weights=self._surname_weights)[0]
        given = "".join(_one(rng, GIVEN_CHARS) for _ in range(1 if rng.random() < 0.3 else 2))
        return surname + given

    def person_not_in(self, taken: set[str]) -> str:
        """A master not yet named in this list (the register warns about a master twice in one list)."""
        name = self.person()
        while name in taken:
            name = self.person()
        taken.add(name)
        return name

    def company(self, province: ProvinceInfo, city: str) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            return f"{city}{_one(rng, INDUSTRIES)}{_one(rng, COMPANY_FORMS)}"
        if roll < 0.6:
            return f"{short_name(province)}{_one(rng, INDUSTRIES)}{_one(rng, COMPANY_FORMS)}"
        if roll < 0.7 and province.code not in MUNICIPALITIES:
            return f"国网{province.full}电力有限公司{city}供电公司"
        if roll < 0.9:
            return self.school(province, city)
        return f"{city}{_one(rng, INDUSTRIES)}研究院有限公司"

    def school(self, province: ProvinceInfo, city: str) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.4:
            return f"{city}技师学院"
        if roll < 0.6:
            return f"{city}高级技工学校"
        if roll < 0.8:
            return f"{short_name(province)}{_one(rng, INDUSTRIES)}职业技术学院"
        return f"{city}{_one(rng, INDUSTRIES)}技师学院"

    def base_name(self, province: ProvinceInfo, city: str) -> str:
        if self.rng.random() < 0.8:
            return self.school(province, city)
        return f"{city}{_one(self.rng, INDUSTRIES)}{_one(self.rng, COMPANY_FORMS)}"

    # --- announcements -------------------------------------------------------------------------
    def place(self) -> tuple[str, ProvinceInfo, str, str]:
        """(level, province, city, district-or-county) of the next announcement."""
        rng = self.rng
        level = _pick(rng, LEVEL_WEIGHTS)
        if level in ("district", "county"):
            code, city, local = _one(rng, DISTRICTS if level == "district" else COUNTIES)
            return level, self._by_code[code], city, local
        province = rng.choices(PROVINCES, weights=self._province_weights)[0]
        if province.code in MUNICIPALITIES and level == "provincial":
            level = "municipal"  # 上海、重庆、天津、北京 lists say 市级
        city = _one(rng, province.cities) if level == "municipal" else ""
        return level, province, city, ""

    def listing(self, size: int) -> Listing:
        rng = self.rng
        level, province, city, local = self.place()
        year = rng.randint(FIRST_YEAR, LAST_YEAR)
        kind = _pick(rng, self.kind_weights()) if size > 1 else "studios"
        n_bases = {"studios": 0, "bases": size}.get(kind, min(size - 1, max(1, round(size * rng.uniform(0.3, 0.55)))))
        aid, title, issuer, number = self.heading(level, province, city, local, year, kind)
        url = f"https://example.invalid/{aid}.html"
        out = Listing(
            {
                "id": aid,
                "title": title,
                "title_status": "printed",
                "issuing_body": issuer,
                "doc_number": number,
                "date": f"{year}-{rng.randint(3, 12):02d}-{rng.randint(1, 28):02d}",
                "level": level,
                "kind": kind,
                "stage": "list",
                "province_code": province.code,
                "count_bases": str(n_bases) if kind != "studios" else "",
                "count_studios": str(size - n_bases) if kind != "bases" else "",
                "list_completeness": "complete",
                "source_url": url,
                "evidence_level": "official",
                "notes": NOTE,
            }
        )
        common = {
            "province_code": province.code,
            "level": level,
            "year": str(year),
            "announcement_id": aid,
            "source_url": url,
            "evidence_level": "official",
            "evidence": "官方名单",
            "credit_code": "",
        }
        names: set[str] = set()  # no name, host or master twice in one list (the register warns about it)
        for _ in range(n_bases):
            where_city = city or self.city(province)
            name = self.base_name(province, where_city)
            while name in names:
                name = self.base_name(province, where_city)
            names.add(name)
            self.base_no += 1
            out.bases.append(
                {
                    "id": f"B{self.base_no:06d}",
                    "name": name,
                    "name_as_printed": name,
                    "host_organization": name,
                    "city": where_city,
                    **common,
                }
            )
        for _ in range(size - n_bases):
            where_city = city or self.city(province)
            masters = [self.person_not_in(names) for _ in range(2 if rng.random() < 0.04 else 1)]
            name = f"{masters[0]}{_one(rng, TRADES)}技能大师工作室"
            self.studio_no += 1
            out.studios.append(
                {
                    "id": f"S{self.studio_no:06d}",
                    "name": name,
                    "name_as_printed": name,
                    "name_quality": "printed",
                    "master_name": ";".join(masters),
                    "host_organization": self.company(province, where_city),
                    "city": where_city,
                    **common,
                }
            )
        return out

    def heading(
        self, level: str, province: ProvinceInfo, city: str, local: str, year: int, kind: str
    ) -> tuple[str, str, str, str]:
        """(id, title, issuing body, document number) of a list; a second list for the same place,
        level and year is 第二批 with id suffix ``-b2``."""
        if local:
            suffix = str([*DISTRICTS, *COUNTIES].index((province.code, city, local)) + 1)
        else:
            suffix = str(province.cities.index(city) + 1) if city and len(province.cities) > 1 else ""
        key = "-".join(filter(None, [province.slug, str(year), level, suffix]))
        batch = self.batches[key] = self.batches.get(key, 0) + 1
        n = self.rng.randint(1, 199)
        if local:
            where = local if level == "county" else f"{city}市{local}"
            issuer, number = f"{where}人力资源和社会保障局", f"{local[0]}人社发〔{year}〕{n}号"
        elif level == "municipal":
            where = province.full if province.code in MUNICIPALITIES else f"{city}市"
            issuer, number = f"{where}人力资源和社会保障局;{where}财政局", f"{where[0]}人社发〔{year}〕{n}号"
        else:
            where = province.full
            bureau = "局" if province.code in MUNICIPALITIES else "厅"
            issuer = f"{where}人力资源和社会保障{bureau};{where}财政{bureau}"
            number = f"{province.abbr}人社发〔{year}〕{n}号"
        batch_word = f"第{BATCH[batch - 1]}批" if 1 < batch <= len(BATCH) else ""
        title = f"关于公布{year}年{where}{batch_word}{LEVEL_WORDS[level]}{KIND_WORDS[kind]}名单的通知"
        return (key if batch == 1 else f"{key}-b{batch}"), title, issuer, number

    def kind_weights(self) -> dict[str, int]:
        """Steer the lottery of list kinds so that about a quarter of all records are bases."""
        done = self.base_no + self.studio_no
        share = self.base_no / done if done else BASE_SHARE
        if abs(share - BASE_SHARE) < 0.03:
            return KIND_WEIGHTS
        return (
            {"studios": 75, "bases": 0, "both": 25} if share > BASE_SHARE else {"studios": 20, "bases": 30, "both": 50}
        )

    def city(self, province: ProvinceInfo) -> str:
        """A city of the province; the capital is listed first and named more often."""
        weights = [4] + [1] * (len(province.cities) - 1)
        return self.rng.choices(province.cities, weights=weights)[0]

    def listings(self, records: int) -> list[Listing]:
        out = []
        left = records
        while left > 0:
            size = min(left, self.rng.randint(*LIST_SIZE))
            out.append(self.listing(size))
            left -= size
        return out


# --- writing -----------------------------------------------------------------------------------
def _csv(path: Path, fields: Sequence[str], rows: list[dict[str, str]]) -> None:
    """Write ``rows`` under the schema's header; fields the generator does not know stay blank."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(fields), restval="", extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def _excerpt(listing: Listing) -> str:
    a = listing.row
    lines = [
        f"# {a['id']}",
        NOTE,
        "",
        f"SOURCE: {a['source_url']}",
        "---",
        a["title"],
        f"{a['issuing_body'].replace(';', '、')}　{a['doc_number']}　{a['date']}",
        f"附件：{a['title'][4:-3]}",
    ]
    named = listing.bases + listing.studios
    lines += [f"{i}. {r['name']}（{r['host_organization']}）" for i, r in enumerate(named[:EXCERPT_ROWS], 1)]
    if len(named) > EXCERPT_ROWS:
        lines.append(f"……（共 {len(named)} 项）")
    return "\n".join(lines) + "\n"


def synthesize(records: int, out: Path, seed: int = 0, datasets: Path = paths.DATASETS) -> Summary:
    """Write a datasets folder of ``records`` synthetic bases and studios to ``out`` (new or empty)."""
    if records < 1:
        raise ValueError("records must be at least 1")
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(str(out))
    listings = Synth(seed).listings(records)
    shutil.copytree(datasets / sitemap.POLICIES, out / sitemap.POLICIES, dirs_exist_ok=True)
    register = out / sitemap.REGISTER
    (register / "sources").mkdir(parents=True)
    descriptor = json.loads((datasets / sitemap.REGISTER / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["description"] = f"{NOTE}{descriptor.get('description', '')}"
    (register / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    bases = [r for x in listings for r in x.bases]
    studios = [r for x in listings for r in x.studios]
    rows = {"announcements": [x.row for x in listings], "bases": bases, "studios": studios}
    for resource in descriptor["resources"]:
        fields = [f["name"] for f in resource["schema"]["fields"]]
        if resource["name"] in rows or not (paths.CODELISTS / resource["path"]).exists():
            _csv(register / resource["path"], fields, rows.get(resource["name"], []))
    for listing in listings:
        (register / "sources" / f"{listing.row['id']}.txt").write_text(_excerpt(listing), encoding="utf-8")
    (register / "README.md").write_text(
        f"# 合成名录数据包（register）\n\n{NOTE}\n\n"
        f"共 {len(listings)} 个公告、{len(bases)} 个培训基地、{len(studios)} 个技能大师工作室（种子 {seed}）。"
        "请勿提交到仓库。\n",
        encoding="utf-8",
    )
    for folder in (register, out / sitemap.POLICIES):
        pack(folder, paths.SCHEMAS)  # code lists and inline schemas from schemas/
    return Summary(len(bases), len(studios), len(listings))
