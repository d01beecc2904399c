"""Figures of the reports checked against the fixtures (the five source documents) and small built worlds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cooperation.models import Agreement, AgreementStatus
from tests import factories as f


class TestOverTheFixtures:
    """The fixtures loaded once for the class; each test's changes roll back."""

    def test_the_belarus_profile_lists_the_october_2025_visit_and_the_agreement_under_negotiation(
        self, manager_client, seeded
    ):
        response = manager_client.get(reverse("reports:country", kwargs={"code": "by"}))
        profile = response.context["profile"]
        assert [d.slug for d in profile.delegations] == ["belarus-to-uae-2025"]
        visit = profile.delegations[0]
        assert (visit.start_date, visit.end_date) == (dt.date(2025, 10, 14), dt.date(2025, 10, 17))

        by_slug = {a.slug: a for a in profile.agreements}
        assert by_slug["by-ae-strategic-digital-cooperation"].status == AgreementStatus.UNDER_NEGOTIATION
        assert "by-ae-services-and-investment-agreement" in by_slug

        # The meetings and field visits of the visit, and the minister's meeting with the ambassador in Minsk.
        assert {
            "belarus-uae-senior-officials-meetings-2025",
            "belarus-visit-42-abu-dhabi-2025",
            "zalessky-uae-ambassador-meeting-2026",
        } <= {e.slug for e in profile.events}

        html = response.content.decode()
        assert "Belarusian delegation to the UAE on digital government and AI" in html
        assert "Under negotiation" in html
        # The head of the delegation with the post she held, and the officials met with their positions.
        assert "Yulia Shapkina, Deputy Minister of Communications and Informatisation" in html
        officials = {o.slug: o for o in profile.officials}
        assert officials["yulia-shapkina"].n_delegations == 1
        assert {"sergey-rudnev", "natalia-kupitayenko"} <= set(officials)

    def test_the_belarus_profile_in_russian_uses_the_russian_title_and_position(self, manager_client, seeded):
        html = manager_client.get(
            reverse("reports:country", kwargs={"code": "by"}), HTTP_ACCEPT_LANGUAGE="ru"
        ).content.decode()
        assert "Визит белорусской делегации в ОАЭ (г. Дубай)" in html
        assert "Заместитель Министра связи и информатизации" in html
        assert "На стадии переговоров" in html

    def test_the_annual_report_for_2025_counts_against_2024(self, manager_client, seeded):
        report = manager_client.get(reverse("reports:annual"), {"year": 2025}).context["report"]
        assert report.totals["incoming"] == (1, 0)  # Belarus came in October 2025
        assert report.totals["outgoing"] == (0, 1)  # the UAE went to Kazakhstan in May 2024
        assert report.totals["events"] == (4, 2)  # four programme events of the visit; two in Kazakhstan in 2024
        assert report.totals["trained"] == (0, 33)  # KEL 2024 trained 33 civil servants
        assert report.totals["signed"] == (0, 0)  # the 2025 agreements have no signature date in the sources
        assert [(r["code"], r["incoming"], r["outgoing_previous"]) for r in report.countries] == [
            ("BY", 1, 0),
            ("KZ", 0, 1),
        ]

    def test_the_annual_report_for_2023_lists_the_korean_memorandum_as_signed(self, manager_client, seeded):
        report = manager_client.get(reverse("reports:annual"), {"year": 2023}).context["report"]
        assert [a.slug for a in report.signed] == ["uae-korea-mou-government-digital-transformation-2023"]
        assert report.totals["signed"] == (1, 0)

    def test_the_dashboard_counts_agreements_by_status_and_partners(self, manager_client, seeded):
        data = manager_client.get(reverse("reports:dashboard")).context["data"]
        by_status = {status: n for status, _label, n in data.agreements_by_status}
        assert by_status == {**dict.fromkeys(AgreementStatus.values, 0), "under_negotiation": 1, "signed": 4}
        countries = {row["code"]: row for row in data.countries}
        assert (countries["BY"]["incoming"], countries["KZ"]["outgoing"], countries["KR"]["outgoing"]) == (1, 1, 1)

    def test_the_country_filter_narrows_the_dashboard(self, manager_client, seeded):
        data = manager_client.get(reverse("reports:dashboard"), {"country": "KR"}).context["data"]
        assert [row["code"] for row in data.countries] == ["KR"]

    def test_the_officials_directory_finds_a_person_by_any_form_of_her_name(self, manager_client, seeded):
        response = manager_client.get(reverse("reports:officials"), {"q": "Шапкина"})
        rows = response.context["tables"][0].rows
        assert [row[0].text for row in rows] == ["Yulia Shapkina"]
        records = [c.text for c in rows[0][5]]
        assert any("Belarusian delegation to the UAE" in r and "head of delegation" in r.lower() for r in records)

    def test_the_dashboard_shows_the_latest_visits_and_events_however_long_ago(self, manager_client, seeded):
        # Long after the last record in the fixtures, the dashboard still says what happened last.
        with_latest = manager_client.get(reverse("reports:dashboard"))
        tables = {table.key: table for table in with_latest.context["tables"]}
        latest = tables["recent_delegations"]
        assert latest.caption == "Latest delegations"
        html = with_latest.content.decode()
        assert "Belarusian delegation to the UAE on digital government and AI" in html
        assert len(tables["recent_events"].rows) > 0

    def test_the_belarus_negotiation_without_a_status_date_counts_from_when_govex_first_held_it(self, seeded):
        from cooperation.reports.filters import ReportFilters
        from cooperation.reports.selectors import agreement_tracker

        # Source 001 dates only a step-up of talks already under way (28 January 2026), not when the negotiation
        # began, so the fixture leaves "status since" empty; the tracker falls back on the record's creation
        # (the fixtures' fixed created_at, 22 November 2026).
        in_november = agreement_tracker(today=dt.date(2026, 11, 26), filters=ReportFilters())
        a_year_on = agreement_tracker(today=dt.date(2027, 11, 26), filters=ReportFilters())

        assert in_november.stalled == []
        assert [(a.slug, moved) for a, moved in a_year_on.stalled] == [
            ("by-ae-strategic-digital-cooperation", dt.date(2026, 11, 22))
        ]


