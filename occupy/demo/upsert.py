"""Idempotent writes for the demo content: rows are found by a stable key and written only when they differ,
so loading the demo twice leaves every row (and every `auto_now` timestamp) as it was."""

from collections.abc import Callable, Hashable, Iterable

from django.db import models

BATCH_SIZE = 500


def _prepared(model: type[models.Model], name: str, value):
    field = model._meta.get_field(name)
    if isinstance(value, models.Model):
        value = value.pk
    elif field.is_relation:
        return value
    return field.get_prep_value(field.to_python(value)) if value is not None else None


def _current(obj: models.Model, name: str):
    field = obj._meta.get_field(name)
    value = getattr(obj, field.attname)
    if field.is_relation:
        return value
    return field.get_prep_value(value) if value is not None else None


def upsert(model: type[models.Model], *, lookup: dict, values: dict) -> tuple[models.Model, bool]:
    """Like `update_or_create`, but saves only when a value differs. Returns (object, written).

    Side effect: a save sends post_save, which bumps the page-cache version.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), True
    changed = [name for name, value in values.items() if _current(obj, name) != _prepared(model, name, value)]
    if not changed:
        return obj, False
    for name in changed:
        setattr(obj, name, values[name])
    obj.save(update_fields=changed)
    return obj, True


def sync_rows(
    existing: Iterable[models.Model],
    planned: list[models.Model],
    *,
    key: Callable[[models.Model], Hashable],
    fields: list[str],
) -> tuple[int, int]:
    """Bulk-create the planned rows whose key is missing from `existing` and bulk-update the ones whose
    `fields` differ. Rows in `existing` that are not planned are left alone. Returns (created, updated).

    No signals are sent: the caller bumps the page-cache version once at the end.
    """
    if not planned:
        return 0, 0
    model = type(planned[0])
    by_key = {key(obj): obj for obj in existing}
    to_create, to_update = [], []
    for obj in planned:
        found = by_key.get(key(obj))
        if found is None:
            to_create.append(obj)
        elif any(_current(found, name) != _current(obj, name) for name in fields):
            obj.pk = found.pk
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update:
        model.objects.bulk_update(to_update, fields, batch_size=BATCH_SIZE)
    return len(to_create), len(to_update)
