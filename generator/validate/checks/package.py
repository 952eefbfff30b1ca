"""The committed data packages must agree with ``schemas/`` (the single source of table schemas and code lists)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.model.problems import Problem

PACK_HINT = "请运行 python -m generator pack 重新生成 datapackage.json 和代码表副本。"
REQUIRED_META = ("name", "title", "description", "licenses", "sources", "version", "contributors", "created")


def expected_schema(schemas: Path, resource: dict[str, Any]) -> dict[str, Any] | None:
    path = schemas / f"{resource['name']}.schema.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def check_package(folder: Path, descriptor: dict[str, Any], schemas: Path, shown: str) -> Iterator[Problem]:
    for key in REQUIRED_META:
        if not descriptor.get(key):
            yield Problem(
                shown,
                None,
                "package-metadata",
                "数据包缺少元数据",
                field=key,
                hint="请在 datapackage.json 中补上该项（标题、说明、许可、来源、版本、贡献者、创建日期）。",
            )
    for resource in descriptor.get("resources", []):
        schema = expected_schema(schemas, resource)
        if schema is None:
            yield Problem(
                shown,
                None,
                "schema-missing",
                f"资源「{resource['name']}」在 schemas/ 中没有对应的数据表结构",
                expected=f"schemas/{resource['name']}.schema.json",
                hint="请先在 schemas/ 中定义该表。",
            )
        elif resource.get("schema") != schema:
            yield Problem(
                shown,
                None,
                "schema-drift",
                f"资源「{resource['name']}」的表结构与 schemas/{resource['name']}.schema.json 不一致",
                hint=PACK_HINT,
            )
        codelist = schemas / "codelists" / str(resource.get("path", ""))
        local = folder / str(resource.get("path", ""))
        if codelist.exists() and local.exists() and codelist.read_bytes() != local.read_bytes():
            yield Problem(
                shown,
                None,
                "codelist-drift",
                f"代码表「{resource['path']}」与 schemas/codelists/ 中的正本不一致",
                hint=PACK_HINT,
            )


def pack(folder: Path, schemas: Path) -> list[str]:
    """Refresh inline schemas and code-list copies from ``schemas/``; return what changed."""
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    changed = []
    for resource in descriptor.get("resources", []):
        schema = expected_schema(schemas, resource)
        if schema is not None and resource.get("schema") != schema:
            resource["schema"] = schema
            changed.append(f"{path}: {resource['name']} 的表结构")
        codelist = schemas / "codelists" / str(resource.get("path", ""))
        local = folder / str(resource.get("path", ""))
        if codelist.exists() and (not local.exists() or local.read_bytes() != codelist.read_bytes()):
            local.write_bytes(codelist.read_bytes())
            changed.append(str(local))
    if changed:
        path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return changed
