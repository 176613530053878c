"""A bar chart of registrations over time as plain numbers for an inline SVG (no JavaScript needed)."""

WIDTH, HEIGHT, GAP, TOP, BOTTOM = 640, 200, 2, 10, 20


def bar_chart(rows: list[tuple]) -> dict:
    """Bars (x, y, width, height, label, value) for (day, number) rows, scaled to a 640×200 canvas."""
    if not rows:
        return {"bars": [], "width": WIDTH, "height": HEIGHT, "max": 0}
    highest = max(value for _, value in rows)
    slot = WIDTH / len(rows)
    usable = HEIGHT - TOP - BOTTOM
    bars = []
    for index, (day, value) in enumerate(rows):
        height = round(usable * value / highest, 1) if highest else 0
        bars.append(
            {
                "x": round(index * slot + GAP / 2, 1),
                "y": round(HEIGHT - BOTTOM - height, 1),
                "width": round(max(slot - GAP, 1), 1),
                "height": height,
                "day": day,
                "value": value,
            }
        )
    return {"bars": bars, "width": WIDTH, "height": HEIGHT, "max": highest, "baseline": HEIGHT - BOTTOM}
