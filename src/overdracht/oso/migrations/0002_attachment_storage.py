"""Attachments are mostly PDFs and images, already compressed: PostgreSQL need not try."""

from django.db import migrations


def external_storage(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE oso_receivedattachment ALTER COLUMN content SET STORAGE EXTERNAL"
        )


def main_storage(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE oso_receivedattachment ALTER COLUMN content SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [("oso", "0001_initial")]

    operations = [migrations.RunPython(external_storage, main_storage)]
