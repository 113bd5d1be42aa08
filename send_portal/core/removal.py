"""Remove a record with a reason, and undo it, with the trace kept in its history.

A removal deletes the row (so no list, page, report or API can show it: querysets stay
simple) after django-simple-history has written its last state with who removed it, when,
and the reason (``history_change_reason``). Rows removed with it (a progress update's
evidence, a workstream's actions: the cascade) are written with the same who, the same moment
and the reason. What their histories cannot hold is kept as ``RemovedLink`` rows: the
many-to-many links of every row removed (an action's areas, a service's categories) and the
link of a row without history that pointed at a removed row (a consultation's point at an
action). Rows with history that only pointed at a removed row lose the link in their own
history (a decision at its minute item).

Undo puts the row back from that history record, with the same id, and with it the rows
removed at that same moment because of it (not those removed on their own before), its links
and the links others had to it (unless linked elsewhere since).

A removal is refused, with a plain reason, when Django would refuse the deletion (a protected
relation), when the kind says so (``refuse``: a statement of an adopted version), or when it
would take rows with it that keep no history (undo could not put them back): every model a
registered kind's removal reaches keeps a history (``unrestorable`` is empty; a test checks).

Apps register the kinds officers may remove (``register``), each with the permission that
guards editing it; core imports no app.
"""

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import IntegrityError, models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils import timezone

from .models import RemovedLink


@dataclass(frozen=True)
class RemovableKind:
    slug: str  # in the URL: "risk", "minute-item"
    model: type[models.Model]
    permission: str  # the rule in send_portal/core/permissions.py that guards editing it
    noun: str  # "risk or issue"
    back_url: Callable[[models.Model], str]  # where to go afterwards (from the record)
    # Why this record may not be removed now ("" when it may): a statement of an adopted version.
    refuse: Callable[[models.Model], str] | None = None


KINDS: dict[str, RemovableKind] = {}


def register(slug: str, model, *, permission: str, noun: str, back_url, refuse=None) -> None:
    KINDS[slug] = RemovableKind(slug, model, permission, noun, back_url, refuse)


def kind_for_model(model) -> RemovableKind | None:
    return next((k for k in KINDS.values() if k.model is model), None)


class CannotRemove(Exception):
    pass


class CannotRestore(Exception):
    pass


# The relations a removal follows -----------------------------------------------------------


def has_history(model) -> bool:
    return getattr(model, "history", None) is not None


def _reverse_relations(model) -> Iterator:
    """The foreign keys of other models to ``model`` (hidden ones, ``related_name="+"``, too),
    but many-to-many link tables (``_link_tables``) and histories' own pointers (DO_NOTHING)."""
    for relation in model._meta.get_fields(include_hidden=True):
        if not relation.auto_created or relation.concrete:
            continue
        if not (relation.one_to_many or relation.one_to_one):
            continue
        if relation.related_model._meta.auto_created or relation.on_delete is models.DO_NOTHING:
            continue
        yield relation


def _cascade_children(model) -> list:
    return [r for r in _reverse_relations(model) if r.on_delete is models.CASCADE]


def _set_null_relations(model, *, kept: bool) -> Iterator:
    """The relations whose rows lose their link (SET_NULL) when a ``model`` row is deleted: of
    models that keep a history (``kept``) or not."""
    for relation in _reverse_relations(model):
        if relation.on_delete is models.SET_NULL and has_history(relation.related_model) == kept:
            yield relation


def _link_tables(model) -> Iterator[tuple[type[models.Model], models.Field]]:
    """(link table, its foreign key to ``model``) for every many-to-many of ``model``, on
    either side (an action's areas; the review requests naming a service)."""
    throughs = set()
    for field in model._meta.get_fields(include_hidden=True):
        if field.many_to_many:
            through = field.remote_field.through if field.concrete else field.through
            if through._meta.auto_created:
                throughs.add(through)
    for through in sorted(throughs, key=lambda m: m._meta.label):
        for field in through._meta.concrete_fields:
            if field.is_relation and field.related_model is model:
                yield through, field


