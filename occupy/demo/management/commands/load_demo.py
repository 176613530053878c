from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count, Q

from occupy.demo.sample import grow_programme, load_sample
from occupy.demo.seed import load_seed
from occupy.editions.models import Edition
from occupy.web.pagecache import bump_version


class Command(BaseCommand):
    help = (
        "Load the demo content: both editions from the source texts, with a sample programme and sample "
        "registrations. Loading twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--programme-size",
            type=int,
            metavar="N",
            help="Also grow the current edition's programme to N sessions (for benchmarks).",
        )

    def handle(self, *args, programme_size=None, **options):
        if programme_size is not None and not 1 <= programme_size <= 100_000:
            raise CommandError("--programme-size must be between 1 and 100000.")
        with transaction.atomic():
            editions = load_seed()
            load_sample(editions)
            added = 0
            if programme_size:
                added = grow_programme(Edition.objects.current(), sessions=programme_size)
            # The bulk writes send no signals: invalidate cached pages once, for everything.
            bump_version()
        for edition in Edition.objects.filter(slug__in=editions).order_by("year"):
            self.stdout.write(self._summary(edition))
        if added:
            self.stdout.write(f"Grew the programme of {Edition.objects.current()} by {added} sessions.")

    def _summary(self, edition) -> str:
        sessions = edition.sessions.count()
        speakers = edition.sessions.aggregate(
            people=Count("speakers", distinct=True),
            countries=Count("speakers__country", distinct=True, filter=~Q(speakers__country="")),
        )
        participants = edition.registrations.confirmed().count()
        return (
            f"{edition}: {sessions} sessions, {speakers['people']} speakers from {speakers['countries']} "
            f"countries, {participants} confirmed participants."
        )
