"""axe-core (shipped by the axe-playwright-python package) run on a page for the WCAG 2.2 A/AA rules."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_axe = Axe()


def wcag_violations(page) -> list[str]:
    """One line per violation and element ('rule-id: selector (summary)'), empty when the page passes."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    lines = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"{violation['id']}: {target} ({node.get('failureSummary', '').splitlines()[-1].strip()})")
    return lines
