"""Staff intake: an Excel template generated from each Table Schema, and an import command that reads
the filled template (or a CSV in UTF-8, GBK or Big5) or a list as it was published (Word, .xls, PDF,
web text), normalises what is safe and lists it, refuses duplicates and implausible rows, validates the
new rows together with the existing datasets, assigns stable ids and writes all or nothing, keeping a
copy for ``import --undo``.

    fields → choices → template                                        (python -m generator template)
    read (encodings) → rows (cells, normalise) → duplicates, plausible → ids → import_ (undo)
                                                                       (python -m generator import)
    published → listing → lists → rows → …                            (import … --announcement ID)
"""
