"""Text that was damaged on its way in: a replacement character (U+FFFD, or "锟斤拷", what it becomes
after a second GBK round trip) means a file was once decoded with the wrong encoding and the original
characters are lost; control characters are invisible and break downloads and pages.

Full-width digits and letters (``２０２３``, ``Ｓ000001``) pass frictionless (Python reads ``２０２３`` as an
integer) but break every program that reads the published CSV; a cell that is entirely such characters
is reported (names with full-width brackets such as ``（集团）`` are normal Chinese and are not)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from generator.model.problems import WARNING, Problem
from generator.model.written import joined_masters, short_city
from generator.validate.checks.tables import Table

DAMAGE = re.compile("\ufffd|锟斤拷|烫烫烫|屯屯屯")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029]")


def check_garbled(tables: dict[str, Table]) -> Iterator[Problem]:
    for table in tables.values():
        for number, row in table.rows:
            for field, value in row.items():
                if not value:
                    continue
                if DAMAGE.search(value):
                    yield Problem(
                        table.shown,
                        number,
                        "garbled-text",
                        "文字中有乱码（替换字符 � 或“锟斤拷”），原文字已丢失",
                        field=field,
                        actual=value,
                        hint="文件曾被用错误的编码打开并保存：请从原公告重新复制这一格，不要在乱码上修改。",
                    )
                elif not value.isascii() and unicodedata.normalize("NFKC", value).isascii():
                    plain = unicodedata.normalize("NFKC", value)
                    yield Problem(
                        table.shown,
                        number,
                        "full-width",
                        "数字、字母或代码用了全角字符",
                        field=field,
                        actual=value,
                        expected=plain,
                        hint="请改为半角（英文输入法）字符；导入命令会自动转换。",
                    )
                elif CONTROL.search(value):
                    char = CONTROL.search(value).group()  # type: ignore[union-attr]
                    yield Problem(
                        table.shown,
                        number,
                        "garbled-text",
                        "文字中有不可见的控制字符",
                        field=field,
                        actual=value,
                        expected=f"不含 U+{ord(char):04X} 这样的控制字符",
                        hint="请删除该字符（通常是从网页或 PDF 复制时带入的）。",
                    )


def check_written_forms(tables: dict[str, Table]) -> Iterator[Problem]:
    """A CSV edited by hand with a form the import would have rewritten (generator.model.written): 武汉市
    beside 武汉 gives the finder two cities; 张三、李四 is read as one master."""
    for name in ("bases", "studios"):
        table = tables.get(name)
        if table is None:
            continue
        for number, row in table.rows:
            city = row.get("city", "")
            if city and short_city(city) != city:
                yield Problem(
                    table.shown,
                    number,
                    "city-form",
                    "城市没有写作简称：本站的城市一律不带“市”“地区”",
                    field="city",
                    actual=city,
                    expected=short_city(city),
                    hint=f"请改为“{short_city(city)}”，否则查找页会把两种写法当作两个城市（导入命令会自动改写）。",
                    severity=WARNING,
                )
            masters = row.get("master_name", "")
            if masters and joined_masters(masters) != masters:
                yield Problem(
                    table.shown,
                    number,
                    "master-separator",
                    "多位领办人没有用英文分号 ; 分隔，会被当作一个人",
                    field="master_name",
                    actual=masters,
                    expected=joined_masters(masters),
                    hint="请把“、”“，”等改为英文分号 ;，分号两边不留空格（导入命令会自动改写）。",
                    severity=WARNING,
                )
