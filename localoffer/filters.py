"""The public search: a django-filter FilterSet read from a GET form (works without JavaScript)."""

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q

from send_portal.core.models import Area

from .models import MAX_AGE, MIN_AGE, AreaOfNeed, Category, Service


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
        field_name="needs__slug",
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

    def filter_keyword(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(
                Q(name__icontains=word)
                | Q(description__icontains=word)
                | Q(organisation__name__icontains=word)
            )
        return queryset

    def filter_age(self, queryset, name, value):
        return queryset.filter(min_age__lte=value, max_age__gte=value)

    def filter_area(self, queryset, name, value):
        """Services serving that area, and county-wide services (those naming no area)."""
        return queryset.filter(Q(areas=value) | Q(areas__isnull=True))

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()
