"""The five seed articles: every named official with a role is found, and importing proposes matches."""

from __future__ import annotations

import pytest

from cooperation.importing.evaluation import by_language, score_corpus
from cooperation.importing.models import CandidateKind, ImportedDocument, ImportStatus
from cooperation.importing.services import document_submit
from cooperation.models import Official

from .conftest import GOLD


def test_every_named_official_with_a_role_is_found_in_the_seeds(seeds, db):
    scores = score_corpus(seeds, GOLD)
    assert len(scores) == 5
    missed = {s.name: s.missed for s in scores if s.officials_with_role_found < s.officials_with_role}
    assert missed == {}
    summary = by_language(scores)
    assert set(summary) == {"en", "ru", "ar"}
    for language, row in summary.items():
        assert row["officials_with_role_recall"] == 1.0, language
        # Precision is measured too; a drop below 0.9 is a regression worth a look.
        assert row["people_precision"] >= 0.9, (language, row)


def test_dates_in_the_seeds_come_out_as_annotated(seeds, db):
    scores = score_corpus(seeds, GOLD)
    assert sum(s.dates_true for s in scores) == sum(s.dates_gold for s in scores)


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_importing_a_seed_into_the_fixtures_database_proposes_matches_not_duplicates(
    seed, seeds, seeded, django_capture_on_commit_callbacks
):
    path = next(seeds.glob(f"{seed}_*.txt"))
    with django_capture_on_commit_callbacks(execute=True):
        doc = document_submit(data=path.read_bytes(), name=path.name).document
    doc = ImportedDocument.objects.get(pk=doc.pk)
    assert doc.status == ImportStatus.READY_FOR_REVIEW
    people = doc.candidates.filter(kind=CandidateKind.PERSON)
    assert people.exists()
    for candidate in people:
        # Every person in a seed is already in the fixtures: each one is offered its record, preselected.
        assert candidate.matches, candidate.label
        assert candidate.preselected_id == candidate.matches[0]["id"], (candidate.label, candidate.matches)
        assert Official.objects.filter(pk=candidate.preselected_id).exists()
