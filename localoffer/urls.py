from django.urls import path

from . import views

app_name = "localoffer"

P = "local-offer/"

urlpatterns = [
    path(P, views.service_search, name="search"),
    path(P + "services/<slug:slug>/", views.service_detail, name="service"),
    path(P + "shortlist/", views.shortlist_page, name="shortlist"),
    path(P + "shortlist/add/<slug:slug>/", views.shortlist_add, name="shortlist_add"),
    path(P + "shortlist/remove/<slug:slug>/", views.shortlist_remove, name="shortlist_remove"),
    path(P + "feedback/", views.feedback, name="feedback"),
    path(P + "feedback/sent/", views.feedback_sent, name="feedback_sent"),
    path(P + "you-said-we-did/", views.you_said_we_did, name="you_said_we_did"),
    path(P + "api/", views.api_root, name="api_root"),
    path(P + "api/services", views.api_services, name="api_services"),
    path(P + "api/services/<uuid:id>", views.api_service, name="api_service"),
    path(P + "api/taxonomies", views.api_taxonomies, name="api_taxonomies"),
    path(P + "api/taxonomies/<uuid:id>", views.api_taxonomy, name="api_taxonomy"),
    path(P + "api/taxonomy_terms", views.api_taxonomy_terms, name="api_taxonomy_terms"),
    path(P + "api/taxonomy_terms/<uuid:id>", views.api_taxonomy_term, name="api_taxonomy_term"),
    path(P + "manage/", views.manage, name="manage"),
    path(P + "manage/services/new/", views.service_create, name="service_create"),
    path(P + "manage/services/<int:pk>/", views.service_edit, name="service_edit"),
    path(P + "manage/services/<int:pk>/checked/", views.service_assure, name="service_assure"),
    path(P + "manage/services/<int:pk>/contacts/new/", views.contact_create, name="contact_create"),
    path(
        P + "manage/services/<int:pk>/locations/new/",
        views.location_create,
        name="location_create",
    ),
    path(
        P + "manage/services/<int:pk>/schedules/new/",
        views.schedule_create,
        name="schedule_create",
    ),
    path(P + "manage/schedules/<int:pk>/remove/", views.schedule_delete, name="schedule_delete"),
    path(P + "manage/synonyms/", views.synonym_list, name="synonym_list"),
    path(P + "manage/synonyms/new/", views.synonym_create, name="synonym_create"),
    path(P + "manage/synonyms/<int:pk>/", views.synonym_edit, name="synonym_edit"),
    path(P + "manage/synonyms/<int:pk>/remove/", views.synonym_delete, name="synonym_delete"),
    path(P + "manage/contacts/<int:pk>/remove/", views.contact_delete, name="contact_delete"),
    path(P + "manage/locations/<int:pk>/remove/", views.location_delete, name="location_delete"),
    path(P + "manage/import/", views.services_import, name="import"),
    path(P + "manage/feedback/", views.feedback_list, name="feedback_list"),
    path(P + "manage/feedback/<int:pk>/", views.feedback_moderate, name="feedback_moderate"),
    path(P + "sen-reports/", views.sen_reports, name="sen_reports"),
    path(P + "sen-reports/areas/<slug:slug>/", views.sen_reports_area, name="sen_reports_area"),
    path(
        P + "sen-reports/settings/<int:pk>/review/",
        views.sen_review_create,
        name="sen_review_create",
    ),
    path(P + "sen-reports/reviews/<int:pk>/", views.sen_review_detail, name="sen_review"),
    path(P + "sen-reports/reviews/<int:pk>/edit/", views.sen_review_edit, name="sen_review_edit"),
    path(P + "self-evaluation/", views.self_evaluation_list, name="self_evaluations"),
    path(P + "self-evaluation/new/", views.self_evaluation_create, name="self_evaluation_create"),
    path(P + "self-evaluation/<int:year>/", views.self_evaluation_detail, name="self_evaluation"),
    path(
        P + "self-evaluation/<int:year>/edit/",
        views.self_evaluation_edit,
        name="self_evaluation_edit",
    ),
]
