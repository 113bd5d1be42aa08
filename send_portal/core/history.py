"""One selector that turns edit history (django-simple-history) into timeline entries in the
users' words: who, when, and for each field its label, old value → new value.

``history_entries(records)`` takes the history records of one or more records (of any models
with ``history = HistoricalRecords()``), newest or oldest first, and returns entries newest
first; ``templates/includes/_history.html`` shows them.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby

from django.db import models
from django.utils.html import strip_tags

# Bookkeeping, never shown: the edit counter and the times Django keeps itself.
HIDDEN_FIELDS = {"id", "version", "revision", "updated_at", "created_at", "submitted_at"}


@dataclass
class HistoryEntry:
    when: dt.datetime
    who: object  # a User or None (an import, the system)
    subject: str  # "Milestone “Plan agreed”", or "" for the record the page is about
    action: str  # "Created", "Changed", "Removed", "Put back", "History begins"
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (label, old, new)
    record: object = None  # the history record
    reason: str = ""  # why it was removed (or restored)
    restore_url: str = ""  # for a removal that can be undone
    baseline: bool = False  # the record as it stood when its history began (BASELINE_REASON)

    @property
    def removed(self) -> bool:
        return self.action == "Removed"


def _label(model_field: models.Field) -> str:
    name = str(model_field.verbose_name)
    return name[:1].upper() + name[1:]


def display(model_field: models.Field, value) -> str:
    """A stored value as the officer would read it."""
    if value in (None, ""):
        return "(none)"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(model_field, models.ForeignKey):
        related = model_field.related_model
        assert not isinstance(related, str), "a loaded model's relations are resolved"
        target = related._base_manager.filter(pk=value).first()
        return str(getattr(target, "full_name", "") or target) if target else "(removed)"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.datetime):
        return f"{value:%-d %B %Y, %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%-d %B %Y}"
    text = strip_tags(str(value)).strip()
    return text if len(text) <= 300 else text[:299] + "…"


def _fields(record) -> list[models.Field]:
    model = record.instance_type
    recorded = {f.attname for f in record._meta.concrete_fields}  # not a history's excluded_fields
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in HIDDEN_FIELDS
        and not isinstance(f, models.GeneratedField)
        and f.attname in recorded
    ]


def _value(record, model_field: models.Field):
    return getattr(record, model_field.attname)


def history_entries(records, *, subject=None) -> list[HistoryEntry]:
    """Entries for the given history records, newest first.

    ``subject(record) -> str`` names the record an entry is about (for a page that shows the
    history of several records); by default entries have no subject.
    """

    def key(record):
        model = record.instance_type
        return model._meta.label, getattr(record, model._meta.pk.attname)

    records = sorted(records, key=key)
    existing = _existing(r for r in records if r.history_type == "-")
    entries = []
    for _key, group in groupby(records, key=key):
        previous = None
        for record in sorted(group, key=lambda r: (r.history_date, r.history_id)):
            name = subject(record) if subject else ""
            if record.history_type == "-":
                entry = HistoryEntry(record.history_date, record.history_user, name, "Removed")
                entry.reason = record.history_change_reason or ""
                entry.restore_url = _restore_url(record, existing)
            elif is_baseline(record) and previous is None:
                entry = HistoryEntry(record.history_date, None, name, "History begins")
                entry.baseline = True
            elif record.history_type == "+" and previous is not None:
                entry = HistoryEntry(record.history_date, record.history_user, name, "Put back")
            elif record.history_type == "+" or previous is None:
                entry = HistoryEntry(record.history_date, record.history_user, name, "Created")
            else:
                entry = HistoryEntry(record.history_date, record.history_user, name, "Changed")
                for model_field in _fields(record):
                    old, new = _value(previous, model_field), _value(record, model_field)
                    if old != new:
                        entry.changes.append(
                            (
                                _label(model_field),
                                display(model_field, old),
                                display(model_field, new),
                            )
                        )
                if not entry.changes and entry.action == "Changed":
                    previous = record
                    continue  # a save that changed nothing is not news
            entry.record = record
            entries.append(entry)
            previous = record
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def history_of(*querysets_or_records, subject=None) -> list[HistoryEntry]:
    """Entries for the history of the given records or history querysets, newest first."""
    records = []
    for item in querysets_or_records:
        if isinstance(item, models.Model):
            item = item.history.all()  # type: ignore[attr-defined]  # django-simple-history
        records.extend(item.select_related("history_user"))
    return history_entries(records, subject=subject)


def _cascade_parents(model):
    """The foreign keys whose record's removal removes a ``model`` row with it."""
    for model_field in model._meta.concrete_fields:
        cascades = getattr(model_field.remote_field, "on_delete", None) is models.CASCADE
        if isinstance(model_field, models.ForeignKey) and cascades:
            yield model_field


def _existing(removals) -> set[tuple[type, object]]:
    """``(model, pk)`` of the removed records that are back and of the records they belong to
    that exist: one query a model, however many removals a page lists."""
    from send_portal.core.removal import kind_for_model

    wanted: dict[type, set] = {}
    for record in removals:
        model = record.instance_type
        if kind_for_model(model) is None:
            continue
        wanted.setdefault(model, set()).add(getattr(record, model._meta.pk.attname))
        for model_field in _cascade_parents(model):
            value = getattr(record, model_field.attname)
            if value is not None:
                wanted.setdefault(model_field.related_model, set()).add(value)
    return {
        (model, pk)
        for model, pks in wanted.items()
        for pk in model._base_manager.filter(pk__in=pks).values_list("pk", flat=True)  # type: ignore[attr-defined]
    }