def unrestorable(model, _seen: frozenset = frozenset()) -> list[str]:
    """The models that removing a ``model`` row takes with it (the cascade, all the way down)
    and that keep no history, so that undo could not put them back. Empty for every kind."""
    missing = [] if has_history(model) or _seen else [model._meta.label]
    for relation in _cascade_children(model):
        child = relation.related_model
        if child in _seen or child is model:
            continue
        if not has_history(child):
            missing.append(child._meta.label)
        missing += unrestorable(child, _seen | {model})
    return sorted(set(missing))


# Removing ------------------------------------------------------------------------------------


def _plural(model, count: int) -> str:
    """ "3 actions", "1 risk"; "2 items of evidence" for a word without a plural."""
    one, many = str(model._meta.verbose_name), str(model._meta.verbose_name_plural)
    if one == many:
        return f"{count} {'item' if count == 1 else 'items'} of {many}"
    return f"{count} {one if count == 1 else many}"


def _collect(kind: RemovableKind, record: models.Model) -> Collector:
    """What deleting ``record`` would delete, or ``CannotRemove`` saying plainly why not."""
    if kind.refuse is not None and (why := kind.refuse(record)):
        raise CannotRemove(why)
    collector = Collector(using=router.db_for_write(type(record), instance=record), origin=record)
    try:
        collector.collect([record])
    except (ProtectedError, RestrictedError) as exc:
        blocking = list(
            getattr(exc, "protected_objects", None) or getattr(exc, "restricted_objects", [])
        )
        counts = Counter(type(row) for row in blocking)
        what = " and ".join(_plural(model, n) for model, n in counts.items())
        examples = "; ".join(f"“{row}”" for row in blocking[:3])
        verb = "depends" if len(blocking) == 1 else "depend"
        raise CannotRemove(
            f"This {kind.noun} cannot be removed because {what} {verb} on it ({examples}). "
            "Remove those or move them elsewhere first."
        ) from exc
    without_history = [m for m, rows in collector.data.items() if rows and not has_history(m)]
    without_history += [
        qs.model
        for qs in collector.fast_deletes
        if not qs.model._meta.auto_created and not has_history(qs.model) and qs.exists()
    ]
    if without_history:
        names = ", ".join(str(m._meta.verbose_name_plural) for m in without_history)
        raise CannotRemove(
            f"This {kind.noun} cannot be removed here: its {names} could not be put back if "
            "the removal were undone."
        )
    return collector


def removal_check(kind: RemovableKind, record: models.Model) -> tuple[str, list[str]]:
    """(why it cannot be removed, or "", what would be removed with it: "3 actions")."""
    try:
        collector = _collect(kind, record)
    except CannotRemove as exc:
        return str(exc), []
    counts: Counter[type[models.Model]] = Counter()
    for model, rows in collector.data.items():
        counts[model] += sum(1 for row in rows if row is not record)
    return "", [_plural(model, n) for model, n in counts.items() if n]


@transaction.atomic
def record_remove(*, kind: RemovableKind, record: models.Model, reason: str, by) -> str:
    """Remove ``record``; its history keeps who, when and why. Returns the page to go back to."""
    model = type(record)
    if not model._base_manager.select_for_update().filter(pk=record.pk).exists():
        raise CannotRemove(f"This {kind.noun} has been removed already")
    back = kind.back_url(record)
    reason = reason.strip()
    collector = _collect(kind, record)
    now = timezone.now()
    removed = {(type(i), i.pk) for instances in collector.data.values() for i in instances}
    with_it = f"With the {kind.noun}: {reason}"  # the reason of what goes with the record
    for _model, instances in collector.data.items():
        for instance in instances:
            # django-simple-history reads these when it writes each row's removal; one moment
            # for them all is how undo finds what went with the record.
            why = reason if instance is record else with_it
            instance._history_user = by  # type: ignore[attr-defined]
            instance._history_date = now  # type: ignore[attr-defined]
            instance._change_reason = why[:100]  # type: ignore[attr-defined]
            _unlink(instance, by=by, now=now, why=with_it, removed=removed)
    _keep_links(record, collector, now=now, removed=removed)
    collector.delete()
    return back


