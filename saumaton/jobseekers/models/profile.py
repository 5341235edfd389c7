"""The jobseeker's profile: what matching and the service-need assessment work from.

380/2023 §27(2): registering requires data on work experience, education, skills and work
ability. Codes come from reference data (ISCO-08 occupations, ESCO skills) so profiles and
vacancies speak one vocabulary.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from saumaton.reference.models import EscoSkill, IscoGroup, Municipality

from .person import Person, PersonRecordQuerySet


class Education(models.Model):
    class Level(models.TextChoices):
        """ISCED 2011 levels, grouped as the service uses them."""

        BASIC = "basic", _("Basic education (ISCED 1–2)")
        UPPER_SECONDARY = "upper_secondary", _("Upper secondary (ISCED 3–4)")
        SHORT_TERTIARY = "short_tertiary", _("Short-cycle tertiary (ISCED 5)")
        BACHELOR = "bachelor", _("Bachelor's or equivalent (ISCED 6)")
        MASTER = "master", _("Master's or equivalent (ISCED 7)")
        DOCTORATE = "doctorate", _("Doctorate (ISCED 8)")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="educations")
    level = models.CharField(_("level"), max_length=32, choices=Level.choices)
    field = models.CharField(_("field"), max_length=200, blank=True)
    degree = models.CharField(_("degree"), max_length=200, blank=True)
    completed_year = models.PositiveSmallIntegerField(_("completed"), null=True, blank=True)

    objects = PersonRecordQuerySet.as_manager()

    def __str__(self) -> str:
        return self.degree or self.get_level_display()


class WorkExperience(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="work_history")
    occupation = models.ForeignKey(
        IscoGroup, on_delete=models.PROTECT, related_name="+", verbose_name=_("occupation")
    )
    employer_name = models.CharField(_("employer"), max_length=200, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-start"]

    def __str__(self) -> str:
        return f"{self.occupation_id} {self.start}"


class PersonSkill(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(EscoSkill, on_delete=models.PROTECT, related_name="+")

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "skill"], name="unique_skill")]

    def __str__(self) -> str:
        return str(self.skill_id)


class LanguageSkill(models.Model):
    class Level(models.TextChoices):
        """Common European Framework of Reference levels; native above C2."""

        A1 = "A1", "A1"
        A2 = "A2", "A2"
        B1 = "B1", "B1"
        B2 = "B2", "B2"
        C1 = "C1", "C1"
        C2 = "C2", "C2"
        NATIVE = "native", _("Native")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=3)  # ISO 639-1
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "language"], name="unique_language")
        ]

    def __str__(self) -> str:
        return f"{self.language} {self.level}"


class Licence(models.Model):
    class Kind(models.TextChoices):
        DRIVING_B = "driving_b", _("Driving licence B")
        DRIVING_C = "driving_c", _("Driving licence C")
        DRIVING_CE = "driving_ce", _("Driving licence CE")
        DRIVING_D = "driving_d", _("Driving licence D")
        HYGIENE_PASSPORT = "hygiene_passport", _("Hygiene passport")
        OCCUPATIONAL_SAFETY = "occupational_safety_card", _("Occupational safety card")
        FIRST_AID = "first_aid", _("First aid certificate")
        HOT_WORK = "hot_work", _("Hot work licence")
        FORKLIFT = "forklift", _("Forklift licence")
        SECURITY_GUARD = "security_guard", _("Security guard card")
        ELECTRICAL_SAFETY = "electrical_safety", _("Electrical safety certificate")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="licences")
    kind = models.CharField(_("licence"), max_length=32, choices=Kind.choices)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    objects = PersonRecordQuerySet.as_manager()

    def __str__(self) -> str:
        return self.get_kind_display()


class WorkAbilityLimitation(models.Model):
    """A coded limitation (``no_X`` excludes a job demand ``X``); health data, 380/2023 §114."""

    class Code(models.TextChoices):
        NO_HEAVY_LIFTING = "no_heavy_lifting", _("No heavy lifting")
        NO_STANDING_WORK = "no_standing_work", _("No prolonged standing")
        NO_NIGHT_SHIFTS = "no_night_shifts", _("No night shifts")
        NO_SHIFT_WORK = "no_shift_work", _("No shift work")
        NO_DRIVING = "no_driving", _("No driving")
        NO_OUTDOOR_WORK = "no_outdoor_work", _("No outdoor work")
        NO_CUSTOMER_WORK = "no_customer_work", _("No customer-facing work")
        NO_SCREEN_WORK = "no_screen_work", _("No prolonged screen work")
        PART_TIME_ONLY = "part_time_only", _("Part-time work only")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="limitations")
    code = models.CharField(_("limitation"), max_length=32, choices=Code.choices)
    source = models.CharField(_("source"), max_length=200, blank=True)  # 380/2023 §114(4)

    objects = PersonRecordQuerySet.as_manager()

    def __str__(self) -> str:
        return self.get_code_display()


class Preferences(models.Model):
    class WorkTime(models.TextChoices):
        FULL_TIME = "full_time", _("Full-time")
        PART_TIME = "part_time", _("Part-time")
        SHIFT = "shift", _("Shift work")
        SEASONAL = "seasonal", _("Seasonal")

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="preferences")
    occupations = models.ManyToManyField(IscoGroup, blank=True, related_name="+")
    municipalities = models.ManyToManyField(Municipality, blank=True, related_name="+")
    max_commute_km = models.PositiveSmallIntegerField(_("maximum commute (km)"), default=40)
    accepts_remote = models.BooleanField(_("accepts remote work"), default=True)
    work_time = models.JSONField(_("working time"), default=list, blank=True)

    objects = PersonRecordQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.max_commute_km} km"
