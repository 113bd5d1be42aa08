"""The URLs of the pages in this package. They are inspection pages, named in the
``inspections`` namespace: ``send_portal/urls.py`` serves them with ``inspections/urls.py``'s."""

from django.urls import path

from . import views

urlpatterns = [
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("inspections/weaknesses/<int:pk>/", views.weakness_detail, name="weakness_detail"),
    path(
        "inspections/weaknesses/<int:pk>/readiness/",
        views.weakness_readiness,
        name="weakness_readiness",
    ),
    path(
        "inspections/weaknesses/<int:pk>/readiness.pdf",
        views.weakness_readiness_pdf,
        name="weakness_readiness_pdf",
    ),
]
