"""Shapes found in the twelfth round (docs/importing.md), each written here in invented words."""

from __future__ import annotations

import pytest

from .extracted import values

pytestmark = pytest.mark.django_db


def test_the_host_who_met_the_visitor_alone_signs_for_the_host_country():
    # Nothing but the meeting tells the senate chairman's country; the agreement read after it must see it too.
    text = (
        "Astana, 12 May 2025. Moldovan Foreign Minister Ion Rusu arrived in Kazakhstan on an official visit. "
        "Chairman of the Senate Nurlan Bekov held a meeting with Ion Rusu. Following the talks, a memorandum of "
        "understanding on parliamentary cooperation was signed by Nurlan Bekov and Ion Rusu."
    )
    [agreement] = values(text, "agreements")
    assert {(s["name"], s["party"]) for s in agreement["signatories"]} == {("Nurlan Bekov", "KZ"), ("Ion Rusu", "MD")}
