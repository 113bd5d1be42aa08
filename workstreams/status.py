"""Action status, in the words of Surrey's WSoA summary (seed 003), and the progress summary."""

from collections import Counter
from collections.abc import Iterable, Mapping

from django.db import models


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Action not started"
    BEHIND = "underway_behind", "Action underway (but behind target)"
    ON_TARGET = "underway_on_target", "Action underway (on target)"
    COMPLETED = "completed", "Completed"


# The words people write in spreadsheets, normalised (lower case, letters and digits only).
_STATUS_WORDS: dict[str, str] = {
    "not started": ActionStatus.NOT_STARTED,
    "action not started": ActionStatus.NOT_STARTED,
    "underway behind target": ActionStatus.BEHIND,
    "action underway behind target": ActionStatus.BEHIND,
    "action underway but behind target": ActionStatus.BEHIND,
    "underway but behind target": ActionStatus.BEHIND,
    "behind target": ActionStatus.BEHIND,
    "underway on target": ActionStatus.ON_TARGET,
    "action underway on target": ActionStatus.ON_TARGET,
    "on target": ActionStatus.ON_TARGET,
    "completed": ActionStatus.COMPLETED,
    "complete": ActionStatus.COMPLETED,
}


def progress_summary(statuses: Iterable[str] | Mapping[str, int]) -> list[tuple[str, int]]:
    """Counts per status in seed 003's words and order ("Action not started 0, ...").

    ``statuses``: each action's status, or a count per status.
    """
    counts = statuses if isinstance(statuses, Mapping) else Counter(statuses)
    return [(label, int(counts.get(value) or 0)) for value, label in ActionStatus.choices]


def _normalise(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in (text or "").lower()).split())


def parse_status(text: str) -> str | None:
    """A status from a user's words, case-insensitively ("Underway – on target",
    "Action underway (but behind target)", "completed"); None if not recognised."""
    word = _normalise(text)
    for value in ActionStatus.values:
        if word == _normalise(value):
            return value
    return _STATUS_WORDS.get(word)
