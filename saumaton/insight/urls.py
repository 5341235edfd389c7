from django.urls import path

from . import views

app_name = "insight"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("municipality/", views.municipality, name="municipality"),
    path("effectiveness/", views.effectiveness, name="effectiveness"),
    path("financing/", views.financing, name="financing"),
    path("financing/upload/", views.kela_upload, name="kela_upload"),
    path("financing/watchlist/", views.watchlist, name="watchlist"),
    path("model-card/", views.model_card, name="model_card"),
    path("definitions/", views.definitions, name="definitions"),
    path("export/<slug:table>.<str:fmt>", views.export_table, name="export"),
]
