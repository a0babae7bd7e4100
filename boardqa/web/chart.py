"""The trend chart: periods in time order, axes titled with the measure and unit, from zero."""

from __future__ import annotations

from typing import Any

import pandas as pd

PERIOD = "Period"


def chart_points(chart: dict[str, Any] | None) -> pd.DataFrame:
    """The series as a table in time order (by each period's end date where every one has one)."""
    chart = chart or {}
    y = value_title(chart)
    points = list(chart.get("points") or [])
    if points and all(p.get("end") for p in points):
        points.sort(key=lambda p: p["end"])
    frame = pd.DataFrame(
        [(p.get("period") or "", p.get("value")) for p in points], columns=[PERIOD, y]
    )
    return frame


def value_title(chart: dict[str, Any] | None) -> str:
    """The y axis title: the measure and its unit ("Youth custody rate (per 1,000)")."""
    label = str((chart or {}).get("y_label") or "").strip()
    return label[:1].upper() + label[1:] if label and label != "value" else "Value"


def plot_settings(chart: dict[str, Any] | None) -> dict[str, Any]:
    """What the LinePlot needs to draw ``chart`` truthfully: the order, titles, a zero baseline."""
    frame = chart_points(chart)
    many = len(frame) > 6
    return {
        "value": frame,
        "x": PERIOD,
        "y": value_title(chart),
        "x_title": PERIOD,
        "y_title": value_title(chart),
        "title": str((chart or {}).get("title") or ""),
        "sort": list(dict.fromkeys(frame[PERIOD])),  # as the table orders them, not A-Z
        "y_lim": [0, None] if frame.empty or frame.iloc[:, 1].min() >= 0 else None,
        "x_label_angle": -40 if many else 0,
        "visible": not frame.empty,
    }
