"""The real plan text parses into the clause tree the site and criteria.csv rely on."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from generator.load.policy_text import chinese_number, parse_policy, split_heading
from generator.model.policies import Clause, PolicyText, iter_clauses

REPO = Path(__file__).resolve().parents[1]
POLICY_DATA = REPO / "datasets" / "policies"
# Punctuation the parser may drop between a label/heading and its text.
DROPPABLE = set("。：") | {" ", "\t", "\u3000"}


def plan_path() -> Path:
    """The plan's full text as committed in the policies package (nothing outside the repository)."""
    return POLICY_DATA / "texts" / "plan-2011.txt"


@pytest.fixture(scope="module")
def raw() -> str:
    return plan_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc(raw: str) -> PolicyText:
    return parse_policy(raw)


@pytest.fixture(scope="module")
def by_anchor(doc: PolicyText) -> dict[str, Clause]:
    return {clause.anchor: clause for clause in iter_clauses(doc)}


def clause_text(clause: Clause) -> str:
    return clause.heading + "".join(clause.paragraphs)


def test_front_matter(doc: PolicyText) -> None:
    assert doc.title == "国家高技能人才振兴计划实施方案"
    assert (doc.date, doc.issuer) == ("2012-07-10", "人力资源社会保障部")
    assert len(doc.preamble) == 1 and doc.preamble[0].startswith("为更好实施人才强国战略")


def test_three_sections_then_three_attachments(doc: PolicyText) -> None:
    assert [c.anchor for c in doc.clauses] == ["s1", "s2", "s3", "a1", "a2", "a3"]
    assert [c.label for c in doc.clauses] == ["一、", "二、", "三、", "附件1", "附件2", "附件3"]
    assert doc.clauses[4].heading == "高技能人才培训基地建设项目实施办法"
    assert [c.anchor for c in doc.clauses[5].children] == [f"a3-s{n}" for n in range(1, 8)]
    assert all(c.depth == 1 for c in doc.clauses)


def test_attachment_list_is_not_clauses(doc: PolicyText) -> None:
    assert doc.attachment_list == (
        "附件：1.技师培训项目实施办法",
        "2.高技能人才培训基地建设项目实施办法",
        "3.技能大师工作室建设项目实施办法",
    )
    assert [c.anchor for c in doc.clauses[2].children] == ["s3-1", "s3-2", "s3-3"]


@pytest.mark.parametrize(
    ("anchor", "needle"),
    [
        ("s1-1", "350万名技师"),
        ("a1-s1", "每年5万名"),
        ("a2-s1", "100个建在城市公共职业技能实训基地"),
        ("a2-s4-1", "未发生过违法违规事件"),
        ("a2-s4-2-1", "满足年培训1000名以上高技能人才"),
        ("a2-s4-2-3", "年培训规模不少于3000人"),
        ("a2-s4-3", "1:16-1:20"),
        ("a2-s4-4", "至少5家以上大、中型企业"),
        ("a2-s5-2", "不少于1500人"),
        ("a2-s7-1", "500万元的一次性补贴"),
        ("a3-s4-1-2", "全国技术能手"),
        ("a3-s4-2", "不低于50%"),
        ("a3-s5-3", "年均为企业或社会培养8个以上青年技术技能骨干"),
        ("a3-s7-1", "10万元"),
    ],
)
def test_anchor_holds_text(by_anchor: dict[str, Clause], anchor: str, needle: str) -> None:
    assert needle in clause_text(by_anchor[anchor])


def test_headings_and_depths(by_anchor: dict[str, Clause]) -> None:
    assert (by_anchor["s1-1"].heading, by_anchor["s1-1"].depth) == ("技师培训项目", 2)
    assert by_anchor["s1-1"].paragraphs[0].startswith("适应加快转变")
    assert by_anchor["a2-s4-1"].heading == "规范管理"
    assert by_anchor["a3-s4-1"].heading == "技能大师的条件"
    assert by_anchor["a3-s4-2"].heading == "依托企业建立工作室，企业应当具备的条件"
    point = by_anchor["a3-s4-1-1"]
    assert (point.label, point.heading, point.depth) == ("1、", "", 3)
    assert point.paragraphs == ("获得高技能人才楷模或中华技能大奖称号。",)
    assert by_anchor["a1-s3-1"].heading == ""  # a long first sentence is not a heading


