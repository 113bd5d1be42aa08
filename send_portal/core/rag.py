"""The RAG vocabulary every app uses (see docs/domain.md).

Grey means "not started" or "monitoring only"; blue means completed with evidence of impact.
Severity orders ratings for roll-ups: a roll-up never hides a red.
"""

from django.db import models


class RAG(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    BLUE = "blue", "Blue"
    GREY = "grey", "Grey"


# Higher is worse. Used to pick the worst rating of a set.
SEVERITY: dict[str, int] = {
    RAG.BLUE: 0,
    RAG.GREY: 1,
    RAG.GREEN: 2,
    RAG.AMBER: 3,
    RAG.RED: 4,
}

# Plain-English meaning shown beside the word wherever a key is needed.
MEANING: dict[str, str] = {
    RAG.RED: "Off track: past due, or not recoverable without help",
    RAG.AMBER: "Behind target but recoverable",
    RAG.GREEN: "On target",
    RAG.BLUE: "Completed, with evidence of impact",
    RAG.GREY: "Not started yet, or monitoring only",
}


def worst(ratings) -> str | None:
    """The most severe rating of ``ratings`` (None when there are none)."""
    ratings = [r for r in ratings if r]
    if not ratings:
        return None
    return max(ratings, key=lambda r: SEVERITY[r])


def parse_rag(text: str) -> str | None:
    """A RAG from a user's word, case-insensitively ('Red', 'r', 'AMBER'...); None if unknown."""
    word = (text or "").strip().lower()
    for value, label in RAG.choices:
        if word in {value, label.lower(), value[0]} and not (word == "g" and value == RAG.GREY):
            return value
    return None
