"""``catalog.jsonld``: a DCAT-AP 3 catalogue of the site's data. One ``dcat:Dataset`` per package (its
page is the landing page), one ``dcat:Distribution`` per published file, with media type, size,
SHA-256 checksum, download URL and licence.

The JSON-LD context is written inline, so the file parses offline (no remote context is fetched).
IRIs are root-relative and resolved against ``@base``: the site URL when mkdocs.yml sets one,
otherwise ``./``, the catalogue's own folder, which is the site root (see :mod:`.links`).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from generator.model.publication import Download
from generator.load.config import RELATIVE_BASE
from generator.export.package import PackageFiles

CATALOG_URL = "catalog.jsonld"
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
PUBLISHER_ID = "about/#publisher"


def iri(value: str) -> dict[str, str]:
    return {"@id": value}


def typed(value: object, datatype: str) -> dict[str, str]:
    return {"@value": str(value), "@type": f"xsd:{datatype}"}


def zh(value: str) -> dict[str, str]:
    return {"@value": value, "@language": "zh"}


def _first(pf: PackageFiles, key: str, field: str) -> str:
    items = pf.package.descriptor.get(key)
    first = items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else {}
    return str(first.get(field) or "")


def licence_of(pf: PackageFiles) -> str:
    return _first(pf, "licenses", "path") or "https://creativecommons.org/licenses/by/4.0/"


def publisher_of(pf: PackageFiles) -> str:
    return _first(pf, "contributors", "title") or "国家高技能人才振兴计划公开数据项目"


def keywords_of(pf: PackageFiles) -> list[str]:
    words = pf.package.descriptor.get("keywords")
    return [str(k) for k in words] if isinstance(words, list) else []


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
        "dct:license": iri(licence_of(pf)),
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
        "dcat:keyword": [zh(k) for k in keywords_of(pf)],
        "dcat:landingPage": iri(pf.url),
        "dcat:version": str(d.get("version", "")),
        "dct:issued": typed(str(d.get("created", ""))[:10], "date"),
        "dct:modified": typed(pf.changed, "date"),
        "dct:publisher": iri(PUBLISHER_ID),
        "dct:language": iri(EU + "language/ZHO"),
        "dct:spatial": iri(EU + "country/CHN"),
        "dct:accessRights": iri(EU + "access-right/PUBLIC"),
        "dct:license": iri(licence_of(pf)),
        "dcat:distribution": [distribution(f, pf, titles) for f in pf.files],
    }
    if note:
        out["adms:versionNotes"] = zh(note)
    return out


def catalog(packages: Sequence[PackageFiles], *, title: str, description: str, built: str, base: str,
            note: str = "") -> bytes:
    doc = {
        "@context": {**CONTEXT, "@base": base or RELATIVE_BASE},
        "@id": "catalog/",
        "@type": "dcat:Catalog",
        "dct:title": zh(title),
        "dct:description": zh(description),
        "foaf:homepage": iri(RELATIVE_BASE),
        "dct:publisher": {"@id": PUBLISHER_ID, "@type": "foaf:Agent",
                          "foaf:name": zh(publisher_of(packages[0]) if packages else title)},
        "dct:language": iri(EU + "language/ZHO"),
        "dct:license": iri(licence_of(packages[0])) if packages else iri("https://creativecommons.org/licenses/by/4.0/"),
        "dct:modified": typed(built, "date"),
        "dcat:dataset": [dataset(pf, note) for pf in packages],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
