"""Downloads: write every file prepared by :mod:`generator.downloads` into the built site. Export never validates."""
from __future__ import annotations

from pathlib import Path

from generator.export import published, write
from generator.model.site import SiteModel


def export(site: SiteModel, out: Path) -> None:
    write(published(site), out)
