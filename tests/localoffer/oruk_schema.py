"""Validate feed responses against the vendored Open Referral UK 3.0 schemas (tests/fixtures/oruk).

Each schema file is registered under the URL the profile's OpenAPI file gives it, so the
schemas' relative ``$ref`` ("taxonomy_term.json") resolve inside the registry and nothing is
fetched. Page responses are checked against the OpenAPI ``Page`` with every page field required.
"""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "oruk" / "schema"
BASE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
PAGE_FIELDS = [
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
]


@cache
def registry() -> Registry:
    resources = []
    for path in sorted(ROOT.rglob("*.json")):
        if path.name == "openapi.json":
            continue
        uri = BASE + path.relative_to(ROOT).as_posix()
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((uri, Resource.from_contents(contents, DRAFT202012)))
    return Registry().with_resources(resources)


@cache
def openapi() -> dict:
    return json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))


def _errors(instance, schema: dict) -> list[str]:
    validator = Draft202012Validator(schema, registry=registry(), format_checker=FormatChecker())
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in validator.iter_errors(instance)
    ]


def response_schema(path: str) -> dict:
    """The OpenAPI response schema of ``GET path``, with the Page wrapper made strict."""
    schema = openapi()["paths"][path]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ]
    if "allOf" not in schema:
        return schema
    page = openapi()["components"]["schemas"]["Page"]
    return {
        "type": "object",
        "required": PAGE_FIELDS,
        "properties": {**page["properties"], **schema["properties"]},
        "additionalProperties": False,
    }


def assert_valid(instance, path: str) -> None:
    errors = _errors(instance, response_schema(path))
    assert not errors, f"{len(errors)} errors against {path}:\n" + "\n".join(errors[:20])


def schema_errors(instance, path: str) -> list[str]:
    return _errors(instance, response_schema(path))
