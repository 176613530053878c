from django.core.management.base import BaseCommand, CommandError

from occupy.editions.models import Edition
from occupy.practices.services import PRACTICE_FORMATS, take_in_sessions


class Command(BaseCommand):
    help = (
        "Make every session of an edition in the practice formats ({}) a practice of the good-practice library, or "
        "bring the practice it already is up to date. Running it twice changes nothing more."
    ).format(", ".join(PRACTICE_FORMATS))

    def add_arguments(self, parser):
        parser.add_argument("edition", help="The edition's slug, e.g. 2022.")

    def handle(self, *args, edition, **options):
        found = Edition.objects.filter(slug=edition).first()
        if found is None:
            raise CommandError(f"There is no edition {edition!r}.")
        created, updated = take_in_sessions(edition=found)
        self.stdout.write(f"{found}: {created} practices created, {updated} updated.")
