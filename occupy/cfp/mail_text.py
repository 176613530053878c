"""The placeholders of the e-mails the call sends to speakers: {name} {title} {edition} {link}."""

import re

PLACEHOLDER = re.compile(r"\{(name|title|edition|link)\}")


def fill(text: str, values: dict[str, str]) -> str:
    """`text` with its placeholders replaced (a missing value, or anything else in braces, is left as typed)."""
    return PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)
