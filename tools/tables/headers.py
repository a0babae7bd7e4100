"""Header rows to column labels: one or several levels, spanning group labels ("Offences"
over "Last Year, This Year, % Change"), notes and echoed fragments taken out, and the
"Confidence interval" label put over the column of "±" figures. Pure functions.
"""

from __future__ import annotations

import re
from collections import Counter

NOTE_LIKE = re.compile(
    r"^(?:difference from|base:|notes?\b.{8,}|nb\b|n\.b\.|source\b.{8,}|fytd totals|"
    r"data is subject|"
    r"red indicates|blue indicates|for offences|youth violence is a measure|pre iom dates|"
    r"all figures|"
    r"\*|e\.g\.)",
    re.I,
)


def clean_header(cells: list[str], notes: list[str]) -> list[str]:
    out: list[str] = []
    for j, cell in enumerate(cells):
        text = cell.strip(" *")
        if NOTE_LIKE.match(text):
            notes.append(text)
            text = ""
        if "[" in text:
            before, _, after = text.rpartition("[")
            if before.strip() and before.strip().split()[0] in after:
                text = after.strip()
        left = next((c for c in reversed(out[:j]) if c), "")
        if text and len(text) >= 3 and len(left) > len(text) and left.endswith(text):
            text = ""
        out.append(text)
    return out


def _spans(upper: list[str], lower: list[str]) -> list[str]:
    """Each column's label from ``upper``: a spanning label sits over its first column."""
    width = len(lower)
    labels = [""] * width
    starts = [j for j in range(1, width) if upper[j]]
    # Repeated lower labels ("Last Year, This Year, % Change, Last Year, ...") mark the groups.
    counts = Counter(c for c in lower[1:] if c)
    repeated = next((c for c in lower[1:] if c and counts[c] > 1), None)
    if repeated is not None:
        first_group: list[int] = []
        starts_at = [j for j in range(1, width) if lower[j] == repeated]
        groups: list[list[int]] = []
        members = set()
        for k, s in enumerate(starts_at):
            stop = starts_at[k + 1] if k + 1 < len(starts_at) else width
            group = [s]
            for j in range(s + 1, stop):
                if k + 1 == len(starts_at) and lower[j] not in members:
                    break
                group.append(j)
            if not first_group:
                first_group = group
                members = {lower[j] for j in group}
            groups.append(group)
        last = groups[-1][-1]
        singles = [[j] for j in range(last + 1, width) if upper[j] or lower[j]]
        targets = groups + singles
        tops = [upper[j] for j in starts]
        lead = [j for j in range(1, starts_at[0]) if upper[j]]
        # Columns after the groups with no label over them of their own ("% Diff") are
        # under no group.
        if not lead and len(tops) in (len(targets), len(groups)):
            for top, group in zip(tops, targets[: len(tops)], strict=True):
                for j in group:
                    labels[j] = top
            return labels
    for k, s in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else width
        labels[s] = upper[s]
        beside = bool(upper[s - 1]) or (s + 1 < width and bool(upper[s + 1]))
        if lower[s] and not beside:  # labels side by side each name their own column
            for j in range(s + 1, stop):
                labels[j] = upper[s]
    return labels


def column_labels(header: list[list[str]]) -> list[tuple[str, ...]]:
    """The labels over each value column, top level first (the stub column is left out)."""
    if not header:
        return []
    width = len(header[-1])
    levels = [header[-1]]
    for upper in reversed(header[:-1]):  # each level's groups are groups of the lowest's
        levels.insert(0, _spans(upper, header[-1]))
    return [tuple(level[j] for level in levels if level[j]) for j in range(1, width)]


def fix_confidence_columns(
    columns: list[tuple[str, ...]], body: list[list[str]]
) -> list[tuple[str, ...]]:
    """Put "Confidence interval" over the column of "±" figures (survey charts misplace it)."""
    columns = list(columns)
    plus_minus = [
        j
        for j in range(len(columns))
        if any(row[j + 1] for row in body)
        and all(row[j + 1].startswith("±") for row in body if row[j + 1])
    ]
    for j in plus_minus:
        named = [
            k for k, c in enumerate(columns) if any("confidence interval" in x.lower() for x in c)
        ]
        if j in named:
            continue
        if named:
            k = named[0]
            columns[j], columns[k] = columns[k], columns[j]
        else:
            columns[j] = ("Confidence interval",)
    return columns
