"""`{% public_recording session %}`: the session page's hook for a recording an organiser made public.

The programme's session template loads this library rather than the programme asking the live app for
anything: the programme stays below live (it imports nothing from it), and the only live data a public page ever
gets is a recording marked public, never a stream link."""

from django import template

from occupy.live.queries import public_recording_url

register = template.Library()


@register.inclusion_tag("live/_recording.html")
def public_recording(session):
    return {"recording_url": public_recording_url(session)}
