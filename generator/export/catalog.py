"""``catalog.jsonld``: a DCAT-AP 3 catalogue of the site's data. One ``dcat:Dataset`` per package (its
page is the landing page), one ``dcat:Distribution`` per published file, with media type, size,
SHA-256 checksum, download URL and licence.

The JSON-LD context is written inline, so the file parses offline (no remote context is fetched).
IRIs are root-relative and resolved against ``@base``: the site URL when mkdocs.yml sets one,
otherwise ``./``, the catalogue's own folder, which is the site root.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from generator.model import sitemap
from generator.model.publication import Download, PackageFiles
from generator.model.register import DEFAULT_LICENCE

RELATIVE_BASE = "./"  # JSON-LD 1.1 §4.1.3: a relative @base resolves against the document's own URL
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "spdx": "http://spdx.org/rdf/terms#",
    "adms": "http://www.w3.org/ns/adms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"


def iri(value: str) -> dict[str, str]:
    return {"@id": value}


def typed(value: object, datatype: str) -> dict[str, str]:
    return {"@value": str(value), "@type": f"xsd:{datatype}"}


def zh(value: str) -> dict[str, str]:
    return {"@value": value, "@language": "zh"}


def distribution(f: Download, pf: PackageFiles, titles: dict[str, str]) -> dict[str, Any]:
    name = titles.get(f.resource, "")
    title = f"{name}（{f.format.short}）" if name else f.format.label
    out: dict[str, Any] = {
        "@id": f"{pf.url}#{f.anchor}",
        "@type": "dcat:Distribution",
        "dct:title": zh(title),
        "dcat:accessURL": iri(pf.url),
        "dcat:downloadURL": iri(f.url),
        "dcat:mediaType": iri(IANA + f.format.media_type),
        "dcat:byteSize": typed(f.size, "nonNegativeInteger"),
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": iri("spdx:checksumAlgorithm_sha256"),
            "spdx:checksumValue": typed(f.sha256, "hexBinary"),
        },
        "dct:license": iri(pf.package.licence),
        "dct:modified": typed(f.changed, "date"),
    }
    if f.format.file_type:
        out["dct:format"] = iri(EU + "file-type/" + f.format.file_type)
    return out


def dataset(pf: PackageFiles, note: str) -> dict[str, Any]:
    d = pf.package.descriptor
    titles = {r.resource.name: r.resource.title for r in pf.resources}
    out: dict[str, Any] = {
        "@id": pf.url,
        "@type": "dcat:Dataset",
        "dct:identifier": str(d.get("name", pf.name)),
        "dct:title": zh(str(d.get("title", pf.name))),
        "dct:description": zh(str(d.get("description", ""))),
        "dcat:keyword": [zh(k) for k in pf.package.keywords],
        "dcat:landingPage": iri(pf.url),
        "dcat:version": str(d.get("version", "")),
        "dct:issued": typed(str(d.get("created", ""))[:10], "date"),
        "dct:modified": typed(pf.changed, "date"),
        "dct:publisher": iri(sitemap.PUBLISHER),
        "dct:language": iri(EU + "language/ZHO"),
        "dct:spatial": iri(EU + "country/CHN"),
        "dct:accessRights": iri(EU + "access-right/PUBLIC"),
        "dct:license": iri(pf.package.licence),
        "dcat:distribution": [distribution(f, pf, titles) for f in pf.files],
    }
    if note:
        out["adms:versionNotes"] = zh(note)
    return out


def catalog(packages: Sequence[PackageFiles], *, title: str, description: str, built: str, base: str,
            note: str = "") -> bytes:
    doc = {
        "@context": {**CONTEXT, "@base": base or RELATIVE_BASE},
        "@id": sitemap.CATALOG_PAGE,
        "@type": "dcat:Catalog",
        "dct:title": zh(title),
        "dct:description": zh(description),
        "foaf:homepage": iri(RELATIVE_BASE),
        "dct:publisher": {"@id": sitemap.PUBLISHER, "@type": "foaf:Agent",
                          "foaf:name": zh(packages[0].package.publisher if packages else title)},
        "dct:language": iri(EU + "language/ZHO"),
        "dct:license": iri(packages[0].package.licence) if packages else iri(DEFAULT_LICENCE),
        "dct:modified": typed(built, "date"),
        "dcat:dataset": [dataset(pf, note) for pf in packages],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
