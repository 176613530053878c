"""The frab/c3voc schedule as XML (validates against the c3voc `schedule.xml.xsd`)."""

import re

from lxml import etree

from occupy.programme.exports.frab import GENERATOR

# Characters XML 1.0 cannot carry at all; an abstract pasted from a word processor may hold some.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return XML_INVALID.sub("", str(value))


def _sub(parent, tag, value=None, **attributes):
    element = etree.SubElement(parent, tag, {key: _text(val) for key, val in attributes.items()})
    if value is not None:
        element.text = _text(value)
    return element


def _references(parent, tag, item_tag, references):
    container = _sub(parent, tag)
    for reference in references:
        _sub(container, item_tag, reference.get("title", ""), href=reference["url"], type=reference["type"])


def _event(parent, event):
    element = _sub(parent, "event", id=event["id"], guid=event["guid"])
    for tag in ("room", "title", "subtitle", "type", "date", "start", "duration", "abstract", "slug"):
        _sub(element, tag, event[tag])
    _sub(element, "track", event["track"] or "")
    _sub(element, "language", event["language"])
    _sub(element, "description", event["description"])
    recording = _sub(element, "recording")
    _sub(recording, "license", event["recording_license"])
    _sub(recording, "optout", event["do_not_record"])
    persons = _sub(element, "persons")
    for person in event["persons"]:
        _sub(persons, "person", person["public_name"], id=person["id"], guid=person["guid"])
    _references(element, "links", "link", event["links"])
    _references(element, "attachments", "attachment", event["attachments"])
    _sub(element, "url", event["url"])


def render_schedule_xml(schedule: dict) -> bytes:
    conference = schedule["conference"]
    root = etree.Element("schedule")
    _sub(root, "generator", name=GENERATOR["name"], version=GENERATOR["version"])
    _sub(root, "version", schedule["version"])
    head = _sub(root, "conference")
    for tag in ("acronym", "title", "start", "end"):
        _sub(head, tag, conference[tag])
    _sub(head, "days", conference["daysCount"])
    _sub(head, "timeslot_duration", conference["timeslot_duration"])
    _sub(head, "base_url", schedule["base_url"])
    _sub(head, "url", conference["url"])
    _sub(head, "time_zone_name", conference["time_zone_name"])
    for track in conference["tracks"]:
        attributes = {"name": track["name"]}
        if re.fullmatch(r"[a-z][a-z0-9-]+", track.get("slug", "")):
            attributes["slug"] = track["slug"]
        _sub(head, "track", track["name"], **attributes)
    guids = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        day_element = _sub(
            root, "day", date=day["date"], start=day["day_start"], end=day["day_end"], index=day["index"]
        )
        for name, events in day["rooms"].items():
            room = _sub(day_element, "room", name=name, guid=guids[name])
            for event in events:
                _event(room, event)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
