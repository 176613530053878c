from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count, Q

from occupy.demo.practices import load_sample_practices, load_true_practices
from occupy.demo.sample import grow_programme, load_sample
from occupy.demo.seed import load_seed
from occupy.editions.models import Edition
from occupy.web.pagecache import bump_version


class Command(BaseCommand):
    help = (
        "Load the true content: both editions as the organiser's texts describe them, and nothing else. "
        "With --sample, also the sample edition: invented, labelled as such, dated a few weeks from today, with "
        "open registration. Loading twice changes nothing (on a later day, it moves the sample edition's dates)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sample",
            action="store_true",
            help="Also load the sample edition (demo data), which the home page then leads to.",
        )
        parser.add_argument(
            "--programme-size",
            type=int,
            metavar="N",
            help="Grow the sample edition's programme to N sessions (for benchmarks); needs --sample.",
        )

    def handle(self, *args, sample=False, programme_size=None, **options):
        if programme_size is not None and not 1 <= programme_size <= 100_000:
            raise CommandError("--programme-size must be between 1 and 100000.")
        if programme_size is not None and not sample:
            raise CommandError("--programme-size grows the sample edition: add --sample.")
        with transaction.atomic():
            editions = list(load_seed().values())
            load_true_practices()
            added = 0
            if sample:
                sample_edition = load_sample()
                editions.append(sample_edition)
                if programme_size:
                    added = grow_programme(sample_edition, sessions=programme_size)
                load_sample_practices(sample_edition)
            # The bulk writes send no signals: invalidate cached pages once, for everything.
            bump_version()
        for edition in Edition.objects.filter(pk__in=[e.pk for e in editions]).order_by("year"):
            self.stdout.write(self._summary(edition))
        if added:
            self.stdout.write(f"Grew the programme of {sample_edition} by {added} sessions.")

    def _summary(self, edition) -> str:
        if not edition.programme_is_complete:
            return f"{edition}: the true content, its programme published elsewhere."
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
