"""fixtures/govex.yaml: loads idempotently, is what the generator writes, and holds the cross-document facts."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.core.management import call_command

from cooperation.models import (
    Agreement,
    AgreementStatus,
    Citation,
    Delegation,
    Event,
    MemberRole,
    Official,
    OfficialName,
    Organisation,
    OrganisationKind,
    OrganisationName,
    TrainingProgramme,
)
from cooperation.models.sources import CITABLE
from cooperation.names import normalize, script_of, search_key
from cooperation.selectors import search
from tests.conftest import FIXTURE

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "fixtures" / "README.md"

pytestmark = pytest.mark.django_db


def _generator():
    spec = importlib.util.spec_from_file_location("build_fixtures", ROOT / "fixtures" / "build_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", "cooperation", natural_foreign=True, natural_primary=True, indent=1, stdout=out)
    return out.getvalue()


def _history_rows() -> int:
    return sum(
        model._default_manager.count()
        for model in apps.get_app_config("cooperation").get_models()
        if model.__name__.startswith("Historical")
    )


def test_loading_the_fixtures_writes_no_history(db):
    call_command("loaddata", str(FIXTURE), verbosity=0)
    assert Official.objects.exists()
    assert _history_rows() == 0


def test_the_committed_yaml_is_exactly_what_the_generator_writes():
    assert FIXTURE.read_text(encoding="utf-8") == _generator().render()


def test_entries_use_natural_keys_and_fixed_timestamps():
    entries = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    assert all("pk" not in entry for entry in entries)
    stamps = {(entry["fields"]["created_at"], entry["fields"]["updated_at"]) for entry in entries}
    assert stamps == {(dt.datetime(2026, 11, 22, tzinfo=dt.UTC),) * 2}


class TestTheLoadedFixtures:
    """The fixtures loaded once for the class; each test's changes roll back."""

    def test_loading_the_fixtures_a_second_time_changes_nothing(self, seeded):
        before = _dump()
        call_command("loaddata", str(FIXTURE), verbosity=0)
        assert _dump() == before

    def test_a_later_edit_is_still_recorded_in_history(self, seeded):
        delegation = Delegation.objects.get(slug="belarus-to-uae-2025")
        delegation.summary += " Edited."
        delegation.save()
        assert delegation.history.count() == 1

    def test_every_name_row_carries_the_keys_names_py_computes(self, seeded):
        rows = [*OfficialName.objects.all(), *OrganisationName.objects.all()]
        assert rows
        for row in rows:
            assert (row.normalized, row.search_key, row.script) == (
                normalize(row.name),
                search_key(row.name),
                script_of(row.name),
            ), row.name

    def test_shapkina_is_one_official_with_english_and_russian_forms_from_both_documents(self, seeded):
        (shapkina,) = search(Official.objects.all(), "Шапкина")
        assert shapkina == Official.objects.get(names__name="Yulia Shapkina")
        as_written = shapkina.names.get(name="Шапкиной Ю.А.")
        assert (as_written.language, as_written.script, as_written.kind) == ("ru", "Cyrl", "as_written")
        assert {n.language for n in shapkina.names.all()} >= {"en", "ru"}
        assert set(shapkina.citations.values_list("source__language", flat=True)) == {"en", "ru"}
        assert shapkina.citations.count() == 2

    def test_lootah_is_one_record_whose_title_depends_on_the_date(self, seeded):
        (lootah,) = Official.objects.filter(names__name__in=["عبدالله ناصر لوتاه", "Abdullah Nasser Lootah"]).distinct()
        assert {"ar", "en"} <= set(lootah.names.values_list("language", flat=True))
        assert lootah.positions.count() == 2
        assert set(lootah.citations.values_list("source__language", flat=True)) == {"en", "ar"}
        wgs_2023, kel_2024 = dt.date(2023, 2, 14), dt.date(2024, 5, 15)
        assert lootah.position_on(wgs_2023).title_ar == "رئيس مجلس التنافسية"
        assert "Competitiveness and Experience Exchange" in lootah.position_on(kel_2024).title

    def test_the_october_2025_delegation_has_its_head_seven_members_and_exact_dates(self, seeded):
        delegation = Delegation.objects.get(start_date__year=2025, start_date__month=10, origin_country="BY")
        assert delegation.head.name == "Yulia Shapkina"
        assert delegation.members.count() == 7
        assert delegation.members.filter(role=MemberRole.HEAD).get().position.title.startswith("Deputy Minister")
        assert (delegation.start_date, delegation.end_date) == (dt.date(2025, 10, 14), dt.date(2025, 10, 17))
        assert (delegation.start_precision, delegation.end_precision) == ("day", "day")
        assert delegation.citations.count() == 2
        assert {e.kind for e in delegation.events.all()} == {"meeting", "field_visit", "exhibition_visit"}

    def test_the_strategic_agreement_is_under_negotiation_between_two_countries_since_an_unknown_date(self, seeded):
        agreement = Agreement.objects.get(title_ru__startswith="Соглашение о стратегическом сотрудничестве")
        assert agreement.status == AgreementStatus.UNDER_NEGOTIATION
        # Source 001 names no signing body («на межведомственном уровне») and dates only a step-up of the talks.
        assert {(str(p.country), p.organisation_id) for p in agreement.parties.all()} == {("BY", None), ("AE", None)}
        assert agreement.status_date is None
        assert "28 January 2026" in agreement.dates_note

    def test_the_eaeu_is_a_bloc_party_to_the_economic_partnership_agreement(self, seeded):
        eaeu = Organisation.objects.get(names__name="ЕАЭС")
        assert eaeu.kind == OrganisationKind.BLOC
        epa = Agreement.objects.get(parties__organisation=eaeu)
        assert epa.status == AgreementStatus.SIGNED
        assert {str(p.country) for p in epa.parties.all()} == {"", "AE"}

    def test_the_earlier_agreements_keep_their_signature_dates_empty_with_a_note(self, seeded):
        for agreement in Agreement.objects.filter(
            title_ru__in=[
                "Соглашение о свободной торговле услугами и осуществлении инвестиций",
                "Соглашение об экономическом партнерстве между ЕАЭС и ОАЭ",
            ]
        ):
            assert agreement.dates_note
            actions = [a for p in agreement.parties.all() for a in p.actions.all()]
            assert len(actions) == 2
            assert all(a.date is None and a.note for a in actions)

    def test_the_korean_mou_was_signed_at_wgs_2023_by_two_signatories_in_their_positions(self, seeded):
        mou = Agreement.objects.get(kind="mou")
        assert mou.signed_at.parent.slug == "wgs-2023"
        signatories = {s.official.slug: (str(s.party.country), s.position.official_id) for s in mou.signatories.all()}
        assert {slug: country for slug, (country, _) in signatories.items()} == {
            "ohood-al-roumi": "AE",
            "koh-jin": "KR",
        }
        assert all(s.position.official_id == s.official_id for s in mou.signatories.all())

    def test_kel_2024_has_33_participants_and_two_stages(self, seeded):
        kel = TrainingProgramme.objects.get(cohort="2024")
        assert kel.participant_count == 33
        assert list(kel.stages.values_list("mode", flat=True)) == ["online", "offline"]
        offline = kel.stages.get(mode="offline")
        assert (offline.start_date, offline.end_date) == (dt.date(2024, 5, 15), dt.date(2024, 5, 17))
        assert offline.event.delegation.origin_country == "AE"
        assert kel.agreement.status == AgreementStatus.SIGNED
        assert kel.participants.get().official.name == "Aliya Ospanova"

    def test_the_roundtable_is_a_side_event_of_wgs_2026_with_four_organisers(self, seeded):
        roundtable = Event.objects.get(title__startswith="AI for Future Governments")
        assert roundtable.parent.title == "World Governments Summit 2026"
        assert roundtable.organisers.filter(role="organiser").count() == 4
        assert roundtable.participants.filter(role="keynote").count() == 3
        (session,) = roundtable.children.all()
        assert session.participating_countries.count() == 9

    def test_every_citable_record_cites_a_source(self, seeded):
        for kind, model in CITABLE.items():
            uncited = model.objects.exclude(pk__in=Citation.objects.filter(**{f"{kind}__isnull": False}).values(kind))
            assert list(uncited.values_list("slug", flat=True)) == [], kind

    def test_the_counts_in_the_readme_are_the_loaded_counts(self, seeded):
        stated = {
            label: int(number)
            for label, number in re.findall(r"^\| `(cooperation\.\w+)` \| (\d+) \|$", README.read_text(), re.MULTILINE)
        }
        loaded = {
            model._meta.label_lower: model._default_manager.count()
            for model in apps.get_app_config("cooperation").get_models()
            if not model.__name__.startswith("Historical") and model._default_manager.exists()
        }
        assert stated == loaded
        assert stated == dict(Counter(_generator().counts()))


