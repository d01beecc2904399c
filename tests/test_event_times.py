"""Events at a time of day, on the place's clock: the model's rules, the API, the iCalendar feed and the reports."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from cooperation import models as m
from cooperation.dates import DatePrecision
from cooperation.reports.models import CalendarToken
from cooperation.times import country_time_zone, format_times, starts_at_iso
from tests import factories as f
from tests.api.conftest import make_token

SOON = timezone.localdate() + dt.timedelta(days=10)


@pytest.fixture
def api(db, django_user_model) -> APIClient:
    _token, key = make_token(django_user_model.objects.create_user("mfa.crm", password=None))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


TALKS = {
    "slug": "talks-in-tashkent",
    "title": "Talks in Tashkent",
    "kind": m.EventKind.MEETING,
    "status": m.EventStatus.PLANNED,
    "city": "Tashkent",
    "country": "UZ",
    "start_date": SOON,
    "start_time": dt.time(10, 30),
    "end_time": dt.time(12),
    "time_zone": "Asia/Tashkent",
}


def timed_event(**fields) -> m.Event:
    return f.EventFactory(**{**TALKS, **fields})


def clean_errors(event: m.Event) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as raised:
        event.full_clean()
    return raised.value.message_dict


# --- the model ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"start_time": None}, id="end time without a start time"),
        pytest.param({"start_precision": DatePrecision.MONTH}, id="time on a month"),
        pytest.param(
            {"end_date": SOON + dt.timedelta(days=1), "end_precision": DatePrecision.YEAR}, id="end on a year"
        ),
        pytest.param({"end_time": dt.time(9)}, id="one day, ends before it starts"),
        pytest.param({"time_zone": ""}, id="time without a zone"),
    ],
)
def test_the_database_refuses_times_that_cannot_be_true(db, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        timed_event(**fields)


def test_an_event_over_several_days_may_end_earlier_in_the_day_than_it_started(db):
    event = timed_event(end_date=SOON + dt.timedelta(days=2), end_time=dt.time(9))
    event.full_clean()
    assert event.ends_at == dt.datetime.combine(SOON + dt.timedelta(days=2), dt.time(9), event.starts_at.tzinfo)


def test_an_event_without_times_is_as_before(db):
    event = f.EventFactory(start_precision=DatePrecision.MONTH, time_zone="")
    event.full_clean()
    assert (event.times_display, event.starts_at) == ("", None)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"start_time": None}, {"start_time": ["Give the start time when there is an end time."]}),
        (
            {"start_date": None},
            {"start_time": ["A time needs the day it is on: give the date first."]},
        ),
        (
            {"start_precision": DatePrecision.MONTH},
            {"start_time": ["A time needs an exact day: this date is known only to the month or the year."]},
        ),
        ({"end_time": dt.time(9)}, {"end_time": ["The end time is before the start time on a one-day event."]}),
        (
            {"time_zone": "Asia/Nowhere"},
            {"time_zone": ["“Asia/Nowhere” is not a time zone name such as Asia/Tashkent or Europe/Moscow."]},
        ),
        (
            {"time_zone": "", "country": "RU", "city": "Kazan"},
            {"time_zone": ["Choose the time zone of the place: the country has more than one, or none is given."]},
        ),
    ],
)
def test_clean_says_what_is_wrong_with_the_times(db, fields, expected):
    assert clean_errors(m.Event(**{**TALKS, **fields})) == expected


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Время окончания раньше времени начала, а мероприятие длится один день."),
        ("ar", "وقت الانتهاء قبل وقت البدء في فعالية ليوم واحد."),
    ],
)
def test_the_messages_are_translated(db, language, message):
    from django.utils import translation

    with translation.override(language):
        assert clean_errors(m.Event(**{**TALKS, "end_time": dt.time(9)}))["end_time"] == [message]


@pytest.mark.parametrize(
    ("country", "city", "zone"),
    [
        ("AE", "Dubai", "Asia/Dubai"),  # one zone in the country
        ("UZ", "Tashkent", "Asia/Tashkent"),  # two zones, the city names one
        ("RU", "Moscow", "Europe/Moscow"),
        ("RU", "Kazan", ""),  # eleven zones, none named after the city: a person must say
        ("", "Dubai", ""),
    ],
)
def test_the_zone_comes_from_the_country_when_it_settles_it(country, city, zone):
    assert country_time_zone(country, city) == zone


def test_clean_fills_in_the_zone_of_a_one_zone_country(db):
    event = m.Event(**{**TALKS, "country": "EG", "city": "Cairo", "time_zone": ""})
    event.full_clean()
    assert event.time_zone == "Africa/Cairo"


def test_times_are_shown_on_the_places_clock():
    assert format_times(dt.time(10, 30), dt.time(12), "Asia/Tashkent") == "10:30–12:00 (Asia/Tashkent)"
    assert format_times(dt.time(10, 30), None, "Asia/Tashkent") == "10:30 (Asia/Tashkent)"
    assert format_times(None, None, "Asia/Tashkent") == ""
    # the offset of that day, summer or winter
    assert starts_at_iso(dt.date(2025, 7, 1), dt.time(9), "Europe/Berlin") == "2025-07-01T09:00:00+02:00"
    assert starts_at_iso(dt.date(2025, 12, 1), dt.time(9), "Europe/Berlin") == "2025-12-01T09:00:00+01:00"


# --- the API --------------------------------------------------------------------------------------------------


def test_the_api_carries_the_times_the_same_in_the_list_and_the_detail(api):
    event = timed_event()
    f.EventFactory(slug="undated-hour", start_date=SOON)
    listed = {item["slug"]: item for item in api.get("/api/v1/events/").json()["results"]}
    detail = api.get(f"/api/v1/events/{event.slug}/").json()
    assert listed[event.slug] == detail
    times = {key: detail[key] for key in ("start_time", "end_time", "time_zone", "starts_at")}
    assert times == {
        "start_time": "10:30",
        "end_time": "12:00",
        "time_zone": "Asia/Tashkent",
        "starts_at": f"{SOON.isoformat()}T10:30:00+05:00",
    }
    untimed = listed["undated-hour"]
    assert (untimed["start_time"], untimed["end_time"], untimed["time_zone"], untimed["starts_at"]) == (
        None,
        None,
        "",
        None,
    )


def test_setting_a_time_moves_the_event_in_the_sync(api):
    event = f.EventFactory(slug="to-be-timed", start_date=SOON, country="AE")
    since = timezone.now().isoformat()
    event.start_time, event.time_zone = dt.time(9), "Asia/Dubai"
    event.save()
    changed = api.get("/api/v1/events/", {"updated_since": since}).json()["results"]
    assert [(item["slug"], item["start_time"]) for item in changed] == [("to-be-timed", "09:00")]


# --- the iCalendar feed and the reports -----------------------------------------------------------------------


def test_the_feed_gives_a_timed_event_its_time_in_the_places_zone(client, manager):
    timed_event()
    f.EventFactory(title="All-day roundtable", status=m.EventStatus.PLANNED, start_date=SOON)
    token = CalendarToken.objects.create(user=manager)
    response = client.get(token.get_absolute_url())
    raw = response.content.decode()
    assert f"DTSTART;TZID=Asia/Tashkent:{SOON:%Y%m%d}T103000" in raw
    assert f"DTEND;TZID=Asia/Tashkent:{SOON:%Y%m%d}T120000" in raw
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Tashkent"]
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert events["Talks in Tashkent"].decoded("DTSTART").utcoffset() == dt.timedelta(hours=5)
    assert events["All-day roundtable"].decoded("DTSTART") == SOON  # still a DATE


def test_the_feed_runs_a_multi_day_event_with_a_start_time_to_the_end_of_its_last_day(client, manager):
    timed_event(end_date=SOON + dt.timedelta(days=1), end_time=None)
    raw = client.get(CalendarToken.objects.create(user=manager).get_absolute_url()).content.decode()
    assert f"DTEND;TZID=Asia/Tashkent:{SOON + dt.timedelta(days=2):%Y%m%d}T000000" in raw


def test_the_reports_show_the_time_beside_the_date(manager_client):
    timed_event()
    dashboard = manager_client.get(reverse("reports:dashboard")).content.decode()
    assert "10:30–12:00 (Asia/Tashkent)" in dashboard
    calendar = manager_client.get(reverse("reports:calendar"), {"month": f"{SOON:%Y-%m}"}).content.decode()
    assert "10:30–12:00 (Asia/Tashkent)" in calendar


def test_the_admin_list_shows_the_local_time(admin_client):
    timed_event()
    page = admin_client.get(reverse("admin:cooperation_event_changelist")).content.decode()
    assert "10:30–12:00 (Asia/Tashkent)" in page


def test_the_admin_form_has_the_times_beside_the_dates_and_a_list_of_zones(admin_client):
    page = admin_client.get(reverse("admin:cooperation_event_add")).content.decode()
    assert 'name="start_time"' in page and 'name="end_time"' in page
    assert '<select name="time_zone"' in page and '<option value="Asia/Tashkent">' in page


def test_the_admin_export_carries_the_local_times(db):
    from cooperation.resources import EventResource

    f.EventFactory(**TALKS)
    dataset = EventResource().export()
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert (row["start time"], row["end time"], row["time zone"]) == ("10:30", "12:00", "Asia/Tashkent")
