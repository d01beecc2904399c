"""Every report renders in English, Russian and Arabic over the fixtures, with records in the reader's language."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from django_countries.fields import Country

from cooperation.models import Delegation

PAGES = [
    reverse("reports:dashboard"),
    reverse("reports:countries"),
    reverse("reports:country", kwargs={"code": "by"}),
    reverse("reports:country", kwargs={"code": "kz"}),
    reverse("reports:country", kwargs={"code": "kr"}),
    reverse("reports:annual") + "?year=2025",
    reverse("reports:agreements"),
    reverse("reports:officials"),
    reverse("reports:calendar") + "?date_from=2022-01-01&date_to=2026-12-31",
]
# A phrase of the navigation, translated, proves the catalogue was compiled and loaded.
NAVIGATION = {"en": "Annual report", "ru": "Годовой отчёт", "ar": "التقرير السنوي"}


class TestOverTheFixtures:
    """The fixtures loaded once for the class; each test's changes roll back."""

    @pytest.mark.parametrize("language", ["en", "ru", "ar"])
    def test_every_report_renders_in_each_language(self, manager_client, seeded, language):
        direction = "rtl" if language == "ar" else "ltr"
        for url in PAGES:
            response = manager_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert f'<html lang="{language}" dir="{direction}">' in html, url
            assert NAVIGATION[language] in html, url
            # The language switch is on every page, each language named in its own script.
            for code in ("en", "ru", "ar"):
                assert f">{translation.get_language_info(code)['name_local']}</button>" in html, url

    @pytest.mark.parametrize("language", ["en", "ru", "ar"])
    def test_the_country_profile_shows_the_delegation_title_in_the_readers_language(
        self, manager_client, seeded, language
    ):
        delegation = Delegation.objects.get(slug="belarus-to-uae-2025")
        html = manager_client.get(
            reverse("reports:country", kwargs={"code": "by"}), HTTP_ACCEPT_LANGUAGE=language
        ).content.decode()
        assert delegation.localized("title", language) in html
        with translation.override(language):
            # Country names come from django-countries' own translations; the date keeps its precision.
            assert f"<h1>{Country('BY').name}</h1>" in html
            assert delegation.dates_display in html

    def test_a_record_without_a_translation_falls_back_to_english(self, manager_client, seeded):
        delegation = Delegation.objects.get(slug="belarus-to-uae-2025")
        Delegation.objects.filter(pk=delegation.pk).update(title_ar="")
        html = manager_client.get(
            reverse("reports:country", kwargs={"code": "by"}), HTTP_ACCEPT_LANGUAGE="ar"
        ).content.decode()
        assert delegation.title in html

    def test_tables_are_semantic_with_captions_and_header_scopes(self, manager_client, seeded):
        html = manager_client.get(reverse("reports:country", kwargs={"code": "by"})).content.decode()
        assert html.count("<caption") == html.count("<table>") > 0
        assert '<th scope="col"' in html and '<th scope="row">' in html
        assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
