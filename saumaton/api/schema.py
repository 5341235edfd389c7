"""OpenAPI description of the organisation-scoped token, so clients know how to authenticate.

Loaded by ``ApiConfig.ready``: drf-spectacular finds extensions by import.
"""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class OrganisationTokenScheme(OpenApiAuthenticationExtension):
    target_class = "saumaton.api.authentication.OrganisationTokenAuthentication"
    name = "organisationToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": (
                "`Token <prefix>.<secret>` from `saumaton createtoken USERNAME ORGANISATION_ID`; "
                "the request has the rights the user holds in that organisation only."
            ),
        }
