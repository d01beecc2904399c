"""Every record gets a permanent opaque id beside its slug.

Existing rows get the id derived from their slug (``stable_uid``, as the fixtures carry), so a database loaded
from the fixtures before this migration and one loaded after hold the same ids.
"""

import uuid

from django.db import migrations, models

RECORDS = [
    "agreement",
    "delegation",
    "event",
    "official",
    "organisation",
    "sourcedocument",
    "topic",
    "trainingprogramme",
]
HISTORIES = [name for name in RECORDS if name != "topic"]


def backfill(apps, schema_editor):
    for name in RECORDS:
        model = apps.get_model("cooperation", name)
        rows = [
            model(pk=pk, uid=uuid.uuid5(uuid.NAMESPACE_URL, f"govex:cooperation.{name}:{slug}"))
            for pk, slug in model.objects.values_list("pk", "slug")
        ]
        model.objects.bulk_update(rows, ["uid"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0003_change")]

    operations = [
        *[
            migrations.AddField(name, "uid", models.UUIDField(null=True, editable=False, verbose_name="permanent id"))
            for name in RECORDS
        ],
        migrations.AddField(
            "change", "record_uid", models.UUIDField(blank=True, null=True, verbose_name="permanent id of the record")
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=False),
        *[
            migrations.AlterField(
                name,
                "uid",
                models.UUIDField(default=uuid.uuid4, unique=True, editable=False, verbose_name="permanent id"),
            )
            for name in RECORDS
        ],
        *[
            migrations.AddField(
                f"historical{name}",
                "uid",
                models.UUIDField(db_index=True, default=uuid.uuid4, editable=False, verbose_name="permanent id"),
            )
            for name in HISTORIES
        ],
    ]