def _words(text: str) -> list[str]:
    return normalize(text).split()


def test_citation_passages_are_short():
    entries = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    long = [e["fields"]["passage"] for e in entries if len(_words(e["fields"].get("passage") or "")) > 15]
    assert long == []


def test_no_text_we_wrote_repeats_eight_words_of_a_source_outside_quotation_marks(seeds):
    def windows(text: str) -> set[tuple[str, ...]]:
        w = _words(text)
        return {tuple(w[i : i + 8]) for i in range(len(w) - 7)}

    # A short quoted fragment is allowed (and marked as a quote); anything else must be our own words. Citation
    # passages are the exception by design: they are the source's own words, short and verbatim (checked by
    # test_every_citation_passage_occurs_verbatim_in_its_source).
    quoted = re.compile(r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"|«[^»]*»")
    copied = set().union(*(windows(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt")))
    prose = ("summary", "purpose", "outcomes", "dates_note", "note")
    found = [
        (entry["model"], field, entry["fields"][field])
        for entry in yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
        for field in prose
        if windows(quoted.sub(" ", entry["fields"].get(field) or "")) & copied
    ]
    assert found == []


# Which seed file each source record was read from (the seeds are named by their order, 000 to 004).
SEED_OF_SOURCE = {
    "wam-belarus-delegation-uae": "000",
    "mpt-minister-meets-uae-ambassador": "001",
    "kel-2024-training-begins": "002",
    "wgs-2026-ai-roundtable": "003",
    "wgs-2023-uae-korea-mou": "004",
}


def test_every_citation_passage_occurs_verbatim_in_its_source(seeds):
    def spaced(text: str) -> str:
        # Only whitespace is normalised: a passage is the source's own words, never a translation or paraphrase.
        return " ".join(text.split())

    texts = {
        slug: spaced(next(seeds.glob(f"{number}_*.txt")).read_text(encoding="utf-8"))
        for slug, number in SEED_OF_SOURCE.items()
    }
    citations = [
        e["fields"] for e in yaml.safe_load(FIXTURE.read_text(encoding="utf-8")) if e["model"] == "cooperation.citation"
    ]
    assert citations
    missing = [(c["source"][0], c["passage"]) for c in citations if spaced(c["passage"]) not in texts[c["source"][0]]]
    assert missing == []
