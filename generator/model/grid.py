"""Where each province stands on the province grid (``provinces/``): a grid of tiles, not a drawn map
(a map would need a 审图号). The feeds link a province's announcements to its tile."""

from __future__ import annotations

# (code, column, row) on 7 columns and 9 rows: the mainland's 31 provincial-level divisions, north-west to south-east.
TILES = (
    ("230000", 7, 1),
    ("150000", 5, 2),
    ("220000", 7, 2),
    ("650000", 1, 3),
    ("620000", 3, 3),
    ("640000", 4, 3),
    ("110000", 5, 3),
    ("210000", 6, 3),
    ("630000", 2, 4),
    ("610000", 3, 4),
    ("140000", 4, 4),
    ("130000", 5, 4),
    ("120000", 6, 4),
    ("540000", 1, 5),
    ("510000", 2, 5),
    ("500000", 3, 5),
    ("410000", 4, 5),
    ("370000", 5, 5),
    ("530000", 2, 6),
    ("520000", 3, 6),
    ("420000", 4, 6),
    ("340000", 5, 6),
    ("320000", 6, 6),
    ("310000", 7, 6),
    ("450000", 3, 7),
    ("430000", 4, 7),
    ("360000", 5, 7),
    ("330000", 6, 7),
    ("440000", 4, 8),
    ("350000", 5, 8),
    ("460000", 4, 9),
)

TILED = frozenset(code for code, _, _ in TILES)
