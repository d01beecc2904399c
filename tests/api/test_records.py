"""Each record carries what a consumer needs without a second request; bodies compared whole."""

from __future__ import annotations

import pytest

from tests import factories as f

from .conftest import iso, problem

BASE = "http://testserver/api/v1"


def country(code, name):
    return {"code": code, "name": name}


def names(*forms):
    return [
        {"name": name, "language": language, "script": script, "kind": kind, "grammatical_case": case}
        for name, language, script, kind, case in forms
    ]


SHAPKINA_NAMES = names(
    ("Шапкина Юлия", "ru", "Cyrl", "native", None),
    ("Шапкиной Ю.А.", "ru", "Cyrl", "as_written", "gen"),
)


BELARUS, UAE = country("BY", "Belarus"), country("AE", "United Arab Emirates")


def organisation(slug: str, name: str, kind: str, country_of: dict, preferred: tuple[str, str, str]) -> dict:
    """An organisation as a record that points at it shows it: no abbreviation, one preferred name form."""
    return {
        "slug": slug,
        "url": f"{BASE}/organisations/{slug}/",
        "name": name,
        "abbreviation": "",
        "kind": kind,
        "country": country_of,
        "names": names((*preferred, "preferred", None)),
    }


ACADEMY = organisation(
    "belarus-academy", "Academy of Public Administration", "academy", BELARUS, ("Академия управления", "ru", "Cyrl")
)
OFFICE = organisation(
    "gee-office", "Government Experience Exchange Office", "ministry", UAE, ("مكتب تبادل الخبرات", "ar", "Arab")
)


def unsourced(record) -> dict:
    """How a record of this world ends: no identifiers elsewhere, no sources, and its own timestamps."""
    return {
        "identifiers": {},
        "sources": [],
        "created_at": iso(record.created_at),
        "updated_at": iso(record.updated_at),
    }


SHAPKINA = {
    "slug": "yulia-shapkina",
    "url": f"{BASE}/officials/yulia-shapkina/",
    "name": "Yulia Shapkina",
    "honorific_prefix": "",
    "country": BELARUS,
    "names": SHAPKINA_NAMES,
}
RECTOR = {
    "title": {"en": "Rector", "ru": "Ректор", "ar": None},
    "organisation": {
        "slug": "belarus-academy",
        "url": f"{BASE}/organisations/belarus-academy/",
        "name": ACADEMY["name"],
    },
    "start": {"date": "2024-03", "precision": "month"},
    "end": None,
}
TOPIC = {
    "slug": "digital-government",
    "url": f"{BASE}/topics/digital-government/",
    "name": {"en": "Digital government", "ru": "Цифровое правительство", "ar": None},
}


def test_a_delegation_carries_its_head_members_organisations_and_topics(api, world):
    delegation = world["delegation"]
    delegation.refresh_from_db()
    response = api.get("/api/v1/delegations/belarus-to-uae-2025/")
    assert response.status_code == 200
    assert response.json() == {
        "id": str(delegation.uid),
        "slug": "belarus-to-uae-2025",
        "url": f"{BASE}/delegations/belarus-to-uae-2025/",
        "title": {"en": "Belarusian delegation to the UAE", "ru": "Белорусская делегация в ОАЭ", "ar": None},
        "status": "completed",
        "approved_at": None,
        "origin_country": BELARUS,
        "host_country": UAE,
        "city": "Dubai",
        "start": {"date": "2025-10-14", "precision": "day"},
        "end": {"date": "2025-10-17", "precision": "day"},
        "dates_note": "",
        "purpose": "",
        "summary": "",
        "outcomes": "",
        "sending_organisation": ACADEMY,
        "host_organisation": OFFICE,
        "head": SHAPKINA,
        "members": [{"role": "head", "official": SHAPKINA, "position": RECTOR}],
        "topics": [TOPIC],
        **unsourced(delegation),
    }


