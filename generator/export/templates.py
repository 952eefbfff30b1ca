"""The Excel intake templates the site offers staff (``data/templates/<table>.xlsx``), drawn from the
schemas and the code lists of the data being built."""

from __future__ import annotations

from generator.intake.choices import choices_from_register
from generator.intake.fields import TARGETS, TableSpec
from generator.intake.template import template_bytes
from generator.model import sitemap
from generator.model.publication import Download
from generator.model.site import SiteModel


def template_files(site: SiteModel) -> list[Download]:
    choices = choices_from_register(site.register)
    schemas = {r.name: r.schema for p in site.packages for r in p.resources}
    out = []
    for name, (sheet, prefix) in TARGETS.items():
        spec = TableSpec(name, sheet, prefix, dict(schemas[name]))
        out.append(Download(sitemap.template(name), template_bytes(spec, choices), "template"))
    return out
