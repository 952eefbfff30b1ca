"""Page producers. Each module yields :class:`generator.render.Page` objects for one part of the site."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from jinja2 import Environment

from generator.render.pages import apply, changes, datasets, find, home, lists, opendata, policy, progress, records, report
from generator.render.jinja import Page
from generator.model.site import SiteModel

Producer = Callable[[SiteModel, Environment], Iterator[Page]]

# Pages that show the downloads (sizes, checksums, changes) need the prepared publication; the build
# renders the others while the downloads are still being prepared on the other core.
NEED_DOWNLOADS: tuple[Producer, ...] = (
    opendata.pages,
    datasets.pages,
    changes.pages,
)

PRODUCERS: tuple[Producer, ...] = (
    home.pages,
    policy.pages,
    apply.pages,
    progress.pages,
    lists.pages,
    records.pages,
    find.pages,
    report.pages,
    *NEED_DOWNLOADS,
)
