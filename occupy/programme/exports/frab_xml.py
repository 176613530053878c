"""The frab/c3voc schedule as XML (validates against the c3voc `schedule.xml.xsd`).

Written as text, two spaces per level, as lxml's pretty printer writes it (the same bytes): building ~25,000
lxml elements for 400 sessions cost ~60 ms of CPU, writing the lines costs a fraction. Every text and
attribute goes through `_text` / `_attribute`, which drop what XML 1.0 cannot carry and escape markup.
"""

import re

from occupy.programme.exports.frab import GENERATOR

# Characters XML 1.0 cannot carry at all; an abstract pasted from a word processor may hold some.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DROPPED = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])
# What libxml2 escapes in text, and additionally in attribute values (quoted with ").
_TEXT_ESCAPES = {**_DROPPED, ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord("\r"): "&#13;"}
_ATTRIBUTE_ESCAPES = {**_TEXT_ESCAPES, ord('"'): "&quot;", ord("\n"): "&#10;", ord("\t"): "&#9;"}
_TEXT_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\r\n\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')
TRACK_SLUG = re.compile(r"[a-z][a-z0-9-]+")


def _string(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _text(value) -> str:
    value = _string(value)
    return value.translate(_TEXT_ESCAPES) if _TEXT_SPECIAL.search(value) else value


def _attribute(value) -> str:
    value = _string(value)
    return value.translate(_ATTRIBUTE_ESCAPES) if _ATTRIBUTE_SPECIAL.search(value) else value


def _attributes(attributes: dict) -> str:
    return "".join(f' {name}="{_attribute(value)}"' for name, value in attributes.items())


def _element(lines: list, depth: int, tag: str, value=None, **attributes) -> None:
    """A leaf element: `<tag a="…">text</tag>`, or `<tag a="…"/>` without a value."""
    head = f"{'  ' * depth}<{tag}{_attributes(attributes) if attributes else ''}"
    lines.append(f"{head}/>" if value is None else f"{head}>{_text(value)}</{tag}>")


def _references(lines, depth, tag, item_tag, references):
    if not references:
        lines.append(f"{'  ' * depth}<{tag}/>")
        return
    lines.append(f"{'  ' * depth}<{tag}>")
    for reference in references:
        _element(lines, depth + 1, item_tag, reference.get("title", ""), href=reference["url"], type=reference["type"])
    lines.append(f"{'  ' * depth}</{tag}>")


def _event(lines, event):
    indent = " " * 6  # schedule > day > room > event
    lines.append(f'{indent}<event id="{_attribute(event["id"])}" guid="{_attribute(event["guid"])}">')
    for tag in ("room", "title", "subtitle", "type", "date", "start", "duration", "abstract", "slug"):
        lines.append(f"{indent}  <{tag}>{_text(event[tag])}</{tag}>")
    lines.append(f"{indent}  <track>{_text(event['track'] or '')}</track>")
    lines.append(f"{indent}  <language>{_text(event['language'])}</language>")
    lines.append(f"{indent}  <description>{_text(event['description'])}</description>")
    lines.append(f"{indent}  <recording>")
    lines.append(f"{indent}    <license>{_text(event['recording_license'])}</license>")
    lines.append(f"{indent}    <optout>{_text(event['do_not_record'])}</optout>")
    lines.append(f"{indent}  </recording>")
    if event["persons"]:
        lines.append(f"{indent}  <persons>")
        for person in event["persons"]:
            _element(lines, 5, "person", person["public_name"], id=person["id"], guid=person["guid"])
        lines.append(f"{indent}  </persons>")
    else:
        lines.append(f"{indent}  <persons/>")
    _references(lines, 4, "links", "link", event["links"])
    _references(lines, 4, "attachments", "attachment", event["attachments"])
    lines.append(f"{indent}  <url>{_text(event['url'])}</url>")
    lines.append(f"{indent}</event>")


def render_schedule_xml(schedule: dict) -> bytes:
    conference = schedule["conference"]
    lines = ["<?xml version='1.0' encoding='utf-8'?>", "<schedule>"]
    _element(lines, 1, "generator", name=GENERATOR["name"], version=GENERATOR["version"])
    _element(lines, 1, "version", schedule["version"])
    lines.append("  <conference>")
    for tag in ("acronym", "title", "start", "end"):
        _element(lines, 2, tag, conference[tag])
    _element(lines, 2, "days", conference["daysCount"])
    _element(lines, 2, "timeslot_duration", conference["timeslot_duration"])
    _element(lines, 2, "base_url", schedule["base_url"])
    _element(lines, 2, "url", conference["url"])
    _element(lines, 2, "time_zone_name", conference["time_zone_name"])
    for track in conference["tracks"]:
        attributes = {"name": track["name"]}
        if TRACK_SLUG.fullmatch(track.get("slug", "")):
            attributes["slug"] = track["slug"]
        _element(lines, 2, "track", track["name"], **attributes)
    lines.append("  </conference>")
    guids = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        attributes = _attributes(
            {"date": day["date"], "start": day["day_start"], "end": day["day_end"], "index": day["index"]}
        )
        if not day["rooms"]:
            lines.append(f"  <day{attributes}/>")
            continue
        lines.append(f"  <day{attributes}>")
        for name, events in day["rooms"].items():
            room_attributes = _attributes({"name": name, "guid": guids[name]})
            if not events:
                lines.append(f"    <room{room_attributes}/>")
                continue
            lines.append(f"    <room{room_attributes}>")
            for event in events:
                _event(lines, event)
            lines.append("    </room>")
        lines.append("  </day>")
    lines.append("</schedule>")
    lines.append("")
    return "\n".join(lines).encode("utf-8")
