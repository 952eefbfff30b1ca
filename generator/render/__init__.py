"""Render: every page of the site, from the site model, with Jinja2. Rendering never validates and
never reads the datasets folder.

Pages that show the downloads (sizes, checksums, changes) need the prepared publication; the build
renders all the others first, while the downloads are still being prepared on the other core.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from jinja2 import Environment

from generator.model.page import Page
from generator.model.publication import Publication
from generator.model.site import SiteModel
from generator.render.jinja import environment
from generator.render.pages import (
    about,
    apply,
    changes,
    corrections,
    datasets,
    find,
    home,
    lists,
    opendata,
    policy,
    progress,
    provinces,
    records,
    report,
)

Producer = Callable[[SiteModel, Environment], Iterator[Page]]

WITHOUT_DOWNLOADS: tuple[Producer, ...] = (
    home.pages,
    policy.pages,
    apply.pages,
    progress.pages,
    lists.pages,
    records.pages,
    corrections.pages,
    find.pages,
    provinces.pages,
    report.pages,
    about.pages,
)
WITH_DOWNLOADS: tuple[Producer, ...] = (
    opendata.pages,
    datasets.pages,
    changes.pages,
)
PRODUCERS = WITHOUT_DOWNLOADS + WITH_DOWNLOADS


def render(site: SiteModel, publication: Callable[[], Publication]) -> list[Page]:
    """Every page: first those that need no downloads, then (once ``publication()`` returns the
    prepared downloads) the rest."""
    env = environment()
    pages = [page for producer in WITHOUT_DOWNLOADS for page in producer(site, env)]
    with_downloads = dataclasses.replace(site, publication=publication())
    pages += [page for producer in WITH_DOWNLOADS for page in producer(with_downloads, env)]
    return pages
