"""Domain checks on the register package (announcements, bases, studios)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.model.cells import looks_like_formula
from generator.model.problems import WARNING, Problem
from generator.validate.checks.credit_code import check_credit_codes
from generator.validate.checks.dates import check_dates
from generator.validate.checks.domain import DOMAIN_CHECKS
from generator.validate.checks.domain_ids import check_retired_ids
from generator.validate.checks.domain_text import check_garbled, check_written_forms
from generator.validate.checks.status import STATUS_CHECKS
from generator.validate.checks.tables import Table

OTHER_PROGRAMMES = (
    "劳模创新工作室",
    "工匠创新工作室",
    "职工创新工作室",
    "技能大师特色工作站",
    "乡土人才大师工作室",
    "高技能人才培养示范基地",
    "世界技能大赛中国集训基地",
    "劳模和工匠人才创新工作室",
    "工匠人才创新工作室",
)
# Traditional forms of the characters above, as mirror sites print them (勞模創新工作室).
TRADITIONAL = str.maketrans("勞創鄉師範養訓賽國職傑", "劳创乡师范养训赛国职杰")
MARKUP = re.compile(r"[<>\"'`&]|javascript:", re.IGNORECASE)
NAME_FIELDS = ("name", "name_as_printed", "master_name", "host_organization", "city", "title", "issuing_body")
MAX_CELL = 2000


def check_other_programmes(tables: dict[str, Table]) -> Iterator[Problem]:
    """A name that belongs to another programme must not be imported as a base or studio."""
    for name in ("bases", "studios"):
        table = tables.get(name)
        if table is None:
            continue
        for number, row in table.rows:
            seen = "".join(row.get("name", "").split()).translate(TRADITIONAL)
            for other in OTHER_PROGRAMMES:
                if other in seen:
                    yield Problem(
                        table.shown,
                        number,
                        "other-programme",
                        f"名称属于另一个项目（{other}），不是本计划的基地或工作室",
                        field="name",
                        actual=row["name"],
                        hint="请删除这一行：只收录国家高技能人才振兴计划的培训基地和技能大师工作室。",
                    )
                    break


def check_markup(tables: dict[str, Table]) -> Iterator[Problem]:
    """Names come from announcements and are untrusted; markup characters are shown to the clerk."""
    for table in tables.values():
        for number, row in table.rows:
            for field in NAME_FIELDS:
                value = row.get(field, "")
                if value and MARKUP.search(value):
                    yield Problem(
                        table.shown,
                        number,
                        "markup-in-name",
                        "名称中含有网页标记字符（< > \" ' ` & 等）",
                        field=field,
                        actual=value,
                        hint="请核对原公告：正常名称不含这些字符。网站会把它们原样显示为文字。",
                        severity=WARNING,
                    )


def check_cell_length(tables: dict[str, Table]) -> Iterator[Problem]:
    for table in tables.values():
        for number, row in table.rows:
            for field, value in row.items():
                if value and len(value) > MAX_CELL:
                    yield Problem(
                        table.shown,
                        number,
                        "cell-too-long",
                        "单元格内容过长",
                        field=field,
                        actual=value,
                        expected=f"不超过 {MAX_CELL} 个字符",
                        hint="请检查是否误把整段文字或整个文件粘贴进了一个单元格。",
                    )


def check_formula(tables: dict[str, Table]) -> Iterator[Problem]:
    """A cell that Excel could run as a formula (:func:`generator.model.cells.looks_like_formula`, the
    rule the Excel-facing downloads apply): the data keeps it, but a clerk should see it."""
    for table in tables.values():
        for number, row in table.rows:
            for field, value in row.items():
                if looks_like_formula(value):
                    yield Problem(
                        table.shown,
                        number,
                        "formula-prefix",
                        "单元格以公式字符开头，在 Excel/WPS 中可能被当作公式执行",
                        field=field,
                        actual=value,
                        hint="请删除开头的 = + - @ 等字符；Excel 用 CSV 会在前面加单引号，XLSX 存为文本，都不会执行。",
                        severity=WARNING,
                    )


REGISTER_CHECKS = (
    check_other_programmes,
    check_markup,
    check_cell_length,
    check_formula,
    check_garbled,
    check_written_forms,
    check_credit_codes,
    check_retired_ids,
    check_dates,
    *DOMAIN_CHECKS,
    *STATUS_CHECKS,
)
