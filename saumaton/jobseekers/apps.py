from django.apps import AppConfig


class JobseekersConfig(AppConfig):
    name = "saumaton.jobseekers"
    label = "jobseekers"
    verbose_name = "Jobseekers"
