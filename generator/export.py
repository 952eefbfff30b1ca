"""Downloads: publish every package under ``data/<package>/`` on the site. Export never validates."""
from __future__ import annotations

import shutil
from pathlib import Path

from generator.model import Register


def export(register: Register, site: Path) -> None:
    for package in register.packages:
        src = Path(package.folder)
        dst = site / "data" / package.name
        dst.mkdir(parents=True, exist_ok=True)
        for name in ["datapackage.json", "README.md", *(r.path for r in package.resources)]:
            if (src / name).exists():
                shutil.copy2(src / name, dst / name)
