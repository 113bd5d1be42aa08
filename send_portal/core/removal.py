"""Remove a record with a reason, and undo it, with the trace kept in its history.

A removal deletes the row (so no list, page, report or API can show it: querysets stay
simple) after django-simple-history has written its last state with who removed it, when,
and the reason (``history_change_reason``). Rows removed with it (a progress update's
evidence: the cascade) are written with the same who, the same moment and the reason. Undo
puts the row back from that history record, with the same id, and with it the rows removed at
that same moment because of it (not those removed on their own before). Apps register the kinds officers may remove (``register``), each with the
permission that guards it; core imports no app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, models, router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone


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
    reason = reason.strip()
    collector = Collector(using=router.db_for_write(type(record), instance=record), origin=record)
    collector.collect([record])
    now = timezone.now()
    removed = {(type(i), i.pk) for instances in collector.data.values() for i in instances}
    for _model, instances in collector.data.items():
        for instance in instances:
            # django-simple-history reads these when it writes each row's removal; one moment
            # for them all is how undo finds what went with the record.
            why = reason if instance is record else f"With the {kind.noun}: {reason}"
            instance._history_user = by  # type: ignore[attr-defined]
            instance._history_date = now  # type: ignore[attr-defined]
            instance._change_reason = why[:100]  # type: ignore[attr-defined]
            why = f"With the {kind.noun}: {reason}"
            _unlink(instance, by=by, now=now, why=why, removed=removed)
    collector.delete()
    return back


def _set_null_relations(model):
    """The one-to-many relations whose rows lose their link (SET_NULL) when a ``model`` row is
    deleted, and keep a history to say so."""
    for relation in model._meta.related_objects:
        kept = getattr(relation.related_model, "history", None) is not None
        if relation.one_to_many and relation.on_delete is models.SET_NULL and kept:
            yield relation


def _unlink(instance: models.Model, *, by, now, why: str, removed: set) -> None:
    """Rows that only point at ``instance`` (a decision at its minute item) lose the link one
    by one, each change in their history at the removal's moment, so undo can link them again
    (the deletion's own SET_NULL would change them with no trace)."""
    for relation in _set_null_relations(type(instance)):
        field = relation.field
        for row in relation.related_model._base_manager.filter(**{field.attname: instance.pk}):
            if (type(row), row.pk) in removed:
                continue  # removed too (a decision of a removed meeting): put back as it was
            setattr(row, field.attname, None)
            row._history_user = by
            row._history_date = now
            row._change_reason = why[:100]
            row.save(update_fields=[field.name])


def removal_record(kind: RemovableKind, pk: int):
    """The history record of the record's removal (the latest), or ``None``."""
    return (
        kind.model.history.filter(**{kind.model._meta.pk.attname: pk}, history_type="-")  # type: ignore[attr-defined]
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
    _restore_removed_with(record, when=removed.history_date, by=by)
    return record


def _restore_removed_with(record: models.Model, *, when, by) -> None:
    """Put back the rows that the removal of ``record`` at ``when`` removed with it, and link
    again the rows that lost their link to it then (unless linked elsewhere since)."""
    for relation in _set_null_relations(type(record)):
        field = relation.field
        unlinked = relation.related_model.history.filter(
            history_date=when, history_type="~", **{field.attname: None}
        )
        for change in unlinked:
            before = change.prev_record
            if before is None or getattr(before, field.attname) != record.pk:
                continue
            row = relation.related_model._base_manager.filter(
                pk=change.instance.pk, **{field.attname: None}
            ).first()
            if row is not None:
                setattr(row, field.attname, record.pk)
                row._history_user = by
                row._change_reason = "Removal undone"
                row.save(update_fields=[field.name])
    for relation in type(record)._meta.related_objects:
        if not relation.one_to_many or relation.on_delete is not models.CASCADE:
            continue
        child_model = relation.related_model
        assert not isinstance(child_model, str), "a loaded model's relations are resolved"
        history = getattr(child_model, "history", None)
        if history is None:
            continue  # no history: nothing to put back from
        fk = relation.field.attname
        for removed in history.filter(**{fk: record.pk}, history_type="-", history_date=when):
            child = removed.instance
            if child_model._base_manager.filter(pk=child.pk).exists():
                continue
            child._history_user = by
            child._change_reason = "Removal undone"
            child.save(force_insert=True)
            _restore_removed_with(child, when=when, by=by)
