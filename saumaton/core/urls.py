from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.front, name="front"),
    path("home/", views.home, name="home"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("healthz", views.healthz, name="healthz"),
    path("readiness", views.readiness, name="readiness"),
]
