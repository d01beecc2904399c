"""The OpenAPI schema validates, describes real responses, and the docs pages work offline."""

from __future__ import annotations

import re

import jsonschema
import pytest
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from cooperation.api import urls as api_urls


@pytest.fixture(scope="module")
def schema():
    GENERATOR_STATS.reset()
    # Only the partner API's own routes: other areas' endpoints are their owners' to document.
    generated = SchemaGenerator(patterns=[*api_urls.urlpatterns], urlconf=None).get_schema(request=None, public=True)
    warnings = dict(GENERATOR_STATS._warn_cache)
    errors = dict(GENERATOR_STATS._error_cache)
    return generated, warnings, errors


def test_the_schema_validates_without_warnings(schema):
    generated, warnings, errors = schema
    validate_schema(generated)  # raises on an invalid OpenAPI 3 document
    assert warnings == {}
    assert errors == {}


def test_every_filter_is_a_documented_parameter(schema):
    generated, _w, _e = schema
    operations = {path: item["get"] for path, item in generated["paths"].items() if "get" in item}
    names = {p["name"] for p in operations["/v1/delegations/"]["parameters"]}
    assert {"origin_country", "host_country", "country", "status", "topic", "official", "organisation", "q",
            "date_from", "date_to", "updated_since", "cursor", "page_size"} <= names  # fmt: skip
    assert {"as_of", "status", "country"} <= {p["name"] for p in operations["/v1/agreements/"]["parameters"]}
    assert "partnerToken" in generated["components"]["securitySchemes"]


def _to_json_schema(node):
    """OpenAPI 3.0 ``nullable`` into JSON Schema, and component references resolved in place."""
    if isinstance(node, dict):
        node = {key: _to_json_schema(value) for key, value in node.items()}
        if node.pop("nullable", False):
            node = {"anyOf": [node, {"type": "null"}]}
        return node
    if isinstance(node, list):
        return [_to_json_schema(item) for item in node]
    return node


@pytest.mark.parametrize(
    ("path", "component"),
    [
        ("/api/v1/delegations/belarus-to-uae-2025/", "Delegation"),
        ("/api/v1/events/meeting-gee-office-2025/", "Event"),
        ("/api/v1/agreements/by-ae-mou-2025/?as_of=2025-11-01", "Agreement"),
        ("/api/v1/officials/yulia-shapkina/?as_of=2025-11-01", "Official"),
        ("/api/v1/organisations/gee-office/", "Organisation"),
        ("/api/v1/topics/digital-government/", "Topic"),
    ],
)
def test_responses_match_the_schema_exactly(api, world, schema, path, component):
    generated, _w, _e = schema
    components = _to_json_schema(generated["components"]["schemas"])
    for definition in components.values():
        if isinstance(definition, dict) and definition.get("type") == "object":
            definition["additionalProperties"] = False  # an undocumented field is a failure too
    document = {"$ref": f"#/components/schemas/{component}", "components": {"schemas": components}}
    jsonschema.validate(api.get(path).json(), document)


@pytest.mark.parametrize("page", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_the_docs_pages_render_without_any_cdn(staff_client, page):
    response = staff_client.get(page)
    assert response.status_code == 200
    html = response.content.decode()
    external = re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", html)
    assert external == []
    assert "/static/drf_spectacular_sidecar/" in html


def test_the_docs_assets_are_served_from_the_app():
    from django.contrib.staticfiles import finders

    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert finders.find("drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js")


def test_the_schema_documents_the_problem_format(anonymous, db):
    import yaml

    schema = yaml.safe_load(anonymous.get("/api/v1/schema/").content)
    assert "detail" in schema["components"]["schemas"]["Problem"]["properties"]
    responses = schema["paths"]["/api/v1/delegations/"]["get"]["responses"]
    assert "application/problem+json" in responses["4XX"]["content"]
