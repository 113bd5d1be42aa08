"""Remove a record with a reason, and undo it, with the trace kept in its history.

A removal deletes the row (so no list, page, report or API can show it: querysets stay
simple) after django-simple-history has written its last state with who removed it, when,
and the reason (``history_change_reason``). Undo puts the row back from that history record,
with the same id. Apps register the kinds officers may remove (``register``), each with the
permission that guards it; core imports no app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, models, transaction


@dataclass(frozen=True)
class RemovableKind:
    slug: str  # in the URL: "risk", "minute-item"
    model: type[models.Model]
    permission: str  # the rule in send_portal/core/permissions.py that guards it
    noun: str  # "risk or issue"
    back_url: Callable[[models.Model], str]  # where to go afterwards (from the record)


KINDS: dict[str, RemovableKind] = {}


def register(slug: str, model, *, permission: str, noun: str, back_url) -> None:
    KINDS[slug] = RemovableKind(slug, model, permission, noun, back_url)


def kind_for_model(model) -> RemovableKind | None:
    return next((k for k in KINDS.values() if k.model is model), None)


class CannotRestore(Exception):
    pass


@transaction.atomic
def record_remove(*, kind: RemovableKind, record: models.Model, reason: str, by) -> str:
    """Remove ``record``; its history keeps who, when and why. Returns the page to go back to."""
    back = kind.back_url(record)
    record._history_user = by
    record._change_reason = reason.strip()[:100]
    record.delete()
    return back


def removal_record(kind: RemovableKind, pk: int):
    """The history record of the record's removal (the latest), or ``None``."""
    return (
        kind.model.history.filter(**{kind.model._meta.pk.attname: pk}, history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    )


@transaction.atomic
def record_restore(*, kind: RemovableKind, pk: int, by) -> models.Model:
    """Put a removed record back as it was, with the same id."""
    if kind.model._base_manager.filter(pk=pk).exists():
        raise CannotRestore(f"This {kind.noun} is not removed: there is nothing to undo")
    removed = removal_record(kind, pk)
    if removed is None:
        raise CannotRestore(f"There is no removed {kind.noun} with that number")
    record = removed.instance
    record._history_user = by
    record._change_reason = "Removal undone"
    try:
        with transaction.atomic():
            record.save(force_insert=True)
    except IntegrityError as exc:
        raise CannotRestore(
            f"This {kind.noun} cannot be put back: what it belonged to has been removed too"
        ) from exc
    return record
