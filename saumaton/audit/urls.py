from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("", views.index, name="index"),
    path("find/", views.find_person, name="find"),
    path("staff/<int:user_id>/", views.by_staff, name="staff"),
    path("person/<uuid:person_id>/", views.by_person, name="person"),
]
