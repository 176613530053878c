from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from occupy.web.backups import BackupError, back_up


class Command(BaseCommand):
    help = (
        "Back up the whole database (DATABASE_URL) to one file: pg_dump's custom format on PostgreSQL, a copy "
        "on SQLite. Restore it with `manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="the file to write (default: occupy-<UTC time>.dump here)")
        parser.add_argument("--database", default="default", help="the DATABASES entry (default: default)")

    def handle(self, *args, **options):
        output = Path(options["output"] or f"occupy-{datetime.now(UTC):%Y%m%d-%H%M%S}.dump")
        try:
            back_up(connections[options["database"]].settings_dict, output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Backed up to {output} ({output.stat().st_size} bytes).")
