from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:organisation_id>/", views.organisation_detail, name="detail"),
    path("area/", views.area, name="area"),
    path("area/staff/", views.staff, name="staff"),
]
