from django.urls import path

from . import views

app_name = "inclusion"

urlpatterns = [
    path("inclusion/statement/", views.adopted_statement, name="statement"),
    path("inclusion/versions/", views.version_list, name="version_list"),
    path("inclusion/versions/new/", views.version_create, name="version_create"),
    path("inclusion/versions/compare/", views.version_compare, name="version_compare"),
    path("inclusion/versions/<int:number>/", views.version_detail, name="version_detail"),
    path(
        "inclusion/versions/<int:number>/consultation/",
        views.version_send_for_consultation,
        name="version_send_for_consultation",
    ),
    path("inclusion/versions/<int:number>/adopt/", views.version_adopt, name="version_adopt"),
    path("inclusion/versions/<int:number>/sections/add/", views.section_add, name="section_add"),
    path(
        "inclusion/versions/<int:number>/sections/<int:position>/edit/",
        views.section_edit,
        name="section_edit",
    ),
    path(
        "inclusion/versions/<int:number>/sections/<int:position>/statements/add/",
        views.statement_add,
        name="statement_add",
    ),
    path("inclusion/statements/<int:pk>/edit/", views.statement_edit, name="statement_edit"),
    path("inclusion/consultations/", views.consultation_list, name="consultation_list"),
    path("inclusion/consultations/new/", views.consultation_create, name="consultation_create"),
    path(
        "inclusion/consultations/<slug:slug>/",
        views.consultation_detail,
        name="consultation_detail",
    ),
    path(
        "inclusion/consultations/<slug:slug>/you-said-we-did/",
        views.you_said_we_did,
        name="you_said_we_did",
    ),
    path(
        "inclusion/consultations/<slug:slug>/responses/add/",
        views.response_figure_add,
        name="response_figure_add",
    ),
    path("inclusion/consultations/<slug:slug>/topics/add/", views.topic_add, name="topic_add"),
    path("inclusion/topics/<int:pk>/add/", views.topic_point_add, name="topic_point_add"),
    path("inclusion/topics/<int:pk>/figures/add/", views.topic_figure_add, name="topic_figure_add"),
    path("inclusion/points/<int:pk>/we-did/", views.point_we_did, name="point_we_did"),
    path("inclusion/points/<int:pk>/action/", views.next_step_action, name="next_step_action"),
]
