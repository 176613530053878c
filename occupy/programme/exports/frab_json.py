"""The frab/c3voc schedule as JSON (validates against the c3voc `schedule.json` schema, draft-06)."""

import json
import re

from occupy.programme.exports.frab import GENERATOR

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
# The schema's own pattern for time_zone_name (searched, as JSON Schema does): "Europe/Bucharest", "UTC".
TIME_ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")


def render_schedule_json(schedule: dict) -> str:
    conference = schedule["conference"]
    if not TIME_ZONE_NAME.search(conference["time_zone_name"]):
        # A zone the schema cannot name (e.g. "Etc/GMT-3"): leave the optional field out; the offsets
        # in every date still say when things happen.
        schedule = {**schedule, "conference": {k: v for k, v in conference.items() if k != "time_zone_name"}}
    document = {"$schema": SCHEMA_URL, "generator": dict(GENERATOR), "schedule": schedule}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
