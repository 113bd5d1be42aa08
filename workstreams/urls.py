from django.urls import path

from . import views

app_name = "workstreams"

urlpatterns = [
    path("programmes/", views.programme_list, name="programme_list"),
    path("programmes/<slug:slug>/", views.programme_detail, name="programme_detail"),
    path(
        "programmes/<slug:slug>/workstreams/<str:code>/",
        views.workstream_detail,
        name="workstream_detail",
    ),
    path(
        "programmes/<slug:slug>/workstreams/<str:code>/edit/",
        views.workstream_edit,
        name="workstream_edit",
    ),
    path(
        "programmes/<slug:slug>/workstreams/<str:code>/risks/new/",
        views.risk_new,
        name="risk_new",
    ),
    path(
        "programmes/<slug:slug>/workstreams/<str:code>/risks/<int:risk_pk>/edit/",
        views.risk_edit,
        name="risk_edit",
    ),
    path("actions/", views.action_list, name="action_list"),
    path("actions/export.csv", views.action_export, {"fmt": "csv"}, name="action_export_csv"),
    path("actions/export.xlsx", views.action_export, {"fmt": "xlsx"}, name="action_export_xlsx"),
    path("actions/mine/", views.my_actions, name="my_actions"),
    path("actions/import/", views.action_import, name="action_import"),
    path("actions/<int:pk>/", views.action_detail, name="action_detail"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
    path("actions/<int:pk>/status/", views.action_status, name="action_status"),
    path("actions/<int:pk>/updates/new/", views.progress_update_new, name="progress_update_new"),
    path("actions/<int:pk>/milestones/new/", views.milestone_new, name="milestone_new"),
    path(
        "actions/<int:pk>/updates/<int:update_pk>/edit/",
        views.progress_update_edit,
        name="progress_update_edit",
    ),
    path(
        "actions/<int:pk>/milestones/<int:milestone_pk>/edit/",
        views.milestone_edit,
        name="milestone_edit",
    ),
    path(
        "actions/<int:pk>/milestones/<int:milestone_pk>/done/",
        views.milestone_done,
        name="milestone_done",
    ),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/edit/", views.evidence_edit, name="evidence_edit"),
    path(
        "evidence/<int:pk>/removed/",
        views.evidence_download_removed,
        name="evidence_download_removed",
    ),
]
