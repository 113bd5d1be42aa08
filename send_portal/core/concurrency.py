"""Two officers editing one record: a version check on save, and a merge when it is refused.

Every record officers edit has a ``version`` (a whole number that goes up on each save). An
edit form built with ``VersionedFormMixin`` carries that number and a signed snapshot of the
values it was shown with (``base``). ``save_versioned`` runs the save only if the record is
still at that version (the row is locked, so two saves at once cannot both pass) and raises
``VersionConflict`` otherwise.

When a save is refused, ``merge_after_conflict`` builds the form shown again: for each field
the other person's saved value where this person did not change it, this person's value where
they did, and, where both changed it to different values, this person's value with a message
showing theirs, so the officer chooses. Nothing either of them typed is lost or reverted.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django import forms
from django.core import signing
from django.db import models, transaction
from django.db.models import F
from django.http import QueryDict
from django.utils.html import strip_tags

VERSION_HELP = "Increases on every save; refuses a save based on an old copy."
_SALT = "send_portal.core.concurrency.base"
_NOT_FORM_FIELDS = {"version", "base"}


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class VersionConflict(Exception):
    """The record changed after the form was loaded: nothing was saved."""

    current: models.Model
    changes: list[Change] = field(default_factory=list)
    changed_by: object = None
    changed_at: object = None
    both_changed: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.current._meta.verbose_name} {self.current.pk} changed since it was loaded"


def version_of(record: models.Model) -> int:
    """The record's edit counter (``version``, or the field its model names in VERSION_FIELD)."""
    return getattr(record, getattr(record, "VERSION_FIELD", "version"))


def _last_change(record: models.Model) -> tuple[object, object]:
    """Who saved the record last, and when (from its history, where it has one)."""
    history = getattr(record, "history", None)
    if history is None:
        return None, None
    latest = history.select_related("history_user").order_by("-history_id").first()
    if latest is None:
        return None, None
    return latest.history_user, latest.history_date


def normalise(value):
    """A value reduced to plain text (or a sorted list of texts) so values from the database,
    from a form's initial data and from its cleaned data compare equal when they mean the same."""
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, models.QuerySet | list | tuple | set):
        return sorted(str(normalise(v)) for v in value)
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return str(value)


def _display(form_field: forms.Field, norm) -> str:
    """A normalised value as the officer would read it."""
    if norm in ("", []):
        return "(empty)"
    choices = getattr(form_field, "choices", None)
    if choices is not None:
        labels = {str(normalise(getattr(k, "value", k))): str(v) for k, v in choices}
        if isinstance(norm, list):
            return ", ".join(str(labels.get(n, n)) for n in norm)
        return labels.get(norm, norm)
    if isinstance(norm, list):
        return ", ".join(norm)
    if isinstance(form_field, forms.BooleanField):
        return "Yes" if norm else "No"
    try:
        day = dt.date.fromisoformat(norm)
    except ValueError:
        pass
    else:
        return f"{day.day} {day:%B %Y}"
    text = strip_tags(norm)
    return text if len(text) <= 200 else text[:199] + "…"


