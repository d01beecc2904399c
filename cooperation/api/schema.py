"""OpenAPI descriptions drf-spectacular cannot infer on its own."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class PartnerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "cooperation.api.authentication.PartnerTokenAuthentication"
    name = "partnerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <key>` (or `Bearer <key>`). Keys are created by govex staff in the admin.",
        }


PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details; every 4xx and 5xx answer under /api/ has this body.",
    "required": ["type", "title", "status", "detail", "code"],
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string", "example": "Bad Request", "description": "The HTTP status phrase."},
        "status": {"type": "integer", "example": 400},
        "detail": {"type": "string", "example": "country: Unknown country code(s): XX. Use ISO 3166-1 alpha-2."},
        "code": {"type": "string", "example": "invalid", "description": "Stable, machine-readable."},
        "fields": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "description": "Validation errors by parameter.",
        },
        "retry_after": {"type": "integer", "description": "429 only: seconds to wait."},
    },
}


def add_problem_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: document the one error format on every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
    reference = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            responses.setdefault("4XX", {"description": "Client error (problem details).", "content": reference})
            responses.setdefault("5XX", {"description": "Server error (problem details).", "content": reference})
    return result
