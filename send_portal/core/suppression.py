"""Small-number suppression for counts about children or pupils.

A count below 5 could identify a child in a small area, so it is shown as "fewer than 5".
Percentages and other measures are not counts and are shown as they are.
"""

SUPPRESSION_THRESHOLD = 5
SUPPRESSED_TEXT = "fewer than 5"


def is_small_count(count) -> bool:
    """A count below the threshold: never shown as a number, never drawn on a chart."""
    return count is not None and count < SUPPRESSION_THRESHOLD


def drawn_count(count):
    """The count as a chart may draw it: None (no point) when it is small."""
    return None if is_small_count(count) else count


def suppress_count(count: int | None) -> str:
    """The count as people may see it: "fewer than 5" below the threshold, else the number."""
    if count is None:
        return "no data"
    if is_small_count(count):
        return SUPPRESSED_TEXT
    return f"{count:,}"
