"""The public search: a django-filter FilterSet read from a GET form (works without JavaScript)."""

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q

from send_portal.core.models import Area

from .models import MAX_AGE, MIN_AGE, AreaOfNeed, Category, Schedule, Service
from .search import search_services


class AgeFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


AGE_MESSAGE = f"Enter the age as a whole number from {MIN_AGE} to {MAX_AGE}"


class ServiceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search by keyword", method="filter_keyword")
    category = django_filters.ModelChoiceFilter(
        label="Category",
        queryset=Category.objects.all(),
        to_field_name="slug",
        field_name="categories",
        empty_label="All categories",
    )
    age = AgeFilter(label="Age of the child or young person", method="filter_age")
    area = django_filters.ModelChoiceFilter(
        label="Where you live",
        queryset=Area.objects.all(),
        to_field_name="slug",
        method="filter_area",
        empty_label="Anywhere in the county",
    )
    need = django_filters.ModelMultipleChoiceFilter(
        label="Area of need",
        queryset=AreaOfNeed.objects.all(),
        to_field_name="slug",
        method="filter_need",
        widget=forms.CheckboxSelectMultiple,
    )
    access = django_filters.ChoiceFilter(
        label="How to get the service",
        choices=[
            ("self-referral", "I can contact the service myself"),
            ("referral", "A referral is needed"),
        ],
        method="filter_access",
        empty_label="Either",
        widget=forms.RadioSelect,
    )
    day = django_filters.MultipleChoiceFilter(
        label="Open on",
        choices=Schedule.Day.choices,
        method="filter_day",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Service
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        age = self.form.fields["age"]
        age.validators = [MinValueValidator(MIN_AGE), MaxValueValidator(MAX_AGE)]
        age.error_messages = {
            "invalid": AGE_MESSAGE,
            "min_value": AGE_MESSAGE,
            "max_value": AGE_MESSAGE,
        }
        self.form.fields["q"].max_length = 200
        self.form.fields["category"].error_messages["invalid_choice"] = "Select a category"
        self.form.fields["area"].error_messages["invalid_choice"] = "Select where you live"
        self.form.fields["need"].error_messages["invalid_choice"] = "Select an area of need"
        self.form.fields["access"].error_messages["invalid_choice"] = (
            "Select how you want to get the service"
        )
        self.form.fields["day"].error_messages["invalid_choice"] = "Select days of the week"

    def filter_keyword(self, queryset, name, value):
        return search_services(queryset, value)

    def filter_need(self, queryset, name, value):
        """Services for any of the chosen needs, and those for every need (naming none)."""
        if not value:
            return queryset
        chosen = Service.objects.filter(needs__in=value).values("pk")
        naming_a_need = Service.objects.filter(needs__isnull=False).values("pk")
        return queryset.filter(Q(pk__in=chosen) | ~Q(pk__in=naming_a_need))

    def filter_access(self, queryset, name, value):
        """ "Myself": services taking self-referrals (or either); "referral": those needing one."""
        if value == "self-referral":
            return queryset.exclude(access=Service.Access.REFERRAL)
        if value == "referral":
            return queryset.exclude(access=Service.Access.SELF_REFERRAL)
        return queryset

    def filter_day(self, queryset, name, value):
        """Services with opening times on any of the chosen days."""
        match = Q()
        for day in value:
            match |= Q(days__contains=day)
        open_then = Schedule.objects.filter(match).values("service_id")
        return queryset.filter(pk__in=open_then)

    def filter_age(self, queryset, name, value):
        return queryset.filter(min_age__lte=value, max_age__gte=value)

    def filter_area(self, queryset, name, value):
        """Services serving that area, and county-wide services (those naming no area)."""
        serving = Service.objects.filter(areas=value).values("pk")
        naming_an_area = Service.objects.filter(areas__isnull=False).values("pk")
        return queryset.filter(Q(pk__in=serving) | ~Q(pk__in=naming_an_area))

    def filter_queryset(self, queryset):
        # Filters are subqueries (never a join that repeats a service), so no DISTINCT is
        # needed, and the search's ranking survives.
        return super().filter_queryset(queryset)
