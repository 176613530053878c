"""Dates and times in the admin are typed and read in the edition's time zone, and every form says which one.

The database keeps UTC (settings.TIME_ZONE); Django's forms show and parse datetimes in the *current* zone, so the
admin views run with the edition's zone activated: the object's edition on a change form (inlines included), the
edition chosen (posted, or `?edition=<pk>`) on an add form, the filtered edition on a change list, and otherwise
the latest edition's. Rows of a change list may belong to editions in different zones, so their datetime columns
and editable cells each use their own row's edition."""

import contextlib
import zoneinfo

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db import models
from django.forms.boundfield import BoundField
from django.utils import formats, timezone
from django.utils.translation import gettext

from occupy.editions.models import Edition


def edition_along(obj, path):
    """The edition reached from obj by a Django lookup path ("" when obj is the edition), or None."""
    for name in path.split("__") if path else []:
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj


def default_zone():
    """The zone of the edition organisers are most likely preparing: the latest real one, or the current one."""
    edition = Edition.objects.latest_real() or Edition.objects.current()
    return edition.tz if edition else timezone.get_default_timezone()


def zone_note(zone):
    return gettext("Times are in %(zone)s, the edition's time zone.") % {"zone": zone.key}


def _override(zone):
    return timezone.override(zone) if zone is not None else contextlib.nullcontext()


def _rendered(response):
    """The admin's pages are template responses, rendered after the view returns: render them while the zone
    is still active."""
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    return response


class ZonedBoundField(BoundField):
    """Renders and compares a row's values in the zone of the row's own edition (a change-list row)."""

    def as_widget(self, *args, **kwargs):
        with _override(self.form.edition_zone()):
            return super().as_widget(*args, **kwargs)

    def _has_changed(self):
        with _override(self.form.edition_zone()):
            return super()._has_changed()


class ZonedRowFormMixin:
    bound_field_class = ZonedBoundField
    edition_path = "edition"

    def edition_zone(self):
        edition = edition_along(self.instance, self.edition_path) if self.instance.pk else None
        return edition.tz if edition is not None else None

    def full_clean(self):
        with _override(self.edition_zone()):
            super().full_clean()


class EditionTimeZoneAdminMixin:
    """For the admin of a model that belongs to an edition (edition_path leads from an object to it)."""

    edition_path = "edition"

    # Which zone applies to this request
    def edition_from_data(self, data):
        """The edition chosen in the submitted form or the query string (an add form), or None."""
        pk = data.get(self.edition_path or "edition", "")
        if not pk.isdecimal():
            return None
        return Edition.objects.filter(pk=pk).first()

    def zone_from_data(self, data):
        edition = self.edition_from_data(data)
        return edition.tz if edition is not None else None

    def zone_for_form(self, request, object_id):
        zone = self.zone_from_data(request.POST) if request.method == "POST" else None
        if zone is None and object_id:
            obj = self.get_object(request, unquote(object_id))
            edition = edition_along(obj, self.edition_path) if obj is not None else None
            zone = edition.tz if edition is not None else None
        return zone or self.zone_from_data(request.GET) or default_zone()

    def zone_for_list(self, request):
        for key, value in request.GET.items():
            if key.endswith("edition__id__exact") and value.isdecimal():
                edition = Edition.objects.filter(pk=value).first()
                if edition is not None:
                    return edition.tz
        return default_zone()

    # Views
    change_form_template = "admin/editions/zoned_change_form.html"

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        request.edition_zone = self.zone_for_form(request, object_id)
        # Said at the top too: read-only times and the inlines' have no help text of their own.
        extra_context = {"edition_zone_note": zone_note(request.edition_zone), **(extra_context or {})}
        with timezone.override(request.edition_zone):
            return _rendered(super().changeform_view(request, object_id, form_url, extra_context))

    def changelist_view(self, request, extra_context=None):
        with timezone.override(self.zone_for_list(request)):
            return _rendered(super().changelist_view(request, extra_context))

    # Forms say which zone they are in
    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        zone = getattr(request, "edition_zone", None)
        if zone is not None:
            note = zone_note(zone)
            for field in form.base_fields.values():
                if isinstance(field, forms.DateTimeField | forms.SplitDateTimeField):
                    field.help_text = f"{field.help_text} {note}".strip()
        return form

    def get_changelist_form(self, request, **kwargs):
        # The base form is extended before the admin builds its form class from it: extending the built class
        # would build its fields again, querying the editable columns' choices a second time.
        form = kwargs.get("form", forms.ModelForm)
        kwargs["form"] = type(form.__name__, (ZonedRowFormMixin, form), {"edition_path": self.edition_path})
        return super().get_changelist_form(request, **kwargs)

    # Datetime columns of the change list, each in its row's edition's zone
    def get_list_display(self, request):
        editable = set(self.list_editable)
        columns = []
        for name in super().get_list_display(request):
            field = self._datetime_field(name) if isinstance(name, str) and name not in editable else None
            columns.append(self._zoned_column(field) if field is not None else name)
        return columns

    def _datetime_field(self, name):
        try:
            field = self.model._meta.get_field(name)
        except Exception:  # a method or an admin attribute, not a model field
            return None
        return field if isinstance(field, models.DateTimeField) else None

    def _zoned_column(self, field):
        path = self.edition_path

        @admin.display(description=field.verbose_name, ordering=field.name)
        def column(obj):
            value = getattr(obj, field.name)
            if value is None:
                return None
            edition = edition_along(obj, path)
            zone = edition.tz if edition is not None else timezone.get_current_timezone()
            local = value.astimezone(zone)
            return f"{formats.localize(local)} ({local.tzname()})"

        column.__name__ = field.name
        return column


def zone_named(name):
    """The zone called name, or None when it is not a known zone (the form's own validation says so)."""
    return zoneinfo.ZoneInfo(name) if name in zoneinfo.available_timezones() else None
