"""The scorer of `make eval`: one-to-one pairs, as many as the rules allow, the closer ones first."""

from __future__ import annotations

from cooperation.importing.evaluation import score_extraction


def extracted(**sections) -> dict:
    return {kind: [{"value": value} for value in values] for kind, values in sections.items()}


def test_an_undated_gold_meeting_does_not_take_the_dated_one_its_dated_twin_needs():
    gold = {"events": [{"kind": "meeting", "date": None}, {"kind": "meeting", "date": "2022-05-28"}]}
    scores = score_extraction(extracted(people=[], events=[{"kind": "meeting", "start": "2022-05-28"}]), gold)
    assert scores["events"].missed == ["meeting ?"]
    assert scores["events"].true_found == 1


def test_as_many_pairs_as_the_rule_allows_whatever_the_order():
    gold = {"events": [{"kind": "meeting", "date": None}, {"kind": "meeting", "date": "2022-05-28"}]}
    found = [{"kind": "meeting", "start": "2022-05-28"}, {"kind": "meeting", "start": None}]
    scores = score_extraction(extracted(people=[], events=found), gold)
    assert (scores["events"].true_found, scores["events"].missed, scores["events"].spurious) == (2, [], [])


def test_a_delegation_pairs_with_the_gold_one_that_has_its_head():
    gold = {
        "delegations": [
            {"origin": "NI", "host": "RU", "head": "Denis Moncada"},
            {"origin": "NI", "host": "RU", "head": None},
        ]
    }
    found = [
        {"origin_country": "NI", "host_country": "RU", "head": "Denis Moncada"},
        {"origin_country": "NI", "host_country": "RU", "head": ""},
    ]
    scores = score_extraction(extracted(people=[], delegations=found), gold)
    assert scores["delegations"].true_found == 2
    assert (scores["heads"].true_found, scores["heads"].missed, scores["heads"].spurious) == (1, [], [])
    # In the other order too: the headless reading comes first in the text.
    scores = score_extraction(extracted(people=[], delegations=found[::-1]), gold)
    assert (scores["heads"].true_found, scores["heads"].missed, scores["heads"].spurious) == (1, [], [])
