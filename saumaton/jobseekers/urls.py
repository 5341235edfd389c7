from django.urls import path

from . import views

app_name = "jobseekers"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("me/", views.me, name="me"),
    path("<uuid:person_id>/", views.person_detail, name="detail"),
]
