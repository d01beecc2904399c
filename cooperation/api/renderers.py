"""Fast JSON (orjson) and CSV renderers."""

from __future__ import annotations

import csv
import functools
import io
from typing import Any

import orjson
from django.utils.functional import Promise
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer

from cooperation.spreadsheet import safe_cell


def _default(value: Any) -> Any:
    # Lazy translations and other objects with a sensible text form (country objects, Decimal).
    if isinstance(value, Promise):
        return str(value)
    if hasattr(value, "__str__"):
        return str(value)
    raise TypeError


class OrjsonRenderer(BaseRenderer):
    media_type = "application/json"
    format = "json"
    charset = None  # orjson emits UTF-8 bytes; a charset parameter would be redundant for JSON

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        return orjson.dumps(data, default=_default, option=orjson.OPT_NON_STR_KEYS)


def _label(item: dict) -> str:
    """A readable cell for one object of a nested list: "Yulia Shapkina (head)", "Belarus", "signature 2025"."""
    for key in ("official", "organisation", "agreement"):
        if isinstance(item.get(key), dict):
            text = _label(item[key])
            return f"{text} ({item['role']})" if item.get("role") else text
    for key in ("name", "title"):
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("en")
        if value:
            return str(value)
    if "kind" in item and isinstance(item.get("date"), dict):
        return f"{item['kind']} {item['date']['date']}"
    if "country" in item:
        return _label(item["country"]) if isinstance(item["country"], dict) else str(item["country"] or "")
    return str(item.get("slug") or item.get("kind") or "")


def _flatten(value: Any, prefix: str, row: dict[str, str]) -> None:
    """Nested objects become dotted columns; lists of objects are joined into one cell ("; ")."""
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, f"{prefix}.{key}" if prefix else key, row)
    elif isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict):
                parts.append(_label(item))
            else:
                parts.append("" if item is None else str(item))
        row[prefix] = safe_cell("; ".join(part for part in parts if part))
    else:
        row[prefix] = "" if value is None else safe_cell(str(value))


def csv_columns(serializer, prefix: str = "") -> list[str]:
    """The columns a record type has, from its declared serializer (the same declaration as the schema), so that
    every page of a list has the same header whatever its records hold (a missing head, an open end date)."""
    columns: list[str] = []
    for name, field in serializer.fields.items():
        key = f"{prefix}{name}"
        if isinstance(field, serializers.ListSerializer):
            columns.append(key)  # a list of objects is one cell of readable labels
        elif isinstance(field, serializers.Serializer):
            columns += csv_columns(field, f"{key}.")
        else:
            schema = getattr(type(field), "_spectacular_annotation", {}).get("field")
            if isinstance(schema, dict) and schema.get("type") == "object" and schema.get("properties"):
                columns += [f"{key}.{sub}" for sub in schema["properties"]]
            else:
                columns.append(key)
    return columns


def _into_columns(row: dict[str, str], columns: dict[str, None]) -> dict[str, str]:
    """A free-form object declared as one column ({"wikidata": "Q184"} under ``identifiers``) stays one cell,
    "wikidata: Q184", so that a record holding keys others lack does not add columns to its page."""
    merged: dict[str, str] = {}
    for key, value in row.items():
        owner = next((c for c in columns if key.startswith(f"{c}.")), None) if key not in columns else None
        if owner is None:
            merged[key] = value
        elif value:
            part = f"{key[len(owner) + 1 :]}: {value}"
            merged[owner] = f"{merged[owner]}; {part}" if merged.get(owner) else part
    return merged


class CsvRenderer(BaseRenderer):
    """One row per record of the page; the cursor links travel in the ``Link`` header instead of the body.

    Columns come from the view's serializer, so they are the same on every page; sync removals (JSON only)
    are not rows."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if isinstance(data, dict) and "results" in data:
            records = data["results"]
        elif isinstance(data, list):
            records = data
        else:
            records = [data]
        rows: list[dict[str, str]] = []
        columns: dict[str, None] = dict.fromkeys(self._declared_columns(renderer_context))
        for record in records:
            if isinstance(record, dict) and "removed" in record:
                continue
            row: dict[str, str] = {}
            _flatten(record, "", row)
            row = _into_columns(row, columns)
            rows.append(row)
            # Keys the declaration does not have: a view without one, or an empty object ("end": null) whose
            # sub-columns are already there.
            extra = [key for key in row if key not in columns and not any(c.startswith(f"{key}.") for c in columns)]
            columns.update(dict.fromkeys(extra))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", restval="")
        writer.writeheader()
        writer.writerows(rows)
        # A BOM so that Excel opens Cyrillic and Arabic as UTF-8.
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")

    @staticmethod
    def _declared_columns(renderer_context) -> list[str]:
        view = (renderer_context or {}).get("view")
        serializer_class = getattr(view, "serializer_class", None)
        if serializer_class is None:
            return []
        return _columns_of(serializer_class)


@functools.cache
def _columns_of(serializer_class) -> list[str]:
    return csv_columns(serializer_class())
