"""Each school keeps its own dossier of a pupil: sections get their school.

There are no installations yet (see CHANGELOG): sections written before this migration
belonged to no school and are removed.
"""

import django.db.models.deletion
from django.db import migrations, models


def remove_sections_without_school(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("dossiers", "DossierSection").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0006_default_question_packs"),
        ("schools", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(remove_sections_without_school, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="dossiersection", name="dossier_section_once_per_pupil"
        ),
        migrations.AddField(
            model_name="dossiersection",
            name="school",
            field=models.ForeignKey(
                default=None,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="dossier_sections",
                to="schools.school",
            ),
            preserve_default=False,
        ),
    ]
