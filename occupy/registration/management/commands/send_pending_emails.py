"""`manage.py send_pending_emails`: the outbox sweep, for cron where no Celery beat runs (or by hand)."""

import datetime

from django.core.management.base import BaseCommand

from occupy.registration.services.mail import SWEEP_MIN_AGE, send_pending_emails


class Command(BaseCommand):
    help = (
        "Send every participant e-mail still pending (queued, failed, or abandoned by a sender that died), each "
        "exactly once. Safe to run while workers and other sweeps run."
        " Those that fail stay pending for the next run. Prints what it did (-v 0 for silence, e.g. in cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=float,
            default=SWEEP_MIN_AGE.total_seconds(),
            help="Only e-mails queued at least this many seconds ago (default: %(default)s).",
        )

    def handle(self, *args, **options):
        result = send_pending_emails(older_than=datetime.timedelta(seconds=options["older_than"]))
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"{result.sent} sent, {result.failed} failed, {result.skipped} taken by another sender, "
                f"{result.left} left for the next run."
            )
