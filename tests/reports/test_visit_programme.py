"""The programme of a visit: every day of the visit, its events in time order, what was signed, who to call."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cooperation.models import ActionKind, EventStatus, MemberRole, NameKind, ParticipantRole
from tests import factories as f
from tests.browser import needs_chromium
from tests.reports.chromium import ARTIFACTS, browser_page, visit

ARABIC_TITLE = "زيارة وفد بيلاروسيا"
RUSSIAN_TITLE = "Визит делегации Беларуси"
__all__ = ["browser_page"]  # a fixture, used by name


def _at(hour: int, minute: int = 0) -> dt.time:
    return dt.time(hour, minute)


def build_visit(*, extra_events: int = 0):
    """A three-day visit from Belarus starting in ten days: two events on the first day (entered out of order),
    none on the second, a side event on the third, and a memorandum signed there."""
    first = timezone.localdate() + dt.timedelta(days=10)
    delegation = f.DelegationFactory(
        slug="belarus-visit",
        title="Visit of the Belarus delegation",
        title_ru=RUSSIAN_TITLE,
        title_ar=ARABIC_TITLE,
        origin_country="BY",
        host_country="AE",
        start_date=first,
        end_date=first + dt.timedelta(days=2),
        status="confirmed",
    )
    head = f.OfficialFactory(name="Yulia Shapkina", country="BY")
    post = f.PositionFactory(official=head, title="Deputy Minister of Economy", title_ru="Заместитель министра")
    f.DelegationMemberFactory(delegation=delegation, official=head, role=MemberRole.HEAD)
    f.DelegationMemberFactory(delegation=delegation, official=f.OfficialFactory(name="Ivan Petrov", country="BY"))
    host = f.OfficialFactory(name="Ohood Al Roumi", country="AE")
    for official, language, name in (
        (head, "ru", "Шапкина Юлия"),
        (head, "ar", "يوليا شابكينا"),
        (host, "ar", "عهود الرومي"),
    ):
        f.OfficialNameFactory(official=official, name=name, language=language, kind=NameKind.PREFERRED)

    def event(title: str, day: int, start: dt.time | None, **fields):
        return f.EventFactory(
            title=title,
            start_date=first + dt.timedelta(days=day),
            start_time=start,
            time_zone="Asia/Dubai" if start else "",
            status=EventStatus.CONFIRMED,
            **fields,
        )

    talks = event("Talks on digital government", 0, _at(14), end_time=_at(15, 30), delegation=delegation)
    f.EventParticipantFactory(event=talks, official=host, role=ParticipantRole.HOST)
    f.EventParticipantFactory(event=talks, official=head, role=ParticipantRole.HEAD_OF_DELEGATION)
    event("Welcome breakfast", 0, _at(9, 30), delegation=delegation, venue="Emirates Palace")
    signing = event("Signing ceremony", 2, _at(11), parent=talks, kind="signing")
    for i in range(extra_events):
        busy = event(f"Extra meeting {i}", i % 3, _at(8 + i % 10), delegation=delegation)
        f.EventParticipantFactory(event=busy, official=f.OfficialFactory(country="AE"), role=ParticipantRole.HOST)

    memorandum = f.AgreementFactory(title="Memorandum on civil service training", signed_at=None)
    by = f.AgreementPartyFactory(agreement=memorandum, country="BY")
    f.AgreementPartyFactory(agreement=memorandum, country="AE")
    f.AgreementActionFactory(party=by, kind=ActionKind.SIGNATURE, date=signing.start_date)
    f.AgreementSignatoryFactory(agreement=memorandum, official=head, party=by, position=post)
    f.AgreementSignatoryFactory(agreement=memorandum, official=host)
    # Between the same countries but a year earlier: not part of this visit.
    earlier = f.AgreementFactory(title="Older protocol on tourism")
    old = f.AgreementPartyFactory(agreement=earlier, country="BY")
    f.AgreementPartyFactory(agreement=earlier, country="AE")
    f.AgreementActionFactory(party=old, date=first - dt.timedelta(days=365))
    return delegation


def _url(delegation, **params) -> str:
    url = reverse("reports:visit_programme", kwargs={"slug": delegation.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def _text(response) -> str:
    inline = re.sub(r"</?(?:bdi|a|span|strong)\b[^>]*>", "", response.content.decode())
    return " ".join(re.sub(r"<[^>]+>", " ", inline).split())


def _pdf_text(content: bytes) -> str:
    try:
        out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True)
        return out.stdout.decode("utf-8")
    except FileNotFoundError:  # poppler-utils missing: pypdf reads the text layer too
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_every_day_of_the_visit_is_listed_even_one_without_events(reader_client):
    delegation = build_visit()

    text = _text(reader_client.get(_url(delegation)))

    assert [text.count(f"Day {n}") for n in (1, 2, 3)] == [1, 1, 1]
    assert "Day 4" not in text
    day_two = text.split("Day 2")[1].split("Day 3")[0]
    assert "No events recorded." in day_two


def test_a_visit_known_only_to_the_month_lists_only_the_days_with_events(reader_client):
    delegation = build_visit()
    delegation.start_precision, delegation.end_date = "month", None
    delegation.save()

    text = _text(reader_client.get(_url(delegation)))

    assert "No events recorded." not in text
    assert len(re.findall(r"Day \d", text)) == 2  # the breakfast and talks' day, the signing's day


def test_the_events_of_a_day_are_in_time_order_with_their_people(reader_client):
    delegation = build_visit()

    text = _text(reader_client.get(_url(delegation)))

    day_one = text.split("Day 1")[1].split("Day 2")[0]
    assert day_one.index("09:30") < day_one.index("Welcome breakfast") < day_one.index("14:00–15:30")
    assert day_one.index("14:00–15:30") < day_one.index("Talks on digital government")
    assert "Emirates Palace" in day_one and "Asia/Dubai" in day_one
    assert "Ohood Al Roumi" in day_one
    # A side event of a visit's event belongs to the programme too.
    assert "Signing ceremony" in text.split("Day 3")[1]


def test_the_delegation_and_its_hosts_are_listed_with_their_positions(reader_client):
    delegation = build_visit()

    text = _text(reader_client.get(_url(delegation)))

    people = text.split("The delegation")[1].split("Day by day")[0]
    assert "Yulia Shapkina, Deputy Minister of Economy (head of delegation)" in people
    assert "Ivan Petrov" in people
    assert "Ohood Al Roumi" in people.split("Host officials")[1]


def test_an_agreement_signed_during_the_visit_is_shown_with_its_signatories(reader_client):
    delegation = build_visit()

    text = _text(reader_client.get(_url(delegation)))

    signed = text.split("Agreements signed during the visit")[1].split("Contacts of the protocol office")[0]
    assert "Memorandum on civil service training" in signed
    assert "Yulia Shapkina, Deputy Minister of Economy (for Belarus)" in signed
    assert "Ohood Al Roumi" in signed
    assert "Older protocol on tourism" not in text


def test_the_office_contacts_are_shown_and_escaped(reader_client, settings):
    settings.OFFICE_CONTACTS = [
        {"name": "Duty officer <script>alert(1)</script>", "phone": "+971 2 555 0100", "email": "duty@example.org"}
    ]
    delegation = build_visit()

    html = reader_client.get(_url(delegation)).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "Duty officer &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="tel:+97125550100"' in html and 'href="mailto:duty@example.org"' in html


def test_the_contacts_are_read_from_the_environment_format():
    from django.conf import settings

    assert settings.OFFICE_CONTACTS and set(settings.OFFICE_CONTACTS[0]) == {"name", "phone", "email"}


def test_an_unknown_visit_is_a_404(reader_client):
    assert reader_client.get(reverse("reports:visit_programme", kwargs={"slug": "no-such-visit"})).status_code == 404


def test_the_queries_do_not_grow_with_the_events(reader_client):
    small = build_visit()
    with CaptureQueriesContext(connection) as few:
        assert reader_client.get(_url(small)).status_code == 200
    small.slug = "smaller-visit"
    small.save()
    large = build_visit(extra_events=12)
    with CaptureQueriesContext(connection) as many:
        response = reader_client.get(_url(large))
    assert "Extra meeting 11" in response.content.decode()
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Programme of the visit", "Visit of the Belarus delegation", "Contacts of the protocol office"]),
        ("ru", [RUSSIAN_TITLE, "Шапкина Юлия", "Беларусь"]),
        ("ar", [ARABIC_TITLE, "عهود الرومي"]),
    ],
)
def test_the_programme_prints_to_pdf_in_each_language(reader_client, language, words):
    delegation = build_visit()

    response = reader_client.get(_url(delegation, export="pdf"), HTTP_ACCEPT_LANGUAGE=language)

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="programme-belarus-visit.pdf"' in response["Content-Disposition"]
    text = " ".join(_pdf_text(response.content).split())
    for word in words:
        # pdftotext may give right-to-left text in visual order, word by word
        assert word in text or " ".join(reversed(word.split())) in text or word[::-1] in text, (word, text[:600])
    if language == "ar":
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "visit-programme-ar.pdf").write_bytes(response.content)


def test_the_page_is_right_to_left_in_arabic_with_names_isolated(reader_client):
    delegation = build_visit()

    html = reader_client.get(_url(delegation), HTTP_ACCEPT_LANGUAGE="ar").content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert f'<bdi dir="rtl">{ARABIC_TITLE}</bdi>' in html
    assert '<bdi dir="ltr">14:00–15:30</bdi>' in html


def test_the_delegation_admin_links_to_the_programme(admin_client):
    delegation = build_visit()

    html = admin_client.get(reverse("admin:cooperation_delegation_change", args=[delegation.pk])).content.decode()

    assert f'href="{_url(delegation)}"' in html
    assert "Programme of the visit" in html


def _with_chromium(test):
    for mark in needs_chromium:
        test = mark(test)
    return test


@_with_chromium
@pytest.mark.django_db(transaction=True)
def test_screenshots_of_the_programme_in_english_and_arabic(browser_page, live_server):
    delegation = build_visit()
    url = f"{live_server.url}{_url(delegation)}"
    visit(browser_page, url, "visit-programme-en.png")
    visit(browser_page, url, "visit-programme-ar.png", language="ar")
    assert browser_page.locator("html").get_attribute("dir") == "rtl"
    assert browser_page.locator(".programme-day").count() == 3
    assert browser_page.problems == []
    pdf = browser_page.request.get(f"{url}?export=pdf")
    assert pdf.body().startswith(b"%PDF")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-",
            str(ARTIFACTS / "visit-programme-pdf-ar"),
        ],
        input=pdf.body(),
        check=True,
    )


@pytest.mark.parametrize(("language", "separator"), [("en", ", "), ("ru", ", "), ("ar", "، ")])
def test_lists_are_joined_with_the_comma_of_the_reader_language(reader_client, language, separator):
    delegation = build_visit()

    html = reader_client.get(_url(delegation), HTTP_ACCEPT_LANGUAGE=language).content.decode()

    # "To: United Arab Emirates, Dubai": the host country and the city of the visit.
    assert f"</bdi>{separator}<bdi" in html
    assert (f"</bdi>{', '}<bdi" in html) == (separator == ", ")


def test_the_files_of_the_visit_its_events_and_its_agreements_are_listed_for_download(
    reader_client, settings, tmp_path
):
    from cooperation.models import Agreement, Event

    settings.MEDIA_ROOT = tmp_path / "media"
    delegation = build_visit()
    talks = Event.objects.get(title="Talks on digital government")
    memorandum = Agreement.objects.get(title="Memorandum on civil service training")
    older = Agreement.objects.get(title="Older protocol on tourism")
    mine = [
        f.AttachmentFactory(delegation=delegation, title="Programme as sent to the guests"),
        f.AttachmentFactory(delegation=None, event=talks, title="Photo of the talks"),
        f.AttachmentFactory(delegation=None, agreement=memorandum, title="Signed memorandum"),
    ]
    elsewhere = f.AttachmentFactory(delegation=None, agreement=older, title="Signed protocol of another year")

    html = reader_client.get(_url(delegation)).content.decode()

    for attachment in mine:
        assert f'href="{attachment.get_absolute_url()}"' in html
    assert elsewhere.title not in html
    assert reader_client.get(mine[2].get_absolute_url()).status_code == 200
