"""Undo the last import, from a copy the import kept.

Before it replaces a CSV, an import keeps the file as it was in ``datasets/.import-undo/<n>/`` with a
``journal.json`` (table, file imported, ids added, the SHA-256 of the CSV it wrote). ``import --undo``
restores the newest copy when the CSV is still exactly as that import left it, retires the ids it had
assigned (``register/retired_ids.csv``: they may have been seen, so they are never issued again) and
removes the copy. The folder is local working state: it is ignored by git and by validation.

Files are written with :func:`generator.files.write_atomically`: through symlinks (a ``studios.csv``
that links elsewhere stays a link), keeping their mode.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePath

from generator.files import write_atomically

UNDO_DIR = ".import-undo"
KIND = {"studios": "studio", "bases": "base"}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Entry:
    folder: Path
    table: str
    target: str  # relative to the datasets folder
    file: str
    ids: tuple[tuple[str, str], ...]  # (id, name) added
    after: str  # SHA-256 of the CSV the import wrote

    @property
    def before(self) -> bytes:
        return (self.folder / "before.csv").read_bytes()


def keep(
    datasets: Path, table: str, target: Path, original: bytes, merged: bytes, file: str, ids: list[tuple[str, str]]
) -> Path:
    root = datasets / UNDO_DIR
    root.mkdir(exist_ok=True)
    number = max((int(p.name) for p in root.iterdir() if p.name.isdigit()), default=0) + 1
    folder = root / f"{number:04d}"
    folder.mkdir()
    (folder / "before.csv").write_bytes(original)
    journal = {
        "table": table,
        "target": target.relative_to(datasets).as_posix(),
        "file": file,
        "ids": ids,
        "after": sha256(merged),
        "at": dt.datetime.now().isoformat(timespec="seconds"),
    }
    (folder / "journal.json").write_text(json.dumps(journal, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


def last(datasets: Path) -> Entry | None:
    root = datasets / UNDO_DIR
    folders = sorted(p for p in root.iterdir() if p.name.isdigit()) if root.is_dir() else []
    if not folders:
        return None
    j = json.loads((folders[-1] / "journal.json").read_text(encoding="utf-8"))
    return Entry(folders[-1], j["table"], j["target"], j["file"], tuple(tuple(i) for i in j["ids"]), j["after"])


def retire(datasets: Path, entry: Entry, today: dt.date) -> list[str]:
    """Append the import's B/S ids to the retired-ids ledger; announcements keep their slugs free."""
    if entry.table not in KIND or not entry.ids:
        return []
    ledger = datasets / "register" / "retired_ids.csv"
    text = ledger.read_text(encoding="utf-8-sig") if ledger.exists() else "id,name,kind,retired_on,reason\n"
    if not text.endswith("\n"):
        text += "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for record_id, name in entry.ids:
        writer.writerow(
            [
                record_id,
                name,
                KIND[entry.table],
                today.isoformat(),
                f"导入已撤回（{PurePath(entry.file).name}），编号不再分配",
            ]
        )
    write_atomically(ledger, (text + out.getvalue()).encode("utf-8"))
    return [record_id for record_id, _ in entry.ids]


def undo(datasets: Path, today: dt.date) -> tuple[Entry, list[str]]:
    """Restore the last import's CSV; returns the entry and the ids retired. Raises :class:`NothingToUndo`
    or :class:`ChangedSince` and then writes nothing."""
    entry = last(datasets)
    if entry is None:
        raise NothingToUndo()
    target = datasets / entry.target
    if sha256(target.read_bytes()) != entry.after:
        raise ChangedSince(entry)
    write_atomically(target, entry.before)
    retired = retire(datasets, entry, today)
    shutil.rmtree(entry.folder)
    return entry, retired


class NothingToUndo(Exception):
    pass


class ChangedSince(Exception):
    def __init__(self, entry: Entry) -> None:
        super().__init__(entry.target)
        self.entry = entry