def test_an_agreement_carries_parties_dated_actions_and_signatories(api, world):
    mou = world["mou"]
    mou.refresh_from_db()
    response = api.get("/api/v1/agreements/by-ae-mou-2025/")
    meeting_ref = {
        "slug": "meeting-gee-office-2025",
        "url": f"{BASE}/events/meeting-gee-office-2025/",
        "title": {"en": "Meeting at the exchange office", "ru": None, "ar": "اجتماع في مكتب تبادل الخبرات"},
    }
    assert response.json() == {
        "id": str(mou.uid),
        "slug": "by-ae-mou-2025",
        "url": f"{BASE}/agreements/by-ae-mou-2025/",
        "kind": "mou",
        "level": "",
        "title": {"en": "MoU on government modernisation", "ru": None, "ar": None},
        "summary": "",
        "status": "in_force",
        "status_date": "2025-12-01",
        "signed_at": meeting_ref,
        "expires_on": None,
        "dates_note": "",
        "parties": [
            {
                "country": BELARUS,
                "organisation": None,
                "actions": [
                    {"kind": "signature", "date": {"date": "2025-10-16", "precision": "day"}, "note": ""},
                    {"kind": "entry_into_force", "date": {"date": "2025-12", "precision": "month"}, "note": ""},
                ],
            },
            {
                "country": UAE,
                "organisation": None,
                "actions": [{"kind": "signature", "date": {"date": "2025-10-16", "precision": "day"}, "note": ""}],
            },
        ],
        "signatories": [{"official": SHAPKINA, "position": RECTOR, "on_behalf_of": "BY"}],
        "relations": [],
        "topics": [TOPIC],
        **unsourced(mou),
    }


def test_an_official_carries_every_name_form_and_post(api, world):
    shapkina = world["shapkina"]
    shapkina.refresh_from_db()
    body = api.get("/api/v1/officials/yulia-shapkina/").json()
    assert body == {
        "id": str(shapkina.uid),
        "slug": "yulia-shapkina",
        "url": f"{BASE}/officials/yulia-shapkina/",
        "name": "Yulia Shapkina",
        "sort_name": "Shapkina",
        "honorific_prefix": "",
        "country": BELARUS,
        "summary": "",
        "names": SHAPKINA_NAMES,
        "positions": [
            RECTOR,
            {
                "title": {"en": "Vice-rector", "ru": None, "ar": None},
                "organisation": RECTOR["organisation"],
                "start": {"date": "2020", "precision": "year"},
                "end": {"date": "2024-02", "precision": "month"},
            },
        ],
        **unsourced(shapkina),
    }


def test_an_event_names_its_participants_in_their_roles(api, world):
    body = api.get("/api/v1/events/meeting-gee-office-2025/").json()
    assert [(p["role"], p["official"]["slug"]) for p in body["participants"]] == [
        ("host", "ohood-alroumi"),
        ("head_of_delegation", "yulia-shapkina"),
    ]
    assert body["participants"][0]["official"]["names"] == names(("عهود الرومي", "ar", "Arab", "native", None))
    assert body["organisers"] == [{"role": "organiser", "organisation": OFFICE}]
    assert body["delegation"] == {
        "slug": "belarus-to-uae-2025",
        "url": f"{BASE}/delegations/belarus-to-uae-2025/",
        "title": {"en": "Belarusian delegation to the UAE", "ru": "Белорусская делегация в ОАЭ", "ar": None},
    }
    assert body["venue_organisation"] == OFFICE


def test_a_source_lists_the_records_it_supports(api, world):
    from tests import factories as f

    source = f.SourceDocumentFactory(slug="press-release-1", title="Press release")
    f.CitationFactory(source=source, official=None, delegation=world["delegation"], locator="paragraph 2")
    body = api.get("/api/v1/sources/press-release-1/").json()
    assert body["citations"] == [
        {
            "record_type": "delegation",
            "slug": "belarus-to-uae-2025",
            "url": f"{BASE}/delegations/belarus-to-uae-2025/",
            "passage": "Named as head of the delegation.",
            "locator": "paragraph 2",
        }
    ]
    assert body["source_url"] == source.url
    assert body["published"] == {"date": "2025-10-18", "precision": "day"}


