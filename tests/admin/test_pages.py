"""Every admin page protocol staff use renders: changelists, add forms, change forms with their inlines."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import AgreementFactory, EventFactory

pytestmark = pytest.mark.django_db

# Record kinds staff edit; the change feed (cooperation.Change) is a read-only log with its own admin test.
COOPERATION_ADMINS = sorted(
    (
        model
        for model in admin.site._registry
        if model._meta.app_label == "cooperation" and model._meta.model_name != "change"
    ),
    key=lambda model: model._meta.model_name,
)


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", COOPERATION_ADMINS, ids=lambda m: m._meta.model_name)
def test_staff_see_the_changelist_of_every_record_kind(staff_client, visit, model):
    response = staff_client.get(_url(model, "changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count == model._default_manager.count() > 0


@pytest.mark.parametrize("model", COOPERATION_ADMINS, ids=lambda m: m._meta.model_name)
def test_staff_get_an_add_form_for_every_record_kind(staff_client, model):
    response = staff_client.get(_url(model, "add"))
    assert response.status_code == 200
    assert response.context["adminform"].form.instance.pk is None


@pytest.mark.parametrize("model", COOPERATION_ADMINS, ids=lambda m: m._meta.model_name)
def test_staff_open_the_change_form_and_history_of_every_record_kind(staff_client, visit, model):
    record = model._default_manager.first()
    assert staff_client.get(_url(model, "change", record.pk)).status_code == 200
    assert staff_client.get(_url(model, "history", record.pk)).status_code == 200


def test_the_index_groups_the_records_the_way_staff_work(staff_client):
    response = staff_client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "govex — protocol office records" in response.content.decode()
    sections = [(app["name"], [m["object_name"] for m in app["models"]]) for app in response.context["app_list"]]
    assert sections[0] == (
        "Visits, events and agreements",
        ["Delegation", "Event", "Agreement", "TrainingProgramme", "Commitment", "Attachment"],
    )
    assert sections[1] == ("People and organisations", ["Official", "Organisation", "Position"])
    # A party is edited from its agreement, so it is not listed on its own.
    assert all("AgreementParty" not in models for _, models in sections)


def test_the_delegation_page_shows_its_members_programme_and_sources(staff_client, visit):
    response = staff_client.get(_url(type(visit.delegation), "change", visit.delegation.pk))
    page = response.content.decode()
    inlines = {inline.formset.prefix: inline for inline in response.context["inline_admin_formsets"]}
    members = inlines["members"].formset.queryset
    assert [(m.official, m.role) for m in members] == [(visit.shapkina, "head"), (visit.colleague, "member")]
    assert visit.meeting.title in page
    assert visit.source.title in page


def test_the_delegation_changelist_shows_dates_with_their_precision_and_the_head(staff_client, visit):
    response = staff_client.get(_url(type(visit.delegation), "changelist"))
    page = response.content.decode()
    assert visit.delegation.dates_display in page
    assert "Belarus" in page
    assert "United Arab Emirates" in page
    assert "Yulia Shapkina" in page


def test_year_and_country_filters_list_only_values_present(staff_client, visit):
    response = staff_client.get(_url(type(visit.delegation), "changelist"))
    filters = {
        spec.title: [choice["display"] for choice in spec.choices(response.context["cl"])]
        for spec in response.context["cl"].filter_specs
    }
    assert filters["year"][1:] == ["2025"]
    assert filters["from"][1:] == ["Belarus"]
    empty = staff_client.get(_url(type(visit.delegation), "changelist"), {"year": "2024"})
    assert empty.context["cl"].result_count == 0
    found = staff_client.get(_url(type(visit.delegation), "changelist"), {"year": "2025", "origin_country": "BY"})
    assert list(found.context["cl"].result_list) == [visit.delegation]


def test_agreements_filter_by_party_country_and_signature_year(staff_client, visit):
    url = _url(type(visit.agreement), "changelist")
    found = staff_client.get(url, {"party": "AE", "signed_year": "2025"})
    assert list(found.context["cl"].result_list) == [visit.agreement]
    assert staff_client.get(url, {"signed_year": "2024"}).context["cl"].result_count == 0


@pytest.mark.parametrize("language", ["ru", "ar"])
@pytest.mark.parametrize("model", COOPERATION_ADMINS, ids=lambda m: m._meta.model_name)
def test_changelists_render_with_filter_counts_in_russian_and_arabic(staff_client, visit, model, language):
    response = staff_client.get(_url(model, "changelist"), {"_facets": "True"}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response.context["LANGUAGE_CODE"] == language


def test_an_officials_page_lists_her_visits_events_and_signatures_with_links(staff_client, visit):
    response = staff_client.get(_url(type(visit.shapkina), "change", visit.shapkina.pk))
    page = response.content.decode()
    for record in (visit.delegation, visit.meeting, visit.agreement):
        assert f'href="{_url(type(record), "change", record.pk)}"' in page
    assert visit.delegation.dates_display in page


def test_an_events_page_lists_its_side_events_and_the_agreements_signed_there(staff_client, visit):
    side = EventFactory(title="Side session on digital services", parent=visit.meeting, kind="side_event")
    page = staff_client.get(_url(type(visit.meeting), "change", visit.meeting.pk)).content.decode()
    assert f'href="{_url(type(side), "change", side.pk)}"' in page
    assert f'href="{_url(type(visit.agreement), "change", visit.agreement.pk)}"' in page


def test_country_selects_keep_the_chosen_country_and_do_not_make_blank_inline_rows_required(staff_client, visit):
    page = staff_client.get(_url(type(visit.meeting), "change", visit.meeting.pk)).content.decode()

    def select_tag(name: str) -> str:
        return re.search(rf'<select[^>]*name="{re.escape(name)}"[^>]*>', page).group(0)

    assert '<option value="BY" selected>Belarus</option>' in page
    assert "required" not in select_tag("participating_countries-__prefix__-country")
    assert "required" not in select_tag("country")  # an event's country is optional


def test_empty_read_only_lists_are_left_off_the_form(staff_client, visit):
    lonely = AgreementFactory(title="An agreement nothing refers to")
    prefixes = [
        inline.formset.prefix
        for inline in staff_client.get(_url(type(lonely), "change", lonely.pk)).context["inline_admin_formsets"]
    ]
    assert "relations_in" not in prefixes and "agreements_signed" not in prefixes
    assert "parties" in prefixes and "relations_out" in prefixes
    busy = staff_client.get(_url(type(visit.agreement), "change", visit.agreement.pk)).context["inline_admin_formsets"]
    assert "relations_in" in [inline.formset.prefix for inline in busy]


def test_the_change_feed_is_a_read_only_log_in_the_admin(staff_client, visit):
    EventFactory(slug="struck-off").delete()
    response = staff_client.get(reverse("admin:cooperation_change_changelist"))
    assert response.status_code == 200
    assert "struck-off" in response.content.decode()
    assert staff_client.get(reverse("admin:cooperation_change_add")).status_code == 403


def test_staff_record_identifiers_elsewhere_on_the_form(staff_client, visit):
    response = staff_client.get(_url(visit.delegation.__class__, "change", visit.delegation.pk))
    assert 'name="identifiers"' in response.content.decode()


def test_the_change_feed_sits_with_the_reference_data_on_the_index(staff_client):
    sections = {
        app["name"]: [m["object_name"] for m in app["models"]]
        for app in staff_client.get("/admin/").context["app_list"]
    }
    assert "Change" in sections["Sources and reference data"]
    assert "Cooperation records" not in sections, "no section left holding the change feed alone"
