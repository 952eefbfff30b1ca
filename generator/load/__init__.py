"""Load: read ``datasets/`` into the frozen typed :class:`~generator.model.loaded.Model`.

Loading never judges (run validation first) and reads everything at once: the register, the
policies with the plan's full text, the release history with its snapshots, and every committed
file's bytes, so that no later stage goes back to disk.
"""

from __future__ import annotations

from pathlib import Path

from generator import paths
from generator.load.policies import load_policies
from generator.load.register import load_register
from generator.model import sitemap
from generator.model.history import History
from generator.model.loaded import Model
from generator.read import entries, package_folders, read_package, read_release, schema_files


def load(datasets: Path = paths.DATASETS, schemas: Path = paths.SCHEMAS) -> Model:
    packages = tuple(read_package(folder) for folder in package_folders(datasets))
    by_name = {p.name: p for p in packages}
    return Model(
        root=datasets,
        packages=packages,
        register=load_register(by_name[sitemap.REGISTER]),
        policies=load_policies(by_name.get(sitemap.POLICIES)),
        history=History(tuple(read_release(e) for e in entries(datasets))),
        schemas=schema_files(schemas),
    )
