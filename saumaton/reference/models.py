"""Reference data: municipalities, postcodes, ISCO-08 and ESCO (see data/PROVENANCE.md).

Keyed by their official codes so a reload updates rows in place and never breaks foreign keys.
"""

from django.db import models
from django.utils import translation


class Municipality(models.Model):
    code = models.CharField(max_length=3, primary_key=True)  # Statistics Finland code
    name_fi = models.CharField(max_length=100)
    name_sv = models.CharField(max_length=100)
    region_code = models.CharField(max_length=8)
    region_fi = models.CharField(max_length=100)
    region_sv = models.CharField(max_length=100)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name_fi"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language (Swedish UI shows Swedish names)."""
        return self.name_sv if translation.get_language() == "sv" else self.name_fi


class Postcode(models.Model):
    postcode = models.CharField(max_length=5, primary_key=True)
    name_fi = models.CharField(max_length=100)
    name_sv = models.CharField(max_length=100)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"{self.postcode} {self.name_fi}"


class IscoGroup(models.Model):
    code = models.CharField(max_length=4, primary_key=True)
    level = models.PositiveSmallIntegerField()
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    label_en = models.CharField(max_length=300)
    label_fi = models.CharField(max_length=300, blank=True)
    description_en = models.TextField(blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.label}"

    @property
    def label(self) -> str:
        return (
            self.label_fi if translation.get_language() == "fi" and self.label_fi else self.label_en
        )


class EscoSkillGroup(models.Model):
    code = models.CharField(max_length=16, primary_key=True)
    label = models.CharField(max_length=300)
    level = models.PositiveSmallIntegerField()
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT)
    top_group = models.CharField(max_length=1)

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


class EscoSkill(models.Model):
    id = models.UUIDField(primary_key=True)
    uri = models.CharField(max_length=200, unique=True)
    preferred_label_en = models.CharField(max_length=300)
    alt_labels_en = models.TextField(blank=True)
    hierarchy = models.CharField(max_length=500, blank=True)
    top_group = models.CharField(max_length=10, blank=True)

    def __str__(self) -> str:
        return self.preferred_label_en


class EscoOccupation(models.Model):
    id = models.UUIDField(primary_key=True)
    uri = models.CharField(max_length=200, unique=True)
    preferred_label_en = models.CharField(max_length=300)
    alt_labels_text_en = models.TextField(blank=True)
    description_en = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.preferred_label_en
