"""The frab/c3voc schedule as JSON (validates against the c3voc `schedule.json` schema, draft-06)."""

import json

from occupy.programme.exports.frab import GENERATOR

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"


def render_schedule_json(schedule: dict) -> str:
    document = {"$schema": SCHEMA_URL, "generator": dict(GENERATOR), "schedule": schedule}
    return json.dumps(document, ensure_ascii=False, indent=1)
