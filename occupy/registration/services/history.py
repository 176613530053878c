"""The admin's history (django_admin_log) of a registration: every entry names the person in its object_repr
(str() of the row: "Ana Popescu (Occupy Library 2022)", "Ana Popescu — Workshop"), so erasure must remove it."""

from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from occupy.registration.models import Registration


def forget_admin_history(*, registration: Registration) -> int:
    """Delete the admin history entries of a registration and of the rows that belong to it (answers, agenda,
    attendance, certificate, e-mails…, found through the model's relations so none is forgotten).

    Call it before those rows are deleted: entries are found by the rows' ids. Returns how many went."""
    rows = Q(content_type=ContentType.objects.get_for_model(Registration), object_id=str(registration.pk))
    for relation in registration._meta.related_objects:
        model = relation.related_model
        ids = model.objects.filter(**{relation.field.name: registration}).values_list("pk", flat=True)
        ids = [str(pk) for pk in ids]
        if ids:
            rows |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=ids)
    # A deletion's entry stays: it names no one (RegistrationAdmin.log_deletions) and says who deleted what.
    deleted, _ = LogEntry.objects.filter(rows).exclude(action_flag=DELETION).delete()
    return deleted
