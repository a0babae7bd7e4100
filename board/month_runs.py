"""A chart's run of month columns dated ("July, Aug., ..., Dec., 19-Jan, 19-Feb, Mar, ...,
June"): months side by side in calendar order are consecutive months, so one of them
written with its year ("19-Jan") dates them all, counting on and back; with none written
with a year, the last is the latest such month on or before the paper's date (a twelve
month chart in a June 2019 report ends in June 2019). Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from board.dates import MONTH_NAME, MONTHS, two_digit_year

_MONTH_LABEL = re.compile(
    rf"^(?:(?P<before>\d{{2}}|\d{{4}})\s*[-'/ ]\s*)?(?P<month>{MONTH_NAME})[a-z]*\.?"
    rf"(?:\s*[-'/ ]\s*(?P<after>\d{{2}}|\d{{4}}))?$",
    re.I,
)
_RUN = 3  # months side by side that make a run
_LAG = 2  # months a chart dated by its paper may end before the paper's month


def dated_months(labels: Sequence[str], anchor: date | None) -> dict[int, str]:
    """The labels of a header row's run of consecutive months, by column, each written
    with its year ("Mar" -> "March 2019"); empty when the row holds no such run or nothing
    dates it."""
    read = [_month_of(label) for label in labels]
    out: dict[int, str] = {}
    for start, run in _runs(read):
        first = _first_month(run, anchor)
        if first is None:
            continue
        for k in range(len(run)):
            year, month = divmod(first + k, 12)
            out[start + k] = f"{date(year, month + 1, 1):%B} {year}"
    return out


_Month = tuple[int, int | None]  # a label's month, and its year when written with one


def _first_month(run: list[_Month], anchor: date | None) -> int | None:
    """The run's first month, as months since year 0: from a month written with its year,
    else from the paper's date when the run ends in its month or just before."""
    written = next(((k, m, y) for k, (m, y) in enumerate(run) if y is not None), None)
    if written is not None:
        k, month, year = written
        return year * 12 + month - 1 - k
    if anchor is None:
        return None
    last = run[-1][0]
    if (anchor.month - last) % 12 > _LAG:
        return None
    year = anchor.year if last <= anchor.month else anchor.year - 1
    return year * 12 + last - 1 - (len(run) - 1)


def bare_month(label: str) -> bool:
    """Whether a label is a month written without its year ("JAN", "Sept.")."""
    read = _month_of(label)
    return read is not None and read[1] is None


def _month_of(label: str) -> _Month | None:
    m = _MONTH_LABEL.match(label.strip())
    if m is None:
        return None
    written = m["before"] or m["after"]
    return MONTHS[m["month"].lower()], two_digit_year(written) if written else None


def _runs(read: Sequence[_Month | None]) -> list[tuple[int, list[_Month]]]:
    """Runs of columns whose months follow one another in calendar order, each with the
    column it starts at."""
    runs: list[tuple[int, list[_Month]]] = []
    run: list[_Month] = []
    for k, month in enumerate([*read, None]):
        if month is not None and run and month[0] == run[-1][0] % 12 + 1:
            run.append(month)
            continue
        if len(run) >= _RUN:
            runs.append((k - len(run), run))
        run = [month] if month is not None else []
    return runs
