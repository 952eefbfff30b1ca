"""Every problem code with its Chinese title, in one place (frictionless ``errors/cell.py`` keeps the
same shape: slug, title, description). The validation report page lists these; the tests check that
every code a check can yield is catalogued here."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.problems import ERROR, WARNING


@dataclass(frozen=True)
class CheckInfo:
    code: str
    title: str
    stage: str  # 文件 / 表头 / 数据包 / 字段 / 业务规则 / 导入
    scope: str  # "file": the whole file (no row); "row": one row; "cell": one cell (row and field)
    severity: str = ERROR
    description: str = ""

    @property
    def severity_label(self) -> str:
        return "警告" if self.severity == WARNING else "错误"


CHECKS: tuple[CheckInfo, ...] = (
    # Files: before a CSV can be read at all (generator/validate/checks/files.py).
    CheckInfo("file-missing", "数据文件不存在", "文件", "file"),
    CheckInfo("empty-file", "文件是空的", "文件", "file"),
    CheckInfo("not-text", "文件不是文本表格（图片、压缩包、Excel 工作簿等）", "文件", "file"),
    CheckInfo("bom", "文件带有 BOM（字节顺序标记）", "文件", "row"),
    CheckInfo("nul-byte", "文件中有 NUL 空字符", "文件", "row"),
    CheckInfo("encoding-error", "文件不是 UTF-8 编码", "文件", "row"),
    CheckInfo("quote-error", "英文双引号没有配对，无法正确分列", "文件", "row"),
    CheckInfo("format-error", "文件无法按 CSV 解析", "文件", "file"),
    CheckInfo("source-error", "文件内容无法读取", "文件", "file"),
    CheckInfo("scheme-error", "文件无法打开", "文件", "file"),
    # Packages (generator/validate/checks/package.py, generator/validate/__init__.py).
    CheckInfo("no-packages", "目录中没有数据包", "数据包", "file"),
    CheckInfo("package-error", "datapackage.json 无效", "数据包", "file"),
    CheckInfo("package-metadata", "数据包缺少元数据", "数据包", "file"),
    CheckInfo("schema-missing", "资源没有对应的表结构", "数据包", "file"),
    CheckInfo("schema-drift", "数据包中的表结构与 schemas/ 不一致", "数据包", "file"),
    CheckInfo("codelist-drift", "代码表副本与 schemas/codelists/ 不一致", "数据包", "file"),
    CheckInfo("release-history", "发布记录（releases.csv）或版本快照有误", "数据包", "row"),
    # Header row (generator/validate/checks/header.py and frictionless).
    CheckInfo("duplicate-label", "表头列名重复", "表头", "row"),
    CheckInfo("blank-label", "表头有空白列名", "表头", "row"),
    CheckInfo("missing-label", "表头缺少列", "表头", "row"),
    CheckInfo("extra-label", "表头多出未定义的列", "表头", "row"),
    CheckInfo("label-order", "表头列的顺序不对", "表头", "row"),
    CheckInfo("incorrect-label", "表头列名与表结构不一致", "表头", "row"),
    # Rows and cells against the Table Schema (frictionless, translated in frictionless_adapter.py).
    CheckInfo("blank-row", "空行", "字段", "row"),
    CheckInfo("missing-cell", "本行缺少单元格", "字段", "cell"),
    CheckInfo("extra-cell", "本行多出单元格", "字段", "row"),
    CheckInfo("duplicate-row", "与前面某行完全相同", "字段", "row"),
    CheckInfo("type-error", "类型不符（如年份不是整数、网址无效）", "字段", "cell"),
    CheckInfo("constraint-error", "不符合字段约束（格式、取值范围、长度）", "字段", "cell"),
    CheckInfo("required-value", "必填字段为空", "字段", "cell"),
    CheckInfo("enum-error", "取值不在代码表中", "字段", "cell"),
    CheckInfo("unique-error", "要求唯一的字段取值重复", "字段", "cell"),
    CheckInfo("primary-key", "编号重复", "字段", "cell"),
    CheckInfo("foreign-key", "引用的编号不存在（公告、省份、级别）", "字段", "cell"),
    # Our own rules (generator/validate/checks/register.py, domain.py, status.py, credit_code.py, domain_ids.py).
    CheckInfo("cell-too-long", "单元格内容过长", "业务规则", "cell"),
    CheckInfo("full-width", "数字、字母或代码用了全角字符", "业务规则", "cell"),
    CheckInfo("garbled-text", "文字中有乱码或不可见的控制字符", "业务规则", "cell"),
    CheckInfo("other-programme", "名称属于另一个项目（劳模/工匠创新工作室、特色工作站等）", "业务规则", "cell"),
    CheckInfo("credit-code", "统一社会信用代码校验位不对（GB 32100）", "业务规则", "cell"),
    CheckInfo("province-scope", "记录的省份与所属公告的省份不一致", "业务规则", "cell"),
    CheckInfo("level-mismatch", "记录的级别与所属公告的级别不一致", "业务规则", "cell"),
    CheckInfo("year-implausible", "记录的年度与所属公告的日期不相称", "业务规则", "cell"),
    CheckInfo("gongshi-dates", "公示日期顺序不对（开始 ≤ 结束 ≤ 正式名单日期）", "业务规则", "cell"),
    CheckInfo("date-invalid", "日期不存在（如 2023-02-30、2023-13）", "业务规则", "cell"),
    CheckInfo("date-in-future", "记录已发生之事的日期晚于生成日期", "业务规则", "cell"),
    CheckInfo("status-stage", "记录的状态与所属公告的类型不一致（公示的记录是拟入选）", "业务规则", "cell"),
    CheckInfo("status-revoked", "已撤销的记录没有写明原因或来源", "业务规则", "cell"),
    CheckInfo("status-date", "状态日期早于所属公告的日期", "业务规则", "cell"),
    CheckInfo("validity-order", "有效期起止顺序不对（起 ≤ 止）", "业务规则", "cell"),
    CheckInfo("revoked-retired", "被撤销的记录被删除了（应保留并标为已撤销）", "业务规则", "cell"),
    CheckInfo("id-reused", "已停用的编号又被用于另一条记录", "业务规则", "cell"),
    CheckInfo("count-mismatch", "完整名单的记录数与公告所载数量不符", "业务规则", "cell", WARNING),
    CheckInfo("duplicate-in-announcement", "同一公告下领办人或依托单位重复", "业务规则", "cell", WARNING),
    CheckInfo("markup-in-name", "名称中含有网页标记字符", "业务规则", "cell", WARNING),
    CheckInfo("city-form", "城市没有写作简称（武汉市 → 武汉）", "业务规则", "cell", WARNING),
    CheckInfo("master-separator", "多位领办人没有用英文分号 ; 分隔", "业务规则", "cell", WARNING),
    CheckInfo("formula-prefix", "单元格以公式字符开头（= + - @）", "业务规则", "cell", WARNING),
    # Import of a filled template or CSV (generator/intake/).
    CheckInfo("import-datasets-invalid", "现有数据本身有错误，不能导入", "导入", "file"),
    CheckInfo("import-not-spreadsheet", "导入的文件不是 Excel 工作簿或 CSV 文本", "导入", "file"),
    CheckInfo("import-empty", "导入的文件没有内容", "导入", "file"),
    CheckInfo("import-encoding", "导入的 CSV 编码无法识别", "导入", "row"),
    CheckInfo("import-mixed-encoding", "导入的 CSV 混用了 UTF-8 和 GBK 两种编码", "导入", "row"),
    CheckInfo("import-no-header", "第 1 行不是表头", "导入", "row"),
    CheckInfo("import-unknown-column", "表头有模板中没有的列", "导入", "row"),
    CheckInfo("import-duplicate-column", "表头列名重复", "导入", "row"),
    CheckInfo("import-missing-column", "缺少必填的列", "导入", "row"),
    CheckInfo("import-extra-cell", "本行多出单元格", "导入", "row"),
    CheckInfo("import-unknown-id", "更新文件中的编号不在现有记录中", "导入", "cell"),
    CheckInfo("import-duplicate-id", "更新文件中同一编号出现了不止一次", "导入", "cell"),
    CheckInfo("import-id-given", "填写了编号（编号由导入程序分配）", "导入", "cell"),
    CheckInfo("import-formula", "单元格是 Excel 公式", "导入", "cell"),
    CheckInfo("import-no-rows", "没有可导入的数据行", "导入", "file"),
    CheckInfo("import-changed-meanwhile", "导入期间数据文件被修改", "导入", "file"),
    CheckInfo("import-no-sheet", "工作簿中没有指定的工作表", "导入", "file"),
    CheckInfo("import-excel-error", "单元格是 Excel 错误值（#N/A、#REF! 等）", "导入", "cell"),
    CheckInfo("import-boolean", "应填文字处是逻辑值（TRUE/FALSE）", "导入", "cell"),
    CheckInfo("import-number-as-name", "应填名称或姓名处是数字", "导入", "cell"),
    CheckInfo("import-duplicate", "与文件中另一行或已有记录重复", "导入", "cell"),
    CheckInfo("import-kind-mismatch", "记录类别与公告的项目类别不符", "导入", "cell"),
    CheckInfo("import-count-exceeded", "导入后记录数远超公告所载数量", "导入", "cell"),
    CheckInfo("import-scanned-pdf", "扫描版 PDF：没有文字层", "导入", "file"),
    CheckInfo("import-unrecognised-line", "有编号或夹在条目之间的行认不出名单条目", "导入", "row"),
    CheckInfo("import-several-lists", "文件中有几份名单，认不出要导入哪一份", "导入", "file"),
    CheckInfo("import-heading-count", "省份标题所载数量与认出的条目数不符", "导入", "row", WARNING),
    CheckInfo("import-count-short", "导入后记录数仍少于公告所载数量", "导入", "cell", WARNING),
    CheckInfo("import-announcement-exists", "公告标识已经存在", "导入", "cell"),
    CheckInfo("import-status-remark", "不导入的备注列写着撤销、更名等状态变化", "导入", "cell"),
)

BY_CODE: dict[str, CheckInfo] = {c.code: c for c in CHECKS}


def title(code: str) -> str:
    info = BY_CODE.get(code)
    return info.title if info else code


def validation_checks() -> list[CheckInfo]:
    """The checks that ``validate`` (and so every build) runs, without the import-only ones."""
    return [c for c in CHECKS if c.stage != "导入"]
