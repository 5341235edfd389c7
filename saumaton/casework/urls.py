from django.urls import path

from . import self_service, views

app_name = "casework"
urlpatterns = [
    path("queue/", views.work_queue, name="queue"),
    path("calendar/", views.calendar, name="calendar"),
    path("unit/", views.unit_queue, name="unit"),
    path("unit/reassign/", views.reassign, name="reassign"),
    path("people/<uuid:person_id>/meetings/new/", views.book_meeting, name="book_meeting"),
    path("people/<uuid:person_id>/assessment/", views.record_assessment, name="assessment"),
    path("people/<uuid:person_id>/plan/", views.edit_plan, name="plan"),
    path("people/<uuid:person_id>/plan/accept/", views.accept_plan, name="accept_plan"),
    path("people/<uuid:person_id>/plan.pdf", views.plan_document, name="plan_pdf"),
    path("meetings/<uuid:meeting_id>/outcome/", views.meeting_outcome, name="outcome"),
    path("duty/<int:period_id>/evaluate/", views.evaluate_period, name="evaluate"),
    path("failures/<int:failure_id>/valid-reason/", views.valid_reason, name="valid_reason"),
    path("statements/<int:statement_id>/issue/", views.issue_statement, name="issue"),
    path("statements/<int:statement_id>/forward/", views.forward_statement, name="forward"),
    path("statements/<int:statement_id>.pdf", views.statement_document, name="statement_pdf"),
    path("me/applications/", self_service.report_application, name="my_application"),
    path(
        "me/failures/<int:failure_id>/valid-reason/",
        self_service.my_valid_reason,
        name="my_valid_reason",
    ),
]
