"""Calendar addresses: only the token's hash is kept, and an address ends with "log out
everywhere". Addresses made before were kept in clear: they are removed here, and their
users make a new one (Mijn taken → calendar address)."""

from django.db import migrations, models


def remove_clear_tokens(apps, schema_editor):
    apps.get_model("handovers", "CalendarFeed").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("handovers", "0006_meeting_change")]

    operations = [
        migrations.RunPython(remove_clear_tokens, migrations.RunPython.noop),
        migrations.RemoveField(model_name="calendarfeed", name="token"),
        migrations.AddField(
            model_name="calendarfeed",
            name="token_hash",
            field=models.CharField(max_length=64, unique=True, default=""),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="calendarfeed",
            name="session_generation",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="calendarfeed",
            name="full_names",
            field=models.BooleanField(default=False),
        ),
    ]
