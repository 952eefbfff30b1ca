"""Staff intake: an Excel template generated from each Table Schema, and an import command that reads
the filled template (or a CSV in UTF-8 or GBK), normalises what is safe, validates the new rows
together with the existing datasets, assigns stable ids and writes all or nothing.

    fields → choices → template            (python -m generator template)
    read (encodings) → normalise → ids → import_   (python -m generator import)
"""
