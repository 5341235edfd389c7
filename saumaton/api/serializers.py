from rest_framework import serializers

from saumaton.organisations.models import EmploymentArea, Organisation
from saumaton.reference.models import Municipality


class MunicipalitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Municipality
        fields = ["code", "name_fi", "name_sv", "region_code", "region_fi", "region_sv"]


class EmploymentAreaSerializer(serializers.ModelSerializer):
    lead_municipality = serializers.CharField(source="lead_municipality_id")
    municipalities = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")

    class Meta:
        model = EmploymentArea
        fields = [
            "id",
            "code",
            "name",
            "form",
            "lead_municipality",
            "municipalities",
            "official_languages",
        ]


class OrganisationSerializer(serializers.ModelSerializer):
    area = serializers.SlugRelatedField(read_only=True, slug_field="code")

    class Meta:
        model = Organisation
        fields = ["id", "name", "kind", "business_id", "area"]
