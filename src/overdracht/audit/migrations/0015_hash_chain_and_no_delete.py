"""The audit trail becomes a hash chain, and the database refuses DELETE and TRUNCATE of it
as it already refused UPDATE (SQLite and PostgreSQL). Events written before get their links
here, in id order, with the UPDATE trigger lifted for that one step."""

from django.db import migrations, models

from overdracht.audit.chain import CHAINED_FIELDS, GENESIS, event_digest

SQLITE_UPDATE_TRIGGER = """
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent
BEGIN SELECT RAISE(ABORT, 'audit events are immutable'); END;
"""
SQLITE_CREATE = """
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_auditevent
BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END;
"""
SQLITE_DROP = "DROP TRIGGER IF EXISTS audit_event_no_delete;"

POSTGRES_CREATE = """
CREATE OR REPLACE FUNCTION audit_event_refuse_delete() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'audit events cannot be deleted'; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_auditevent
FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_delete();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_auditevent
FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_delete();
"""
POSTGRES_DROP = """
DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_auditevent;
DROP TRIGGER IF EXISTS audit_event_no_delete ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_refuse_delete();
"""


def link_existing(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    table = "audit_auditevent"
    event = apps.get_model("audit", "AuditEvent")
    rows = list(
        event.objects.using(schema_editor.connection.alias)
        .order_by("id")
        .values("id", *CHAINED_FIELDS)
    )
    if not rows:
        return
    if vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {table} DISABLE TRIGGER audit_event_no_update")
    else:
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
    prev = GENESIS
    with schema_editor.connection.cursor() as cursor:
        for row in rows:
            digest = event_digest(prev, row)
            cursor.execute(
                f"UPDATE {table} SET prev_hash = %s, hash = %s WHERE id = %s",  # noqa: S608
                [prev, digest, row["id"]],
            )
            prev = digest
    if vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {table} ENABLE TRIGGER audit_event_no_update")
    else:
        schema_editor.execute(SQLITE_UPDATE_TRIGGER)


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        # SQLite rebuilt the table for the unique hash, and its triggers went with the old
        # table: set both again.
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
        schema_editor.execute(SQLITE_UPDATE_TRIGGER)
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)


class Migration(migrations.Migration):
    atomic = True
    dependencies = [("audit", "0014_meeting_change")]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="occurred_at",
            field=models.DateTimeField(db_index=True),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.RunPython(link_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(max_length=64, unique=True),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
