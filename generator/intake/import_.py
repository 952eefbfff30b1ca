"""Import a filled template or CSV into one register table, all or nothing.

    read → map headers → normalise → assign ids → merge into a temporary copy of the datasets →
    validate the copy as the build would → (only if no error) replace the one changed CSV in one rename

Problems on the new rows are reported against the imported file, with its row numbers as Excel shows
them and the Chinese column titles; problems the import causes on existing rows (a count that no longer
matches, a duplicate master) point at the datasets file. Problems the datasets already had are not
repeated, but existing *errors* stop the import: fix them first.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import paths
from generator.files import write_atomically
from generator.intake.choices import choices_from_files
from generator.intake.duplicates import (
    already_imported,
    find_duplicates,
    partly_imported,
    present_note,
    register_rows,
    without_present,
)
from generator.intake.fields import TableSpec, table_spec
from generator.intake.ids import issued_ids, next_ids
from generator.intake.normalise import Change, lookups
from generator.intake.plausible import check_plausible, count_short
from generator.intake.read import Upload, read_upload
from generator.intake.rows import collect_rows, drop_totals, header_below_title, map_header
from generator.intake.undo import UNDO_DIR, keep
from generator.model import sitemap
from generator.model.problems import Problem, errors
from generator.validate import shown_path, validate


@dataclass(frozen=True)
class Added:
    row: int  # in the imported file
    id: str
    name: str


@dataclass(frozen=True)
class ImportPlan:
    spec: TableSpec
    target: Path
    description: str = ""
    note: str = ""
    problems: tuple[Problem, ...] = ()
    changes: tuple[Change, ...] = ()
    skipped: tuple[int, ...] = ()  # blank rows
    notes: tuple[str, ...] = ()  # what the reader did (merged cells carried, hidden sheets left unread)
    already: tuple[str, ...] = ()  # every row is in the register already: these ids
    added: tuple[Added, ...] = ()
    stored: tuple[dict[str, str], ...] = ()  # the new rows as they will be written
    original: bytes = b""
    merged: bytes = field(default=b"", repr=False)

    @property
    def ok(self) -> bool:
        return not errors(self.problems) and bool(self.added)


def plan_import(
    file: Path,
    into: str,
    datasets: Path,
    schemas: Path = paths.SCHEMAS,
    *,
    allow_duplicates: frozenset[int] = frozenset(),
    sheet: str | None = None,
    only_new: bool = False,
) -> ImportPlan:
    spec = table_spec(into, schemas)
    target = datasets / sitemap.REGISTER / f"{into}.csv"
    plan = ImportPlan(spec, target)
    before = validate(datasets, schemas)
    if errors(before):
        return replace(
            plan,
            problems=(
                Problem(
                    shown_path(datasets),
                    None,
                    "import-datasets-invalid",
                    f"现有数据本身有 {len(errors(before))} 个错误，不能导入",
                    hint="请先运行 python -m generator validate 并改正这些错误，再导入。",
                ),
            ),
        )
    shown = shown_path(file)
    upload, problems = read_upload(file, shown, spec.sheet, sheet)
    if upload is None:
        return replace(plan, problems=tuple(problems))
    return plan_rows(plan, upload, datasets, schemas, before, allow_duplicates, only_new=only_new)


def plan_rows(
    plan: ImportPlan,
    upload: Upload,
    datasets: Path,
    schemas: Path,
    before: list[Problem],
    allow_duplicates: frozenset[int],
    columns: list[str | None] | None = None,
    only_new: bool = False,
) -> ImportPlan:
    """Everything after reading: map, normalise, check, assign ids, validate a merged copy."""
    spec, target, shown = plan.spec, plan.target, upload.shown
    plan = replace(plan, description=upload.description, note=upload.note, notes=upload.notes)
    problems: list[Problem] = []
    if columns is None:
        upload, title = header_below_title(spec, upload)
        if title:
            plan = replace(plan, notes=(*plan.notes, title))
        columns, problems = map_header(spec, upload)
        if errors(problems):
            return replace(plan, problems=tuple(problems))
    upload, totals = drop_totals(upload)
    rows, changes, skipped, found = collect_rows(spec, upload, columns, lookups(spec, choices_from_files(datasets)))
    problems += found
    plan = replace(plan, changes=tuple(changes), skipped=tuple(skipped), notes=(*plan.notes, *totals))
    if not rows:
        problems.append(
            Problem(
                shown,
                None,
                "import-no-rows",
                "文件中没有可导入的数据行",
                hint=f"请在工作表「{spec.sheet}」第 2 行起填写记录。",
            )
        )
        return replace(plan, problems=tuple(problems))
    original = target.read_bytes()
    existing = register_rows(original)
    already = already_imported(spec, rows, existing)
    if already and not allow_duplicates:
        return replace(plan, already=tuple(already))
    register_file = target.relative_to(datasets).as_posix()
    if only_new:  # an updated list imported whole: the rows already in the register are left out, and said
        rows, present = without_present(spec, rows, existing)
        if present:
            gone = {n for n, _ in present}
            plan = replace(
                plan,
                changes=tuple(c for c in plan.changes if c.row not in gone),
                notes=(*plan.notes, present_note(present, register_file)),
            )
    partly = partly_imported(spec, rows, existing, register_file)
    if partly:
        plan = replace(plan, notes=(*plan.notes, partly))
    problems += find_duplicates(spec, rows, existing, shown, register_file, set(allow_duplicates))
    plausible = check_plausible(spec, rows, existing, datasets, shown)
    problems += plausible
    if any(p.code == "import-announcement-exists" for p in plausible):
        return replace(plan, problems=tuple(problems))  # merged, it would only echo on existing records
    if spec.assigns_ids:
        for (_, row), new_id in zip(rows, next_ids(spec.prefix, issued_ids(datasets), len(rows)), strict=True):
            row["id"] = new_id
    merged = merge(original, spec, [row for _, row in rows])
    found = validate_merged(datasets, schemas, target, merged)
    before_keys = {_key(p, datasets) for p in before}
    first_new = len(list(csv.reader(io.StringIO(original.decode("utf-8-sig"), newline="")))) + 1
    for p in found:
        if _key(p, datasets) not in before_keys:
            problems.append(_as_import(p, spec, shown, target, datasets, first_new, [n for n, _ in rows]))
    problems = [p for p in problems if not (p.code == "duplicate-in-announcement" and p.path == shown)]  # said above
    if not errors(problems):
        problems += count_short(spec, rows, existing, datasets, shown)
    added = tuple(Added(n, row["id"], row.get("name") or row.get("title", "")) for n, row in rows)
    return replace(
        plan,
        problems=tuple(_for_new_announcement(spec, p, shown, {n: row["id"] for n, row in rows}) for p in problems),
        added=added,
        stored=tuple(row for _, row in rows),
        original=original,
        merged=merged,
    )


def _for_new_announcement(spec: TableSpec, p: Problem, shown: str, ids: dict[int, str]) -> Problem:
    """The count warning on an announcement just imported is expected: the records come next, under
    the id of that announcement (``ids``: file row → the announcement's id)."""
    if spec.name == "announcements" and p.code == "count-mismatch" and p.path == shown:
        table = "studios" if p.field == spec.title("count_studios") else "bases"
        announcement = ids.get(p.row or 0) or "公告标识"
        return replace(
            p,
            hint=f"这是刚导入的公告，名单还没有导入，这条提示是预期的：下一步导入它的名单——公告附有名单文件时用 "
            f"python -m generator import 附件.docx --into {table} --announcement {announcement} --dry-run，"
            f"否则用 python -m generator template {table} --out 名单.xlsx 生成模板，填好后导入。",
        )
    return p


def merge(original: bytes, spec: TableSpec, rows: list[dict[str, str]]) -> bytes:
    """The existing CSV with the new rows appended, in the same dialect (UTF-8, \\n, minimal quoting)."""
    text = original.decode("utf-8-sig")
    if text and not text.endswith("\n"):
        text += "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([row.get(name, "") for name in spec.names])
    return (text + out.getvalue()).encode("utf-8")


def validate_merged(datasets: Path, schemas: Path, target: Path, merged: bytes) -> list[Problem]:
    with tempfile.TemporaryDirectory(prefix="hsp-import-") as tmp:
        copy = Path(tmp) / "datasets"
        shutil.copytree(datasets, copy, ignore=shutil.ignore_patterns(UNDO_DIR))
        (copy / target.relative_to(datasets)).write_bytes(merged)
        found = validate(copy, schemas)
        return [replace(p, path=_relative(p.path, copy)) for p in found]


def _relative(path: str, root: Path) -> str:
    """A problem's path inside the temporary copy, made relative to the datasets folder."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path


def _key(p: Problem, datasets: Path) -> tuple[object, ...]:
    return (_relative(p.path, datasets), p.row, p.code, p.field, p.message, p.actual)


def _as_import(
    p: Problem, spec: TableSpec, shown: str, target: Path, datasets: Path, first_new: int, numbers: list[int]
) -> Problem:
    rel = target.relative_to(datasets).as_posix()
    if p.path == rel and p.row is not None and p.row >= first_new:
        return replace(
            p,
            path=shown,
            row=numbers[p.row - first_new],
            field=spec.title(p.field) if p.field else None,
            message=spec.in_columns(p.message),
            hint=spec.in_columns(p.hint),
        )
    return replace(p, path=shown_path(datasets / p.path) if not Path(p.path).is_absolute() else p.path)


class ChangedMeanwhile(Exception):
    """The target file changed between reading and writing; nothing was written."""


def commit(plan: ImportPlan, datasets: Path, file: str) -> Path:
    """Keep the CSV as it was (for ``import --undo``), then replace it in one rename (keeping its mode;
    a symlinked CSV is written through). Returns the folder of the undo copy."""

    def unchanged() -> None:
        if plan.target.read_bytes() != plan.original:
            raise ChangedMeanwhile(str(plan.target))

    unchanged()
    kept = keep(
        datasets, plan.spec.name, plan.target, plan.original, plan.merged, file, [(a.id, a.name) for a in plan.added]
    )
    try:
        write_atomically(plan.target, plan.merged, check=unchanged)
    except BaseException:
        shutil.rmtree(kept)
        raise
    return kept
