from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("meetings/", views.group_list, name="group_list"),
    path("meetings/groups/new/", views.group_create, name="group_create"),
    path("meetings/groups/<slug:slug>/", views.group_detail, name="group_detail"),
    path("meetings/groups/<slug:slug>/calendar.ics", views.group_ical, name="group_ical"),
    path("meetings/groups/<slug:slug>/new/", views.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/minutes.pdf", views.meeting_pdf, name="meeting_pdf"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/attendees/add/", views.attendee_add, name="attendee_add"),
    path(
        "meetings/<int:pk>/attendees/<int:attendee_pk>/remove/",
        views.attendee_remove,
        name="attendee_remove",
    ),
    path("meetings/<int:pk>/items/add/", views.item_add, name="item_add"),
    path("meetings/<int:pk>/items/<int:number>/edit/", views.item_edit, name="item_edit"),
    path("meetings/<int:pk>/decisions/add/", views.decision_add, name="decision_add"),
    path(
        "meetings/<int:pk>/decisions/<int:decision_pk>/edit/",
        views.decision_edit,
        name="decision_edit",
    ),
    path("meetings/<int:pk>/actions/add/", views.action_add, name="action_add"),
    path(
        "meetings/<int:pk>/actions/<int:action_pk>/done/",
        views.action_toggle_done,
        name="action_toggle_done",
    ),
    path("meetings/<int:pk>/next-steps/add/", views.next_step_add, name="next_step_add"),
    path("meetings/<int:pk>/future-dates/add/", views.future_date_add, name="future_date_add"),
    path("meetings/<int:pk>/publish/", views.meeting_publish, name="meeting_publish"),
    path("decisions/", views.decisions_register, name="decisions"),
    path("account/calendar/", views.calendar_address, name="calendar_address"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
