from django.urls import path

from . import views, views_duplicates, views_profile, views_registration, views_status

app_name = "jobseekers"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("me/", views.me, name="me"),
    path("<uuid:person_id>/", views.person_detail, name="detail"),
    # Registration (380/2023 §27): by a coach, or by the person after strong identification.
    path("register/", views_registration.register, name="register"),
    path("start/", views_registration.start, name="start"),
    path("start/identify/", views_registration.demo_identify, name="demo_identify"),
    # Duplicate records and their merge (unit lead).
    path("duplicates/", views_duplicates.duplicate_list, name="duplicates"),
    path(
        "<uuid:person_id>/merge/<uuid:duplicate_id>/",
        views_duplicates.merge_records,
        name="merge",
    ),
    # The profile, by staff and in self-service.
    path("<uuid:person_id>/profile/", views_profile.profile_edit, name="profile"),
    path(
        "<uuid:person_id>/profile/preferences/",
        views_profile.preferences_edit,
        name="preferences",
    ),
    # Employment-status changes and the end of the job search (380/2023 §28), by staff.
    path("<uuid:person_id>/status/", views_status.status_page, name="status"),
    path("me/profile/", views_profile.my_profile, name="my_profile"),
    path("me/profile/preferences/", views_profile.my_preferences, name="my_preferences"),
]
