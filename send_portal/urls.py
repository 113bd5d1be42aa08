from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from inspections import urls as inspection_urls
from send_portal.core.views import admin_sign_in
from workstreams.findings import urls as finding_urls

admin.site.site_header = f"{settings.SERVICE_NAME}: administration"
admin.site.site_title = settings.SERVICE_NAME

urlpatterns = [
    path("admin/login/", admin_sign_in, name="admin_sign_in"),
    path("admin/", admin.site.urls),
    path("", include("send_portal.core.urls")),
    path("", include("send_portal.dashboards.urls")),
    path("", include("workstreams.urls")),
    # One "inspections" namespace: the app's own pages, and the inspection's and its findings'
    # pages, which show the programme's answer and so live in workstreams/findings/.
    path("", include((inspection_urls.urlpatterns + finding_urls.urlpatterns, "inspections"))),
    path("", include("inclusion.urls")),
    path("", include("localoffer.urls")),
    path("", include("workstreams.meetings.urls")),
    path("", include("workstreams.reporting.urls")),
    path("", include("send_portal.search.urls")),
]
