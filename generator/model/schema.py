"""Table Schema fields: how to find them, and how to describe them in Chinese for problem messages,
the field tables on the site, the XLSX field sheet and the intake templates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TYPE_LABELS = {
    "string": "文本",
    "integer": "整数",
    "number": "数字",
    "boolean": "布尔值",
    "date": "日期",
    "year": "年份",
}

PATTERN_HINTS = {
    r"^\d{4}(-\d{2}(-\d{2})?)?$": "YYYY、YYYY-MM 或 YYYY-MM-DD",
    r"^[BS]\d{6}$": "B 或 S 加 6 位数字，如 S000001",
    r"^B\d{6}$": "B 加 6 位数字，如 B000001",
    r"^S\d{6}$": "S 加 6 位数字，如 S000001",
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "小写字母、数字和连字符（可读的标识，如公告 wuhan-2023、政策 plan-2011）",
    r"^\d{6}$": "6 位数字代码",
    r"^[1-8][0-9]0000$": "省级行政区的 6 位代码（GB/T 2260），如 420000",
    r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$": "18 位统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V）",
    r"^\S+〔\d{4}〕\d+号$": "机关代字〔年份〕序号号，如 人社部发〔2011〕109号",
    r"^https?://\S+$": "以 http:// 或 https:// 开头、不含空格的网址",
    r"^[^;]+(;[^;]+)*$": "多个之间用英文分号 ; 分隔，首尾不加分号",
    r"^[^;\s]+(;[^;\s]+)*$": "姓名不含空格，多位之间用英文分号 ; 分隔",
    r"^\d-\d{2}-\d{2}-\d{2}(-\d{2})?$": "《职业分类大典》编码，如 6-18-02-04",
    r"^([BS]\d{6}|[a-z0-9]+(-[a-z0-9]+)*)$": "B 或 S 加 6 位数字，或公告的可读标识",
}


def fields_of(schema: Mapping[str, object]) -> list[dict[str, Any]]:
    """The field descriptors of a Table Schema (an empty list when it has none)."""
    fields = schema.get("fields", [])
    return [f for f in fields if isinstance(f, dict)] if isinstance(fields, list) else []


def field_names(schema: Mapping[str, object]) -> list[str]:
    return [str(f["name"]) for f in fields_of(schema) if "name" in f]


def field_of(schema: Mapping[str, object], name: str) -> dict[str, Any]:
    """The descriptor of one field, or an empty dict when the schema has no such field."""
    return next((f for f in fields_of(schema) if f.get("name") == name), {})


def type_label(spec: dict[str, Any]) -> str:
    return TYPE_LABELS.get(str(spec.get("type", "string")), str(spec.get("type")))


def enum_text(spec: dict[str, Any], limit: int = 8) -> str:
    values = spec.get("constraints", {}).get("enum", [])
    labels = spec.get("enumLabels", {})
    shown = [f"{v}（{labels[v]}）" if v in labels else str(v) for v in values[:limit]]
    more = f" 等 {len(values)} 个值" if len(values) > limit else ""
    return "、".join(shown) + more


def constraint_texts(spec: dict[str, Any]) -> list[str]:
    """Each constraint of a field as a short Chinese phrase, for schema tables."""
    c = spec.get("constraints", {})
    out = []
    if c.get("required"):
        out.append("必填")
    if c.get("unique"):
        out.append("唯一")
    if "enum" in c:
        out.append("取值：" + enum_text(spec, limit=40))
    if "pattern" in c:
        out.append("格式：" + PATTERN_HINTS.get(c["pattern"], f"正则 {c['pattern']}"))
    if "minimum" in c and "maximum" in c:
        out.append(f"范围 {c['minimum']}–{c['maximum']}")
    elif "minimum" in c:
        out.append(f"不小于 {c['minimum']}")
    elif "maximum" in c:
        out.append(f"不大于 {c['maximum']}")
    if "maxLength" in c:
        out.append(f"最长 {c['maxLength']} 字")
    return out


def describe_expected(spec: dict[str, Any], constraint: str) -> str:
    c = spec.get("constraints", {})
    if constraint == "required":
        return "非空"
    if constraint == "enum":
        return enum_text(spec)
    if constraint == "pattern":
        return "格式 " + PATTERN_HINTS.get(c.get("pattern", ""), f"符合正则 {c.get('pattern')}")
    if constraint in {"minimum", "maximum"}:
        lo, hi = c.get("minimum"), c.get("maximum")
        if lo is not None and hi is not None:
            return f"{lo}–{hi} 之间的{type_label(spec)}"
        return f"{'不小于 ' + str(lo) if lo is not None else '不大于 ' + str(hi)}"
    if constraint == "maxLength":
        return f"不超过 {c.get('maxLength')} 个字符"
    if constraint == "unique":
        return "与其他行都不相同的值"
    return type_label(spec)
