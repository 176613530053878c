"""`manage.py remind_speakers`: e-mail accepted speakers who have not confirmed (Celery beat runs it daily)."""

from django.core.management.base import BaseCommand

from occupy.cfp.services.confirmation import REMIND_AFTER_DAYS, remind_speakers


class Command(BaseCommand):
    help = (
        "E-mail each speaker of an accepted contribution who has not confirmed DAYS days after the decision, "
        "at most once every DAYS days."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=REMIND_AFTER_DAYS, help="Default: %(default)s.")

    def handle(self, *args, **options):
        if options["days"] < 1:
            self.stderr.write("--days must be at least 1.")
            return
        reminded = remind_speakers(after_days=options["days"])
        if options["verbosity"] >= 1:
            self.stdout.write(f"{reminded} speakers reminded.")