def _unlink(instance: models.Model, *, by, now, why: str, removed: set) -> None:
    """Rows with a history that only point at ``instance`` (a decision at its minute item)
    lose the link one by one, each change in their history at the removal's moment, so undo
    can link them again (the deletion's own SET_NULL would change them with no trace)."""
    for relation in _set_null_relations(type(instance), kept=True):
        field = relation.field
        for row in relation.related_model._base_manager.filter(**{field.attname: instance.pk}):
            if (type(row), row.pk) in removed:
                continue  # removed too (a decision of a removed meeting): put back as it was
            setattr(row, field.attname, None)
            row._history_user = by
            row._history_date = now
            row._change_reason = why[:100]
            row.save(update_fields=[field.name])


def _keep_links(record: models.Model, collector: Collector, *, now, removed: set) -> None:
    """Keep what the rows' histories cannot: the many-to-many links of every row removed, and
    the links of rows without history to them (which the deletion sets to null)."""
    links: dict[tuple, RemovedLink] = {}

    def keep(table, row_pk, values):
        links[(table._meta.label, row_pk, *sorted(values.items()))] = RemovedLink(
            removed_at=now,
            record=type(record)._meta.label,
            record_pk=str(record.pk),
            table=table._meta.label,
            row_pk=row_pk,
            values=values,
        )

    for model, instances in collector.data.items():
        pks = [instance.pk for instance in instances]
        for through, field in _link_tables(model):
            pk_name = through._meta.pk.attname
            for row in through._base_manager.filter(**{f"{field.attname}__in": pks}).values():
                keep(through, "", {k: v for k, v in row.items() if k != pk_name})
        for relation in _set_null_relations(model, kept=False):
            related, attname = relation.related_model, relation.field.attname
            rows = related._base_manager.filter(**{f"{attname}__in": pks})
            for row_pk, value in rows.values_list("pk", attname):
                if (related, row_pk) not in removed:
                    keep(related, str(row_pk), {attname: value})
    RemovedLink.objects.bulk_create(links.values())


# Undoing -------------------------------------------------------------------------------------


def removal_record(kind: RemovableKind, pk: int):
    """The history record of the record's removal (the latest), or ``None``."""
    return (
        kind.model.history.filter(**{kind.model._meta.pk.attname: pk}, history_type="-")  # type: ignore[attr-defined]
        .order_by("-history_date", "-history_id")
        .first()
    )


@transaction.atomic
def record_restore(*, kind: RemovableKind, pk: int, by) -> models.Model:
    """Put a removed record back as it was, with the same id, with what went with it."""
    if kind.model._base_manager.filter(pk=pk).exists():
        raise CannotRestore(f"This {kind.noun} is not removed: there is nothing to undo")
    removed = removal_record(kind, pk)
    if removed is None:
        raise CannotRestore(f"There is no removed {kind.noun} with that number")
    when = removed.history_date
    record = removed.instance
    rows = [record, *_removed_with(type(record), record.pk, when=when, seen=set())]
    _check_links_out(kind, rows)
    try:
        with transaction.atomic():
            for row in rows:
                row._history_user = by
                row._change_reason = "Removal undone"
                row.save(force_insert=True)
    except IntegrityError as exc:
        if kind.model._base_manager.filter(pk=pk).exists():
            raise CannotRestore(f"This {kind.noun} is back already") from exc
        raise CannotRestore(
            f"This {kind.noun} cannot be put back: another record has taken its place since "
            "(the same number, name or position). Change or remove that one first."
        ) from exc
    for row in rows:
        _link_again(row, when=when, by=by)
    _restore_links(record, when=when)
    return record


