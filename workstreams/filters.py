"""The action list's filters (django-filter, a GET form)."""

import django_filters
from django import forms
from django.db.models import Q

from send_portal.core.models import Area
from send_portal.core.rag import RAG

from . import selectors
from .models import Action, Programme, Workstream
from .status import ActionStatus


class ActionFilter(django_filters.FilterSet):
    programme = django_filters.ModelChoiceFilter(
        queryset=Programme.objects.all(), empty_label="All programmes"
    )
    workstream = django_filters.ModelChoiceFilter(
        queryset=Workstream.objects.select_related("programme"), empty_label="All workstreams"
    )
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices, empty_label="Any status")
    rag = django_filters.ChoiceFilter(
        label="RAG", choices=RAG.choices, empty_label="Any RAG", field_name="rag"
    )
    owner = django_filters.ModelChoiceFilter(
        queryset=selectors.officers(), empty_label="Anyone", label="Owner"
    )
    area = django_filters.ModelChoiceFilter(
        queryset=Area.objects.all(),
        empty_label="Any area",
        label="Area",
        method="filter_area",
    )
    overdue = django_filters.BooleanFilter(
        label="Overdue only",
        method="filter_overdue",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Action
        fields = ["programme", "workstream", "status", "rag", "owner", "area", "overdue"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["owner"].queryset = selectors.officers()
        self.form.fields["workstream"].label_from_instance = lambda w: (
            f"{w.programme.name}: {w.code} {w.title}"[:120]
        )
        for field in self.form.fields.values():
            if isinstance(field.widget, forms.Select):
                # GOV.UK's select, as wide as the filter column (long names never push the
                # page sideways on a 390 px screen).
                field.widget.attrs["class"] = "govuk-select govuk-!-width-full"

    def filter_area(self, queryset, name, value):
        """Actions touching the area, and the county-wide ones (which touch every area)."""
        if not value:
            return queryset
        through = Action.areas.through.objects
        return queryset.filter(
            Q(pk__in=through.filter(area=value).values("action_id"))
            | ~Q(pk__in=through.values("action_id"))
        )

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(overdue=True) if value else queryset
