from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from occupy.web.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the content of the database (DATABASE_URL) with a backup made by `manage.py backup`. Works on "
        "an empty database too. Stop the app servers and workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup to restore")
        parser.add_argument("--database", default="default", help="the DATABASES entry (default: default)")
        parser.add_argument(
            "--no-input", "--noinput", action="store_false", dest="interactive", help="do not ask for confirmation"
        )

    def handle(self, *args, **options):
        connection = connections[options["database"]]
        name = connection.settings_dict["NAME"]
        if options["interactive"]:
            answer = input(f"This replaces everything in the database {name}. Type 'yes' to go on: ")
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        connection.close()
        try:
            restore(connection.settings_dict, Path(options["file"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored {options['file']} into {name}.")