def test_closing_paragraphs_belong_to_the_section(by_anchor: dict[str, Clause]) -> None:
    assert by_anchor["a2-s4-4"].paragraphs == (by_anchor["a2-s4-4"].paragraphs[0],)
    assert by_anchor["a2-s4"].paragraphs[0].startswith("各地区、各行业按照高技能人才培训基地条件")
    assert by_anchor["s2"].paragraphs[-1].startswith("以上三个项目的具体实施办法")
    assert len(by_anchor["a3-s4-3"].paragraphs) == 1
    assert len(by_anchor["a3-s7-1"].paragraphs) == 3  # 中央财政 / 地方政府 / 行业、企业


def test_anchors_unique_ascii_and_deterministic(raw: str, doc: PolicyText) -> None:
    anchors = [c.anchor for c in iter_clauses(doc)]
    assert len(anchors) == len(set(anchors)) == 69
    assert all(re.fullmatch(r"[a-z0-9_-]+", a) for a in anchors)
    assert parse_policy(raw) == doc


def test_every_numbered_line_has_a_clause(raw: str, doc: PolicyText) -> None:
    numbered = [
        line.strip()
        for line in raw.splitlines()
        if re.match(r"^(附件\d|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+、)", line.strip())
    ]
    assert len(numbered) == sum(1 for _ in iter_clauses(doc))


def test_no_text_lost_or_invented(raw: str, doc: PolicyText) -> None:
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    pieces = [doc.title, doc.date, doc.issuer, *doc.preamble, *doc.attachment_list]
    for clause in iter_clauses(doc):
        pieces += [clause.label, clause.heading, *clause.paragraphs]
    flat = "".join(lines)
    for piece in pieces:
        assert piece in flat, piece
    for clause in iter_clauses(doc):
        for paragraph in clause.paragraphs:
            assert any(paragraph in line for line in lines), paragraph

    def chars(texts: list[str]) -> Counter[str]:
        return Counter(ch for text in texts for ch in text if ch not in DROPPABLE)

    lost = chars(lines) - chars(pieces)
    assert lost == Counter(), lost
    assert chars(pieces) - chars(lines) == Counter()


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in ("一", "九", "十", "十一", "二十", "二十三")] == [
        1,
        9,
        10,
        11,
        20,
        23,
    ]


def test_split_heading_rules() -> None:
    assert split_heading("规范管理", 2) == ("规范管理", (), True)
    assert split_heading("组织保障。要建立机制。", 2) == ("组织保障", ("要建立机制。",), False)
    assert split_heading("带徒传技，通过传帮带培养骨干。", 2) == ("", ("带徒传技，通过传帮带培养骨干。",), False)
    assert split_heading("培训场所符合标准。", 3) == ("", ("培训场所符合标准。",), False)


def test_synthetic_numbering_and_duplicates() -> None:
    text = "标题\n\n一、甲\n\n1. 点一\n\n（一）乙\n\n（一）乙again\n\n十一、丙\n\n正文\n\n附件2：丁\n\n一、戊\n"
    doc = parse_policy(text)
    anchors = [c.anchor for c in iter_clauses(doc)]
    assert anchors == ["s1", "s1-i1", "s1-1", "s1-1_2", "s11", "a2", "a2-s1"]
    assert doc.clauses[1].paragraphs == ("正文",)
    assert (doc.date, doc.preamble) == ("", ())


def test_attachment_list_ends_the_main_body() -> None:
    text = "标题\n一、甲\n(一)乙\n(二)丙。说明。\n收尾段\n附件：1.丁\n2.戊\n附件1：丁\n前言\n"
    doc = parse_policy(text)
    assert [c.anchor for c in iter_clauses(doc)] == ["s1", "s1-1", "s1-2", "a1"]
    assert doc.clauses[0].children[0].label == "(一)"
    assert doc.clauses[0].paragraphs == ("收尾段",)
    assert doc.attachment_list == ("附件：1.丁", "2.戊")
    assert doc.clauses[1].paragraphs == ("前言",)


def test_criteria_and_targets_cite_existing_clauses(by_anchor: dict[str, Clause]) -> None:
    for name in ("criteria.csv", "targets.csv"):
        path = POLICY_DATA / name
        if not path.exists():
            pytest.skip(f"{name} not written yet")
        with path.open(encoding="utf-8", newline="") as handle:
            cited = {row["clause"] for row in csv.DictReader(handle) if row["clause"]}
        assert cited and cited <= set(by_anchor), sorted(cited - set(by_anchor))
