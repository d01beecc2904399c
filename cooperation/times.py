"""Times of day, kept as the place's wall clock plus its IANA zone.

An event "at 10:30 in Tashkent" stays at 10:30 when the rules of a zone change, and prints as the people there
read it; the instant (``starts_at``) is worked out when asked for. Zone names are checked against the zone
database rather than stored as choices: a list of ~600 names in a migration would change with every tzdata
release.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from importlib import resources
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@functools.cache
def time_zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def time_zone_choices() -> list[tuple[str, str]]:
    return [("", "---------"), *((name, name) for name in time_zone_names())]


def validate_time_zone(value: str) -> None:
    if value and value not in time_zone_names():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Asia/Tashkent or Europe/Moscow."),
            code="invalid_time_zone",
            params={"value": value},
        )


def _zone_tab() -> str:
    # zoneinfo reads the system's database first and the tzdata package after; zone.tab comes from the same place
    for directory in zoneinfo.TZPATH:
        path = Path(directory) / "zone.tab"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")


@functools.cache
def _zones_by_country() -> dict[str, tuple[str, ...]]:
    zones: dict[str, list[str]] = {}
    for line in _zone_tab().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coordinates, name, *_comment = line.split("\t")
        zones.setdefault(code, []).append(name)
    return {code: tuple(names) for code, names in zones.items()}


def country_time_zone(country: str, city: str = "") -> str:
    """The zone of a place when the country alone settles it (Egypt), or the city names one of the country's
    zones (Tashkent in Uzbekistan, which also has Samarkand); "" when it is for a person to say (Moscow or
    Vladivostok for a bare "Russia")."""
    zones = _zones_by_country().get(str(country or "").upper(), ())
    if len(zones) == 1:
        return zones[0]
    city = city.strip().casefold()
    for name in zones:
        if city and name.rsplit("/", 1)[-1].replace("_", " ").casefold() == city:
            return name
    return ""


def hhmm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def local_datetime(day: dt.date | None, time: dt.time | None, zone: str) -> dt.datetime | None:
    """The aware moment of ``time`` on ``day`` in ``zone``; None when any part is missing."""
    if day is None or time is None or not zone:
        return None
    try:
        tzinfo = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    return dt.datetime.combine(day, time, tzinfo=tzinfo)


def starts_at_iso(day: dt.date | None, time: dt.time | None, zone: str) -> str | None:
    """ISO 8601 with the zone's offset on that day (2025-10-14T10:30:00+05:00), as the API carries it."""
    moment = local_datetime(day, time, zone)
    return moment.isoformat(timespec="seconds") if moment is not None else None


def format_times(start: dt.time | None, end: dt.time | None, zone: str) -> str:
    """ "10:30–12:00 (Asia/Tashkent)", "10:30 (Asia/Tashkent)", or "" without a time."""
    if start is None:
        return ""
    text = hhmm(start) + (f"–{hhmm(end)}" if end is not None else "")
    return f"{text} ({zone})" if zone else text
