from django.urls import path

from . import views

# Un-namespaced: these names are every role's home and are used across the project.
urlpatterns = [
    path("officer/", views.officer_home, name="officer_home"),
    path("board/", views.board_dashboard, name="board_dashboard"),
    path("areas/<slug:slug>/", views.area_dashboard, name="area_dashboard"),
]
