from django.urls import path

from . import (
    views_casework,
    views_editing,
    views_employer,
    views_register,
    views_self,
    views_staff,
    views_subsidy,
)

app_name = "employers"
urlpatterns = [
    path("vacancies/", views_staff.vacancy_list, name="vacancies"),
    path("vacancies/import/", views_staff.import_page, name="import"),
    path("vacancies/<uuid:vacancy_id>/", views_staff.vacancy_detail, name="vacancy"),
    path("vacancies/<uuid:vacancy_id>/edit/", views_editing.vacancy_edit, name="vacancy_edit"),
    path(
        "employers/<int:organisation_id>/vacancies/new/",
        views_editing.vacancy_new,
        name="vacancy_new",
    ),
    path(
        "employers/<int:organisation_id>/locations/new/",
        views_register.location_edit,
        name="location_new",
    ),
    path(
        "employers/<int:organisation_id>/locations/<int:location_id>/",
        views_register.location_edit,
        name="location_edit",
    ),
    path(
        "employers/<int:organisation_id>/contacts/new/",
        views_register.contact_edit,
        name="contact_new",
    ),
    path(
        "employers/<int:organisation_id>/contacts/<int:contact_id>/",
        views_register.contact_edit,
        name="contact_edit",
    ),
    path("employers/new/", views_register.employer_new, name="employer_new"),
    path(
        "employers/<int:organisation_id>/edit/",
        views_register.employer_edit,
        name="employer_edit",
    ),
    path("ours/organisation/", views_register.our_organisation, name="our_organisation"),
    path(
        "ours/organisation/<int:organisation_id>/locations/new/",
        views_register.our_location_edit,
        name="our_location_new",
    ),
    path(
        "ours/organisation/<int:organisation_id>/locations/<int:location_id>/",
        views_register.our_location_edit,
        name="our_location_edit",
    ),
    path(
        "ours/organisation/<int:organisation_id>/contacts/new/",
        views_register.our_contact_edit,
        name="our_contact_new",
    ),
    path(
        "ours/organisation/<int:organisation_id>/contacts/<int:contact_id>/",
        views_register.our_contact_edit,
        name="our_contact_edit",
    ),
    path("ours/new/", views_editing.our_vacancy_new, name="our_vacancy_new"),
    path("ours/<uuid:vacancy_id>/edit/", views_editing.our_vacancy_edit, name="our_vacancy_edit"),
    path("vacancies/<uuid:vacancy_id>/status/", views_staff.vacancy_status, name="vacancy_status"),
    path("employers/", views_staff.employer_list, name="employers"),
    path(
        "employers/<int:organisation_id>/contacts/",
        views_staff.contact_log,
        name="contact_log",
    ),
    path("employers/<int:organisation_id>/", views_staff.employer_detail, name="employer"),
    path("people/<uuid:person_id>/assign/", views_casework.assign, name="assign"),
    path(
        "assignments/<uuid:assignment_id>/not-applied/",
        views_casework.not_applied,
        name="not_applied",
    ),
    path("assignments/<uuid:assignment_id>/outcome/", views_casework.outcome, name="outcome"),
    path("me/", views_self.my_jobs, name="my_jobs"),
    path("me/assignments/<uuid:assignment_id>/applied/", views_self.my_applied, name="my_applied"),
    path("me/publication/", views_self.my_publication, name="my_publication"),
    path("ours/", views_employer.our_vacancies, name="our_vacancies"),
    path("ours/<uuid:vacancy_id>/", views_employer.our_vacancy, name="our_vacancy"),
    path(
        "ours/<uuid:vacancy_id>/wage-subsidy/",
        views_subsidy.our_subsidy_apply,
        name="our_subsidy_apply",
    ),
    path("ours/wage-subsidies/", views_subsidy.our_subsidies, name="our_subsidies"),
    path("ours/claims/<int:claim_id>/", views_subsidy.our_claim, name="our_claim"),
    path("wage-subsidies/", views_subsidy.subsidies, name="subsidies"),
    path("wage-subsidies/<uuid:subsidy_id>/", views_subsidy.subsidy, name="subsidy"),
]