# --- Agreement tracker (built worlds: the fixtures carry no history older than their load) -------------------


@pytest.fixture
def tracked(db):
    today = timezone.localdate()
    stalled = f.AgreementFactory(
        title="Stalled memorandum", status=AgreementStatus.UNDER_NEGOTIATION, status_date=today - dt.timedelta(days=400)
    )
    moving = f.AgreementFactory(
        title="Moving memorandum", status=AgreementStatus.UNDER_NEGOTIATION, status_date=today - dt.timedelta(days=20)
    )
    expiring = f.AgreementFactory(
        title="Expiring agreement", status=AgreementStatus.IN_FORCE, expires_on=today + dt.timedelta(days=90)
    )
    lasting = f.AgreementFactory(
        title="Lasting agreement", status=AgreementStatus.IN_FORCE, expires_on=today + dt.timedelta(days=1500)
    )
    return stalled, moving, expiring, lasting


def test_the_tracker_flags_stalled_negotiations_and_agreements_about_to_expire(manager_client, tracked):
    stalled, moving, expiring, lasting = tracked
    tracker = manager_client.get(reverse("reports:agreements")).context["tracker"]
    assert [a.pk for a, _moved in tracker.stalled] == [stalled.pk]
    assert [a.pk for a in tracker.expiring] == [expiring.pk]
    pipeline = {status: [a.pk for a in agreements] for status, _label, agreements in tracker.pipeline}
    assert sorted(pipeline["under_negotiation"]) == sorted([stalled.pk, moving.pk])
    assert sorted(pipeline["in_force"]) == sorted([expiring.pk, lasting.pk])


def test_the_tracker_thresholds_come_from_the_query_string(manager_client, tracked):
    stalled, _moving, _expiring, lasting = tracked
    tracker = manager_client.get(reverse("reports:agreements"), {"stale": 1, "horizon": 60}).context["tracker"]
    assert {a.pk for a, _moved in tracker.stalled} == {stalled.pk}  # 20 days is under one month
    assert lasting.pk in {a.pk for a in tracker.expiring}


def test_without_a_status_date_the_audit_trail_says_when_the_status_last_changed(manager_client, db):
    agreement = f.AgreementFactory(status=AgreementStatus.PROPOSED)
    agreement.status = AgreementStatus.UNDER_NEGOTIATION
    agreement.save()
    long_ago = timezone.now() - dt.timedelta(days=500)
    # As if recorded and moved to negotiation 500 days ago.
    Agreement.objects.filter(pk=agreement.pk).update(created_at=long_ago)
    Agreement.history.filter(id=agreement.pk).update(history_date=long_ago)
    agreement.refresh_from_db()
    agreement.title = "Renamed, status unchanged"
    agreement.save()  # a later edit that does not move the status must not count as movement
    tracker = manager_client.get(reverse("reports:agreements")).context["tracker"]
    assert [(a.pk, moved) for a, moved in tracker.stalled] == [(agreement.pk, long_ago.date())]
