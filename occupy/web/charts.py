"""Charts drawn on the server as plain numbers for an inline SVG (no JavaScript): columns over time with a
cumulative line, and horizontal bars for categories. Each page shows the same numbers in a table beside the chart.
"""

import datetime

WIDTH = 640
MIN_SLOTS = 14


def columns_over_time(rows: list[tuple[datetime.date, int]], *, height: int = 200) -> dict:
    """Columns per day (days without a value count 0, so the x-axis is time) and the cumulative total as a line,
    scaled to its own axis. `rows` are (day, number) sorted by day."""
    if not rows:
        return {"days": [], "width": WIDTH, "height": height}
    values = dict(rows)
    first, last = rows[0][0], rows[-1][0]
    days = [first + datetime.timedelta(days=offset) for offset in range((last - first).days + 1)]
    top, bottom = 10, 20
    usable = height - top - bottom
    baseline = height - bottom
    highest = max(values.values()) or 1
    slot = WIDTH / max(len(days), MIN_SLOTS)  # a few days do not make giant columns
    total, grand_total = 0, sum(values.values()) or 1
    points, bars = [], []
    for index, day in enumerate(days):
        value = values.get(day, 0)
        total += value
        bar_height = round(usable * value / highest, 1)
        x = round(index * slot, 1)
        bars.append(
            {
                "day": day,
                "value": value,
                "total": total,
                "x": round(x + 1, 1),
                "y": round(baseline - bar_height, 1),
                "width": round(max(slot - 2, 1), 1),
                "height": bar_height,
            }
        )
        cx, cy = round(x + slot / 2, 1), round(baseline - usable * total / grand_total, 1)
        bars[-1].update({"cx": cx, "cy": cy})
        points.append(f"{cx},{cy}")
    return {
        "days": bars,
        "width": WIDTH,
        "height": height,
        "baseline": baseline,
        "most": max(values.values()),
        "total": total,
        "line": " ".join(points),
    }


def bars(rows: list[tuple[str, int]], *, row_height: int = 28, label_width: int = 250) -> dict:
    """Horizontal bars, one per (label, number), the longest filling the width beside the labels."""
    highest = max((value for _label, value in rows), default=0) or 1
    usable = WIDTH - label_width - 60
    items = []
    for index, (label, value) in enumerate(rows):
        y = index * row_height
        items.append(
            {
                "label": label,
                "value": value,
                "y": y + 4,
                "text_y": y + row_height / 2 + 5,
                "width": round(max(usable * value / highest, 1 if value else 0), 1),
                "value_x": round(label_width + usable * value / highest + 6, 1),
            }
        )
    return {
        "rows": items,
        "width": WIDTH,
        "height": max(len(rows) * row_height, row_height),
        "label_width": label_width,
        "bar_x": label_width,
        "bar_height": row_height - 8,
        "total": sum(value for _label, value in rows),
    }
