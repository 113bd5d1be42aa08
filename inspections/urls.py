"""The inspections app's own pages, in the ``inspections`` namespace. The inspection's page and
a finding's pages show the programme's answer too, so they live above this app
(``workstreams/findings/urls.py``); ``send_portal/urls.py`` serves both lists as one namespace.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("inspections/", views.inspection_list, name="inspection_list"),
    path(
        "inspections/weaknesses/<int:pk>/indicators/add/",
        views.indicator_add,
        name="indicator_add",
    ),
    path(
        "inspections/weaknesses/<int:pk>/indicators/catalogue/",
        views.indicator_from_catalogue,
        name="indicator_from_catalogue",
    ),
    path(
        "inspections/indicators/<int:pk>/values/official/",
        views.indicator_official_upload,
        name="indicator_official_upload",
    ),
    path("inspections/indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("inspections/indicators/", views.indicator_list, name="indicator_list"),
    path("inspections/indicators/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path(
        "inspections/indicators/<int:pk>/values/add/",
        views.indicator_value_add,
        name="indicator_value_add",
    ),
    path(
        "inspections/indicators/<int:pk>/values/<int:value_pk>/edit/",
        views.indicator_value_edit,
        name="indicator_value_edit",
    ),
    path(
        "inspections/indicators/<int:pk>/values/upload/",
        views.indicator_values_upload,
        name="indicator_values_upload",
    ),
    path(
        "inspections/<int:pk>/judgements/<int:weakness_pk>/",
        views.judgement_edit,
        name="judgement_edit",
    ),
    path(
        "inspections/<int:pk>/engagement-meetings/new/",
        views.engagement_meeting_add,
        name="engagement_meeting_add",
    ),
    path(
        "inspections/statistical-neighbours/",
        views.statistical_neighbours,
        name="statistical_neighbours",
    ),
    path("inspections/milestones/<int:pk>/", views.milestone_edit, name="milestone_edit"),
]
