from django.core.management.base import BaseCommand

from occupy.registration.services.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Delete registrations never confirmed and anonymise those kept past the end of the year after their "
        "edition, as the privacy notice promises (Celery beat runs it daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted and anonymised.")

    def handle(self, *args, dry_run=False, **options):
        report = apply_retention(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {report.deleted} registration(s) never confirmed; "
            f"{'would anonymise' if dry_run else 'anonymised'} {report.anonymised} past their keeping time."
        )
