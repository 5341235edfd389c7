from django.urls import include, path
from rest_framework.routers import DefaultRouter

from saumaton.ecosystem import api as ecosystem
from saumaton.employers import api as employers_api
from saumaton.employers import api_register

from . import pathway, views

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("areas", views.AreaViewSet, basename="area")
router.register("municipalities", views.MunicipalityViewSet, basename="municipality")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("persons", pathway.PersonViewSet, basename="person")
router.register("plans", pathway.PlanViewSet, basename="plan")
router.register("meetings", pathway.MeetingViewSet, basename="meeting")
router.register("duty-periods", pathway.DutyPeriodViewSet, basename="duty-period")
router.register("applications", pathway.ApplicationViewSet, basename="application")
router.register("failures", pathway.FailureViewSet, basename="failure")
router.register("statements", pathway.StatementViewSet, basename="statement")
router.register("employers", api_register.EmployerViewSet, basename="employer")
router.register("employer-locations", api_register.LocationViewSet, basename="employer-location")
router.register("employer-contacts", api_register.ContactViewSet, basename="employer-contact")
router.register("vacancies", employers_api.VacancyViewSet, basename="vacancy")
router.register(
    "matching-profiles", employers_api.MatchingProfileViewSet, basename="matching-profile"
)
router.register(
    "assigned-vacancies", employers_api.AssignedVacancyViewSet, basename="assigned-vacancy"
)
router.register("services", ecosystem.ServiceViewSet, basename="service")
router.register("referrals", ecosystem.ReferralViewSet, basename="referral")
router.register("consents", ecosystem.ConsentViewSet, basename="consent")

app_name = "api"
urlpatterns = [
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("v1/rules/eval", views.RulesEvalView.as_view(), name="rules-eval"),
    path("v1/catalogue-feed/", ecosystem.CatalogueFeedView.as_view(), name="catalogue-feed"),
    path("v1/", include(router.urls)),
]
