"""(Re)build the renditions of every stored speaker photo and organisation logo, and record their sizes: for
files uploaded before renditions existed, or after the widths change. Safe to run again: the same files result.
An original missing from storage is reported and skipped."""

from django.core.management.base import BaseCommand

from occupy.content.models import Organisation, Project
from occupy.people.models import Person
from occupy.web.images import LOGO, PHOTO, build_renditions


class Command(BaseCommand):
    help = "Rebuild the renditions (srcset sizes) of speakers' photos and organisations' logos."

    def handle(self, *args, **options):
        kinds = [(Person, "photo", PHOTO), (Organisation, "logo", LOGO), (Project, "logo", LOGO)]
        for model, field_name, spec in kinds:
            built = 0
            for instance in model.objects.exclude(**{field_name: ""}).order_by("pk"):
                try:
                    build_renditions(instance=instance, field_name=field_name, spec=spec)
                except (FileNotFoundError, OSError) as exc:
                    self.stderr.write(f"{model.__name__} {instance.pk}: {getattr(instance, field_name).name}: {exc}")
                    continue
                built += 1
            self.stdout.write(f"{model._meta.verbose_name_plural}: {built} rebuilt")
