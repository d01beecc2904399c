"""The extraction corpus: well-formed, split as documented, and the extractor holds its floors on the dev split.

The floors are a little under what `make eval` measures today, so a change that makes extraction worse on
articles it was tuned on fails here; the held-out test split is measured by `make eval`, never asserted on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cooperation.importing.evaluation import score_corpus, summarise

CORPUS = Path(__file__).resolve().parent / "corpus"
KINDS = {"people", "delegations", "events", "agreements", "programmes"}


def _gold(split: str) -> list[tuple[Path, dict]]:
    return [(p, json.loads(p.read_text(encoding="utf-8"))) for p in sorted((CORPUS / split).glob("*.json"))]


def test_every_article_has_its_gold_with_every_kind_and_a_source():
    for split in ("dev", "test"):
        for path, gold in _gold(split):
            assert path.with_suffix(".txt").is_file(), path
            assert gold["language"] == path.name[:2], path
            assert set(gold) >= KINDS, path
            assert gold["source_url"].startswith("http"), path


def test_one_third_is_held_out_and_each_language_has_fifteen_articles_from_ten_publishers():
    dev, test = _gold("dev"), _gold("test")
    held_out, total = len(test), len(dev) + len(test)
    assert 3 * held_out >= total - 2, (held_out, total)  # a third, give or take a file
    everything = dev + test
    for language in ("en", "ru", "ar"):
        assert sum(1 for _p, g in everything if g["language"] == language) >= 15, language
        assert any(g["language"] == language for _p, g in test), language
    assert len({g["publisher"] for _p, g in everything}) >= 10
    # No page is in the corpus twice, in one split or across both (a rewrite of a dev article's page in the test
    # split would score what was tuned on).
    urls = [g["source_url"] for _p, g in everything]
    assert len(urls) == len(set(urls)), sorted({u for u in urls if urls.count(u) > 1})


def test_gold_names_are_written_in_the_articles():
    """English and Arabic gold names are the article's own spelling; Russian ones are put in the nominative."""
    for split in ("dev", "test"):
        for path, gold in _gold(split):
            if gold["language"] == "ru":
                continue
            text = path.with_suffix(".txt").read_text(encoding="utf-8")
            assert [p["name"] for p in gold["people"] if p["name"] not in text] == [], path


@pytest.mark.django_db
def test_the_dev_split_stays_above_its_floors():
    # One test, so that the dev split is scored once (~55 s of CPU on a 2-core machine): as two tests, xdist's
    # load groups still sent them to both workers, and each scored it.
    summary = summarise(score_corpus(CORPUS / "dev"))
    people = {
        language: (round(summary[language]["people"].precision, 2), round(summary[language]["people"].recall, 2))
        for language in ("en", "ru", "ar")
    }
    assert all(precision >= 0.95 and recall >= 0.95 for precision, recall in people.values()), people
    row = summary["all"]
    # Just under what the rules reach on dev today: a guard against regressions, not a claim about unseen text
    # (the test split's figures are in docs/importing.md).
    # The seventh to twentieth batches (239 articles that had never been read) joined dev with their misses.
    floors = {
        "delegations": (0.93, 0.88),
        "heads": (0.86, 0.84),
        "agreements": (0.85, 0.78),
        "events": (0.76, 0.68),
        "programmes": (0.88, 0.82),
    }
    below = {
        kind: (round(row[kind].precision, 2), round(row[kind].recall, 2))
        for kind, (precision, recall) in floors.items()
        if row[kind].precision < precision or row[kind].recall < recall
    }
    assert below == {}
