from django.urls import path

from . import typ, views

app_name = "ecosystem"
urlpatterns = [
    path("catalogue/", views.catalogue_search, name="catalogue"),
    path("catalogue/<int:service_id>/", views.service_detail, name="service"),
    path("services/", views.my_services, name="my_services"),
    path("services/new/", views.service_edit, name="service_new"),
    path("services/<int:service_id>/edit/", views.service_edit, name="service_edit"),
    path("people/<uuid:person_id>/refer/", views.refer, name="refer"),
    path("people/<uuid:person_id>/consents/new/", views.record_consent, name="record_consent"),
    path("people/<uuid:person_id>/multisectoral/", typ.multisectoral, name="multisectoral"),
    path("referrals/", views.queue, name="queue"),
    path("referrals/<int:referral_id>/", views.referral_detail, name="referral"),
    path(
        "referrals/<int:referral_id>/onward/",
        views.refer_onward,
        name="refer_onward",
    ),
    path(
        "referrals/<int:referral_id>/transition/",
        views.referral_transition,
        name="transition",
    ),
    path("me/consents/", views.my_consents, name="my_consents"),
    path("me/consents/new/", views.give_consent, name="give_consent"),
    path(
        "me/consents/<int:consent_id>/withdraw/",
        views.withdraw_consent,
        name="withdraw_consent",
    ),
    path("me/reads/", views.my_reads, name="my_reads"),
]
