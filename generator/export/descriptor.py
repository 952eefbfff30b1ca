"""The published ``datapackage.json``: the committed descriptor plus ``bytes`` and ``hash`` of every
resource's published CSV (frictionless 5 form ``"hash": "sha256:<hex>"``), so that
``frictionless validate`` on the site's copy also checks that the files are the ones described."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Mapping
from typing import Any


def published_descriptor(descriptor: Mapping[str, Any], files: Mapping[str, bytes]) -> bytes:
    """``files`` maps each resource ``path`` to the bytes published at that path."""
    out = copy.deepcopy(dict(descriptor))
    for resource in out.get("resources", []):
        data = files.get(str(resource.get("path")))
        if data is not None:
            resource["bytes"] = len(data)
            resource["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    return (json.dumps(out, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