def test_an_unknown_slug_is_a_404_with_the_common_error_body(api, db):
    response = api.get("/api/v1/delegations/no-such-visit/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == problem("Not Found", 404, "Not found.", "not_found")


def test_programmes_carry_stages_participants_and_provider(api, world):
    from tests import factories as f

    programme = f.TrainingProgrammeFactory(slug="leaders-2025", provider=world["office"], agreement=world["mou"])
    f.ProgrammeStageFactory(programme=programme, number=1, title="Online module")
    f.ProgrammeParticipantFactory(programme=programme, official=world["shapkina"], position=world["rector"])
    f.ProgrammeCountryFactory(programme=programme, country="KZ")
    body = api.get("/api/v1/programmes/leaders-2025/").json()
    assert body["provider"] == OFFICE
    assert body["agreement"]["slug"] == "by-ae-mou-2025"
    assert body["beneficiary_countries"] == [country("KZ", "Kazakhstan")]
    assert [(s["number"], s["title"], s["mode"]) for s in body["stages"]] == [(1, "Online module", "online")]
    assert body["participants"] == [{"role": "participant", "official": SHAPKINA, "position": RECTOR}]
    assert body["start"] == {"date": "2025-02", "precision": "month"}


def test_list_items_are_the_same_json_as_the_detail_view(api, world):
    from tests import factories as f

    parent = f.EventFactory(slug="forum-2025", title="Forum", title_ru="Форум")
    world["meeting"].parent = parent
    world["meeting"].save()
    f.EventCountryFactory(event=world["meeting"], country="KZ")
    for endpoint in ("delegations", "events", "agreements", "officials", "programmes", "organisations", "sources"):
        for item in api.get(f"/api/v1/{endpoint}/").json()["results"]:
            assert api.get(item["url"]).json() == item, endpoint


def test_a_record_carries_its_identifiers_and_sources_but_partners_never_see_internal_notes(api, world, staff_client):
    delegation = world["delegation"]
    delegation.identifiers = {"wikidata": "Q184"}
    delegation.save()
    press = f.SourceDocumentFactory(slug="wam-release", title="WAM release", url="https://wam.ae/x")
    note = f.SourceDocumentFactory(slug="desk-note", kind="internal_note", title="Desk note")
    f.CitationFactory(source=press, official=None, delegation=delegation, passage="The delegation arrived.")
    f.CitationFactory(source=note, official=None, delegation=delegation, passage="Seating preferences.")
    for url in ("/api/v1/delegations/belarus-to-uae-2025/", "/api/v1/delegations/"):
        body = api.get(url).json()
        record = body["results"][0] if "results" in body else body
        assert record["identifiers"] == {"wikidata": "Q184"}
        assert record["sources"] == [
            {
                "source": "wam-release",
                "source_url": f"{BASE}/sources/wam-release/",
                "title": "WAM release",
                "published_url": "https://wam.ae/x",
                "passage": "The delegation arrived.",
                "locator": "",
            }
        ]
    staff_view = staff_client.get("/api/v1/delegations/belarus-to-uae-2025/").json()
    assert [s["source"] for s in staff_view["sources"]] == ["wam-release", "desk-note"]


def test_identifiers_are_checked_against_their_register(db):
    from django.core.exceptions import ValidationError

    delegation = f.DelegationFactory(identifiers={"wikidata": "184"})
    with pytest.raises(ValidationError, match="not a wikidata identifier"):
        delegation.full_clean()
    delegation.identifiers = {"myspace": "x"}
    with pytest.raises(ValidationError, match="Unknown register"):
        delegation.full_clean()
