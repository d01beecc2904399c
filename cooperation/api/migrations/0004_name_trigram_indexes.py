"""Trigram (pg_trgm) indexes for the partner API's ``q`` on officials, on PostgreSQL only.

``q`` matches a word anywhere in a name (``cooperation.selectors.text_search_condition``): ``icontains`` on the
canonical name and slug, which PostgreSQL runs as ``UPPER(col::text) LIKE UPPER('%word%')``, and ``contains``
on the name forms' ``normalized`` and ``search_key``, ``col LIKE '%word%'``. A B-tree cannot serve a leading
wildcard; a GIN index with ``gin_trgm_ops`` on exactly those expressions can, so each index below mirrors the
SQL Django writes for its lookup. SQLite (development, tests) has no pg_trgm: the migration does nothing there.

The indexes live here rather than in ``cooperation``'s models because they serve the API's search, and
``Meta.indexes`` would try to create them on SQLite too.
"""

from __future__ import annotations

from django.db import migrations

INDEXES = {
    "official_name_trgm": "cooperation_official USING gin (UPPER(name::text) gin_trgm_ops)",
    "official_slug_trgm": "cooperation_official USING gin (UPPER(slug::text) gin_trgm_ops)",
    "officialname_normalized_trgm": "cooperation_officialname USING gin (normalized gin_trgm_ops)",
    "officialname_search_key_trgm": "cooperation_officialname USING gin (search_key gin_trgm_ops)",
}


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("partner_api", "0003_delete_change"),
        ("cooperation", "0005_identifiers"),
    ]

    operations = [migrations.RunPython(create, drop)]