if TYPE_CHECKING:  # for the type checker the mixin is the form it mixes into
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class VersionedFormMixin(_FormBase):
    """Adds the hidden ``version`` and ``base`` fields to an edit form.

    Pass the record being edited as ``record=`` (a model form's ``instance`` is used when it
    is not given). Put it before ``GDSForm``/``GDSModelForm`` in the bases.
    """

    def __init__(self, *args, record: models.Model | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.record = record if record is not None else getattr(self, "instance", None)
        if self.record is None or self.record.pk is None:
            self.record = None
            return  # a form that adds a record has nothing to check
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, required=False)
        self.fields["base"] = forms.CharField(widget=forms.HiddenInput, required=False)
        if not self.is_bound:
            self.initial["version"] = version_of(self.record)
            self.initial.pop("base", None)
            self.fields["base"].initial = self.snapshot
        helper = getattr(self, "helper", None)
        if helper is not None:
            helper.render_hidden_fields = True  # version and base, wherever the layout ends

    # Hidden fields of a form's own (not values the officer edits): kept out of the snapshot
    # and the merge, and set afresh from the record when a merged form is built.
    unedited_fields: tuple[str, ...] = ()

    def edited_data(self) -> dict:
        """The cleaned values of the fields the officer edits (not ``version`` and ``base``)."""
        skip = _NOT_FORM_FIELDS.union(self.unedited_fields)
        return {k: v for k, v in self.cleaned_data.items() if k not in skip}

    def edited_fields(self) -> list[str]:
        skip = _NOT_FORM_FIELDS.union(self.unedited_fields)
        return [name for name in self.fields if name not in skip]

    def shown_values(self) -> dict:
        """The values an unbound form shows, normalised."""
        return {
            name: normalise(self.get_initial_for_field(self.fields[name], name))
            for name in self.edited_fields()
        }

    def snapshot(self) -> str:
        return signing.dumps(self.shown_values(), salt=_SALT, compress=True)

    def base_values(self) -> dict | None:
        raw = self.data.get(self.add_prefix("base")) if self.is_bound else None
        if not raw:
            return None
        try:
            return signing.loads(raw, salt=_SALT)
        except signing.BadSignature:
            return None

    def expected_version(self) -> int | None:
        data = getattr(self, "cleaned_data", {})
        return data.get("version")


def save_versioned(form: VersionedFormMixin, save, *, model=None, pk=None):
    """``save(form)`` if the record is still at the version the form was loaded with.

    The record's row is locked (``select_for_update``), its version checked and raised by one
    conditional UPDATE, then ``save`` runs, all in one transaction. Raises ``VersionConflict``
    with nothing saved when someone else saved the record in the meantime.
    """
    record = form.record
    model = model or type(record)
    pk = pk if pk is not None else record.pk  # type: ignore[union-attr]  # given with model=
    expected = form.expected_version()
    name = getattr(model, "VERSION_FIELD", "version")
    rows = model._base_manager.filter(pk=pk)
    with transaction.atomic():
        current = rows.select_for_update().get()
        if expected is None or version_of(current) != expected:
            raise VersionConflict(current=current)
        rows.filter(**{name: expected}).update(**{name: F(name) + 1})
        for obj in {id(o): o for o in (record, getattr(form, "instance", None)) if o}.values():
            if isinstance(obj, model) and obj.pk == pk:
                setattr(obj, name, expected + 1)
        result = save(form)
        # A save that wrote back the stale number (an instance loaded before the lock) is put right.
        rows.filter(**{name: expected}).update(**{name: expected + 1})
    return result


def _data_for(form: forms.BaseForm, values: dict) -> QueryDict:
    """Form data (as a browser would post it) that shows ``values``."""
    data = QueryDict(mutable=True)
    for name, value in values.items():
        form_field = form.fields[name]
        key = form.add_prefix(name)
        widget = form_field.widget
        if isinstance(widget, forms.MultiWidget):
            parts = widget.decompress(value) or []
            names = widget.widgets_names  # type: ignore[attr-defined]  # set by MultiWidget
            for suffix, part in zip(names, parts, strict=False):
                data[key + suffix] = "" if part is None else str(part)
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                data[key] = "on"
        elif isinstance(value, models.QuerySet | list | tuple | set):
            data.setlist(key, [str(normalise(v)) for v in value])
        else:
            prepared = form_field.prepare_value(value)
            if isinstance(prepared, dt.date) and not isinstance(prepared, dt.datetime):
                prepared = prepared.isoformat()
            data[key] = "" if prepared is None else str(prepared)
    return data


