"""The five seed articles: every named official with a role is found, and importing proposes matches."""

from __future__ import annotations

import pytest

from cooperation.importing.evaluation import problems, score_corpus, summarise
from cooperation.importing.models import CandidateKind, ImportedDocument, ImportStatus
from cooperation.importing.services.intake import document_submit
from cooperation.models import Official

from .conftest import GOLD


def test_every_annotated_fact_of_the_seeds_is_found_and_nothing_else(seeds, db):
    scores = score_corpus(seeds, GOLD)
    assert len(scores) == 5
    assert problems(scores) == {}
    assert set(summarise(scores)) == {"en", "ru", "ar", "all"}


class TestIntoTheFixturesDatabase:
    """The fixtures loaded once for the class; each import rolls back."""

    @pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
    def test_importing_a_seed_into_the_fixtures_database_proposes_matches_not_duplicates(
        self, seed, seeds, seeded, django_capture_on_commit_callbacks
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