def _restore_url(record, existing: set) -> str:
    """Undo for a removal, when the record is not back already and its kind can be restored."""
    from django.urls import reverse

    from send_portal.core.removal import kind_for_model

    kind = kind_for_model(record.instance_type)
    if kind is None:
        return ""
    pk = getattr(record, record.instance_type._meta.pk.attname)
    if (kind.model, pk) in existing:
        return ""
    for model_field in _cascade_parents(record.instance_type):
        value = getattr(record, model_field.attname)
        if value is not None and (model_field.related_model, value) not in existing:
            return ""  # removed with what it belongs to: undoing that removal puts it back
    return reverse("record_restore", kwargs={"kind": kind.slug, "pk": pk})


# The change reason of a baseline row: the record as it stood when its history began.
BASELINE_REASON = "History begins"
_HISTORY_BOOKKEEPING = {
    "history_id",
    "history_date",
    "history_change_reason",
    "history_type",
    "history_user",
    "m2m_history_id",
    "history",
}


def is_baseline(record) -> bool:
    """A history row written for a record that existed before its model kept history."""
    return record.history_type == "+" and record.history_change_reason == BASELINE_REASON


def write_history_baselines(apps, app_label: str, *, when=None, batch_size: int = 1000) -> dict:
    """For every record of ``app_label`` whose model keeps history but which has no history
    row (it was saved before history was added to its model, or by a bulk write), write one
    "+" row holding its values now, with the change reason ``BASELINE_REASON``, no user, and
    the date ``when`` (now by default); and the rows of its many-to-many fields that keep
    history. A record with any history row already is left alone, so running it twice writes
    nothing the second time. ``apps`` is a migration's app registry or ``django.apps.apps``.
    Returns the number of rows written per model name."""
    from django.utils import timezone

    when = when or timezone.now()
    written = {}
    for model in apps.get_app_config(app_label).get_models():
        name = model._meta.object_name
        if name.startswith("Historical"):
            continue
        try:
            historical = apps.get_model(app_label, f"Historical{name}")
        except LookupError:
            continue  # a model without history
        pk = model._meta.pk.attname
        copied = [
            f.attname
            for f in historical._meta.concrete_fields
            if f.name not in _HISTORY_BOOKKEEPING
        ]
        m2m = []
        for m2m_field in model._meta.many_to_many:
            try:
                m2m_history = apps.get_model(app_label, f"Historical{name}_{m2m_field.name}")
            except LookupError:
                continue
            m2m.append((m2m_field, m2m_history))
        missing = model._base_manager.exclude(
            **{f"{pk}__in": historical._base_manager.values(pk)}
        ).order_by(pk)
        count = 0
        batch: list = []
        for record in missing.iterator(chunk_size=batch_size):
            batch.append(
                historical(
                    **{f: getattr(record, f) for f in copied},
                    history_date=when,
                    history_type="+",
                    history_change_reason=BASELINE_REASON,
                    history_user_id=None,
                )
            )
            count += 1
            if len(batch) >= batch_size:
                _save_baselines(historical, m2m, batch, pk=pk, batch_size=batch_size)
                batch = []
        if batch:
            _save_baselines(historical, m2m, batch, pk=pk, batch_size=batch_size)
        if count:
            written[name] = count
    return written


def _save_baselines(historical, m2m, batch: list, *, pk: str, batch_size: int) -> None:
    """Save a batch of baseline rows, and for each many-to-many field that keeps history, the
    links each record has now (as rows of that field's history, pointing at the baseline)."""
    rows = historical._base_manager.bulk_create(batch)
    by_pk = {getattr(row, pk): row for row in rows}
    for m2m_field, m2m_history in m2m:
        through = m2m_field.remote_field.through
        source = m2m_field.m2m_field_name()  # the through model's link to the record
        fields = [
            f.attname
            for f in m2m_history._meta.concrete_fields
            if f.name not in _HISTORY_BOOKKEEPING
        ]
        links = through._base_manager.filter(**{f"{source}_id__in": list(by_pk)})
        m2m_history._base_manager.bulk_create(
            [
                m2m_history(
                    history=by_pk[getattr(link, f"{source}_id")],
                    **{f: getattr(link, f) for f in fields},
                )
                for link in links
            ],
            batch_size=batch_size,
        )


def removed_history(history, *, subject=None) -> list[HistoryEntry]:
    """The removals, among ``history`` (a history queryset), of the records still removed, the
    latest of each, newest first: for the page they were on, with the undo where it can be."""
    model = history.model.instance_type
    pk_name = model._meta.pk.attname
    gone = history.filter(history_type="-").exclude(
        **{f"{pk_name}__in": model._base_manager.values("pk")}
    )
    latest: dict = {}
    for record in gone.select_related("history_user"):
        pk = getattr(record, pk_name)
        if pk not in latest or (record.history_date, record.history_id) > (
            latest[pk].history_date,
            latest[pk].history_id,
        ):
            latest[pk] = record
    return history_entries(list(latest.values()), subject=subject)
