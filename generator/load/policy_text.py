"""Parse the plan text (国家高技能人才振兴计划实施方案) into clauses with stable anchors.

Pure: reads nothing and judges nothing; it turns text into :class:`generator.model.policies.PolicyText`.

Anchor scheme (ASCII, usable as HTML ids, deterministic for a given text):

- main body: ``s1`` for 一、, ``s1-2`` for （二） within it, ``s1-2-3`` for 3、 within that;
- attachment n (附件n：title) is ``a{n}``; its clauses are ``a{n}-s4``, ``a{n}-s4-2``, ``a{n}-s4-2-3``;
- numbers are read from the label as printed: 一..十, 十一.. (up to 九十九), （一）.., 1、 / 1. / 1．;
- a 1、 item that is not inside a （n） item gets ``-i3`` instead of ``-3`` (not in the 2011 text);
- a repeated label in the same place gets ``_2``, ``_3`` .. so that anchors stay unique.

Depth follows the numbering level, not the tree: 1 for 一、 and 附件n, 2 for （一）, 3 for 1、.
A depth-2 line is a *heading* when it has no sentence of its own (``（一）规范管理``) or ends in ``：``;
it is a *numbered paragraph* otherwise. Its first sentence (up to 。) becomes the heading when that
sentence is short (at most 20 characters) and has no inner punctuation (，、；：), e.g.
``（一）技师培训项目。适应…`` → heading ``技师培训项目``. Depth-3 items are plain numbered paragraphs.

Unnumbered paragraphs go to, in order of preference: a heading clause still waiting for its first
paragraph; a 一、 section or attachment that has no children yet; otherwise the deepest open clause
whose depth is at most the depth of the next numbered line. So a paragraph after the last （n） of a
section (e.g. 评审程序 after （四）与企业合作) belongs to the section, while a paragraph followed by a
sibling （n+1） continues the clause before it. The main-body list ``附件：1.… 2.… 3.…`` is kept in
``PolicyText.attachment_list``, not parsed as clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.model.policies import Clause, PolicyText

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SECTION = re.compile(r"^([一二三四五六七八九十]+)、\s*(.*)$")
_ITEM = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$")
_POINT = re.compile(r"^(\d{1,2})[、.．]\s*(.*)$")
_ATTACHMENT = re.compile(r"^附件\s*(\d+)\s*[：:]\s*(.*)$")
_ATTACHMENT_LIST = re.compile(r"^附件\s*[：:]")
_DATE_LINE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s+(.+)$")
_HEADING_MAX_CHARS = 20
_INNER_PUNCTUATION = "，、；：,;:"


@dataclass
class _Node:
    """Mutable clause while parsing; frozen into a Clause at the end."""

    anchor: str
    label: str
    heading: str
    depth: int
    attachment: bool  # the root of 附件n; never closed by its own 一、 sections
    container: bool  # 一、 sections and attachments take paragraphs until their first child
    awaiting: bool  # a heading clause waiting for its first paragraph
    paragraphs: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def freeze(self) -> Clause:
        return Clause(
            anchor=self.anchor,
            label=self.label,
            heading=self.heading,
            paragraphs=tuple(self.paragraphs),
            children=tuple(child.freeze() for child in self.children),
            depth=self.depth,
        )


def chinese_number(numeral: str) -> int:
    """一 → 1, 十 → 10, 十一 → 11, 二十三 → 23 (up to 九十九)."""
    if "十" not in numeral:
        return _CN_DIGITS[numeral]
    tens, _, units = numeral.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _classify(body: list[str]) -> list[int]:
    """Depth of each numbered line (1..3), 0 for a paragraph, -1 for the main-body attachment list."""
    depths: list[int] = []
    for line in body:
        in_list = bool(depths) and depths[-1] == -1 and bool(_POINT.match(line))
        if _ATTACHMENT_LIST.match(line) or in_list:
            depths.append(-1)
        elif _SECTION.match(line) or _ATTACHMENT.match(line):
            depths.append(1)
        elif _ITEM.match(line):
            depths.append(2)
        else:
            depths.append(3 if _POINT.match(line) else 0)
    return depths


def split_heading(rest: str, depth: int) -> tuple[str, tuple[str, ...], bool]:
    """Split the text after a label into (heading, paragraphs, awaiting a body paragraph)."""
    if depth >= 3:
        return "", (rest,), rest.endswith("：")
    if "。" not in rest:
        return rest.removesuffix("："), (), True
    first, _, tail = rest.partition("。")
    short = len(first) <= _HEADING_MAX_CHARS and not any(c in first for c in _INNER_PUNCTUATION)
    if depth == 1 or (short and tail):
        return first, ((tail,) if tail else ()), tail.endswith("：")
    return "", (rest,), rest.endswith("：")


class _Builder:
    """Holds the open clauses while lines are fed in document order."""

    def __init__(self) -> None:
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.anchors: set[str] = set()

    def _unique(self, anchor: str) -> str:
        candidate, n = anchor, 1
        while candidate in self.anchors:
            n += 1
            candidate = f"{anchor}_{n}"
        self.anchors.add(candidate)
        return candidate

    def open(self, label: str, number: int, rest: str, depth: int, attachment: bool = False) -> None:
        if attachment:
            self.stack.clear()
            anchor, parent = f"a{number}", None
            paragraphs: tuple[str, ...] = ()
            heading, awaiting = rest, True
        else:
            while self.stack and self.stack[-1].depth >= depth and not self.stack[-1].attachment:
                self.stack.pop()
            parent = self.stack[-1] if self.stack else None
            heading, paragraphs, awaiting = split_heading(rest, depth)
            if parent is None:
                anchor = {1: "s", 2: "p", 3: "i"}[depth] + str(number)
            elif depth == 1 or parent.attachment:
                anchor = f"{parent.anchor}-s{number}"
            else:
                step = "-i" if depth == 3 and parent.depth == 1 else "-"
                anchor = f"{parent.anchor}{step}{number}"
        node = _Node(
            self._unique(anchor),
            label,
            heading,
            depth,
            attachment=attachment,
            container=depth == 1,
            awaiting=awaiting,
            paragraphs=list(paragraphs),
        )
        if parent is not None:
            parent.children.append(node)
            parent.awaiting = False
        else:
            self.roots.append(node)
        self.stack.append(node)

    def paragraph(self, text: str, next_depth: int) -> bool:
        """Attach an unnumbered paragraph; False when no clause is open yet (preamble)."""
        if not self.stack:
            return False
        top = self.stack[-1]
        if top.awaiting or (top.container and not top.children):
            top.paragraphs.append(text)
            top.awaiting = False
            return True
        owner = next((n for n in reversed(self.stack) if n.depth <= next_depth), self.stack[0])
        owner.paragraphs.append(text)
        return True


def parse_policy(text: str) -> PolicyText:
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise ValueError("政策文本为空")
    title, body = lines[0], lines[1:]
    date = issuer = ""
    if body and (match := _DATE_LINE.match(body[0])):
        date, issuer, body = match.group(1), match.group(2).strip(), body[1:]
    depths = _classify(body)
    builder = _Builder()
    preamble: list[str] = []
    attachment_list: list[str] = []
    for index, (line, depth) in enumerate(zip(body, depths)):
        if depth == -1:
            attachment_list.append(line)
        elif match := _ATTACHMENT.match(line):
            number = int(match.group(1))
            builder.open(f"附件{number}", number, match.group(2).strip(), 1, attachment=True)
        elif match := _SECTION.match(line):
            builder.open(f"{match.group(1)}、", chinese_number(match.group(1)), match.group(2), 1)
        elif match := _ITEM.match(line):
            builder.open(line[: match.start(2)].rstrip(), chinese_number(match.group(1)), match.group(2), 2)
        elif match := _POINT.match(line):
            number = int(match.group(1))
            builder.open(line[: match.start(2)].rstrip(), number, match.group(2), 3)
        else:
            next_depth = next((abs(d) for d in depths[index + 1 :] if d), 1)
            if not builder.paragraph(line, next_depth):
                preamble.append(line)
    return PolicyText(
        title=title,
        date=date,
        issuer=issuer,
        preamble=tuple(preamble),
        clauses=tuple(root.freeze() for root in builder.roots),
        attachment_list=tuple(attachment_list),
    )