def merge_after_conflict(mine: VersionedFormMixin, make, conflict: VersionConflict):
    """The form to show again after a refused save (see the module's docstring).

    ``mine`` is the submitted (valid) form; ``make(record, data=None)`` builds a form of the
    same kind for a record (with ``record=record``). Fills in ``conflict.changes`` (what the
    other person changed) and ``conflict.both_changed``.
    """
    theirs = make(conflict.current)
    base = mine.base_values() or {}
    now = theirs.shown_values()
    values = {}
    clashes = []
    for name in mine.edited_fields():
        if name not in theirs.fields:
            continue
        own_value = mine.cleaned_data.get(name)
        own, was = normalise(own_value), base.get(name, now.get(name))
        their_value = theirs.get_initial_for_field(theirs.fields[name], name)
        if name in base and now.get(name) != was:
            label = str(theirs.fields[name].label or name)
            conflict.changes.append(
                Change(
                    label,
                    _display(theirs.fields[name], was),
                    _display(theirs.fields[name], now[name]),
                )
            )
        if own == was:
            values[name] = their_value
        else:
            values[name] = own_value
            if name in base and now.get(name) not in (was, own):
                clashes.append(name)
    conflict.changed_by, conflict.changed_at = _last_change(conflict.current)
    data = _data_for(theirs, values)
    for name in theirs.unedited_fields:
        initial = theirs.get_initial_for_field(theirs.fields[name], name)
        data[theirs.add_prefix(name)] = "" if initial is None else str(initial)
    data[theirs.add_prefix("version")] = str(version_of(conflict.current))
    data[theirs.add_prefix("base")] = theirs.snapshot()
    merged = make(conflict.current, data)
    _mark_both_changed(merged, mine, conflict, clashes, now)
    return merged


def _mark_both_changed(merged, mine, conflict: VersionConflict, clashes: list, now: dict) -> None:
    """Each field both people changed gets a message with both values, for a choice."""
    merged.is_valid()
    who = getattr(conflict.changed_by, "full_name", "") or "Someone else"
    for name in clashes:
        form_field = merged.fields[name]
        merged.add_error(
            name,
            f"{who} changed this to “{_display(form_field, normalise(now[name]))}” while you "
            f"were editing. Yours, “{_display(form_field, normalise(mine.cleaned_data.get(name)))}"
            "”, is shown: keep it or change it to theirs, then save",
        )
    conflict.both_changed = clashes


def submit_versioned(form: VersionedFormMixin, make, save):
    """For a view with its own template: ``(result, form to show, conflict or None)``.

    ``save(form)`` runs under ``save_versioned``; when it is refused, the form to show is the
    merged one from ``merge_after_conflict`` and ``result`` is ``None``.
    """
    try:
        return save_versioned(form, save), form, None
    except VersionConflict as conflict:
        return None, merge_after_conflict(form, make, conflict), conflict


def merge_outside_change(mine: VersionedFormMixin, make, conflict: VersionConflict, *, seen, now):
    """The form to show again when a save is refused because another record it would write
    (``conflict.current``) changed since the form was opened: ``seen`` and ``now`` give, by
    field of this form, that record's value then (normalised) and now. As ``merge_after_conflict``:
    the new value where this person left the field as it was, theirs kept with the new value in
    a message where both changed it. ``make(data)`` builds the form from the merged data."""
    data = QueryDict(mutable=True)
    for key in mine.data:
        getlist = getattr(mine.data, "getlist", None)  # a QueryDict, or a dict in tests
        data.setlist(key, getlist(key) if getlist else [mine.data[key]])
    clashes = []
    for name, value in now.items():
        was, current = seen.get(name), normalise(value)
        if was is None or was == current:
            continue
        form_field = mine.fields[name]
        label = str(form_field.label or name)
        conflict.changes.append(
            Change(label, _display(form_field, was), _display(form_field, current))
        )
        own = normalise(mine.cleaned_data.get(name))
        if own == was:
            for key, values in _data_for(mine, {name: value}).lists():
                data.setlist(key, values)
        elif own != current:
            clashes.append(name)
    conflict.changed_by, conflict.changed_at = _last_change(conflict.current)
    merged = make(data)
    _mark_both_changed(merged, mine, conflict, clashes, now)
    return merged
