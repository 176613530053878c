"""A short check-in code per registration, unique per edition: existing registrations get one each."""

from django.db import migrations, models

import occupy.registration.models.registration


def give_each_registration_a_code(apps, schema_editor):
    Registration = apps.get_model("registration", "Registration")
    taken = set()
    for registration in Registration.objects.only("pk", "edition_id").iterator():
        code = occupy.registration.models.registration.new_short_code()
        while (registration.edition_id, code) in taken:
            code = occupy.registration.models.registration.new_short_code()
        taken.add((registration.edition_id, code))
        Registration.objects.filter(pk=registration.pk).update(short_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0004_new_editions_are_drafts"),
        ("registration", "0008_schedule_change_notices"),
    ]

    operations = [
        # Added empty first: a callable default is evaluated once for all existing rows.
        migrations.AddField(
            model_name="registration",
            name="short_code",
            field=models.CharField(default="", editable=False, max_length=8, verbose_name="check-in code"),
        ),
        migrations.RunPython(give_each_registration_a_code, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="registration",
            name="short_code",
            field=models.CharField(
                default=occupy.registration.models.registration.new_short_code,
                editable=False,
                max_length=8,
                verbose_name="check-in code",
            ),
        ),
        migrations.AddConstraint(
            model_name="registration",
            constraint=models.UniqueConstraint(
                fields=("edition", "short_code"), name="registration_short_code_once_per_edition"
            ),
        ),
    ]
