"""Every repository path in one place. Imports nothing from the package."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATASETS = REPO / "datasets"
SCHEMAS = REPO / "schemas"
CODELISTS = SCHEMAS / "codelists"
DOCS = REPO / "docs"
OVERRIDES = REPO / "overrides"
MKDOCS_YML = REPO / "mkdocs.yml"
SITE = REPO / "site"
TEMPLATES = Path(__file__).resolve().parent / "render" / "templates"
INTAKE_EXAMPLE = Path(__file__).resolve().parent / "data" / "intake_example.txt"  # a real dry run, on data/intake/
HEADER_SYNONYMS = Path(__file__).resolve().parent / "data" / "header_synonyms.csv"  # publishers' column names
VALUE_SYNONYMS = Path(__file__).resolve().parent / "data" / "value_synonyms.csv"  # notices' words for codes
JIEBA_USERDICT = Path(__file__).resolve().parent / "data" / "jieba_userdict.txt"  # programme terms for site search