def _removed_with(model, pk, *, when, seen: set) -> list[models.Model]:
    """The rows removed with the ``model`` row ``pk`` at ``when`` (the cascade, parents first),
    as they were."""
    rows = []
    for relation in _cascade_children(model):
        child_model = relation.related_model
        if not has_history(child_model):
            continue  # no history: nothing to put back from (a registered kind has none)
        fk = relation.field.attname
        for removed in child_model.history.filter(**{fk: pk}, history_type="-", history_date=when):
            child = removed.instance
            if (child_model, child.pk) in seen:
                continue  # reached by two parents (a decision: its meeting and its item)
            if child_model._base_manager.filter(pk=child.pk).exists():
                continue
            seen.add((child_model, child.pk))
            rows.append(child)
            rows += _removed_with(child_model, child.pk, when=when, seen=seen)
    return rows


def _check_links_out(kind: RemovableKind, rows: list[models.Model]) -> None:
    """The rows being put back point only at rows that exist (or come back with them): a link
    that was allowed to go (SET_NULL: an owner's account deleted since) is left empty; one it
    belongs to (a workstream removed on its own since) refuses the undo, naming it."""
    back = {(type(row), row.pk) for row in rows}
    for model in {type(row) for row in rows}:
        mine = [row for row in rows if type(row) is model]
        for field in model._meta.concrete_fields:
            if not field.is_relation or field.related_model is None:
                continue
            target = field.related_model
            assert not isinstance(target, str), "a loaded model's relations are resolved"
            values = {getattr(row, field.attname) for row in mine} - {None}
            values = {v for v in values if (target, v) not in back}
            if not values:
                continue
            there = set(target._base_manager.filter(pk__in=values).values_list("pk", flat=True))
            for row in mine:
                value = getattr(row, field.attname)
                if value is None or value in there or (target, value) in back:
                    continue
                on_delete = getattr(field.remote_field, "on_delete", None)
                if field.null and on_delete is models.SET_NULL:
                    setattr(row, field.attname, None)
                    continue
                raise CannotRestore(
                    f"This {kind.noun} cannot be put back: the "
                    f"{target._meta.verbose_name} it belonged to has been removed too. "
                    "Undo that removal first."
                )


def _link_again(record: models.Model, *, when, by) -> None:
    """Link again the rows with a history that lost their link to ``record`` at ``when``
    (unless linked elsewhere since)."""
    for relation in _set_null_relations(type(record), kept=True):
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


def _restore_links(record: models.Model, *, when) -> None:
    """Make again the links kept when ``record`` was removed at ``when`` (``_keep_links``):
    each many-to-many link whose two ends exist, each lost link whose row is still unlinked."""
    kept = RemovedLink.objects.filter(
        record=type(record)._meta.label, record_pk=str(record.pk), removed_at=when
    )
    many: dict[tuple, set] = {}
    for link in kept:
        table = apps.get_model(link.table)
        if link.row_pk:
            unlinked = dict.fromkeys(link.values)
            table._base_manager.filter(pk=link.row_pk, **unlinked).update(**link.values)
            continue
        field = _many_to_many_of(table)
        source, target = field.m2m_column_name(), field.m2m_reverse_name()
        many.setdefault((field, link.values[source]), set()).add(link.values[target])
    for (field, source_pk), target_pks in many.items():
        row = field.model._base_manager.filter(pk=source_pk).first()
        targets = field.related_model._base_manager.filter(pk__in=target_pks)
        if row is not None:
            # through the row's own manager, so that a history that keeps its links records them
            getattr(row, field.name).add(*targets.values_list("pk", flat=True))
    kept.delete()


def _many_to_many_of(table) -> models.ManyToManyField:
    """The many-to-many field whose link table ``table`` is (on the model that declares it)."""
    model = table._meta.auto_created
    return next(f for f in model._meta.many_to_many if f.remote_field.through is table)
