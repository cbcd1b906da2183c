"""How figures are written for people, the same on every screen and in every export.

- **Shares** are whole percentages rounded half up (`percent`): 1 vote in 8 is 12.5%, shown as
  13%, as a reader rounding by hand would. Python's `round()` rounds half to even (12%), which is
  why nothing else may turn a share into a percentage.
- **Durations** are `4:05`, or `1:02:03` past an hour.
- **Dates** are `22 November 2026`; moments `22 November 2026, 10:05 UTC`.

Nothing here imports Textual.
"""

from __future__ import annotations

from datetime import date, datetime, timezone


def scaled(count: int, total: int, scale: int) -> int:
    """`count / total` of `scale`, rounded half up: the one rounding rule for shares and bars."""
    return (2 * scale * count + total) // (2 * total) if total else 0


def percent(count: int, total: int) -> int:
    """A whole-number share, rounded half up (so 1 of 8 is 13%, as a reader would round it)."""
    return scaled(count, total, 100)


def utc(moment: datetime) -> datetime:
    """The moment in UTC, without a time zone (what spreadsheets can hold)."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def long_date(day: date) -> str:
    """`22 November 2026`."""
    return f"{day.day} {day:%B %Y}"


def when(moment: datetime | None) -> str:
    """`22 November 2026, 10:05 UTC`, for people to read."""
    if moment is None:
        return ""
    m = utc(moment)
    return f"{m.day} {m:%B %Y, %H:%M} UTC"


def format_duration(seconds: float) -> str:
    """`4:05`, or `1:02:03` past an hour."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
