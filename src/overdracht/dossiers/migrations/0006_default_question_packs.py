"""Load the default supplement question packs (editable per school afterwards)."""

from django.db import migrations


def load(apps, schema_editor):
    from overdracht.dossiers.packs import DEFAULT_PACKS

    QuestionPack = apps.get_model("dossiers", "QuestionPack")
    Question = apps.get_model("dossiers", "Question")
    for data in DEFAULT_PACKS:
        pack, created = QuestionPack.objects.get_or_create(
            code=data["code"], school=None,
            defaults={"title": data["title"], "sensitivity": data["sensitivity"]})
        if created:
            Question.objects.bulk_create(
                Question(pack=pack, position=i, text=q["text"], kind=q["kind"],
                         choices=q["choices"])
                for i, q in enumerate(data["questions"], start=1))


def unload(apps, schema_editor):
    apps.get_model("dossiers", "QuestionPack").objects.filter(school=None).delete()


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0005_question_packs")]

    operations = [migrations.RunPython(load, unload)]
